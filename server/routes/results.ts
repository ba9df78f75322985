import { Router } from 'express';
import type { KoersStore } from '../store/types';
import { loadRound, loadedRound } from './roundParam';

/** GET /api/rounds/:id/results: aggregates with the anonymity rules applied by the core. */
export function resultsRouter(store: KoersStore): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store), (_req, res) => {
    res.json(store.results(loadedRound(res)));
  });
  return router;
}
