import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  scoringSessionCreatedSchema,
  scoringSessionsReplySchema,
  scoringSessionViewSchema,
} from '../../core/api/scoring';
import { sendJson } from '../http/sendJson';
import type { Lever } from '../../core/levers/lever';
import {
  scoreSubmissionSchema,
  scoringSessionInputSchema,
  type ScoringSessionCreated,
} from '../../core/levers/scoringSession';
import { HttpError } from '../http/errors';
import { linkBase } from '../http/links';
import { parseInput } from '../http/validate';
import type { LeverStore, RoundStore, ScoringSession, ScoringStore } from '../store/contract';
import { idParamSchema } from './params';
import { loadRound, loadedRound } from './roundParam';

/** `?session=<id>` picks one of the round's sessions; without it, the latest. */
const sessionQuerySchema = z.object({ session: idParamSchema.optional() });

function chosenSession(req: Request): string | undefined {
  return parseInput(sessionQuerySchema, req.query).session;
}
import { scoringSessionView } from './scoringView';

/**
 * /api/rounds/:id/scoring: the MT scores the chosen levers on impact and feasibility through personal
 * links; the adviser reads the aggregate, may add their own scores as one more rater, and closes.
 */
export function scoringRouter({
  rounds,
  levers,
  scoring,
}: {
  rounds: RoundStore;
  levers: LeverStore;
  scoring: ScoringStore;
}): Router {
  const router = Router({ mergeParams: true });
  router.use(loadRound(rounds));

  const view = async (session: ScoringSession) => {
    const byId = new Map<string, Lever>(
      (await levers.listLevers(session.organisationId)).map((lever) => [lever.id, lever]),
    );
    return scoringSessionView(session, (leverId) => byId.get(leverId));
  };

  router.post('/', async (req, res) => {
    const round = loadedRound(res);
    const input = parseInput(scoringSessionInputSchema, req.body);
    const { session, tokens } = await scoring.openScoringSession(
      round.organisationId,
      round.id,
      input.leverIds,
      input.raters,
    );
    const base = linkBase(req);
    const body: ScoringSessionCreated = {
      ...(await view(session)),
      links: tokens.map((token) => `${base}/s/${token}`),
    };
    // The links are shown this once: keep them out of caches.
    sendJson(res.set('Cache-Control', 'no-store'), scoringSessionCreatedSchema, body, 201);
  });

  router.get('/', async (req, res) => {
    sendJson(res, scoringSessionViewSchema, await view(await findSession(scoring, res, chosenSession(req))));
  });

  /** Every session of the round, oldest first, each with its scores: opening a new one discards nothing. */
  router.get('/sessions', async (_req, res) => {
    const round = loadedRound(res);
    const sessions = await scoring.listScoringSessions(round.organisationId, round.id);
    sendJson(res, scoringSessionsReplySchema, { roundId: round.id, sessions: await Promise.all(sessions.map(view)) });
  });

  router.post('/adviser', async (req, res) => {
    const round = loadedRound(res);
    const sessionId = chosenSession(req);
    const { scores } = parseInput(scoreSubmissionSchema, req.body);
    sendJson(
      res,
      scoringSessionViewSchema,
      await view(await scoring.saveAdviserScores(round.organisationId, round.id, scores, sessionId)),
    );
  });

  router.post('/close', async (req, res) => {
    const round = loadedRound(res);
    const session = await scoring.closeScoringSession(round.organisationId, round.id, chosenSession(req));
    if (!session) throw new HttpError(404, 'scoringSessionNotFound');
    sendJson(res, scoringSessionViewSchema, await view(session));
  });

  return router;
}

async function findSession(
  scoring: ScoringStore,
  res: Response,
  sessionId: string | undefined,
): Promise<ScoringSession> {
  const round = loadedRound(res);
  const session = await scoring.getScoringSession(round.organisationId, round.id, sessionId);
  if (!session) throw new HttpError(404, 'scoringSessionNotFound');
  return session;
}
