import { listStatements, surveyInputSchema, surveySchema, type Survey, type SurveyInput } from '../../core/survey';
import type { LocalizedText } from '../../core/text';
import {
  BUILT_IN_CREATED_AT,
  builtInSurveys,
  learningClimateSurvey,
  shrmSurvey,
  themeIdSchema,
  themes,
} from '../../core/instruments';
import { loadSeeds } from '../support/seeds';

const RUN = 8;

function byId(id: string): Survey {
  const survey = builtInSurveys().find((s) => s.id === id);
  if (!survey) throw new Error(`no built-in survey "${id}"`);
  return survey;
}

/** Every text a respondent or adviser sees in a survey. */
function allTexts(survey: SurveyInput): Array<{ where: string; text: LocalizedText }> {
  const texts = [{ where: 'title', text: survey.title }];
  if (survey.description) texts.push({ where: 'description', text: survey.description });
  survey.scale.labels?.forEach((label, i) => texts.push({ where: `scale label ${i}`, text: label }));
  for (const section of survey.sections) {
    texts.push({ where: `section ${section.id}`, text: section.title });
    if (section.intro) texts.push({ where: `intro ${section.id}`, text: section.intro });
    for (const s of section.statements) texts.push({ where: `statement ${s.id}`, text: s.text });
  }
  for (const g of survey.groups) texts.push({ where: `group ${g.id}`, text: g.name });
  return texts;
}

describe('built-in surveys', () => {
  it('are the SHRM and learning-climate instruments, stored as shared built-ins', () => {
    const surveys = builtInSurveys();
    // The SHRM instrument once without a theme and once per theme (POST /api/rounds with `theme`).
    expect(surveys.map((s) => s.id)).toEqual(['shrm', 'learning-climate', ...themes.map((t) => `shrm-${t.id}`)]);
    expect(surveys.slice(2).map((s) => s.theme)).toEqual(themes.map((t) => t.id));
    for (const survey of surveys) {
      expect(survey.organisationId).toBeNull();
      expect(survey.builtIn).toBe(true);
      expect(survey.createdAt).toBe(BUILT_IN_CREATED_AT);
      expect(new Date(survey.createdAt).toISOString()).toBe(survey.createdAt);
    }
  });

  it('parse with surveySchema, and their content is valid input for POST /api/surveys', () => {
    for (const survey of builtInSurveys()) {
      expect(surveySchema.safeParse(survey).success).toBe(true);
      const { id, organisationId, builtIn, createdAt, theme, ...content } = survey;
      void [id, organisationId, builtIn, createdAt, theme];
      expect(surveyInputSchema.safeParse(content).success).toBe(true);
    }
  });

  it('hand out fresh objects, so editing one cannot change the instrument', () => {
    const first = builtInSurveys();
    first[0]!.sections[0]!.statements[0]!.text.nl = 'gewijzigd';
    first[0]!.groups[0]!.name.nl = 'gewijzigd';
    const second = builtInSurveys();
    expect(second[0]!.sections[0]!.statements[0]!.text.nl).not.toBe('gewijzigd');
    expect(second[0]!.groups[0]!.name.nl).not.toBe('gewijzigd');
  });

  it.each(['shrm', 'learning-climate'])('%s has unique section, statement and group ids', (id) => {
    const survey = byId(id);
    const sectionIds = survey.sections.map((s) => s.id);
    const statementIds = listStatements(survey).map((s) => s.id);
    const groupIds = survey.groups.map((g) => g.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(new Set(statementIds).size).toBe(statementIds.length);
    expect(new Set(groupIds).size).toBe(groupIds.length);
    for (const statementId of statementIds) expect(statementId.length).toBeLessThanOrEqual(24);
  });

  it.each(['shrm', 'learning-climate'])('%s has every text in Dutch and English', (id) => {
    for (const { where, text } of allTexts(byId(id))) {
      expect({ where, nl: text.nl.trim().length > 0, en: text.en.trim().length > 0 }).toEqual({
        where,
        nl: true,
        en: true,
      });
    }
    // A statement left untranslated would have identical texts.
    for (const s of listStatements(byId(id)))
      expect({ id: s.id, same: s.text.nl === s.text.en }).toEqual({ id: s.id, same: false });
  });

  it.each(['shrm', 'learning-climate'])('%s has one label per scale point, from "not at all" to "fully"', (id) => {
    const { scale } = byId(id);
    expect(scale).toMatchObject({ min: 1, max: 5 });
    expect(scale.labels).toHaveLength(scale.max - scale.min + 1);
    expect(scale.labels!.map((l) => l.nl)).toEqual(['Helemaal niet', 'Nauwelijks', 'Deels', 'Grotendeels', 'Volledig']);
    expect(scale.labels!.map((l) => l.en)).toEqual(['Not at all', 'Hardly', 'Partly', 'Largely', 'Fully']);
  });
});

describe('SHRM self-evaluation', () => {
  it('covers the two blocks of Tabel 3 and the three of Tabel 4, in that order', () => {
    const survey = byId('shrm');
    expect(survey.sections.map((s) => s.id)).toEqual(['internal', 'external', 'mapping', 'deepening', 'broadening']);
    expect(survey.sections.map((s) => s.title.nl)).toEqual([
      'Interne situatie',
      'Externe situatie',
      'Het thema in kaart',
      'Verdieping',
      'Verbreding',
    ]);
    for (const section of survey.sections) expect(section.statements.length).toBeGreaterThanOrEqual(4);
    const total = listStatements(survey).length;
    expect(total).toBeGreaterThanOrEqual(25);
    expect(total).toBeLessThanOrEqual(35);
  });

  it('keeps its statement ids stable, since stored answers and round comparisons use them', () => {
    expect(listStatements(byId('shrm')).map((s) => s.id)).toEqual([
      'int-goals',
      'int-support',
      'int-dialogue',
      'int-time',
      'int-means',
      'int-roles',
      'int-amo',
      'int-leadership',
      'int-students',
      'ext-laws',
      'ext-partners',
      'ext-knowledge',
      'ext-facilities',
      'ext-training',
      'map-figures',
      'map-people',
      'map-sections',
      'map-groups',
      'deep-roles',
      'deep-teams',
      'deep-knowledge',
      'deep-competences',
      'deep-guidance',
      'deep-mobility',
      'deep-results',
      'deep-attention',
      'broad-policy',
      'broad-resources',
      'broad-shrm',
      'broad-themes',
      'broad-other-policy',
    ]);
  });

  it('is meant for the five standard groups', () => {
    expect(byId('shrm').groups.map((g) => g.id)).toEqual(['directie', 'teamleiders', 'leraren', 'oop', 'po-hr']);
  });

  it('without a theme, explains that "het thema" is the one the school chose', () => {
    const survey = shrmSurvey();
    expect(survey.title.nl).toBe('Zelfevaluatie strategisch HRM');
    expect(survey.description!.nl).toContain('het HR-thema dat uw school voor deze ronde heeft gekozen');
  });

  it.each(themes.map((t) => t.id))('for theme %s names the theme and keeps the same statements', (themeId) => {
    const theme = themes.find((t) => t.id === themeId)!;
    const survey = shrmSurvey(themeId);
    expect(surveyInputSchema.safeParse(survey).success).toBe(true);
    expect(survey.title.nl).toContain(theme.name.nl);
    expect(survey.title.en).toContain(theme.name.en);
    expect(survey.description!.nl).toContain(theme.name.nl);
    expect(survey.sections.find((s) => s.id === 'mapping')!.intro!.nl).toContain(theme.mappingHint.nl);
    // Same statements (ids, order, sections); each names the theme where it first says "het thema".
    const generic = listStatements(shrmSurvey());
    const named = listStatements(survey);
    expect(named.map((s) => [s.id, s.sectionId])).toEqual(generic.map((s) => [s.id, s.sectionId]));
    named.forEach((statement, i) => {
      const plain = generic[i]!.text;
      if (/\bhet thema\b/.test(plain.nl)) expect(statement.text.nl).toContain(`het thema ‘${theme.name.nl}’`);
      else expect(statement.text.nl).toBe(plain.nl);
      if (/\bthe theme\b/.test(plain.en)) expect(statement.text.en).toContain(`the theme "${theme.name.en}"`);
      else expect(statement.text.en).toBe(plain.en);
    });
    expect(named.filter((s) => s.text.nl.includes(theme.name.nl)).length).toBeGreaterThan(20);
  });
});

describe('themes', () => {
  it('are the five VO-raad themes with unique ids', () => {
    expect(themes.map((t) => t.name.nl)).toEqual([
      'Meer differentiatie in de klas',
      'ICT-vaardigheden en e-didactiek',
      'Begeleiding startende leraren',
      'Meer masteropgeleide leraren',
      'Bevoegd aan de slag',
    ]);
    expect(new Set(themes.map((t) => t.id)).size).toBe(5);
    for (const t of themes) {
      expect(themeIdSchema.safeParse(t.id).success).toBe(true);
      expect(t.name.en.length).toBeGreaterThan(0);
      expect(t.mappingHint.en.length).toBeGreaterThan(0);
    }
  });
});

describe('learning-climate self-evaluation', () => {
  it('covers team learning, learning culture, enabling leadership and 70:20:10 professional development', () => {
    const survey = byId('learning-climate');
    expect(survey.sections.map((s) => s.id)).toEqual([
      'team-learning',
      'learning-culture',
      'leadership',
      'professional-development',
    ]);
    const total = listStatements(survey).length;
    expect(total).toBeGreaterThanOrEqual(18);
    expect(total).toBeLessThanOrEqual(25);
    const pd = survey.sections.find((s) => s.id === 'professional-development')!;
    expect(pd.intro!.nl).toMatch(/70%.*20%.*10%/);
  });

  it('also asks mentors and the student support team', () => {
    expect(learningClimateSurvey().groups.map((g) => g.id)).toEqual([
      'directie',
      'teamleiders',
      'leraren',
      'oop',
      'po-hr',
      'mentoren',
      'zorgteam',
    ]);
  });
});

// The source documents are not part of the repository: without KOERS_SEEDS_DIR the check is skipped, and says so.
const seeds = loadSeeds('own-wording check of the built-in instruments');

(seeds ? describe : describe.skip)(`own wording (no ${RUN}-word run shared with the source documents)`, () => {
  const runsFoundIn = (text: string) => seeds!.runsFoundIn(text, RUN);

  it('the check finds sentences from the handreiking, also across line breaks and hyphenated words', () => {
    expect(runsFoundIn('Welke taken, rollen en functies vervullen masteropgeleide leraren in de school?')).not.toEqual(
      [],
    );
    expect(
      runsFoundIn('Zijn op individueel, sectie- en organisatieniveau de bekwaamheden/competenties in beeld?'),
    ).not.toEqual([]);
    expect(runsFoundIn('Dit is een zin die in geen enkele bron voorkomt, wat je ook probeert.')).toEqual([]);
  });

  it.each(['shrm', 'learning-climate'])('%s copies no sentence from the sources', (id) => {
    const surveys = id === 'shrm' ? [byId(id), ...themes.map((t) => shrmSurvey(t.id))] : [byId(id)];
    const copied = surveys.flatMap((survey) =>
      allTexts(survey).flatMap(({ where, text }) => runsFoundIn(text.nl).map((run) => `${where}: "${run}"`)),
    );
    expect(copied).toEqual([]);
  });
});
