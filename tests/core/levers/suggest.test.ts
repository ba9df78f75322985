import {
  LEVER_LIBRARY,
  MULTI_THEME_BONUS,
  SECONDARY_GAP_WEIGHT,
  suggestLevers,
  type Lever,
  type ThemeId,
} from '../../../core/levers';
import { shrmResults } from './fixtures';

function lever(
  id: string,
  keywords: string[],
  themes: ThemeId[] = ['differentiatie'],
  extra: Partial<Lever> = {},
): Lever {
  return {
    id,
    title: { nl: `Maatregel ${id}`, en: `Lever ${id}` },
    description: { nl: 'Omschrijving.', en: 'Description.' },
    cluster: 'samenwerken',
    themes,
    amo: ['ability'],
    keywords,
    builtIn: false,
    organisationId: 'org-1',
    retired: false,
    ...extra,
  };
}

const levers: Lever[] = [
  lever('a-deepening', ['deepening']),
  lever('b-external-only', ['external']),
  lever('c-external-internal', ['external', 'internal'], ['masteropgeleide-leraren']),
  lever('d-deepening-mapping', ['deepening', 'mapping']),
  lever('e-broadening', ['broadening']),
  lever('f-retired', ['deep-guidance'], ['differentiatie'], { retired: true }),
  lever('g-statement', ['deep-guidance']),
  lever('h-three-themes', ['deepening'], ['differentiatie', 'ict-e-didactiek', 'startende-leraren']),
  lever('i-no-keywords', [], ['differentiatie'], { keywords: undefined }),
  lever('j-unknown-keyword', ['not-in-this-survey']),
];

describe('suggestLevers', () => {
  const results = shrmResults();

  it('ranks by addressed gap, with ties broken by id', () => {
    const ranked = suggestLevers({ results, levers });
    expect(ranked.map((s) => [s.leverId, s.score])).toEqual([
      ['g-statement', 1.8],
      // 1.4 + 0.25 × 0.8 and 1.4 + 2 × 0.1: equal, so by id.
      ['d-deepening-mapping', 1.6],
      ['h-three-themes', 1.6],
      ['a-deepening', 1.4],
      ['c-external-internal', 0.4],
    ]);
    expect(SECONDARY_GAP_WEIGHT).toBe(0.25);
    expect(MULTI_THEME_BONUS).toBe(0.1);
  });

  it('gives suppressed cells no weight: a lever behind only suppressed cells is not suggested', () => {
    const ranked = suggestLevers({ results, levers });
    expect(ranked.find((s) => s.leverId === 'b-external-only')).toBeUndefined();
    // External is suppressed, so only internal's 0.4 counts, as the largest gap, not as a secondary one.
    const c = ranked.find((s) => s.leverId === 'c-external-internal')!;
    expect(c.score).toBe(0.4);
    expect(c.reasons).toEqual([
      { nl: 'Gat van 0,4 bij sectie Interne situatie', en: 'Gap of 0.4 in section Internal situation' },
    ]);
    expect(JSON.stringify(ranked)).not.toMatch(/Externe|External/);
  });

  it('leaves out retired levers, negative gaps, and levers without matching rows', () => {
    const ids = suggestLevers({ results, levers }).map((s) => s.leverId);
    expect(ids).not.toContain('f-retired');
    expect(ids).not.toContain('e-broadening');
    expect(ids).not.toContain('i-no-keywords');
    expect(ids).not.toContain('j-unknown-keyword');
  });

  it('prefers a lever serving several themes over one with the same gaps', () => {
    const ranked = suggestLevers({
      results,
      levers: [
        lever('a-one', ['deepening']),
        lever('z-three', ['deepening'], ['differentiatie', 'bevoegd-aan-de-slag', 'startende-leraren']),
      ],
    });
    expect(ranked.map((s) => s.leverId)).toEqual(['z-three', 'a-one']);
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(2 * MULTI_THEME_BONUS, 10);
  });

  it('does not let the theme bonus outweigh a clearly larger gap', () => {
    const ranked = suggestLevers({
      results,
      levers: [
        lever(
          'many-themes-small-gap',
          ['internal'],
          ['differentiatie', 'ict-e-didactiek', 'startende-leraren', 'masteropgeleide-leraren', 'bevoegd-aan-de-slag'],
        ),
        lever('one-theme-big-gap', ['deepening']),
      ],
    });
    expect(ranked.map((s) => s.leverId)).toEqual(['one-theme-big-gap', 'many-themes-small-gap']);
  });

  it('explains each score with the numbers, largest gap first, then the themes', () => {
    const ranked = suggestLevers({ results, levers });
    const d = ranked.find((s) => s.leverId === 'd-deepening-mapping')!;
    expect(d.reasons).toEqual([
      {
        nl: 'Gat van 1,4 bij sectie Verdieping (actie nodig)',
        en: 'Gap of 1.4 in section Going deeper (action needed)',
      },
      { nl: 'Gat van 0,8 bij sectie Het thema in kaart', en: 'Gap of 0.8 in section Mapping the theme' },
    ]);
    const h = ranked.find((s) => s.leverId === 'h-three-themes')!;
    expect(h.reasons).toEqual([
      {
        nl: 'Gat van 1,4 bij sectie Verdieping (actie nodig)',
        en: 'Gap of 1.4 in section Going deeper (action needed)',
      },
      {
        nl: 'Werkt aan 3 thema’s: Meer differentiatie in de klas, ICT-vaardigheden en e-didactiek, Begeleiding startende leraren',
        en: 'Serves 3 themes: More differentiation in the classroom, ICT skills and e-didactics, Support for beginning teachers',
      },
    ]);
    const g = ranked.find((s) => s.leverId === 'g-statement')!;
    expect(g.reasons[0]).toEqual({
      nl: 'Gat van 1,8 bij stelling “Medewerkers krijgen begeleiding die past bij hun situatie en ervaring.” (actie nodig)',
      en: 'Gap of 1.8 in statement “Staff get guidance that suits their situation and experience.” (action needed)',
    });
  });

  it('filters on theme and honours the limit', () => {
    expect(suggestLevers({ results, levers, theme: 'ict-e-didactiek' }).map((s) => s.leverId)).toEqual([
      'h-three-themes',
    ]);
    expect(suggestLevers({ results, levers, theme: 'masteropgeleide-leraren' }).map((s) => s.leverId)).toEqual([
      'c-external-internal',
    ]);
    expect(suggestLevers({ results, levers, limit: 2 }).map((s) => s.leverId)).toEqual([
      'g-statement',
      'd-deepening-mapping',
    ]);
    expect(suggestLevers({ results, levers, limit: 0 })).toEqual([]);
    expect(() => suggestLevers({ results, levers, limit: -1 })).toThrow(RangeError);
    expect(() => suggestLevers({ results, levers, limit: 1.5 })).toThrow(RangeError);
  });

  it('gives the same answer whatever order the levers come in', () => {
    const forward = suggestLevers({ results, levers });
    const backward = suggestLevers({ results, levers: [...levers].reverse() });
    expect(backward).toEqual(forward);
  });

  it('returns nothing when every cell is suppressed', () => {
    const hidden = shrmResults();
    for (const row of [...hidden.sections, ...hidden.statements]) row.overall = { status: 'suppressed' };
    expect(suggestLevers({ results: hidden, levers: LEVER_LIBRARY as Lever[] })).toEqual([]);
  });

  it('shortens a long statement in a reason, keeping the start recognisable', () => {
    const long = shrmResults();
    long.statements[0].text = { nl: 'Lang '.repeat(40).trim(), en: 'Long '.repeat(40).trim() };
    const [g] = suggestLevers({ results: long, levers: [lever('g', ['deep-guidance'])] });
    expect(g.reasons[0].nl).toMatch(/^Gat van 1,8 bij stelling “(Lang ){15}Lang…” \(actie nodig\)$/);
    expect(g.reasons[0].nl.length).toBeLessThan(130);
  });

  it('works on the built-in library, which points at SHRM statements', () => {
    // Only deep-guidance (1.8) among the library's statements is shown with a gap in the fixture;
    // ext-partners is suppressed. Three levers serving three themes tie at 1.8 + 0.2, then one with two.
    const ranked = suggestLevers({ results, levers: [...LEVER_LIBRARY] });
    expect(ranked.map((s) => [s.leverId, s.score])).toEqual([
      ['coaching-in-de-klas', 2],
      ['mentor-met-tijd', 2],
      ['ontwikkelroute-op-maat', 2],
      ['inwerkprogramma', 1.9],
    ]);
    for (const s of ranked) expect(LEVER_LIBRARY.find((l) => l.id === s.leverId)!.keywords).toContain('deep-guidance');
  });

  it('keeps at most ten suggestions unless told otherwise, in score-then-id order', () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      lever(`lever-${String(i).padStart(2, '0')}`, i % 2 ? ['deepening'] : ['mapping']),
    );
    const ranked = suggestLevers({ results, levers: many });
    expect(ranked).toHaveLength(10);
    expect(ranked.slice(0, 7).every((s) => s.score === 1.4)).toBe(true);
    expect(ranked.slice(7).every((s) => s.score === 0.8)).toBe(true);
    for (let i = 1; i < ranked.length; i++) {
      const [prev, cur] = [ranked[i - 1], ranked[i]];
      expect(prev.score > cur.score || (prev.score === cur.score && prev.leverId < cur.leverId)).toBe(true);
    }
  });
});
