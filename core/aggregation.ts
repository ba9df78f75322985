/**
 * Results of a round from an incremental tally.
 *
 * A server keeps one RoundTally per round in memory and feeds it every stored response once
 * (addToTally, O(answers of that response)). Building results then costs O(groups × statements),
 * whatever the number of responses.
 *
 * Semantics of a cell (one statement, or one section, for one group or for all shown groups):
 * - n: answers where the respondent rated BOTH current and desired ("paired"). For a section cell,
 *   the paired answers of its statements pooled, so n counts answer pairs, not people.
 * - meanCurrent, meanDesired, sdCurrent, sdDesired: over those paired answers only, so both means
 *   describe the same people and their difference is the gap.
 * - gap: the mean of the paired differences (desired − current), equal to meanDesired − meanCurrent;
 *   sdGap: sample sd of those differences; ciLow/ciHigh: 95% CI of the gap with the t distribution
 *   (n − 1 degrees of freedom), null when n < 2.
 * - current/desired distributions: ALL answers on that dimension, also those whose other dimension
 *   was "don't know"; "weet niet / n.v.t." (null) is counted in dontKnow. A statement left out of a
 *   response altogether is not counted anywhere.
 * - actionNeeded: gap ≥ round.actionGap (false when there is no gap).
 * - overall: the sum of the shown group cells only (see anonymity.ts, rule 4).
 * Sums are kept exactly (integer ratings), so pooling in any order gives identical figures.
 */
import { roundGroupName } from './roundGroups';
import type { Survey } from './survey';
import { listStatements } from './survey';
import type { Round } from './round';
import type { StoredResponse } from './response';
import type { Cell, GroupResult, RoundResults, SectionResult, ShownCell, StatementResult } from './results';
import { isPublishable, publishableComments, shownGroups, type PublishedComment } from './anonymity';
import { confidenceInterval95, mean, sampleSd } from './stats';

/** Answers on one dimension (current or desired): one count per scale point, plus "don't know". */
export interface DimensionTally {
  /** Index 0 = scale.min. */
  counts: number[];
  dontKnow: number;
}

/** Sufficient statistics of one statement (or a pool of statements) for one group. */
export interface CellTally {
  /** Paired answers: both current and desired rated. All sums below are over these. */
  n: number;
  sumCurrent: number;
  sumSqCurrent: number;
  sumDesired: number;
  sumSqDesired: number;
  /** Σ (desired − current) and Σ (desired − current)². */
  sumGap: number;
  sumSqGap: number;
  /** All answers per dimension, paired or not. */
  current: DimensionTally;
  desired: DimensionTally;
}

export interface RoundTally {
  scale: { min: number; max: number };
  /** The round's groups, in round order. */
  groups: string[];
  /** Every response received, also one from a group not in `groups` (counted, never shown). */
  totalResponses: number;
  responsesByGroup: Record<string, number>;
  /** group id → statement id → statistics. */
  cells: Record<string, Record<string, CellTally>>;
  /** In arrival order; only ever published through publishableComments, which re-sorts them. */
  comments: PublishedComment[];
  /** Non-blank comments per group, so results can say how many there are without touching them. */
  commentsByGroup: Record<string, number>;
}

export function createTally(survey: Survey, groups: string[]): RoundTally {
  const scale = { min: survey.scale.min, max: survey.scale.max };
  const statementIds = listStatements(survey).map((statement) => statement.id);
  const tally: RoundTally = {
    scale,
    groups: [...groups],
    totalResponses: 0,
    responsesByGroup: {},
    cells: {},
    comments: [],
    commentsByGroup: {},
  };
  for (const group of groups) {
    tally.responsesByGroup[group] = 0;
    tally.commentsByGroup[group] = 0;
    tally.cells[group] = {};
    for (const id of statementIds) tally.cells[group][id] = emptyCellTally(scale);
  }
  return tally;
}

/**
 * Adds one stored response. Answers to statements the tally does not know and ratings outside the
 * scale are ignored (stored responses are validated on the way in; this only keeps a bad record
 * from corrupting the statistics). A response of an unknown group counts in totalResponses only.
 */
export function addToTally(tally: RoundTally, response: StoredResponse): void {
  tally.totalResponses += 1;
  if (!Object.hasOwn(tally.cells, response.group)) return;
  tally.responsesByGroup[response.group] += 1;
  const groupCells = tally.cells[response.group];
  for (const [statementId, [current, desired]] of Object.entries(response.answers)) {
    if (!Object.hasOwn(groupCells, statementId)) continue;
    addAnswer(groupCells[statementId], tally.scale, current, desired);
  }
  if (response.comment !== undefined && response.comment.trim() !== '') {
    tally.comments.push({ group: response.group, text: response.comment });
    tally.commentsByGroup[response.group] += 1;
  }
}

/**
 * The figures of a round. Comments are not part of them: their number grows with the responses,
 * while building results must cost the same at 100 or 100,000 responses (see buildComments).
 */
export function buildResults(input: { tally: RoundTally; survey: Survey; round: Round }): RoundResults {
  const { tally, survey, round } = input;
  const threshold = round.anonymityThreshold;
  const shown = shownGroupsOf(tally, round);
  const visible = visibleStatementCells(tally, survey, round.groups, shown, threshold);
  const describe = (pool: CellTally): Cell => publishCell(pool, threshold, round.actionGap);
  return {
    roundId: round.id,
    roundName: round.name,
    surveyId: survey.id,
    surveyTitle: survey.title,
    status: round.status,
    anonymityThreshold: threshold,
    actionGap: round.actionGap,
    scale: { ...tally.scale },
    responseCount: tally.totalResponses,
    groups: groupResults(survey, round, shown, tally),
    sections: sectionResults(survey, round.groups, visible, tally.scale, describe),
    statements: statementResults(survey, round.groups, visible, tally.scale, describe),
  };
}

/** The comments a round may publish: those of shown groups, in an order that reveals nothing. */
export function buildComments(input: { tally: RoundTally; round: Round }): PublishedComment[] {
  return publishableComments(input.tally.comments, shownGroupsOf(input.tally, input.round));
}

function shownGroupsOf(tally: RoundTally, round: Round): string[] {
  return shownGroups({
    groupOrder: round.groups,
    responsesByGroup: tally.responsesByGroup,
    totalResponses: tally.totalResponses,
    threshold: round.anonymityThreshold,
  });
}

/**
 * group → statement → its tally, for publishable statement cells only (rules 1–3). A group that is
 * not shown maps to undefined; a suppressed statement cell is simply absent. Every pooled figure is
 * built from this map and nothing else, which is what makes rule 4 hold.
 */
type VisibleCells = Map<string, Map<string, CellTally> | undefined>;

function visibleStatementCells(
  tally: RoundTally,
  survey: Survey,
  groupOrder: readonly string[],
  shown: readonly string[],
  threshold: number,
): VisibleCells {
  const visible: VisibleCells = new Map();
  for (const group of groupOrder) {
    if (!shown.includes(group)) {
      visible.set(group, undefined);
      continue;
    }
    const cells = new Map<string, CellTally>();
    for (const statement of listStatements(survey)) {
      const cell = statementTally(tally, group, statement.id);
      if (cell && isPublishable(cell.n, threshold)) cells.set(statement.id, cell);
    }
    visible.set(group, cells);
  }
  return visible;
}

function statementTally(tally: RoundTally, group: string, statementId: string): CellTally | undefined {
  if (!Object.hasOwn(tally.cells, group)) return undefined;
  const groupCells = tally.cells[group];
  return Object.hasOwn(groupCells, statementId) ? groupCells[statementId] : undefined;
}

function groupResults(
  survey: Survey,
  round: Pick<Round, 'groups' | 'groupNames'>,
  shown: readonly string[],
  tally: RoundTally,
): GroupResult[] {
  const countOf = (counts: Readonly<Record<string, number>>, id: string) =>
    Object.hasOwn(counts, id) ? counts[id] : 0;
  return round.groups.map((id) => {
    const name = roundGroupName(round, survey, id);
    if (!shown.includes(id)) return { id, name, status: 'suppressed' };
    return {
      id,
      name,
      status: 'shown',
      responses: countOf(tally.responsesByGroup, id),
      comments: countOf(tally.commentsByGroup, id),
    };
  });
}

type Describe = (pool: CellTally) => Cell;

function statementResults(
  survey: Survey,
  groupOrder: readonly string[],
  visible: VisibleCells,
  scale: RoundTally['scale'],
  describe: Describe,
): StatementResult[] {
  return listStatements(survey).map((statement) => {
    const partsOf = (group: string): CellTally[] => {
      const cell = visible.get(group)?.get(statement.id);
      return cell ? [cell] : [];
    };
    return {
      statementId: statement.id,
      sectionId: statement.sectionId,
      text: statement.text,
      ...rowCells(groupOrder, visible, partsOf, scale, describe),
    };
  });
}

function sectionResults(
  survey: Survey,
  groupOrder: readonly string[],
  visible: VisibleCells,
  scale: RoundTally['scale'],
  describe: Describe,
): SectionResult[] {
  return survey.sections.map((section) => {
    const partsOf = (group: string): CellTally[] => {
      const cells = visible.get(group);
      if (!cells) return [];
      return section.statements.flatMap((statement) => cells.get(statement.id) ?? []);
    };
    return {
      sectionId: section.id,
      title: section.title,
      ...rowCells(groupOrder, visible, partsOf, scale, describe),
    };
  });
}

/**
 * byGroup and overall of one row. `partsOf(group)` gives the visible statement cells that make up
 * the row for that group; the overall pools the parts of every shown group, i.e. exactly the cells
 * whose pools are published per group.
 */
function rowCells(
  groupOrder: readonly string[],
  visible: VisibleCells,
  partsOf: (group: string) => CellTally[],
  scale: RoundTally['scale'],
  describe: Describe,
): Pick<StatementResult, 'overall' | 'byGroup'> {
  const byGroup: Record<string, Cell> = {};
  const overallParts: CellTally[] = [];
  for (const group of groupOrder) {
    if (visible.get(group) === undefined) {
      byGroup[group] = { status: 'suppressed' };
      continue;
    }
    const parts = partsOf(group);
    overallParts.push(...parts);
    byGroup[group] = describe(poolCells(parts, scale));
  }
  return { overall: describe(poolCells(overallParts, scale)), byGroup };
}

/** A published cell, or a bare suppressed marker when fewer than `threshold` pairs are behind it. */
function publishCell(pool: CellTally, threshold: number, actionGap: number): Cell {
  if (!isPublishable(pool.n, threshold)) return { status: 'suppressed' };
  return describeCell(pool, actionGap);
}

/** The published figures of a tally (see the semantics at the top of this file). */
export function describeCell(cell: CellTally, actionGap: number): ShownCell {
  const gap = mean(cell.sumGap, cell.n);
  const sdGap = sampleSd(cell.sumGap, cell.sumSqGap, cell.n);
  const ci = confidenceInterval95(gap, sdGap, cell.n);
  return {
    status: 'shown',
    n: cell.n,
    meanCurrent: mean(cell.sumCurrent, cell.n),
    meanDesired: mean(cell.sumDesired, cell.n),
    gap,
    sdCurrent: sampleSd(cell.sumCurrent, cell.sumSqCurrent, cell.n),
    sdDesired: sampleSd(cell.sumDesired, cell.sumSqDesired, cell.n),
    sdGap,
    ciLow: ci ? ci.low : null,
    ciHigh: ci ? ci.high : null,
    actionNeeded: gap !== null && gap >= actionGap,
    current: { counts: [...cell.current.counts], dontKnow: cell.current.dontKnow },
    desired: { counts: [...cell.desired.counts], dontKnow: cell.desired.dontKnow },
  };
}

export function emptyCellTally(scale: RoundTally['scale']): CellTally {
  const points = scale.max - scale.min + 1;
  return {
    n: 0,
    sumCurrent: 0,
    sumSqCurrent: 0,
    sumDesired: 0,
    sumSqDesired: 0,
    sumGap: 0,
    sumSqGap: 0,
    current: { counts: new Array<number>(points).fill(0), dontKnow: 0 },
    desired: { counts: new Array<number>(points).fill(0), dontKnow: 0 },
  };
}

/** Sum of cell tallies: the statistics of all their answers together. */
export function poolCells(cells: readonly CellTally[], scale: RoundTally['scale']): CellTally {
  const pool = emptyCellTally(scale);
  for (const cell of cells) {
    pool.n += cell.n;
    pool.sumCurrent += cell.sumCurrent;
    pool.sumSqCurrent += cell.sumSqCurrent;
    pool.sumDesired += cell.sumDesired;
    pool.sumSqDesired += cell.sumSqDesired;
    pool.sumGap += cell.sumGap;
    pool.sumSqGap += cell.sumSqGap;
    addDimension(pool.current, cell.current);
    addDimension(pool.desired, cell.desired);
  }
  return pool;
}

function addDimension(target: DimensionTally, source: DimensionTally): void {
  source.counts.forEach((count, index) => {
    target.counts[index] += count;
  });
  target.dontKnow += source.dontKnow;
}

type Rating = number | null;

function addAnswer(cell: CellTally, scale: RoundTally['scale'], current: Rating, desired: Rating): void {
  const currentOk = countRating(cell.current, scale, current);
  const desiredOk = countRating(cell.desired, scale, desired);
  if (!currentOk || !desiredOk || current === null || desired === null) return;
  const difference = desired - current;
  cell.n += 1;
  cell.sumCurrent += current;
  cell.sumSqCurrent += current * current;
  cell.sumDesired += desired;
  cell.sumSqDesired += desired * desired;
  cell.sumGap += difference;
  cell.sumSqGap += difference * difference;
}

/** Counts one rating in its distribution; false (and nothing counted) for a rating off the scale. */
function countRating(dimension: DimensionTally, scale: RoundTally['scale'], rating: Rating): boolean {
  if (rating === null) {
    dimension.dontKnow += 1;
    return true;
  }
  if (!isOnScale(rating, scale)) return false;
  dimension.counts[rating - scale.min] += 1;
  return true;
}

function isOnScale(rating: unknown, scale: RoundTally['scale']): rating is number {
  return typeof rating === 'number' && Number.isInteger(rating) && rating >= scale.min && rating <= scale.max;
}
