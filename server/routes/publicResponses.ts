import { Router } from 'express';
import { responseStoredSchema } from '../../core/api/responses';
import { sendJson } from '../http/sendJson';
import { responseInputSchema } from '../../core/response';
import { perCodeLimit } from '../http/rateLimits';
import { parseInput } from '../http/validate';
import { roundPhase } from '../../core/period';
import { HttpError } from '../http/errors';
import type { ResponseStore, RoundStore } from '../store/contract';
import { closeIfEnded } from './roundPhase';

/** POST /api/responses: a respondent's answers, answered 201 only once they are on disk. */
export function publicResponsesRouter(
  { responses, rounds }: { responses: ResponseStore; rounds: RoundStore },
  perCodePerMinute: number,
  today: () => string,
): Router {
  const router = Router();
  router.post('/', perCodeLimit(perCodePerMinute), async (req, res) => {
    const input = parseInput(responseInputSchema, req.body);
    const day = today();
    // The period is enforced here: before the start nothing is taken, after the end the round closes.
    const found = await rounds.lookupCode(input.code);
    if (found && !found.used) {
      const { round } = found;
      const phase = roundPhase(round, day);
      if (phase === 'notYet') throw new HttpError(409, 'roundNotOpenYet', { start: round.period!.start });
      if (phase === 'ended') await closeIfEnded(rounds, round, day);
      if (round.period && day > round.period.end) throw new HttpError(409, 'roundEnded', { end: round.period.end });
    }
    const status = await responses.submitResponse(input, day);
    sendJson(res, responseStoredSchema, { status }, 201);
  });
  return router;
}
