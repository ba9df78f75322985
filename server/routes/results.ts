import { Router } from 'express';
import type { ResponseStore, RoundStore } from '../store/contract';
import { assertReleased } from './release';
import { loadRound, loadedRound } from './roundParam';

/**
 * GET /api/rounds/:id/results: aggregates with the anonymity rules applied by the core; 409 while
 * nothing is released (during fieldwork of a round released at closing). The store
 * keeps the serialised body until a response is stored or the round changes.
 */
export function resultsRouter({ rounds, responses }: { rounds: RoundStore; responses: ResponseStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(rounds), async (_req, res) => {
    const round = loadedRound(res);
    assertReleased(await responses.results(round), round);
    res.type('application/json').send(await responses.resultsJson(round));
  });
  return router;
}
