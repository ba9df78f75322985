import { Router } from 'express';
import type { RoundComments } from '../../core/results';
import type { KoersStore } from '../store/types';
import { loadRound, loadedRound } from './roundParam';

/** GET /api/rounds/:id/comments: free text of the shown groups, apart from the constant-cost results. */
export function commentsRouter(store: KoersStore): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store), (_req, res) => {
    const round = loadedRound(res);
    const body: RoundComments = { roundId: round.id, comments: store.comments(round) };
    res.json(body);
  });
  return router;
}
