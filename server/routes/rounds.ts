import { Router } from 'express';
import type { Round } from '../../core/round';
import { roundListItemSchema, roundListSchema, roundReplySchema } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { roundInputSchema } from '../../core/round';
import { anonymitySettingsProblem } from '../../core/roundAnonymity';
import { exactCount } from '../../core/coarseCount';
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
        ...(await participation(responses, round)),
      })),
    );
    sendJson(res, roundListSchema, body);
  });

  router.get('/:id', loadRound(rounds), async (_req, res) => {
    const round = loadedRound(res);
    sendJson(res, roundListItemSchema, { ...round, ...(await participation(responses, round)) });
  });

  router.post('/', async (req, res) => {
    const input = parseInput(roundInputSchema, req.body);
    const organisationId = callerOrganisation(res).id;
    const problem = anonymitySettingsProblem({ ...input, groups: [...new Set(input.groups)] });
    if (problem) throw new HttpError(400, problem.code, problem.params);
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

/**
 * What a round shows of its participation: the total and each group's count, as coarse as the
 * anonymity rules need (groups below the threshold "fewer than 5", a total that would expose them as a
 * range), whether or not its results are released.
 */
async function participation(responses: ResponseStore, round: Round) {
  const results = await responses.results(round);
  return {
    responses: results.responses.total,
    participation: results.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      status: g.status,
      responses: g.status === 'shown' ? exactCount(g.responses) : g.responses,
    })),
    released: results.release.state,
  };
}
