/**
 * Coarse counts: how many responses a group, roll-up or round has, published only as precisely as
 * anonymity allows. This is the one place that decides how a count is shown; the results, the rounds
 * list, the participation view and the sheets all use it.
 *
 * - A count at or above the threshold is exact.
 * - A count below it is "fewer than <threshold>" (0 included: "nobody of the directie answered" is a
 *   count of a small group too).
 * - A total is exact only when what it holds beyond the exactly published parts is 0 with no hidden
 *   group, or at least the threshold; otherwise it is a range "<shown>–<shown + threshold − 1>", so
 *   "total − shown groups" never isolates fewer than the threshold.
 */
import type { CoarseCount } from './coarseCountSchema';
import type { Language } from './text';

// The schema lives in ./coarseCountSchema.ts, so pages that only show counts do not bundle zod.
export type { CoarseCount } from './coarseCountSchema';

export function exactCount(value: number): CoarseCount {
  return { exact: true, value };
}

/** The count of one group or roll-up: exact from the threshold on, "fewer than threshold" below it. */
export function coarseCount(value: number, threshold: number): CoarseCount {
  return value >= threshold ? exactCount(value) : { exact: false, atLeast: 0, below: threshold };
}

/**
 * A total of which `published` responses are in exactly published parts (shown groups and roll-ups)
 * and `rest` are not. Exact when the rest is 0 and nothing is hidden, or when the rest itself reaches
 * the threshold; otherwise the range published .. published + threshold − 1.
 */
export function coarseTotal(input: {
  published: number;
  rest: number;
  threshold: number;
  /** Whether any group's count is published only coarsely (then a rest of 0 must not show either). */
  anyHidden: boolean;
}): CoarseCount {
  const { published, rest, threshold, anyHidden } = input;
  if (rest >= threshold || (rest === 0 && !anyHidden)) return exactCount(published + rest);
  return { exact: false, atLeast: published, below: published + threshold };
}

/** The part of a coarse total outside the published parts, itself coarse. */
export function coarseRest(total: CoarseCount, published: number, threshold: number): CoarseCount {
  if (total.exact) return exactCount(total.value - published);
  return { exact: false, atLeast: 0, below: threshold };
}

/** The lowest value a count may have; for sorting and for "at least" wording. */
export function lowestValue(count: CoarseCount): number {
  return count.exact ? count.value : count.atLeast;
}

/** "21", "minder dan 5" / "fewer than 5", "19–23". */
export function formatCoarseCount(count: CoarseCount, language: Language): string {
  if (count.exact) return String(count.value);
  if (count.atLeast === 0) return `${language === 'nl' ? 'minder dan' : 'fewer than'} ${count.below}`;
  return `${count.atLeast}–${count.below - 1}`;
}
