import { Router, type Response } from 'express';
import {
  scoreSubmissionSchema,
  scoringSessionInputSchema,
  type ScoringSessionCreated,
} from '../../core/levers/scoringSession';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { KoersStore, ScoringSession } from '../store/types';
import { loadRound, loadedRound } from './roundParam';
import { scoringSessionView } from './scoringView';

/**
 * /api/rounds/:id/scoring: the MT scores the chosen levers on impact and feasibility through personal
 * links; the adviser reads the aggregate, may add their own scores as one more rater, and closes.
 */
export function scoringRouter(store: KoersStore, publicUrl: string | undefined): Router {
  const router = Router({ mergeParams: true });
  router.use(loadRound(store));

  const view = (session: ScoringSession) =>
    scoringSessionView(session, (leverId) => store.getLever(session.organisationId, leverId));

  router.post('/', async (req, res) => {
    const round = loadedRound(res);
    const input = parseInput(scoringSessionInputSchema, req.body);
    const { session, tokens } = await store.openScoringSession(round, input.leverIds, input.raters);
    const base = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const body: ScoringSessionCreated = { ...view(session), links: tokens.map((token) => `${base}/s/${token}`) };
    // The links are shown this once: keep them out of caches.
    res.status(201).set('Cache-Control', 'no-store').json(body);
  });

  router.get('/', (_req, res) => {
    res.json(view(latestSession(store, res)));
  });

  router.post('/adviser', async (req, res) => {
    const round = loadedRound(res);
    const { scores } = parseInput(scoreSubmissionSchema, req.body);
    res.json(view(await store.saveAdviserScores(round.organisationId, round.id, scores)));
  });

  router.post('/close', async (_req, res) => {
    const round = loadedRound(res);
    const session = await store.closeScoringSession(round.organisationId, round.id);
    if (!session) throw new HttpError(404, 'scoringSessionNotFound');
    res.json(view(session));
  });

  return router;
}

function latestSession(store: KoersStore, res: Response): ScoringSession {
  const round = loadedRound(res);
  const session = store.latestScoringSession(round.organisationId, round.id);
  if (!session) throw new HttpError(404, 'scoringSessionNotFound');
  return session;
}
