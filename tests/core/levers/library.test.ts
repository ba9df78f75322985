import {
  AMO_FACTORS,
  AMO_FACTOR_NAMES,
  LEVER_CLUSTERS,
  LEVER_CLUSTER_NAMES,
  LEVER_LIBRARY,
  builtInLevers,
  leverInputSchema,
  leverSchema,
  leverUpdateSchema,
} from '../../../core/levers';
import { themeIdSchema } from '../../../core/instruments/themes';
import { learningClimateSurvey, shrmSurvey } from '../../../core/instruments';
import { listStatements } from '../../../core/survey';

describe('built-in lever library', () => {
  it('holds 24 to 32 levers that all pass the lever schema', () => {
    expect(LEVER_LIBRARY.length).toBeGreaterThanOrEqual(24);
    expect(LEVER_LIBRARY.length).toBeLessThanOrEqual(32);
    for (const lever of LEVER_LIBRARY) {
      const parsed = leverSchema.safeParse(lever);
      expect(parsed.success ? lever.id : parsed.error.issues).toBe(lever.id);
    }
  });

  it('uses every id once', () => {
    const ids = LEVER_LIBRARY.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is built in, shared and active', () => {
    for (const lever of LEVER_LIBRARY) {
      expect(lever).toMatchObject({ builtIn: true, organisationId: null, retired: false });
    }
  });

  it('covers every cluster, theme and AMO factor', () => {
    const clusters = new Set(LEVER_LIBRARY.map((l) => l.cluster));
    const themes = new Set(LEVER_LIBRARY.flatMap((l) => l.themes));
    const amo = new Set(LEVER_LIBRARY.flatMap((l) => l.amo));
    expect([...clusters].sort()).toEqual([...LEVER_CLUSTERS].sort());
    expect([...themes].sort()).toEqual([...themeIdSchema.options].sort());
    expect([...amo].sort()).toEqual([...AMO_FACTORS].sort());
  });

  it('offers every theme levers from at least three clusters and all three AMO factors', () => {
    for (const theme of themeIdSchema.options) {
      const forTheme = LEVER_LIBRARY.filter((l) => l.themes.includes(theme));
      expect({ theme, clusters: new Set(forTheme.map((l) => l.cluster)).size >= 3 }).toEqual({ theme, clusters: true });
      expect({ theme, amo: new Set(forTheme.flatMap((l) => l.amo)).size }).toEqual({ theme, amo: 3 });
    }
  });

  it('has Dutch and English title and description, and they differ', () => {
    for (const lever of LEVER_LIBRARY) {
      for (const text of [lever.title, lever.description]) {
        expect(text.nl.trim().length).toBeGreaterThan(5);
        expect(text.en.trim().length).toBeGreaterThan(5);
        expect(text.nl).not.toBe(text.en);
      }
    }
  });

  it('points every lever at statements that exist in the built-in surveys', () => {
    const known = new Set(
      [...listStatements(shrmSurvey()), ...listStatements(learningClimateSurvey())].map((s) => s.id),
    );
    for (const lever of LEVER_LIBRARY) {
      expect(lever.keywords?.length).toBeGreaterThan(0);
      for (const keyword of lever.keywords ?? [])
        expect(known.has(keyword) ? keyword : `${lever.id}: ${keyword}`).toBe(keyword);
    }
  });

  it('has a lever for every statement of both built-in surveys', () => {
    const addressed = new Set(LEVER_LIBRARY.flatMap((l) => l.keywords ?? []));
    const missing = [...listStatements(shrmSurvey()), ...listStatements(learningClimateSurvey())]
      .map((s) => s.id)
      .filter((id) => !addressed.has(id));
    expect(missing).toEqual([]);
  });

  it('has names for every cluster and AMO factor in both languages', () => {
    for (const cluster of LEVER_CLUSTERS)
      expect(LEVER_CLUSTER_NAMES[cluster].nl && LEVER_CLUSTER_NAMES[cluster].en).toBeTruthy();
    expect(AMO_FACTOR_NAMES.ability.nl).toBe('Kunnen');
    expect(AMO_FACTOR_NAMES.motivation.nl).toBe('Willen');
    expect(AMO_FACTOR_NAMES.opportunity.nl).toBe('Mogen');
  });

  it('cannot be altered through the shared export, and hands out independent copies', () => {
    expect(() => (LEVER_LIBRARY as unknown as unknown[]).push({})).toThrow();
    expect(() => (LEVER_LIBRARY[0].themes as string[]).push('x')).toThrow();
    const copy = builtInLevers();
    copy[0].title.nl = 'Gewijzigd';
    copy[0].themes.push('bevoegd-aan-de-slag');
    expect(LEVER_LIBRARY[0].title.nl).not.toBe('Gewijzigd');
    expect(builtInLevers()[0]).toEqual(LEVER_LIBRARY[0]);
  });
});

describe('lever input schemas', () => {
  const input = {
    title: { nl: 'Buddy voor zij-instromers', en: 'Buddy for career changers' },
    description: {
      nl: 'Een ervaren collega als vast aanspreekpunt.',
      en: 'An experienced colleague as fixed contact.',
    },
    cluster: 'opleiding-begeleiding',
    themes: ['startende-leraren'],
    amo: ['ability'],
    keywords: ['deepening'],
  };

  it('accepts a school’s own lever without id or ownership', () => {
    expect(leverInputSchema.safeParse(input).success).toBe(true);
    expect(leverInputSchema.safeParse({ ...input, keywords: undefined }).success).toBe(true);
  });

  it('refuses fields the server decides, unknown values and repeats', () => {
    expect(leverInputSchema.safeParse({ ...input, id: 'x' }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, builtIn: true }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, organisationId: 'o1' }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, cluster: 'overig' }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, themes: [] }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, themes: ['differentiatie', 'differentiatie'] }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, amo: ['kunnen'] }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, keywords: ['Not A Slug'] }).success).toBe(false);
    expect(leverInputSchema.safeParse({ ...input, title: { nl: 'Alleen Nederlands' } }).success).toBe(false);
  });

  it('lets PATCH change any editable field or retire a lever, but not send nothing', () => {
    expect(leverUpdateSchema.safeParse({ retired: true }).success).toBe(true);
    expect(leverUpdateSchema.safeParse({ amo: ['motivation', 'opportunity'] }).success).toBe(true);
    expect(leverUpdateSchema.safeParse({}).success).toBe(false);
    expect(leverUpdateSchema.safeParse({ builtIn: false }).success).toBe(false);
    expect(leverUpdateSchema.safeParse({ themes: [] }).success).toBe(false);
  });
});
