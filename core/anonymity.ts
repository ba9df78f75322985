import { compareCodeUnits } from './compare';

/**
 * The anonymity rules of published results, as pure functions. buildResults (aggregation.ts) applies
 * them; nothing else decides what may be shown.
 *
 * The promise to respondents: no figure is published that rests on fewer than `threshold` people,
 * and no such figure can be recovered by combining (subtracting) published figures, also not two
 * releases of the same round (release.ts).
 *
 *  1. Results are reported per reporting unit: a group with at least `threshold` responses is shown on
 *     its own; groups below it may be combined into a roll-up (planReporting). Units are disjoint, and a
 *     roll-up is built only from groups that are not shown on their own, so no published figure minus
 *     another isolates a group below the threshold.
 *  2. Counts are never suppressed as a means to protect something else: a group below the threshold
 *     is published as "fewer than <threshold>", and every total is coarsened so that "total − shown
 *     units" cannot give a count below the threshold either (coarseCount.ts). There is no
 *     complementary suppression: a unit at or above the threshold is always shown.
 *  3. Within a unit, a statement or section cell with a paired n below the threshold is suppressed
 *     (isPublishable).
 *  4. Every pooled figure (a unit's section, the overall of a statement or section) is computed from
 *     published cells only, so "pooled − Σ published parts" is always zero and never isolates a
 *     suppressed part. (Applied in aggregation.ts, where the pooling happens.)
 *  5. Comments only of units with at least the round's comment threshold of responses, in an order
 *     that says nothing about when they came in (publishableComments).
 */
import type { RollUp } from './roundAnonymity';
import { DEFAULT_ROLL_UP_ID, DEFAULT_ROLL_UP_NAME } from './roundAnonymity';
import type { LocalizedText } from './text';

export interface PublishedComment {
  /** The reporting unit: a group id, or a roll-up id for a comment of a combined group. */
  group: string;
  text: string;
}

/** Why a group of the round is not shown on its own. */
export type GroupReason =
  /** Fewer responses than the threshold, and no roll-up of it reaches the threshold. */
  | 'belowThreshold'
  /** Fewer responses than the threshold; its responses count in a roll-up that is shown. */
  | 'combined'
  /** At or above the threshold now, but kept in the roll-up it was released in (interim releases). */
  | 'heldInRollUp';

/** Why a roll-up is not shown. */
export type RollUpReason =
  /** Its groups that are not shown on their own hold fewer responses than the threshold together. */
  | 'belowThreshold'
  /** All its groups are shown on their own (or in another roll-up): nothing left to combine. */
  | 'nothingToCombine';

/** One published column: a group on its own, or a roll-up of groups. */
export interface ReportingUnit {
  id: string;
  kind: 'group' | 'rollUp';
  /** The groups whose responses it holds (one for a group). */
  members: string[];
}

export interface PlannedRollUp {
  id: string;
  name: LocalizedText;
  source: 'adviser' | 'default';
  /** The groups as defined (for the default roll-up: the groups left over). */
  defined: string[];
  /** The groups it combines: those of `defined` not shown on their own nor in another roll-up. */
  members: string[];
  shown: boolean;
  reason?: RollUpReason;
}

export interface ReportingPlan {
  /** The published units in column order: shown groups in round order, then shown roll-ups. */
  units: ReportingUnit[];
  /** Every group of the round: the unit holding it, or why none does. */
  groups: Record<string, { unit?: string; reason?: GroupReason }>;
  /** Every roll-up considered (adviser's and default), shown or not. */
  rollUps: PlannedRollUp[];
}

export interface PlanInput {
  groupOrder: readonly string[];
  responsesByGroup: Readonly<Record<string, number>>;
  threshold: number;
  rollUps: readonly RollUp[];
  combineSmallGroups: boolean;
  /** Units an earlier release published; they stay as they were (release.ts). */
  held?: readonly ReportingUnit[];
}

/** Rule 3: a cell is published only when at least `threshold` pairs are behind it. */
export function isPublishable(n: number, threshold: number): boolean {
  return n >= threshold;
}

/**
 * Rule 1: which groups are shown on their own and which roll-ups are reported.
 *
 * 1. Units held from an earlier release stay, with the same members.
 * 2. Every other group with at least `threshold` responses is shown on its own.
 * 3. Each adviser roll-up, in the order defined, combines its groups that are neither shown nor
 *    combined already; it is reported when those reach the threshold together.
 * 4. With combineSmallGroups, the groups still left over form "overige geledingen", reported when
 *    they reach the threshold together.
 */
export function planReporting(input: PlanInput): ReportingPlan {
  const { groupOrder, threshold } = input;
  const countOf = (group: string): number => responsesOf(input.responsesByGroup, group);
  const taken = new Map<string, string>();
  const held = (input.held ?? []).filter((unit) => unit.members.every((member) => groupOrder.includes(member)));
  for (const unit of held) for (const member of unit.members) taken.set(member, unit.id);

  const shownGroups = groupOrder.filter(
    (group) => taken.get(group) === group || (!taken.has(group) && isPublishable(countOf(group), threshold)),
  );
  for (const group of shownGroups) taken.set(group, group);

  const rollUps: PlannedRollUp[] = [];
  const heldRollUps = new Map(held.filter((u) => u.kind === 'rollUp').map((u) => [u.id, u]));
  const consider = (id: string, name: LocalizedText, source: PlannedRollUp['source'], defined: string[]) => {
    const heldUnit = heldRollUps.get(id);
    if (heldUnit) {
      rollUps.push({ id, name, source, defined, members: [...heldUnit.members], shown: true });
      return;
    }
    const members = defined.filter((group) => !taken.has(group));
    const total = members.reduce((sum, group) => sum + countOf(group), 0);
    const shown = members.length > 0 && isPublishable(total, threshold);
    if (shown) for (const member of members) taken.set(member, id);
    rollUps.push({
      id,
      name,
      source,
      defined,
      members,
      shown,
      ...(shown ? {} : { reason: members.length === 0 ? 'nothingToCombine' : 'belowThreshold' }),
    });
  };
  for (const rollUp of input.rollUps) consider(rollUp.id, rollUp.name, 'adviser', [...rollUp.groups]);
  const heldDefault = heldRollUps.get(DEFAULT_ROLL_UP_ID);
  if (input.combineSmallGroups || heldDefault) {
    const left = heldDefault ? [...heldDefault.members] : groupOrder.filter((group) => !taken.has(group));
    // One group left over is no combination: it keeps its own reason.
    if (left.length > 1 || heldDefault) consider(DEFAULT_ROLL_UP_ID, DEFAULT_ROLL_UP_NAME, 'default', left);
  }

  const units: ReportingUnit[] = [
    ...shownGroups.map((group) => ({ id: group, kind: 'group' as const, members: [group] })),
    ...rollUps.filter((r) => r.shown).map((r) => ({ id: r.id, kind: 'rollUp' as const, members: [...r.members] })),
  ];
  const groups: ReportingPlan['groups'] = {};
  for (const group of groupOrder) {
    const unit = taken.get(group);
    if (unit === group) groups[group] = { unit };
    else if (unit !== undefined)
      groups[group] = { unit, reason: isPublishable(countOf(group), threshold) ? 'heldInRollUp' : 'combined' };
    else groups[group] = { reason: 'belowThreshold' };
  }
  return { units, groups, rollUps };
}

/** Responses a unit holds: the sum of its members' responses. */
export function unitResponses(unit: ReportingUnit, responsesByGroup: Readonly<Record<string, number>>): number {
  return unit.members.reduce((sum, group) => sum + responsesOf(responsesByGroup, group), 0);
}

/**
 * Rule 5: comments of units with at least `commentThreshold` responses only, labelled with their
 * unit, sorted by unit order and then by text (by UTF-16 code units, so the order does not depend on
 * the server's locale). Blank comments are dropped. Submission order is never kept: it would let
 * someone who knows when a colleague answered find that colleague's comment.
 */
export function publishableComments(
  comments: readonly PublishedComment[],
  plan: ReportingPlan,
  responsesByGroup: Readonly<Record<string, number>>,
  commentThreshold: number,
): PublishedComment[] {
  const commentUnits = plan.units.filter((unit) => unitResponses(unit, responsesByGroup) >= commentThreshold);
  const rank = new Map(commentUnits.map((unit, index) => [unit.id, index]));
  const unitOf = new Map(commentUnits.flatMap((unit) => unit.members.map((member) => [member, unit.id] as const)));
  return comments
    .filter((comment) => unitOf.has(comment.group) && comment.text.trim() !== '')
    .map((comment) => ({ group: unitOf.get(comment.group)!, text: comment.text }))
    .sort((a, b) => rank.get(a.group)! - rank.get(b.group)! || compareCodeUnits(a.text, b.text));
}

function responsesOf(responsesByGroup: Readonly<Record<string, number>>, group: string): number {
  return Object.hasOwn(responsesByGroup, group) ? responsesByGroup[group] : 0;
}
