import { Router } from 'express';
import type { KoersStore } from '../store/types';
import { loadRound, loadedRound } from './roundParam';

/**
 * GET /api/rounds/:id/results: aggregates with the anonymity rules applied by the core.
 * Results change only when a response is stored or the round closes, so the serialised body is
 * kept per round until one of those happens: serialising ~100 kB was most of a request's cost.
 */
export function resultsRouter(store: KoersStore): Router {
  const router = Router({ mergeParams: true });
  const cache = new Map<string, { version: string; body: string }>();

  router.get('/', loadRound(store), (_req, res) => {
    const round = loadedRound(res);
    const version = `${round.status}:${store.responseCount(round.id)}`;
    let cached = cache.get(round.id);
    if (cached?.version !== version) {
      cached = { version, body: JSON.stringify(store.results(round)) };
      cache.set(round.id, cached);
    }
    res.type('application/json').send(cached.body);
  });
  return router;
}
