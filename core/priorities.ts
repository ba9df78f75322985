/**
 * Priorities that prioritise: besides the yes/no "action needed" flag, a ranking of the statements so
 * that the adviser sees which few come first even when most gaps exceed the action gap.
 *
 * The ranking uses the lower bound of the 95% confidence interval of each statement's overall gap:
 * how large the gap is at least, given the spread and the number of answers. A large gap resting on
 * few, divided answers therefore ranks below a slightly smaller gap that nearly everyone shares.
 *
 * Tiers:
 *  1. the gap is above the action gap with 95% confidence (ciLow ≥ actionGap);
 *  2. the gap reaches the action gap, but its interval reaches below it;
 *  3. the gap is below the action gap: the handreiking's "small gap" — keep and strengthen.
 * Within a tier: by ciLow, then gap, descending; then survey order. `first` is the top of tier 1, or
 * of tier 2 when tier 1 is empty, at most FIRST_PRIORITIES statements.
 *
 * Scenario (handreiking): smallGap when no statement reaches the action gap (keep and strengthen
 * what works); largeGap when more statements reach it than FIRST_PRIORITIES (choose what is
 * possible, realistic and feasible; set priorities); focused in between; none without figures.
 */
import type { Priorities, Priority, StatementResult } from './results';

export const FIRST_PRIORITIES = 3;

export function rankPriorities(statements: readonly StatementResult[], actionGap: number): Priorities {
  const candidates: Array<Omit<Priority, 'rank'> & { order: number }> = [];
  statements.forEach((row, order) => {
    const cell = row.overall;
    if (cell.status !== 'shown' || cell.gap === null) return;
    const tier: Priority['tier'] = cell.ciLow !== null && cell.ciLow >= actionGap ? 1 : cell.gap >= actionGap ? 2 : 3;
    candidates.push({
      statementId: row.statementId,
      sectionId: row.sectionId,
      tier,
      gap: cell.gap,
      ciLow: cell.ciLow,
      ciHigh: cell.ciHigh,
      n: cell.n,
      order,
    });
  });
  const lower = (p: { ciLow: number | null; gap: number }) => p.ciLow ?? -Infinity;
  candidates.sort((a, b) => a.tier - b.tier || lower(b) - lower(a) || b.gap - a.gap || a.order - b.order);
  const ranked: Priority[] = candidates.map(({ order: _order, ...rest }, index) => ({ ...rest, rank: index + 1 }));
  const needed = ranked.filter((p) => p.tier < 3);
  const topTier = needed.length > 0 ? needed[0].tier : undefined;
  const first = needed
    .filter((p) => p.tier === topTier)
    .slice(0, FIRST_PRIORITIES)
    .map((p) => p.statementId);
  const scenario: Priorities['scenario'] =
    ranked.length === 0
      ? 'none'
      : needed.length === 0
        ? 'smallGap'
        : needed.length > FIRST_PRIORITIES
          ? 'largeGap'
          : 'focused';
  return { scenario, first, ranked };
}
