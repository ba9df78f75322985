import { Router } from 'express';
import type { ResponseStore, RoundStore } from '../store/contract';
import { loadRound, loadedRound } from './roundParam';

/**
 * GET /api/rounds/:id/results: aggregates with the anonymity rules applied by the core. The store
 * keeps the serialised body until a response is stored or the round changes.
 */
export function resultsRouter({ rounds, responses }: { rounds: RoundStore; responses: ResponseStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(rounds), async (_req, res) => {
    res.type('application/json').send(await responses.resultsJson(loadedRound(res)));
  });
  return router;
}
