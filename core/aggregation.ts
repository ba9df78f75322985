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
import {
  isPublishable,
  publishableComments,
  unitResponses,
  type PublishedComment,
  type ReportingPlan,
  type ReportingUnit,
} from './anonymity';
import { hiddenReasonLabel } from './anonymityText';
import { coarseCount, coarseTotal } from './coarseCount';
import { rankPriorities } from './priorities';
import { advanceInterim, planOf, releasedView, type InterimState } from './release';
import { anonymitySettings, type AnonymitySettings } from './roundAnonymity';
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
  /** Interim releases of a round that has them (release.ts); absent for rounds released at closing. */
  interim?: InterimState;
}

/**
 * An empty tally for a round's groups. Pass the round itself when it may release interim results, so
 * each response can move the interim release on (release.ts).
 */
export function createTally(
  survey: Survey,
  groups: string[],
  round?: Pick<
    Round,
    'groups' | 'anonymityThreshold' | 'rollUps' | 'combineSmallGroups' | 'commentThreshold' | 'release'
  >,
): RoundTally {
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
  const settings = round ? anonymitySettings(round) : undefined;
  if (settings?.release === 'interim') tally.interim = { settings };
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
  if (!Object.hasOwn(tally.cells, response.group)) {
    if (tally.interim) advanceInterim(tally, tally.interim);
    return;
  }
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
  if (tally.interim) advanceInterim(tally, tally.interim);
}

/**
 * The figures of a round as they may be read now (release.ts): nothing but participation during
 * fieldwork, the latest interim release of an interim round, the final figures of a closed round.
 * Comments are not part of them: their number grows with the responses, while building results must
 * cost the same at 100 or 100,000 responses (see buildComments).
 */
export function buildResults(input: { tally: RoundTally; survey: Survey; round: Round }): RoundResults {
  const { tally, survey, round } = input;
  const settings = anonymitySettings(round);
  const view = releasedView(tally, settings, round.status === 'closed', tally.interim);
  const base = {
    roundId: round.id,
    roundName: round.name,
    surveyId: survey.id,
    surveyTitle: survey.title,
    status: round.status,
    anonymityThreshold: settings.threshold,
    commentThreshold: settings.commentThreshold,
    actionGap: round.actionGap,
    scale: { ...tally.scale },
  };
  if (view.state === 'notReleased') {
    // Participation only: counts as coarse as everywhere else, no figure at all.
    const plan = planOf(tally, settings);
    return {
      ...base,
      responses: responsesOf(tally, plan, settings.threshold),
      release: { mode: settings.release, state: 'notReleased', reason: view.reason },
      groups: columnResults(survey, round, plan, tally, settings, false),
      sections: [],
      statements: [],
      priorities: rankPriorities([], round.actionGap),
    };
  }
  const { plan } = view;
  const released = view.tally;
  const threshold = settings.threshold;
  const visible = visibleStatementCells(released, survey, plan, threshold);
  const describe = (pool: CellTally): Cell => publishCell(pool, threshold, round.actionGap);
  const statements = statementResults(survey, plan, visible, released.scale, describe);
  return {
    ...base,
    responses: responsesOf(released, plan, threshold),
    release: {
      mode: settings.release,
      state: view.state,
      ...(view.withheldAfterLastRelease ? { withheldAfterLastRelease: true } : {}),
    },
    groups: columnResults(survey, round, plan, released, settings, true),
    sections: sectionResults(survey, plan, visible, released.scale, describe),
    statements,
    priorities: rankPriorities(statements, round.actionGap),
  };
}

/** The comments a round may publish now: those of columns at the comment threshold, in an order that reveals nothing. */
export function buildComments(input: { tally: RoundTally; round: Round }): PublishedComment[] {
  const settings = anonymitySettings(input.round);
  const view = releasedView(input.tally, settings, input.round.status === 'closed', input.tally.interim);
  if (view.state === 'notReleased') return [];
  return publishableComments(view.tally.comments, view.plan, view.tally.responsesByGroup, settings.commentThreshold);
}

/**
 * The published columns of a round now, with the exact number of responses each holds in the
 * release (for the rows endpoint, which serves per column the first that many rows of its members in
 * arrival order: exactly the responses the release holds). Undefined when nothing is released.
 */
export function releasedColumns(input: {
  tally: RoundTally;
  round: Round;
}): Array<ReportingUnit & { responses: number; commentsShown: boolean }> | undefined {
  const settings = anonymitySettings(input.round);
  const view = releasedView(input.tally, settings, input.round.status === 'closed', input.tally.interim);
  if (view.state === 'notReleased') return undefined;
  return view.plan.units.map((unit) => {
    const responses = unitResponses(unit, view.tally.responsesByGroup);
    return { ...unit, members: [...unit.members], responses, commentsShown: responses >= settings.commentThreshold };
  });
}

/** Every count published with the results: exact for shown columns, coarse otherwise. */
function responsesOf(tally: RoundTally, plan: ReportingPlan, threshold: number): RoundResults['responses'] {
  const shown = plan.units.reduce((sum, unit) => sum + unitResponses(unit, tally.responsesByGroup), 0);
  const rest = tally.totalResponses - shown;
  const anyHidden = tally.groups.some((group) => plan.groups[group]?.unit === undefined);
  const total = coarseTotal({ published: shown, rest, threshold, anyHidden });
  return {
    total,
    shown,
    notShown: total.exact ? { exact: true, value: rest } : { exact: false, atLeast: 0, below: threshold },
  };
}

/**
 * group → statement → its tally, for publishable statement cells only (rules 1–3), keyed by column
 * (a shown group or roll-up, whose cell pools its members). A column that is not shown is absent; a
 * suppressed statement cell is absent from its column's map. Every pooled figure is built from this
 * map and nothing else, which is what makes rule 4 hold.
 */
type VisibleCells = Map<string, Map<string, CellTally>>;

function visibleStatementCells(
  tally: RoundTally,
  survey: Survey,
  plan: ReportingPlan,
  threshold: number,
): VisibleCells {
  const visible: VisibleCells = new Map();
  for (const unit of plan.units) {
    const cells = new Map<string, CellTally>();
    for (const statement of listStatements(survey)) {
      const parts = unit.members.flatMap((group) => statementTally(tally, group, statement.id) ?? []);
      const cell = parts.length === 1 ? parts[0] : poolCells(parts, tally.scale);
      if (isPublishable(cell.n, threshold)) cells.set(statement.id, cell);
    }
    visible.set(unit.id, cells);
  }
  return visible;
}

function statementTally(tally: RoundTally, group: string, statementId: string): CellTally | undefined {
  if (!Object.hasOwn(tally.cells, group)) return undefined;
  const groupCells = tally.cells[group];
  return Object.hasOwn(groupCells, statementId) ? groupCells[statementId] : undefined;
}

/** The round's groups in round order, then every roll-up considered, each shown or with its reason. */
function columnResults(
  survey: Survey,
  round: Round,
  plan: ReportingPlan,
  tally: RoundTally,
  settings: AnonymitySettings,
  released: boolean,
): GroupResult[] {
  const { threshold, commentThreshold } = settings;
  const countOf = (id: string) => (Object.hasOwn(tally.responsesByGroup, id) ? tally.responsesByGroup[id] : 0);
  const commentsOf = (members: readonly string[]) =>
    members.reduce((sum, id) => sum + (Object.hasOwn(tally.commentsByGroup, id) ? tally.commentsByGroup[id] : 0), 0);
  const shownColumn = (members: readonly string[]) => {
    const responses = members.reduce((sum, id) => sum + countOf(id), 0);
    const commentsShown = released && responses >= commentThreshold;
    return { status: 'shown' as const, responses, comments: commentsShown ? commentsOf(members) : 0, commentsShown };
  };
  const unitById = new Map(plan.units.map((unit) => [unit.id, unit]));
  const groups: GroupResult[] = round.groups.map((id) => {
    const name = roundGroupName(round, survey, id);
    const entry = plan.groups[id] ?? { reason: 'belowThreshold' as const };
    if (entry.unit === id) return { id, name, kind: 'group', ...shownColumn([id]) };
    const rollUp = entry.unit === undefined ? undefined : unitById.get(entry.unit);
    // A group inside a roll-up: below the threshold ("combined"), or held there by an interim release;
    // then only "fewer than the roll-up's count + 1", so the roll-up minus it isolates nothing.
    const responses =
      entry.reason === 'heldInRollUp' && rollUp
        ? { exact: false as const, atLeast: 0, below: unitResponses(rollUp, tally.responsesByGroup) + 1 }
        : coarseCount(Math.min(countOf(id), threshold - 1), threshold);
    return {
      id,
      name,
      kind: 'group',
      status: 'suppressed',
      reason: { code: entry.reason ?? 'belowThreshold' },
      responses,
      ...(rollUp ? { rollUp: rollUp.id } : {}),
    };
  });
  const rollUps: GroupResult[] = plan.rollUps.map((rollUp) => {
    const common = { id: rollUp.id, name: rollUp.name, kind: 'rollUp' as const, source: rollUp.source };
    if (rollUp.shown) return { ...common, members: [...rollUp.members], ...shownColumn(rollUp.members) };
    const members = rollUp.members.length > 0 ? rollUp.members : rollUp.defined;
    return {
      ...common,
      members: [...members],
      status: 'suppressed',
      reason: { code: rollUp.reason ?? 'belowThreshold' },
      responses:
        rollUp.reason === 'nothingToCombine'
          ? { exact: true, value: 0 }
          : { exact: false, atLeast: 0, below: threshold },
    };
  });
  // The server words each reason itself, in both languages, so the sheets print what the data says.
  const columns = [...groups, ...rollUps];
  const context = { groups: columns, anonymityThreshold: threshold };
  return columns.map((column) =>
    column.status === 'shown'
      ? column
      : {
          ...column,
          reason: {
            code: column.reason.code,
            text: { nl: hiddenReasonLabel(column, context, 'nl')!, en: hiddenReasonLabel(column, context, 'en')! },
          },
        },
  );
}

type Describe = (pool: CellTally) => Cell;

function statementResults(
  survey: Survey,
  plan: ReportingPlan,
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
      ...rowCells(plan, visible, partsOf, scale, describe),
    };
  });
}

function sectionResults(
  survey: Survey,
  plan: ReportingPlan,
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
      ...rowCells(plan, visible, partsOf, scale, describe),
    };
  });
}

/**
 * byGroup and overall of one row. `partsOf(column)` gives the visible statement cells that make up
 * the row for that column; the overall pools the parts of every shown column, i.e. exactly the cells
 * whose pools are published per column. byGroup holds every group of the round and every roll-up
 * considered; columns that are not shown get a suppressed marker with reason unitNotShown.
 */
function rowCells(
  plan: ReportingPlan,
  visible: VisibleCells,
  partsOf: (column: string) => CellTally[],
  scale: RoundTally['scale'],
  describe: Describe,
): Pick<StatementResult, 'overall' | 'byGroup'> {
  const byGroup: Record<string, Cell> = {};
  for (const id of [...Object.keys(plan.groups), ...plan.rollUps.map((r) => r.id)])
    byGroup[id] = { status: 'suppressed', reason: 'unitNotShown' };
  const overallParts: CellTally[] = [];
  for (const unit of plan.units) {
    const parts = partsOf(unit.id);
    overallParts.push(...parts);
    byGroup[unit.id] = describe(poolCells(parts, scale));
  }
  return { overall: describe(poolCells(overallParts, scale)), byGroup };
}

/** A published cell, or a bare suppressed marker when fewer than `threshold` pairs are behind it. */
function publishCell(pool: CellTally, threshold: number, actionGap: number): Cell {
  if (!isPublishable(pool.n, threshold)) return { status: 'suppressed', reason: 'fewAnswers' };
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
