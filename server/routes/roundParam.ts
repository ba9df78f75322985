import type { RequestHandler, Response } from 'express';
import type { Round } from '../../core/round';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RoundStore } from '../store/contract';
import { idParamSchema } from './params';
import { appToday, closeIfEnded } from './roundPhase';

/**
 * Resolves :id to a round of the caller's organisation; other organisations' rounds are 404 too.
 * A round past its end date is closed on the way, so every router sees it closed.
 */
export function loadRound(rounds: RoundStore): RequestHandler {
  return async (req, res, next) => {
    const id = parseInput(idParamSchema, req.params.id);
    const round = await rounds.getRound(callerOrganisation(res).id, id);
    if (!round) return next(new HttpError(404, 'roundNotFound'));
    res.locals.round = await closeIfEnded(rounds, round, appToday(req));
    next();
  };
}

export function loadedRound(res: Response): Round {
  return res.locals.round as Round;
}
