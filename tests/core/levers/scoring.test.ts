import {
  DISAGREEMENT_RANGE,
  DISAGREEMENT_SD,
  QUADRANT_LABELS,
  QUADRANT_THRESHOLD,
  aggregateRaters,
  priority,
  quadrant,
  scoreInputSchema,
  type ScoreInput,
} from '../../../core/levers';

describe('scoreInputSchema', () => {
  it('accepts whole scores from 1 to 5 with an optional remark', () => {
    expect(scoreInputSchema.safeParse({ leverId: 'coaching-in-de-klas', impact: 1, feasibility: 5 }).success).toBe(
      true,
    );
    const parsed = scoreInputSchema.parse({ leverId: 'x', impact: 3, feasibility: 3, remark: '  kost veel uren  ' });
    expect(parsed.remark).toBe('kost veel uren');
  });

  it('refuses scores off the scale, fractions, long remarks and unknown fields', () => {
    const base = { leverId: 'x', impact: 3, feasibility: 3 };
    for (const bad of [
      { ...base, impact: 0 },
      { ...base, impact: 6 },
      { ...base, feasibility: 2.5 },
      { ...base, feasibility: '4' },
      { ...base, remark: 'a'.repeat(501) },
      { ...base, leverId: '' },
      { ...base, rater: 'jan' },
      { leverId: 'x', impact: 3 },
    ]) {
      expect(scoreInputSchema.safeParse(bad).success).toBe(false);
    }
    expect(scoreInputSchema.safeParse({ ...base, remark: 'a'.repeat(500) }).success).toBe(true);
  });
});

describe('aggregateRaters', () => {
  const s = (leverId: string, impact: number, feasibility: number): ScoreInput => ({ leverId, impact, feasibility });
  const scores: ScoreInput[] = [
    s('x', 2, 3),
    s('x', 4, 3),
    s('x', 4, 4),
    s('x', 5, 4),
    s('y', 3, 2),
    s('y', 3, 3),
    s('y', 3, 4),
    s('w', 4, 2),
    s('z', 2, 5),
    s('z', 4, 5),
  ];
  const byId = new Map(aggregateRaters(scores).map((a) => [a.leverId, a]));

  it('returns one summary per lever, in id order', () => {
    expect(aggregateRaters(scores).map((a) => [a.leverId, a.raters])).toEqual([
      ['w', 1],
      ['x', 4],
      ['y', 3],
      ['z', 2],
    ]);
    expect(aggregateRaters([])).toEqual([]);
  });

  it('computes mean, median, sample sd and range by hand-checked values', () => {
    const x = byId.get('x')!;
    // impact 2,4,4,5: mean 15/4; deviations −1.75, .25, .25, 1.25 → Σd² 4.75; sd √(4.75/3).
    expect(x.impact).toMatchObject({ mean: 3.75, median: 4, min: 2, max: 5, range: 3 });
    expect(x.impact.sd).toBeCloseTo(Math.sqrt(4.75 / 3), 12);
    expect(x.impact.sd).toBeCloseTo(1.258306, 6);
    // feasibility 3,3,4,4: mean 3.5, median between 3 and 4, Σd² 1, sd √(1/3).
    expect(x.feasibility).toMatchObject({ mean: 3.5, median: 3.5, range: 1 });
    expect(x.feasibility.sd).toBeCloseTo(0.57735, 6);
    expect(x.quadrant).toBe('nu-doen');
    expect(x.priority).toBeCloseTo(3.75 * 3.5, 12);
  });

  it('gives no sd for a single rater and never flags one rater as disagreement', () => {
    const w = byId.get('w')!;
    expect(w.impact).toEqual({ mean: 4, median: 4, sd: null, min: 4, max: 4, range: 0 });
    expect(w.disagreement).toBe(false);
    expect(w.quadrant).toBe('plannen');
    expect(w.priority).toBe(8);
  });

  it('flags disagreement on a range of 3 or more', () => {
    expect(DISAGREEMENT_RANGE).toBe(3);
    expect(byId.get('x')).toMatchObject({ disagreement: true, disagreementOn: ['impact'] });
  });

  it('flags disagreement on an sd of 1.2 or more even with a smaller range', () => {
    expect(DISAGREEMENT_SD).toBe(1.2);
    const z = byId.get('z')!;
    expect(z.impact.range).toBe(2);
    expect(z.impact.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(z).toMatchObject({ disagreement: true, disagreementOn: ['impact'] });
  });

  it('does not flag a spread just under both limits', () => {
    const y = byId.get('y')!;
    // feasibility 2,3,4: range 2, sd exactly 1.
    expect(y.feasibility).toMatchObject({ mean: 3, median: 3, sd: 1, range: 2 });
    expect(y.impact.sd).toBe(0);
    expect(y.disagreement).toBe(false);
    expect(y.disagreementOn).toEqual([]);
    // Both means sit on the midpoint, which counts as low.
    expect(y.quadrant).toBe('laten');
    expect(y.priority).toBe(9);
  });

  it('flags the feasibility dimension as well', () => {
    const [a] = aggregateRaters([s('f', 3, 1), s('f', 3, 4), s('f', 3, 3)]);
    expect(a).toMatchObject({ disagreement: true, disagreementOn: ['feasibility'] });
  });
});

describe('quadrant and priority', () => {
  it('uses the scale midpoint 3 as threshold; the midpoint itself is low', () => {
    expect(QUADRANT_THRESHOLD).toBe(3);
    expect(quadrant(3, 3)).toBe('laten');
    expect(quadrant(3.01, 3)).toBe('plannen');
    expect(quadrant(3, 3.01)).toBe('snel-resultaat');
    expect(quadrant(3.01, 3.01)).toBe('nu-doen');
    expect(quadrant(2.99, 2.99)).toBe('laten');
    expect(quadrant(4, 4)).toBe('nu-doen');
    expect(quadrant(5, 1)).toBe('plannen');
    expect(quadrant(1, 5)).toBe('snel-resultaat');
    expect(quadrant(1, 1)).toBe('laten');
    expect(quadrant(5, 5)).toBe('nu-doen');
  });

  it('returns null for a missing score and refuses non-numbers', () => {
    expect(quadrant(null, 4)).toBeNull();
    expect(quadrant(4, null)).toBeNull();
    expect(priority(null, 4)).toBeNull();
    expect(() => quadrant(Number.NaN, 3)).toThrow(RangeError);
    expect(() => priority(3, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('has a Dutch and an English label for each quadrant', () => {
    expect(QUADRANT_LABELS['nu-doen']).toEqual({ nl: 'Nu doen', en: 'Do now' });
    expect(Object.keys(QUADRANT_LABELS).sort()).toEqual(['laten', 'nu-doen', 'plannen', 'snel-resultaat']);
  });

  it('multiplies impact by feasibility, 1 to 25 for single scores', () => {
    expect(priority(1, 1)).toBe(1);
    expect(priority(5, 5)).toBe(25);
    expect(priority(4, 2)).toBe(8);
    expect(priority(2.5, 4)).toBe(10);
  });
});
