/**
 * The running totals of the PostgreSQL store: core's RoundTally, flattened into one bigint array per
 * round x group (x shard) so the database can add a response to it in the submitting transaction.
 *
 * Layout: for each statement of the survey, in listStatements order, FIELDS_PER_STATEMENT numbers:
 *   n, sumCurrent, sumSqCurrent, sumDesired, sumSqDesired, sumGap, sumSqGap,
 *   current.counts[0..points-1], current.dontKnow, desired.counts[0..points-1], desired.dontKnow.
 * A survey never changes once made, so the layout of a round is fixed.
 *
 * The delta of one response is computed with core's own addToTally on an empty one-group tally, so
 * the database sums exactly what the embedded store's in-memory tally sums.
 */
import { addToTally, createTally, type CellTally, type RoundTally } from '../../../core/aggregation';
import type { StoredResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { listStatements } from '../../../core/survey';

const SUMS = 7;

function pointsOf(survey: Pick<Survey, 'scale'>): number {
  return survey.scale.max - survey.scale.min + 1;
}

export function fieldsPerStatement(survey: Pick<Survey, 'scale'>): number {
  return SUMS + 2 * (pointsOf(survey) + 1);
}

function writeCell(target: number[], offset: number, cell: CellTally): void {
  const sums = [
    cell.n,
    cell.sumCurrent,
    cell.sumSqCurrent,
    cell.sumDesired,
    cell.sumSqDesired,
    cell.sumGap,
    cell.sumSqGap,
  ];
  let at = offset;
  for (const value of sums) target[at++] = value;
  for (const value of cell.current.counts) target[at++] = value;
  target[at++] = cell.current.dontKnow;
  for (const value of cell.desired.counts) target[at++] = value;
  target[at++] = cell.desired.dontKnow;
}

function readCell(source: readonly number[], offset: number, points: number): CellTally {
  let at = offset;
  const next = (): number => source[at++] ?? 0;
  const cell: CellTally = {
    n: next(),
    sumCurrent: next(),
    sumSqCurrent: next(),
    sumDesired: next(),
    sumSqDesired: next(),
    sumGap: next(),
    sumSqGap: next(),
    current: { counts: [], dontKnow: 0 },
    desired: { counts: [], dontKnow: 0 },
  };
  for (let i = 0; i < points; i += 1) cell.current.counts.push(next());
  cell.current.dontKnow = next();
  for (let i = 0; i < points; i += 1) cell.desired.counts.push(next());
  cell.desired.dontKnow = next();
  return cell;
}

/** What one response adds to its group's array. */
export function responseDelta(survey: Survey, response: StoredResponse): number[] {
  const tally = createTally(survey, [response.group]);
  addToTally(tally, response);
  const cells = tally.cells[response.group]!;
  const width = fieldsPerStatement(survey);
  const statements = listStatements(survey);
  const out = new Array<number>(statements.length * width).fill(0);
  statements.forEach((statement, index) => writeCell(out, index * width, cells[statement.id]!));
  return out;
}

/** A whole in-memory tally as round_tallies rows, one per group (for bulk imports). */
export function tallyToRows(survey: Survey, tally: RoundTally): TallyRow[] {
  const width = fieldsPerStatement(survey);
  const statements = listStatements(survey);
  return tally.groups.map((group) => {
    const stats = new Array<number>(statements.length * width).fill(0);
    statements.forEach((statement, index) => writeCell(stats, index * width, tally.cells[group]![statement.id]!));
    return {
      group,
      responses: tally.responsesByGroup[group] ?? 0,
      comments: tally.commentsByGroup[group] ?? 0,
      stats,
    };
  });
}

/** One stored row of round_tallies (shards of one group are added up by the caller or here). */
export interface TallyRow {
  group: string;
  responses: number;
  comments: number;
  stats: readonly number[];
}

/**
 * A RoundTally from the stored rows, ready for core's buildResults. `comments` stays empty: results
 * never read it, and comments are served by their own query.
 */
export function tallyFromRows(survey: Survey, groups: readonly string[], rows: readonly TallyRow[]): RoundTally {
  const tally = createTally(survey, [...groups]);
  const width = fieldsPerStatement(survey);
  const points = pointsOf(survey);
  const statements = listStatements(survey);
  const sums = new Map<string, number[]>();
  for (const row of rows) {
    tally.totalResponses += row.responses;
    if (!Object.hasOwn(tally.cells, row.group)) continue;
    tally.responsesByGroup[row.group]! += row.responses;
    tally.commentsByGroup[row.group]! += row.comments;
    let sum = sums.get(row.group);
    if (!sum) sums.set(row.group, (sum = new Array<number>(statements.length * width).fill(0)));
    const length = Math.min(sum.length, row.stats.length);
    for (let i = 0; i < length; i += 1) sum[i]! += row.stats[i]!;
  }
  for (const [group, sum] of sums) {
    statements.forEach((statement, index) => {
      tally.cells[group]![statement.id] = readCell(sum, index * width, points);
    });
  }
  return tally;
}
