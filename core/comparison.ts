/**
 * Ga door: comparing a round with its baseline (and, along a chain of baselines, with earlier ones).
 *
 * Everything here is computed from PUBLISHED results (RoundResults, as GET /api/rounds/:id/results
 * serves them), never from tallies, so the comparison follows whatever anonymity rules produced
 * those results: a cell that is not shown in either round is not shown in the comparison either,
 * without a single figure of the round where it was shown.
 *
 * The test: responses are unlinked by design (no code, no person id), so the two rounds are two
 * independent samples. For a cell, the change of the mean gap is gapNow − gapBefore, and its 95%
 * confidence interval is Welch's:
 *   se = √(s₁²/n₁ + s₂²/n₂),  df = se⁴ / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))  (Welch–Satterthwaite)
 *   CI = change ± t(0.975; df) · se
 * with s the sd of the paired gaps (desired − current) within each round and n its paired count.
 * Up to df = 30 the t quantile is taken at ⌊df⌋ (the printed-table convention; slightly wider, so
 * conservative); above that the fractional df is used directly. The change is "larger than chance"
 * when the interval excludes zero (equivalently, Welch's two-sided t test at α = 0.05).
 *
 * Section cells pool the answers of several statements, and one person gives several of them, so
 * their answers are not independent: the interval of a section is marked approximate (too narrow).
 */
import { z } from 'zod';
import type { Cell, RoundResults, ShownCell } from './results';
import { localizedTextSchema } from './text';
import { tQuantile975 } from './stats';

/** The most rounds a trend follows back along the chain of baselines (this round included). */
export const MAX_TREND_ROUNDS = 8;

/** What one round contributes to a compared cell. */
export const roundFiguresSchema = z.object({
  n: z.number().int(),
  meanCurrent: z.number().nullable(),
  meanDesired: z.number().nullable(),
  gap: z.number().nullable(),
  sdGap: z.number().nullable(),
});
export type RoundFigures = z.infer<typeof roundFiguresSchema>;

export const welchSchema = z.object({
  /** gapNow − gapBefore: negative means the gap shrank. */
  change: z.number(),
  se: z.number(),
  df: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  /** The interval excludes zero. */
  significant: z.boolean(),
});
export type WelchResult = z.infer<typeof welchSchema>;

export const comparedCellSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('shown'),
    baseline: roundFiguresSchema,
    current: roundFiguresSchema,
    /** gapNow − gapBefore, null when either gap is missing. */
    change: z.number().nullable(),
    /** Welch interval of the change; null when either round has fewer than two pairs or no sd. */
    welch: welchSchema.nullable(),
    /** 'shrank' / 'grew' beyond chance, 'unclear' when the interval includes zero or is missing. */
    verdict: z.enum(['shrank', 'grew', 'unclear']),
  }),
  /** Hidden in at least one of the rounds: no figures from either. */
  z.object({ status: z.literal('suppressed') }),
  /** The statement, section or group is not part of one of the rounds. */
  z.object({ status: z.literal('absent') }),
]);
export type ComparedCell = z.infer<typeof comparedCellSchema>;

const comparedRowFields = {
  overall: comparedCellSchema,
  byGroup: z.record(z.string(), comparedCellSchema),
};

export const trendPointSchema = z.object({
  roundId: z.string(),
  /** The overall gap in that round; null when hidden there or not asked. */
  gap: z.number().nullable(),
  n: z.number().int().nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const comparedStatementSchema = z.object({
  statementId: z.string(),
  sectionId: z.string(),
  text: localizedTextSchema,
  ...comparedRowFields,
  /** Overall gap per round of the chain, oldest first (empty with fewer than three rounds). */
  trend: z.array(trendPointSchema),
});
export type ComparedStatement = z.infer<typeof comparedStatementSchema>;

export const comparedSectionSchema = z.object({
  sectionId: z.string(),
  title: localizedTextSchema,
  ...comparedRowFields,
  trend: z.array(trendPointSchema),
});
export type ComparedSection = z.infer<typeof comparedSectionSchema>;

export const comparisonRoundSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  surveyId: z.string(),
  status: z.enum(['open', 'closed']),
  responseCount: z.number().int(),
});

/** GET /api/rounds/:id/comparison */
export const roundComparisonSchema = z.object({
  method: z.literal('welch-95'),
  round: comparisonRoundSchema,
  baseline: comparisonRoundSchema,
  /** The chain of rounds, oldest first, ending with this round (at most MAX_TREND_ROUNDS). */
  chain: z.array(comparisonRoundSchema),
  groups: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
  sections: z.array(comparedSectionSchema),
  statements: z.array(comparedStatementSchema),
});
export type RoundComparison = z.infer<typeof roundComparisonSchema>;

/**
 * Welch's 95% interval for the difference of two independent means (second minus first), from
 * each sample's mean, sd and n. Null below two values in either sample or without an sd.
 */
export function welchDifference(
  before: { mean: number | null; sd: number | null; n: number },
  after: { mean: number | null; sd: number | null; n: number },
): WelchResult | null {
  if (before.mean === null || after.mean === null || before.sd === null || after.sd === null) return null;
  if (before.n < 2 || after.n < 2) return null;
  const change = after.mean - before.mean;
  const v1 = (before.sd * before.sd) / before.n;
  const v2 = (after.sd * after.sd) / after.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    // Everyone in both rounds gave the same gap: no spread, so any difference is certain.
    const df = before.n + after.n - 2;
    return { change, se: 0, df, ciLow: change, ciHigh: change, significant: change !== 0 };
  }
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (before.n - 1) + (v2 * v2) / (after.n - 1));
  const half = welchT(df) * se;
  const ciLow = change - half;
  const ciHigh = change + half;
  return { change, se, df, ciLow, ciHigh, significant: ciLow > 0 || ciHigh < 0 };
}

/** t(0.975; df) for a Welch df: ⌊df⌋ up to 30 (conservative, as printed tables do), exact above. */
export function welchT(df: number): number {
  return tQuantile975(df <= 30 ? Math.max(1, Math.floor(df)) : df);
}

function figures(cell: ShownCell): RoundFigures {
  return { n: cell.n, meanCurrent: cell.meanCurrent, meanDesired: cell.meanDesired, gap: cell.gap, sdGap: cell.sdGap };
}

/** One cell of both rounds; undefined means the row or group is not part of that round. */
export function compareCells(before: Cell | undefined, after: Cell | undefined): ComparedCell {
  if (before === undefined || after === undefined) return { status: 'absent' };
  if (before.status !== 'shown' || after.status !== 'shown') return { status: 'suppressed' };
  const welch = welchDifference(
    { mean: before.gap, sd: before.sdGap, n: before.n },
    { mean: after.gap, sd: after.sdGap, n: after.n },
  );
  const change = before.gap !== null && after.gap !== null ? after.gap - before.gap : null;
  const verdict = welch?.significant ? (welch.change < 0 ? 'shrank' : 'grew') : 'unclear';
  return { status: 'shown', baseline: figures(before), current: figures(after), change, welch, verdict };
}

interface Row {
  overall: Cell;
  byGroup: Record<string, Cell>;
}

function compareRows(before: Row | undefined, after: Row, groups: readonly string[]) {
  const byGroup: Record<string, ComparedCell> = {};
  for (const group of groups) {
    byGroup[group] = compareCells(
      before && Object.hasOwn(before.byGroup, group) ? before.byGroup[group] : undefined,
      Object.hasOwn(after.byGroup, group) ? after.byGroup[group] : undefined,
    );
  }
  return { overall: compareCells(before?.overall, after.overall), byGroup };
}

function trendOf(chain: readonly RoundResults[], pick: (results: RoundResults) => Cell | undefined): TrendPoint[] {
  if (chain.length < 3) return [];
  return chain.map((results) => {
    const cell = pick(results);
    const shown = cell?.status === 'shown' ? cell : undefined;
    return { roundId: results.roundId, gap: shown?.gap ?? null, n: shown ? shown.n : null };
  });
}

function roundInfo(results: RoundResults) {
  return {
    roundId: results.roundId,
    roundName: results.roundName,
    surveyId: results.surveyId,
    status: results.status,
    // Responses in shown columns: an exact total could expose a small group (coarseCount.ts).
    responseCount: results.responses.shown,
  };
}

/**
 * Compares the last round of `chain` (oldest first) with the one before it, and follows every
 * statement and section along the whole chain when it has three or more rounds. Rows are those of
 * the newest round; a row the baseline did not ask is 'absent'. Groups are the newest round's.
 */
export function compareRounds(chain: readonly RoundResults[]): RoundComparison {
  if (chain.length < 2) throw new RangeError('a comparison needs a round and its baseline');
  const after = chain[chain.length - 1]!;
  const before = chain[chain.length - 2]!;
  const groups = after.groups.map((group) => ({ id: group.id, name: group.name }));
  const groupIds = groups.map((group) => group.id);
  const beforeStatements = new Map(before.statements.map((row) => [row.statementId, row]));
  const beforeSections = new Map(before.sections.map((row) => [row.sectionId, row]));
  return {
    method: 'welch-95',
    round: roundInfo(after),
    baseline: roundInfo(before),
    chain: chain.map(roundInfo),
    groups,
    sections: after.sections.map((row) => ({
      sectionId: row.sectionId,
      title: row.title,
      ...compareRows(beforeSections.get(row.sectionId), row, groupIds),
      trend: trendOf(chain, (results) => results.sections.find((s) => s.sectionId === row.sectionId)?.overall),
    })),
    statements: after.statements.map((row) => ({
      statementId: row.statementId,
      sectionId: row.sectionId,
      text: row.text,
      ...compareRows(beforeStatements.get(row.statementId), row, groupIds),
      trend: trendOf(chain, (results) => results.statements.find((s) => s.statementId === row.statementId)?.overall),
    })),
  };
}

/** Statement ids two surveys share: the rows a comparison can have figures for. */
export function sharedStatementIds(a: Iterable<string>, b: Iterable<string>): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((id) => other.has(id));
}
