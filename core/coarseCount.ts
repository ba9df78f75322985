/**
 * Counts that may describe few people. A count below the anonymity threshold is shown as "fewer than
 * N", never exactly; a total over counts of which some are coarse becomes a range, so no exact figure
 * can be subtracted from another to recover a small group's count.
 */
export type CoarseCount = { exact: number } | { fewerThan: number };

export type CoarseTotal = { exact: number } | { min: number; max: number };

export function coarseCount(count: number, threshold: number): CoarseCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  return count < threshold ? { fewerThan: threshold } : { exact: count };
}

/** The sum of coarse counts: exact when every part is, otherwise the smallest and largest it can be. */
export function coarseTotal(parts: readonly CoarseCount[]): CoarseTotal {
  let min = 0;
  let max = 0;
  let exact = true;
  for (const part of parts) {
    if ('exact' in part) {
      min += part.exact;
      max += part.exact;
    } else {
      exact = false;
      max += part.fewerThan - 1;
    }
  }
  return exact ? { exact: min } : { min, max };
}

/** "fewer than 5", "12", "40–48" in either language; for sheets and the pane. */
export function describeCount(count: CoarseCount | CoarseTotal, language: 'nl' | 'en'): string {
  if ('exact' in count) return String(count.exact);
  if ('fewerThan' in count)
    return language === 'nl' ? `minder dan ${count.fewerThan}` : `fewer than ${count.fewerThan}`;
  return count.min === count.max ? String(count.min) : `${count.min}–${count.max}`;
}
