import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { suggestLevers } from '../../core/levers/suggest';
import { sheetTextsFor } from '../../core/sheets/texts';
import { listStatements } from '../../core/survey';
import type { Language } from '../../core/text';
import { requestLanguage } from '../http/language';
import { parseInput } from '../http/validate';
import { readShownRows } from '../routes/roundResponses';
import { releasedResults } from '../routes/release';
import { loadRound, loadedRound } from '../routes/roundParam';
import { scoringSessionView } from '../routes/scoringView';
import type { LeverStore, ResponseStore, RoundStore, ScoringStore, SurveyStore } from '../store/contract';
import { buildRoundWorkbook } from './roundWorkbook';

/** GET /download: the page where an adviser without the add-in downloads a round's workbook. */
export function downloadPageRouter(distDir: string): Router {
  const router = Router();
  const pagePath = path.join(distDir, 'download', 'index.html');
  router.get('/download', (_req, res, next) => {
    res.sendFile(pagePath, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error) next(error);
    });
  });
  return router;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const workbookQuerySchema = z.object({ lang: z.enum(['nl', 'en']).optional() }).strict();

function formatDay(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/**
 * GET /api/rounds/:id/workbook.xlsx: the round's Resultaten, Antwoorden, Samenvatting and Kies sheets
 * as a file, from the same layouts (core/sheets) the add-in writes, with the same anonymity: results
 * and rows of shown groups only. ?lang=nl|en (else Accept-Language) picks the sheets' language.
 */
export function workbookRouter(
  store: {
    rounds: RoundStore;
    surveys: SurveyStore;
    responses: ResponseStore;
    levers: LeverStore;
    scoring: ScoringStore;
  },
  now: () => Date = () => new Date(),
): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store.rounds), async (req, res) => {
    const round = loadedRound(res);
    parseInput(workbookQuerySchema, req.query);
    const language = requestLanguage(req);
    // The same release rule as every other route: nothing of an unreleased round leaves the server.
    const results = await releasedResults(store.responses, round);
    const shown = await readShownRows(store.responses, round.id, results);
    const survey = await store.surveys.getSurvey(round.organisationId, round.surveyId);
    const levers = (await store.levers.listLevers(round.organisationId)).filter((lever) => !lever.retired);
    const byId = new Map(levers.map((lever) => [lever.id, lever]));
    const suggestions = suggestLevers({ results, levers }).map((s) => ({ ...s, lever: byId.get(s.leverId)! }));
    const session = await store.scoring.getScoringSession(round.organisationId, round.id);
    const buffer = await buildRoundWorkbook({
      results,
      responses: {
        roundId: round.id,
        statementIds: survey ? listStatements(survey).map((s) => s.id) : [],
        groups: shown.groups,
        rows: shown.rows,
      },
      suggestions,
      levers,
      scoring: session ? scoringSessionView(session, (id) => byId.get(id)) : undefined,
      texts: sheetTextsFor(language),
      retrievedOn: formatDay(now(), language),
    });
    res.type(XLSX_TYPE).set('Cache-Control', 'no-store').attachment(`koers-${round.id}.xlsx`).send(buffer);
  });
  return router;
}
