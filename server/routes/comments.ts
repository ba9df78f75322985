import { Router } from 'express';
import { commentsReplySchema } from '../../core/api/results';
import { sendJson } from '../http/sendJson';
import type { RoundComments } from '../../core/results';
import type { ResponseStore, RoundStore } from '../store/contract';
import { releasedResults } from './release';
import { loadRound, loadedRound } from './roundParam';

/** GET /api/rounds/:id/comments: free text of the shown groups, apart from the constant-cost results. */
export function commentsRouter({ rounds, responses }: { rounds: RoundStore; responses: ResponseStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(rounds), async (_req, res) => {
    const round = loadedRound(res);
    await releasedResults(responses, round);
    const body: RoundComments = { roundId: round.id, comments: await responses.comments(round) };
    sendJson(res, commentsReplySchema, body);
  });
  return router;
}
