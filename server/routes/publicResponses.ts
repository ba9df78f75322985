import { Router } from 'express';
import { responseStoredSchema } from '../../core/api/responses';
import { sendJson } from '../http/sendJson';
import { responseInputSchema } from '../../core/response';
import { perCodeLimit } from '../http/rateLimits';
import { parseInput } from '../http/validate';
import type { ResponseStore } from '../store/contract';

/** POST /api/responses: a respondent's answers, answered 201 only once they are on disk. */
export function publicResponsesRouter(
  { responses }: { responses: ResponseStore },
  perCodePerMinute: number,
  today: () => string,
): Router {
  const router = Router();
  router.post('/', perCodeLimit(perCodePerMinute), async (req, res) => {
    const input = parseInput(responseInputSchema, req.body);
    const status = await responses.submitResponse(input, today());
    sendJson(res, responseStoredSchema, { status }, 201);
  });
  return router;
}
