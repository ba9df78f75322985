import { createHash } from 'node:crypto';
import { Router } from 'express';
import { roundResponsesSchema, type ResponseRow } from '../../core/api/responses';
import { compareCodeUnits } from '../../core/compare';
import { toCsv } from '../../core/csv';
import { listStatements } from '../../core/survey';
import type { Language } from '../../core/text';
import { requestLanguage } from '../http/language';
import { sendJson } from '../http/sendJson';
import { parseInput } from '../http/validate';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { csvOptionsSchema, wantsCsv } from './params';
import { loadRound, loadedRound } from './roundParam';

/** One anonymised row (core/api/responses.ts): no code, no day, only the group, the ratings and the comment. */
export type { ResponseRow };

/**
 * GET /api/rounds/:id/responses: rows of the groups the results show (the same anonymity rule,
 * including complementary suppression). Rows are ordered by group and then by a hash of their
 * content, so the order says nothing about who answered when.
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
    const results = await store.responses.results(round);
    const shownGroups = results.groups.filter((g) => g.status === 'shown').map((g) => g.id);
    const rows = await readShownRows(store.responses, round.id, shownGroups);
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

export async function readShownRows(
  responses: ResponseStore,
  roundId: string,
  shownGroups: string[],
): Promise<ResponseRow[]> {
  const groupOrder = new Map(shownGroups.map((g, i) => [g, i]));
  const keyed: Array<{ order: number; key: string; row: ResponseRow }> = [];
  for await (const response of responses.readResponses(roundId)) {
    const order = groupOrder.get(response.group);
    if (order === undefined) continue;
    const row: ResponseRow = { group: response.group, answers: response.answers };
    if (response.comment) row.comment = response.comment;
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
