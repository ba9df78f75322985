import { LEVER_LIBRARY, checkAmoCoverage, type Lever } from '../../../core/levers';

const byId = (id: string): Lever => {
  const lever = LEVER_LIBRARY.find((l) => l.id === id);
  if (!lever) throw new Error(`no library lever ${id}`);
  return lever;
};

describe('checkAmoCoverage', () => {
  it('is content when ability, motivation and opportunity are all covered', () => {
    const result = checkAmoCoverage([
      byId('coaching-in-de-klas'),
      byId('visie-uitdragen'),
      byId('tijd-voor-professionalisering'),
    ]);
    expect(result.covered).toEqual(['ability', 'motivation', 'opportunity']);
    expect(result.missing).toEqual([]);
    expect(result.suggestions).toEqual([]);
    expect(result.message.nl).toBe(
      'De gekozen maatregelen werken samen aan alle drie de factoren: kunnen, willen en mogen.',
    );
    expect(result.message.en).toMatch(/ability, motivation and opportunity/);
  });

  it('names the missing factor and suggests library levers for it', () => {
    // Coaching is ability only, mentors ability + opportunity: motivation is missing.
    const chosen = [byId('coaching-in-de-klas'), byId('mentor-met-tijd')];
    const result = checkAmoCoverage(chosen);
    expect(result.covered).toEqual(['ability', 'opportunity']);
    expect(result.missing).toEqual(['motivation']);
    const [suggestion] = result.suggestions;
    expect(suggestion.factor).toBe('motivation');
    expect(suggestion.leverIds).toHaveLength(2);
    for (const id of suggestion.leverIds) {
      expect(byId(id).amo).toContain('motivation');
      expect(chosen.map((l) => l.id)).not.toContain(id);
    }
    const [first, second] = suggestion.leverIds.map(byId);
    expect(result.message.nl).toBe(
      `Geen gekozen maatregel werkt aan Willen (motivatie). Voeg er een toe, bijvoorbeeld “${first.title.nl}” of “${second.title.nl}”.`,
    );
    expect(result.message.en).toBe(
      `None of the chosen levers works on Motivation (drive and commitment). Add one, for example “${first.title.en}” or “${second.title.en}”.`,
    );
  });

  it('prefers examples that share themes with the chosen levers, then broad ones, then by id', () => {
    // Chosen: ability-only levers for beginning teachers. Among motivation levers, those serving
    // startende-leraren come first, and of those the ones serving most themes.
    const result = checkAmoCoverage([byId('coaching-in-de-klas')]);
    const motivation = result.suggestions.find((s) => s.factor === 'motivation')!;
    // coaching serves differentiatie, ict-e-didactiek, startende-leraren (3 themes).
    // gesprekkencyclus and visie-uitdragen serve all five, so share all three.
    expect(motivation.leverIds).toEqual(['gesprekkencyclus', 'visie-uitdragen']);
  });

  it('lists every missing factor, each with its own examples', () => {
    const result = checkAmoCoverage([byId('visie-uitdragen')]);
    expect(result.missing).toEqual(['ability', 'opportunity']);
    expect(result.suggestions.map((s) => s.factor)).toEqual(['ability', 'opportunity']);
    expect(result.message.nl).toMatch(
      /^Geen gekozen maatregel werkt aan Kunnen \(bekwaamheid\)\. .* Geen gekozen maatregel werkt aan Mogen \(ruimte en middelen\)\. /,
    );
  });

  it('starts from scratch when nothing is chosen', () => {
    const result = checkAmoCoverage([]);
    expect(result.covered).toEqual([]);
    expect(result.missing).toEqual(['ability', 'motivation', 'opportunity']);
    expect(result.message.nl).toMatch(/^Er is nog geen maatregel gekozen\./);
    expect(result.message.nl).toContain('Voor Willen (motivatie) bijvoorbeeld “');
    expect(result.message.en).toMatch(/^No lever has been chosen yet\./);
  });

  it('never suggests retired levers, and still says what is missing when the library has none', () => {
    const retiredOnly = LEVER_LIBRARY.filter((l) => l.amo.includes('motivation')).map((l) => ({ ...l, retired: true }));
    const result = checkAmoCoverage([byId('coaching-in-de-klas')], retiredOnly);
    expect(result.suggestions.find((s) => s.factor === 'motivation')!.leverIds).toEqual([]);
    expect(result.message.nl).toContain('Geen gekozen maatregel werkt aan Willen (motivatie). Voeg er een toe.');
    expect(result.message.en).toContain(
      'None of the chosen levers works on Motivation (drive and commitment). Add one.',
    );
  });
});

describe('checkAmoCoverage examples', () => {
  it('offers different levers for different missing factors', () => {
    const result = checkAmoCoverage([]);
    const ids = result.suggestions.flatMap((s) => s.leverIds);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});
