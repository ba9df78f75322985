/**
 * When results are released, so that two reads of the same round never reveal one response.
 *
 * - atClose (the default): while a round is open nothing but participation is released; at closing the
 *   figures of all responses, once (a closed round takes no more responses).
 * - interim: while open, readers see the latest interim release, a frozen copy of the tally. A new
 *   release replaces it only when, compared with the previous one,
 *     · every column (group or roll-up) it published holds 0 or at least `threshold` more responses
 *       (at least the comment threshold when its comments are published), and
 *     · every cell it published holds 0 or at least `threshold` more paired answers, and 0 or at
 *       least `threshold` more answers on each of current and desired;
 *   and a column, once released, keeps its members (a group released inside a roll-up stays in it,
 *   "heldInRollUp", so the roll-up cannot be subtracted from a later figure of that group).
 *   So the difference between any two releases of a published figure rests on at least `threshold`
 *   responses. The final results of an interim round are the tally at closing when it meets the same
 *   rule against the last interim release, and otherwise that last release (the responses after it
 *   are then left out and the results say so).
 *
 * The releases are a function of the responses in arrival order, so a restart that replays the
 * response log reaches the same releases without storing them.
 */
import { planReporting, unitResponses, type ReportingPlan, type ReportingUnit } from './anonymity';
import type { CellTally, DimensionTally, RoundTally } from './aggregation';
import type { AnonymitySettings } from './roundAnonymity';

export interface InterimRelease {
  /** The tally as released; comments are the first `commentCount` of the live tally's comments. */
  tally: RoundTally;
  commentCount: number;
  units: ReportingUnit[];
}

export interface InterimState {
  settings: AnonymitySettings;
  last?: InterimRelease;
}

export type ReleasedView =
  | { state: 'notReleased'; reason: 'fieldwork' | 'noInterimYet' }
  | { state: 'final' | 'interim'; tally: RoundTally; plan: ReportingPlan; withheldAfterLastRelease: boolean };

export function planOf(tally: RoundTally, settings: AnonymitySettings, held?: readonly ReportingUnit[]): ReportingPlan {
  return planReporting({
    groupOrder: tally.groups,
    responsesByGroup: tally.responsesByGroup,
    threshold: settings.threshold,
    rollUps: settings.rollUps,
    combineSmallGroups: settings.combineSmallGroups,
    ...(held ? { held } : {}),
  });
}

/** Called after each response of an interim round: takes a new release when the rule allows it. */
export function advanceInterim(tally: RoundTally, state: InterimState): void {
  if (!state.last) {
    const plan = planOf(tally, state.settings);
    if (plan.units.length > 0) state.last = freeze(tally, plan.units);
    return;
  }
  if (releaseAllowed(state.last, tally, state.settings)) {
    state.last = freeze(tally, planOf(tally, state.settings, state.last.units).units);
  }
}

/**
 * What may be read of a round now. `closed` is the round's status; `state` its interim state (only
 * for interim rounds).
 */
export function releasedView(
  tally: RoundTally,
  settings: AnonymitySettings,
  closed: boolean,
  state: InterimState | undefined,
): ReleasedView {
  if (settings.release === 'atClose' || !state) {
    if (!closed) return { state: 'notReleased', reason: 'fieldwork' };
    return { state: 'final', tally, plan: planOf(tally, settings), withheldAfterLastRelease: false };
  }
  const last = state.last;
  if (!last) {
    if (!closed) return { state: 'notReleased', reason: 'noInterimYet' };
    return { state: 'final', tally, plan: planOf(tally, settings), withheldAfterLastRelease: false };
  }
  if (closed && releaseAllowed(last, tally, settings)) {
    return { state: 'final', tally, plan: planOf(tally, settings, last.units), withheldAfterLastRelease: false };
  }
  const frozen: RoundTally = { ...last.tally, comments: tally.comments.slice(0, last.commentCount) };
  return {
    state: closed ? 'final' : 'interim',
    tally: frozen,
    plan: planOf(frozen, settings, last.units),
    withheldAfterLastRelease: closed && tally.totalResponses > last.tally.totalResponses,
  };
}

/** The rule of a new release against the previous one (see the top of this file). */
export function releaseAllowed(previous: InterimRelease, live: RoundTally, settings: AnonymitySettings): boolean {
  const { threshold, commentThreshold } = settings;
  const step = (delta: number, minimum: number) => delta === 0 || delta >= minimum;
  for (const unit of previous.units) {
    const before = unitResponses(unit, previous.tally.responsesByGroup);
    const after = unitResponses(unit, live.responsesByGroup);
    if (!step(after - before, after >= commentThreshold ? commentThreshold : threshold)) return false;
    const statementIds = Object.keys(previous.tally.cells[unit.members[0]] ?? {});
    for (const statementId of statementIds) {
      const old = pooled(previous.tally, unit.members, statementId);
      if (old.n < threshold) continue;
      const now = pooled(live, unit.members, statementId);
      if (!step(now.n - old.n, threshold)) return false;
      if (!step(now.current - old.current, threshold)) return false;
      if (!step(now.desired - old.desired, threshold)) return false;
    }
  }
  return true;
}

/** Paired answers and answers per dimension of a column's statement cell. */
function pooled(tally: RoundTally, members: readonly string[], statementId: string) {
  const sums = { n: 0, current: 0, desired: 0 };
  for (const member of members) {
    const cell: CellTally | undefined = tally.cells[member]?.[statementId];
    if (!cell) continue;
    sums.n += cell.n;
    sums.current += answers(cell.current);
    sums.desired += answers(cell.desired);
  }
  return sums;
}

function answers(dimension: DimensionTally): number {
  return dimension.counts.reduce((sum, count) => sum + count, 0) + dimension.dontKnow;
}

function freeze(tally: RoundTally, units: ReportingUnit[]): InterimRelease {
  const cells: RoundTally['cells'] = {};
  for (const [group, statements] of Object.entries(tally.cells)) {
    cells[group] = {};
    for (const [id, cell] of Object.entries(statements)) cells[group][id] = copyCell(cell);
  }
  return {
    tally: {
      scale: { ...tally.scale },
      groups: [...tally.groups],
      totalResponses: tally.totalResponses,
      responsesByGroup: { ...tally.responsesByGroup },
      cells,
      comments: [],
      commentsByGroup: { ...tally.commentsByGroup },
    },
    commentCount: tally.comments.length,
    units: units.map((unit) => ({ ...unit, members: [...unit.members] })),
  };
}

function copyCell(cell: CellTally): CellTally {
  return {
    ...cell,
    current: { counts: [...cell.current.counts], dontKnow: cell.current.dontKnow },
    desired: { counts: [...cell.desired.counts], dontKnow: cell.desired.dontKnow },
  };
}
