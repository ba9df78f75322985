import { compareCells, compareRounds, welchDifference, welchT } from '../../core/comparison';
import type { Cell, RoundResults } from '../../core/results';
import { tQuantile975 } from '../../core/stats';

/** A shown cell with the figures a comparison reads; distributions do not matter here. */
function shown(n: number, gap: number, sdGap: number, meanCurrent = 3): Cell {
  return {
    status: 'shown',
    n,
    meanCurrent,
    meanDesired: meanCurrent + gap,
    gap,
    sdCurrent: 1,
    sdDesired: 1,
    sdGap,
    ciLow: null,
    ciHigh: null,
    actionNeeded: gap >= 1,
    current: { counts: [0, 0, 0, 0, 0], dontKnow: 0 },
    desired: { counts: [0, 0, 0, 0, 0], dontKnow: 0 },
  };
}
const hidden: Cell = { status: 'suppressed' };

function results(roundId: string, rows: Record<string, { overall: Cell; leraren: Cell; oop: Cell }>): RoundResults {
  const statements = Object.entries(rows).map(([statementId, cells]) => ({
    statementId,
    sectionId: 'sec',
    text: { nl: `Stelling ${statementId}`, en: `Statement ${statementId}` },
    overall: cells.overall,
    byGroup: { leraren: cells.leraren, oop: cells.oop },
  }));
  const first = Object.values(rows)[0]!;
  return {
    roundId,
    roundName: `Ronde ${roundId}`,
    surveyId: 'shrm',
    surveyTitle: { nl: 'SHRM', en: 'SHRM' },
    status: 'closed',
    anonymityThreshold: 5,
    actionGap: 1,
    scale: { min: 1, max: 5 },
    commentThreshold: 5,
    responses: { total: { exact: true, value: 40 }, shown: 40, notShown: { exact: true, value: 0 } },
    release: { mode: 'atClose', state: 'final' },
    priorities: { scenario: 'none', first: [], ranked: [] },
    groups: [
      {
        id: 'leraren',
        name: { nl: 'Leraren', en: 'Teachers' },
        kind: 'group',
        status: 'shown',
        responses: 30,
        comments: 0,
        commentsShown: true,
      },
      {
        id: 'oop',
        name: { nl: 'OOP', en: 'Support staff' },
        kind: 'group',
        status: 'shown',
        responses: 10,
        comments: 0,
        commentsShown: true,
      },
    ],
    sections: [{ sectionId: 'sec', title: { nl: 'Sectie', en: 'Section' }, ...first }].map((s) => ({
      sectionId: s.sectionId,
      title: s.title,
      overall: s.overall,
      byGroup: { leraren: s.leraren, oop: s.oop },
    })),
    statements,
  };
}

describe('welchDifference (hand-computed, checked against scipy.stats.ttest_ind_from_stats)', () => {
  it('a change that is within chance', () => {
    // Before: gap 1.5, sd 1.0, n 10; after: gap 0.8, sd 1.2, n 12.
    // v1 = 1/10 = 0.1, v2 = 1.44/12 = 0.12, se = √0.22 = 0.469042.
    // df = 0.22² / (0.1²/9 + 0.12²/11) = 0.0484 / 0.00242020 = 19.998 → t at 19 = 2.093024.
    // CI = −0.7 ± 2.093024·0.469042 = −0.7 ± 0.981715 → [−1.681715, 0.281715]: includes 0
    // (scipy: Welch t = −1.492, p = 0.151).
    const w = welchDifference({ mean: 1.5, sd: 1.0, n: 10 }, { mean: 0.8, sd: 1.2, n: 12 })!;
    expect(w.change).toBeCloseTo(-0.7, 12);
    expect(w.se).toBeCloseTo(0.469041576, 8);
    expect(w.df).toBeCloseTo(19.99833055, 6);
    expect(w.ciLow).toBeCloseTo(-1.681715301, 6);
    expect(w.ciHigh).toBeCloseTo(0.281715301, 6);
    expect(w.significant).toBe(false);
  });

  it('a gap that shrank beyond chance', () => {
    // Before: 1.6, sd 0.8, n 40; after: 0.9, sd 0.9, n 45. v1 = 0.016, v2 = 0.018, se = √0.034 = 0.184391.
    // df = 0.034² / (0.016²/39 + 0.018²/44) = 83.0 → t(83) = 1.988960 (above 30: fractional df).
    // CI = −0.7 ± 0.366746 → [−1.066746, −0.333254] (scipy: t = −3.796, p = 0.00028).
    const w = welchDifference({ mean: 1.6, sd: 0.8, n: 40 }, { mean: 0.9, sd: 0.9, n: 45 })!;
    expect(w.df).toBeCloseTo(82.99983264, 5);
    expect(w.ciLow).toBeCloseTo(-1.066746073, 5);
    expect(w.ciHigh).toBeCloseTo(-0.333253927, 5);
    expect(w.significant).toBe(true);
  });

  it('a gap that grew beyond chance with small groups', () => {
    // Before: 0.5, sd 0.5, n 6; after: 1.5, sd 0.7, n 5. df = 7.098 → t at 7 = 2.364624.
    // se = √(0.25/6 + 0.49/5) = √0.139667 = 0.373720; CI = 1 ± 0.883707 → [0.116293, 1.883707].
    const w = welchDifference({ mean: 0.5, sd: 0.5, n: 6 }, { mean: 1.5, sd: 0.7, n: 5 })!;
    expect(w.df).toBeCloseTo(7.097962319, 6);
    expect(w.ciLow).toBeCloseTo(0.116292535, 6);
    expect(w.ciHigh).toBeCloseTo(1.883707465, 6);
    expect(w.significant).toBe(true);
  });

  it('no interval below two pairs or without an sd', () => {
    expect(welchDifference({ mean: 1, sd: null, n: 1 }, { mean: 0.5, sd: 1, n: 10 })).toBeNull();
    expect(welchDifference({ mean: 1, sd: 1, n: 10 }, { mean: null, sd: null, n: 0 })).toBeNull();
  });

  it('no spread in either round: the change is certain', () => {
    const w = welchDifference({ mean: 2, sd: 0, n: 5 }, { mean: 1, sd: 0, n: 5 })!;
    expect(w).toMatchObject({ change: -1, se: 0, ciLow: -1, ciHigh: -1, significant: true });
  });

  it('takes the t quantile at the whole df below 30 and the fractional df above', () => {
    expect(welchT(7.9)).toBe(tQuantile975(7));
    expect(welchT(0.6)).toBe(tQuantile975(1));
    expect(welchT(45.5)).toBe(tQuantile975(45.5));
  });
});

describe('compareCells', () => {
  it('hides a cell hidden in either round, with no figures of the other round', () => {
    expect(compareCells(hidden, shown(10, 1, 1))).toEqual({ status: 'suppressed' });
    expect(compareCells(shown(10, 1, 1), hidden)).toEqual({ status: 'suppressed' });
  });

  it('says absent when a round did not ask it', () => {
    expect(compareCells(undefined, shown(10, 1, 1))).toEqual({ status: 'absent' });
  });

  it('gives both rounds, the change and the verdict', () => {
    const cell = compareCells(shown(40, 1.6, 0.8), shown(45, 0.9, 0.9));
    expect(cell.status).toBe('shown');
    if (cell.status !== 'shown') return;
    expect(cell.baseline).toMatchObject({ n: 40, gap: 1.6, meanCurrent: 3, meanDesired: 4.6 });
    expect(cell.current).toMatchObject({ n: 45, gap: 0.9 });
    expect(cell.change).toBeCloseTo(-0.7, 12);
    expect(cell.verdict).toBe('shrank');
  });
});

describe('compareRounds', () => {
  const a = results('a', {
    s1: { overall: shown(40, 1.6, 0.8), leraren: shown(30, 1.7, 0.8), oop: shown(10, 1.3, 0.7) },
    s2: { overall: shown(40, 1.0, 1.0), leraren: shown(30, 1.0, 1.0), oop: hidden },
  });
  const b = results('b', {
    s1: { overall: shown(45, 0.9, 0.9), leraren: shown(35, 0.8, 0.9), oop: hidden },
    s2: { overall: shown(45, 1.1, 1.0), leraren: shown(35, 1.1, 1.0), oop: shown(10, 1.2, 1.0) },
    s3: { overall: shown(45, 0.2, 0.5), leraren: shown(35, 0.2, 0.5), oop: shown(10, 0.2, 0.5) },
  });

  it('compares per statement, section and group; hidden in either round stays hidden', () => {
    const comparison = compareRounds([a, b]);
    expect(comparison.method).toBe('welch-95');
    expect(comparison.round.roundId).toBe('b');
    expect(comparison.baseline.roundId).toBe('a');
    const [s1, s2, s3] = comparison.statements;
    expect(s1!.overall).toMatchObject({ status: 'shown', verdict: 'shrank' });
    expect(s1!.byGroup.oop).toEqual({ status: 'suppressed' });
    expect(s2!.byGroup.oop).toEqual({ status: 'suppressed' });
    expect(s2!.overall).toMatchObject({ status: 'shown', verdict: 'unclear' });
    expect(s3!.overall).toEqual({ status: 'absent' });
    expect(s1!.trend).toEqual([]);
    expect(comparison.sections[0]!.overall.status).toBe('shown');
  });

  it('follows a chain of three rounds as a trend per statement', () => {
    const c = results('c', {
      s1: { overall: hidden, leraren: shown(30, 0.5, 0.5), oop: hidden },
      s2: { overall: shown(40, 0.6, 0.9), leraren: shown(30, 0.6, 0.9), oop: shown(10, 0.4, 1) },
    });
    const comparison = compareRounds([a, b, c]);
    expect(comparison.chain.map((round) => round.roundId)).toEqual(['a', 'b', 'c']);
    expect(comparison.statements[0]!.trend).toEqual([
      { roundId: 'a', gap: 1.6, n: 40 },
      { roundId: 'b', gap: 0.9, n: 45 },
      { roundId: 'c', gap: null, n: null },
    ]);
    expect(comparison.statements[1]!.trend.map((point) => point.gap)).toEqual([1.0, 1.1, 0.6]);
    expect(comparison.statements[0]!.overall).toEqual({ status: 'suppressed' });
  });

  it('needs two rounds', () => {
    expect(() => compareRounds([a])).toThrow(RangeError);
  });
});
