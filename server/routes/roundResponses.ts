import { createHash } from 'node:crypto';
import { Router } from 'express';
import { roundResponsesSchema, type ResponseRow } from '../../core/api/responses';
import { compareCodeUnits } from '../../core/compare';
import { toCsv } from '../../core/csv';
import type { RoundResults } from '../../core/results';
import { listStatements } from '../../core/survey';
import type { Language } from '../../core/text';
import { requestLanguage } from '../http/language';
import { sendJson } from '../http/sendJson';
import { parseInput } from '../http/validate';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { csvOptionsSchema, wantsCsv } from './params';
import { releasedResults } from './release';
import { loadRound, loadedRound } from './roundParam';

/** One anonymised row (core/api/responses.ts): no code, no day, only the group, the ratings and the comment. */
export type { ResponseRow };

/**
 * GET /api/rounds/:id/responses: rows of the columns the released results show, each row labelled
 * with its column (a group, or the roll-up holding it); per column exactly the responses the release
 * holds (the first that many of its groups in arrival order, as the tally counted them), comments only
 * where the column reaches the comment threshold. 409 while nothing is released. Rows are ordered
 * by column and then by a hash of their content, so the order says nothing about who answered when.
 */
export function roundResponsesRouter(store: {
  rounds: RoundStore;
  surveys: SurveyStore;
  responses: ResponseStore;
}): Router {
  const router = Router({ mergeParams: true });

  router.get('/', loadRound(store.rounds), async (req, res) => {
    const round = loadedRound(res);
    const options = parseInput(csvOptionsSchema, req.query);
    const results = await releasedResults(store.responses, round);
    const { groups: shownGroups, rows } = await readShownRows(store.responses, round.id, results);
    const survey = await store.surveys.getSurvey(round.organisationId, round.surveyId);
    const statementIds = survey ? listStatements(survey).map((s) => s.id) : [];

    if (wantsCsv(req, options.format)) {
      const language = options.lang ?? requestLanguage(req);
      const csv = toCsv(csvTable(rows, statementIds, language), {
        separator: options.separator === 'comma' ? ',' : ';',
        decimalComma: options.decimal === 'comma',
      });
      res.type('text/csv; charset=utf-8').attachment(`antwoorden-${round.id}.csv`).send(csv);
      return;
    }
    sendJson(res, roundResponsesSchema, { roundId: round.id, statementIds, groups: shownGroups, rows });
  });

  return router;
}

/**
 * The rows the released results stand for: one column per shown group or roll-up. Shared by the
 * rows export and the workbook download, so both hold exactly what the results show.
 */
export async function readShownRows(
  responses: ResponseStore,
  roundId: string,
  results: RoundResults,
): Promise<{ groups: string[]; rows: ResponseRow[] }> {
  const columns = results.groups.flatMap((g) =>
    g.status === 'shown'
      ? [{ id: g.id, members: g.members ?? [g.id], responses: g.responses, commentsShown: g.commentsShown }]
      : [],
  );
  return { groups: columns.map((c) => c.id), rows: await readRowsOfColumns(responses, roundId, columns) };
}

interface Column {
  id: string;
  members: string[];
  responses: number;
  commentsShown: boolean;
}

async function readRowsOfColumns(responses: ResponseStore, roundId: string, columns: Column[]): Promise<ResponseRow[]> {
  const columnOf = new Map(
    columns.flatMap((column, order) => column.members.map((m) => [m, { column, order }] as const)),
  );
  const taken = new Map<string, number>();
  const keyed: Array<{ order: number; key: string; row: ResponseRow }> = [];
  for await (const response of responses.readResponses(roundId)) {
    const found = columnOf.get(response.group);
    if (found === undefined) continue;
    const { column, order } = found;
    const count = taken.get(column.id) ?? 0;
    if (count >= column.responses) continue;
    taken.set(column.id, count + 1);
    const row: ResponseRow = { group: column.id, answers: response.answers };
    if (response.comment && column.commentsShown) row.comment = response.comment;
    const key = createHash('sha256').update(JSON.stringify(row)).digest('hex');
    keyed.push({ order, key, row });
  }
  keyed.sort((a, b) => a.order - b.order || compareCodeUnits(a.key, b.key));
  return keyed.map((k) => k.row);
}

function csvTable(rows: ResponseRow[], statementIds: string[], language: Language): (string | number | null)[][] {
  const [current, desired, group, comment] =
    language === 'en' ? ['current', 'desired', 'group', 'comment'] : ['huidig', 'gewenst', 'groep', 'opmerking'];
  const header = [group, ...statementIds.flatMap((id) => [`${id} ${current}`, `${id} ${desired}`]), comment];
  const body = rows.map((row) => [
    row.group,
    ...statementIds.flatMap((id) => row.answers[id] ?? [null, null]),
    row.comment ?? '',
  ]);
  return [header, ...body];
}
