import { surveyInputSchema, type Section, type SurveyInput } from '../survey';
import type { LocalizedText } from '../text';
import { standardGroups } from './groups';
import { extentScale } from './scale';
import { findTheme, type ThemeId } from './themes';

export const SHRM_SURVEY_ID = 'shrm';

type SectionContent = Omit<Section, 'intro'> & { intro: LocalizedText };

// Statements speak of "het thema" so one set serves all five themes, and rounds on different themes
// stay comparable statement by statement. Ids are stored with every answer: never rename them.

/** Tabel 3, internal situation: how HR policy serves the theme inside the school. */
const internal: SectionContent = {
  id: 'internal',
  title: { nl: 'Interne situatie', en: 'Internal situation' },
  intro: {
    nl: 'Hoe zet de school haar HR-beleid in voor het thema, en wie zijn daarbij betrokken?',
    en: 'How does the school use its HR policy for the theme, and who is involved?',
  },
  statements: [
    {
      id: 'int-goals',
      text: {
        nl: 'Ons HR-beleid draagt zichtbaar bij aan de doelen die de school voor het thema heeft gesteld.',
        en: 'Our HR policy makes a visible contribution to the goals the school has set for the theme.',
      },
    },
    {
      id: 'int-support',
      text: {
        nl: 'Het beleid voor het thema wordt gedragen in alle lagen van de organisatie, van bestuur en directie tot in de teams.',
        en: 'The policy for the theme is supported at every level of the organisation, from the board and management to the teams.',
      },
    },
    {
      id: 'int-dialogue',
      text: {
        nl: 'We praten op verschillende niveaus over het thema: in de schoolleiding, in teams en secties, en tussen leidinggevende en medewerker.',
        en: 'We discuss the theme at several levels: in the school leadership, in teams and departments, and between managers and staff.',
      },
    },
    {
      id: 'int-time',
      text: {
        nl: 'Medewerkers krijgen tijd en ruimte in het rooster om aan het thema te werken.',
        en: 'Staff are given time and room in the timetable to work on the theme.',
      },
    },
    {
      id: 'int-means',
      text: {
        nl: 'Er is voldoende budget, ruimte en materiaal om het thema goed aan te pakken.',
        en: 'There is enough budget, space and material to tackle the theme properly.',
      },
    },
    {
      id: 'int-roles',
      text: {
        nl: 'Het is duidelijk wie welke rol heeft bij de HR-activiteiten voor het thema: schoolleiding, teamleiders, P&O, leraren en opleiders.',
        en: 'It is clear who plays which part in the HR activities for the theme: school leaders, team leaders, HR, teachers and teacher educators.',
      },
    },
    {
      id: 'int-amo',
      text: {
        nl: 'Bij de keuze van HR-activiteiten letten we op wat medewerkers moeten kunnen, wat hen motiveert en welke ruimte zij krijgen.',
        en: 'When choosing HR activities, we consider what staff need to be able to do, what motivates them and how much room they are given.',
      },
    },
    {
      id: 'int-leadership',
      text: {
        nl: 'Leidinggevenden moedigen medewerkers actief aan en steunen hen bij het werken aan het thema.',
        en: 'Managers actively encourage staff and support them in working on the theme.',
      },
    },
    {
      id: 'int-students',
      text: {
        nl: 'Leerlingen denken mee over wat de school voor het thema onderneemt, bijvoorbeeld via een leerlingenpanel of lesevaluaties.',
        en: 'Students have a say in what the school does for the theme, for example through a student panel or lesson evaluations.',
      },
    },
  ],
};

/** Tabel 3, external situation: rules, partners and provision outside the school. */
const external: SectionContent = {
  id: 'external',
  title: { nl: 'Externe situatie', en: 'External situation' },
  intro: {
    nl: 'Wat speelt er buiten de school: regels en afspraken, partners in de regio en het aanbod aan opleidingen?',
    en: 'What matters outside the school: rules and agreements, partners in the region and the training on offer?',
  },
  statements: [
    {
      id: 'ext-laws',
      text: {
        nl: 'We weten welke wetten, akkoorden en cao-afspraken voor het thema gelden, en we houden daar rekening mee.',
        en: 'We know which laws, sector agreements and collective labour agreement provisions apply to the theme, and we take them into account.',
      },
    },
    {
      id: 'ext-partners',
      text: {
        nl: 'Voor het thema werkt de school goed samen met lerarenopleidingen, andere scholen en partners in de regio.',
        en: 'On this theme the school works well with teacher education institutes, other schools and partners in the region.',
      },
    },
    {
      id: 'ext-knowledge',
      text: {
        nl: 'We wisselen kennis en ervaringen over het thema uit met andere scholen en partners.',
        en: 'We exchange knowledge and experience on the theme with other schools and partners.',
      },
    },
    {
      id: 'ext-facilities',
      text: {
        nl: 'Leraren weten welke voorzieningen buiten de school zij voor het thema kunnen benutten, en ze doen dat ook.',
        en: 'Teachers know which facilities outside the school they can use for the theme, and they actually use them.',
      },
    },
    {
      id: 'ext-training',
      text: {
        nl: 'Het opleidingsaanbod in de regio past bij wat wij voor het thema nodig hebben, en we maken er gebruik van.',
        en: 'The training on offer in the region matches what we need for the theme, and we make use of it.',
      },
    },
  ],
};

/** Tabel 4, "in kaart brengen": the facts and figures of the theme. */
const mapping: SectionContent = {
  id: 'mapping',
  title: { nl: 'Het thema in kaart', en: 'Mapping the theme' },
  intro: {
    nl: 'Hoe staat de school er nu voor op het thema, in cijfers en per groep medewerkers?',
    en: 'Where does the school stand on the theme today, in figures and per group of staff?',
  },
  statements: [
    {
      id: 'map-figures',
      text: {
        nl: 'We hebben actuele cijfers die laten zien hoe de school op het thema ervoor staat.',
        en: 'We have up-to-date figures that show where the school stands on the theme.',
      },
    },
    {
      id: 'map-people',
      text: {
        nl: 'We weten welke medewerkers op het thema al ver zijn en welke nog niet.',
        en: 'We know which staff are already well advanced on the theme and which are not yet.',
      },
    },
    {
      id: 'map-sections',
      text: {
        nl: 'Per sectie of afdeling hebben we zicht op de stand van zaken rond het thema.',
        en: 'For each department or section we have a view of where things stand on the theme.',
      },
    },
    {
      id: 'map-groups',
      text: {
        nl: 'We maken daarbij onderscheid tussen groepen, zoals startende leraren, ervaren leraren, zij-instromers en nieuwe collega’s van buiten.',
        en: 'In doing so we distinguish between groups, such as beginning teachers, experienced teachers, career changers and new colleagues from elsewhere.',
      },
    },
  ],
};

/** Tabel 4, "verdieping": what the theme asks of people and teams, and what it yields. */
const deepening: SectionContent = {
  id: 'deepening',
  title: { nl: 'Verdieping', en: 'Going deeper' },
  intro: {
    nl: 'Wat vraagt het thema van medewerkers en teams, en wat levert onze aanpak op?',
    en: 'What does the theme ask of staff and teams, and what does our approach achieve?',
  },
  statements: [
    {
      id: 'deep-roles',
      text: {
        nl: 'Het is duidelijk welke taken, rollen en functies bij het thema horen en wie die vervult.',
        en: 'It is clear which tasks, roles and positions belong to the theme and who fills them.',
      },
    },
    {
      id: 'deep-teams',
      text: {
        nl: 'Collega’s met een sleutelrol in het thema vinden goed hun plek in de teams en in de school.',
        en: 'Colleagues with a key role in the theme fit in well in their teams and in the school.',
      },
    },
    {
      id: 'deep-knowledge',
      text: {
        nl: 'We weten precies welke kennis en vaardigheden we voor het thema zoeken.',
        en: 'We know exactly which knowledge and skills we are looking for on the theme.',
      },
    },
    {
      id: 'deep-competences',
      text: {
        nl: 'We hebben zicht op de bekwaamheden voor het thema: bij de individuele medewerker, per sectie en voor de school als geheel.',
        en: 'We have a view of the competences the theme needs: for each member of staff, per department and for the school as a whole.',
      },
    },
    {
      id: 'deep-guidance',
      text: {
        nl: 'Medewerkers krijgen begeleiding die past bij hun situatie en ervaring.',
        en: 'Staff receive guidance that suits their situation and experience.',
      },
    },
    {
      id: 'deep-mobility',
      text: {
        nl: 'We volgen wie er voor het thema instroomt, doorstroomt en vertrekt, en we weten of vertrek vrijwillig is.',
        en: 'We track who joins, moves on and leaves in relation to the theme, and we know whether people leave voluntarily.',
      },
    },
    {
      id: 'deep-results',
      text: {
        nl: 'We weten wat onze aanpak van het thema oplevert en hoe tevreden leraren en leidinggevenden daarover zijn.',
        en: 'We know what our approach to the theme achieves and how satisfied teachers and managers are with it.',
      },
    },
    {
      id: 'deep-attention',
      text: {
        nl: 'We weten in welke secties of teams het thema extra aandacht nodig heeft.',
        en: 'We know which departments or teams need extra attention on the theme.',
      },
    },
  ],
};

/** Tabel 4, "verbreding": how the theme fits the school's wider HR policy. */
const broadening: SectionContent = {
  id: 'broadening',
  title: { nl: 'Verbreding', en: 'The wider picture' },
  intro: {
    nl: 'Hoe verhoudt de aanpak van het thema zich tot het bredere HR-beleid van de school?',
    en: "How does the approach to the theme relate to the school's wider HR policy?",
  },
  statements: [
    {
      id: 'broad-policy',
      text: {
        nl: 'De school heeft voor het thema doelen en loopbaanbeleid vastgesteld, en voert dat beleid ook echt uit.',
        en: 'The school has set goals and a career policy for the theme, and actually puts that policy into practice.',
      },
    },
    {
      id: 'broad-resources',
      text: {
        nl: 'Ook op langere termijn zijn er middelen voor het thema, bijvoorbeeld in de meerjarenbegroting.',
        en: 'Resources for the theme are also secured for the longer term, for example in the multi-year budget.',
      },
    },
    {
      id: 'broad-shrm',
      text: {
        nl: 'Onze aanpak van het thema helpt de school om haar bredere HR-doelen te halen.',
        en: 'Our approach to the theme helps the school reach its wider HR goals.',
      },
    },
    {
      id: 'broad-themes',
      text: {
        nl: 'De aanpak van het thema is afgestemd op wat we doen voor de andere HR-thema’s.',
        en: 'Our approach to the theme is aligned with what we do for the other HR themes.',
      },
    },
    {
      id: 'broad-other-policy',
      text: {
        nl: 'Ons overige HR-beleid, zoals werving, beoordeling, verzuim en mobiliteit, versterkt het werk aan het thema.',
        en: 'Our other HR policies, such as recruitment, appraisal, absence and mobility, reinforce the work on the theme.',
      },
    },
  ],
};

const genericThemeNote: LocalizedText = {
  nl: 'Waar een stelling over ‘het thema’ spreekt, gaat het om het HR-thema dat uw school voor deze ronde heeft gekozen, bijvoorbeeld begeleiding van startende leraren of meer differentiatie in de klas.',
  en: 'Where a statement mentions "the theme", it means the HR theme your school has chosen for this round, for example support for beginning teachers or more differentiation in the classroom.',
};

const howToRate: LocalizedText = {
  nl: 'Geef bij elke stelling twee scores: hoe het nu is op uw school (huidige situatie) en hoe het zou moeten zijn (gewenste situatie). Waar die twee ver uit elkaar liggen, is actie nodig. Weet u het niet, of past een stelling niet bij uw werk, kies dan ‘weet niet / n.v.t.’.',
  en: 'Give each statement two scores: how things are at your school now (current situation) and how they should be (desired situation). Where the two are far apart, action is needed. If you do not know, or a statement does not fit your work, choose "don\'t know / not applicable".',
};

/**
 * The SHRM self-evaluation after Tabel 3 and 4 of the VO-raad handreiking. Without a theme it asks
 * about "the chosen theme"; with one, the title and intros name it and the mapping block gets hints.
 */
export function shrmSurvey(themeId?: ThemeId): SurveyInput {
  const theme = themeId ? findTheme(themeId) : undefined;
  const themeNote: LocalizedText = theme
    ? {
        nl: `Het thema van deze vragenlijst is ‘${theme.name.nl}’. Waar een stelling over ‘het thema’ spreekt, gaat het daarover.`,
        en: `The theme of this questionnaire is "${theme.name.en}". Where a statement mentions "the theme", it means this one.`,
      }
    : genericThemeNote;
  const mappingIntro: LocalizedText = theme
    ? { nl: `${mapping.intro.nl} ${theme.mappingHint.nl}`, en: `${mapping.intro.en} ${theme.mappingHint.en}` }
    : mapping.intro;

  return surveyInputSchema.parse({
    title: theme
      ? { nl: `Zelfevaluatie strategisch HRM: ${theme.name.nl}`, en: `Strategic HRM self-assessment: ${theme.name.en}` }
      : { nl: 'Zelfevaluatie strategisch HRM', en: 'Strategic HRM self-assessment' },
    description: {
      nl: `Deze vragenlijst brengt in beeld hoe het HR-beleid van de school nu werkt en waar het naartoe moet. ${themeNote.nl} ${howToRate.nl}`,
      en: `This questionnaire shows how the school's HR policy works today and where it needs to go. ${themeNote.en} ${howToRate.en}`,
    },
    scale: extentScale(),
    sections: [internal, external, { ...mapping, intro: mappingIntro }, deepening, broadening].map((section) =>
      copySection(section, theme?.name),
    ),
    groups: standardGroups(),
  });
}

// The section constants are module-level; hand out copies so no caller can edit the instrument itself.
// With a theme, each statement names it where it first says "het thema", so a respondent reading one
// statement on its own still knows which theme is meant.
function copySection(section: SectionContent, themeName?: LocalizedText): Section {
  return {
    id: section.id,
    title: { ...section.title },
    intro: { ...section.intro },
    statements: section.statements.map((s) => ({
      id: s.id,
      text: themeName ? nameTheTheme(s.text, themeName) : { ...s.text },
    })),
  };
}

function nameTheTheme(text: LocalizedText, themeName: LocalizedText): LocalizedText {
  return {
    nl: text.nl.replace(/\bhet thema\b/, `het thema ‘${themeName.nl}’`),
    en: text.en.replace(/\bthe theme\b/, `the theme "${themeName.en}"`),
  };
}
