import { Router } from 'express';
import { roundInputSchema } from '../../core/round';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { KoersStore } from '../store/types';
import { checkBaseline } from './comparison';
import { loadRound, loadedRound } from './roundParam';

/** /api/rounds: list, open and close rounds. Results, responses and invitations have routers of their own. */
export function roundsRouter(store: KoersStore): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    const organisationId = callerOrganisation(res).id;
    const rounds = store.listRounds(organisationId).map((round) => ({
      ...round,
      surveyTitle: store.getSurvey(organisationId, round.surveyId)?.title,
      responseCount: store.responseCount(round.id),
    }));
    res.json(rounds);
  });

  router.get('/:id', loadRound(store), (_req, res) => {
    const round = loadedRound(res);
    res.json({ ...round, responseCount: store.responseCount(round.id) });
  });

  router.post('/', async (req, res) => {
    const organisationId = callerOrganisation(res).id;
    const input = parseInput(roundInputSchema, req.body);
    const survey = store.getSurvey(organisationId, input.surveyId);
    if (!survey) throw new HttpError(400, 'unknownSurvey', { surveyId: input.surveyId });
    const surveyGroups = new Set(survey.groups.map((g) => g.id));
    const strange = input.groups.find((g) => !surveyGroups.has(g));
    if (strange) throw new HttpError(400, 'unknownGroup', { group: strange });
    checkBaseline(store, organisationId, input);
    const round = await store.createRound(organisationId, { ...input, groups: [...new Set(input.groups)] });
    res.status(201).location(`/api/rounds/${round.id}`).json(round);
  });

  router.post('/:id/close', loadRound(store), async (_req, res) => {
    const round = await store.closeRound(callerOrganisation(res).id, loadedRound(res).id);
    res.json(round);
  });

  return router;
}
