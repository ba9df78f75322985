import { Router } from 'express';
import { roundListItemSchema, roundListSchema, roundReplySchema } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { roundInputSchema } from '../../core/round';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { checkBaseline } from './comparison';
import { idParamSchema } from './params';
import { loadRound, loadedRound } from './roundParam';

/** /api/rounds: list, open and close rounds. Results, responses and invitations have routers of their own. */
export function roundsRouter({
  rounds,
  surveys,
  responses,
}: {
  rounds: RoundStore;
  surveys: SurveyStore;
  responses: ResponseStore;
}): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const organisationId = callerOrganisation(res).id;
    const list = await rounds.listRounds(organisationId);
    const body = await Promise.all(
      list.map(async (round) => ({
        ...round,
        surveyTitle: (await surveys.getSurvey(organisationId, round.surveyId))?.title,
        responseCount: await responses.responseCount(round.id),
      })),
    );
    sendJson(res, roundListSchema, body);
  });

  router.get('/:id', loadRound(rounds), async (_req, res) => {
    const round = loadedRound(res);
    sendJson(res, roundListItemSchema, { ...round, responseCount: await responses.responseCount(round.id) });
  });

  router.post('/', async (req, res) => {
    const input = parseInput(roundInputSchema, req.body);
    const organisationId = callerOrganisation(res).id;
    await checkBaseline({ rounds, surveys }, organisationId, input);
    // The store refuses unknown surveys and groups (StoreError → 400).
    const round = await rounds.createRound(organisationId, input);
    sendJson(res.location(`/api/rounds/${round.id}`), roundReplySchema, round, 201);
  });

  router.post('/:id/close', async (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    const round = await rounds.closeRound(callerOrganisation(res).id, id);
    if (!round) throw new HttpError(404, 'roundNotFound');
    sendJson(res, roundReplySchema, round);
  });

  return router;
}
