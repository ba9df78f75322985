import type { RequestHandler, Response } from 'express';
import type { Organisation } from '../../core/organisation';
import { HttpError } from './errors';
import { clientKey, type FailureThrottle, markFailedLookup } from './rateLimits';

/** The one piece of the store the key check needs (sync or async). */
export interface KeyLookup {
  organisationForKey(key: string): Organisation | undefined | Promise<Organisation | undefined>;
}

/**
 * Admin routes: the bearer key decides the organisation every lookup is scoped to. Runs before any
 * body is parsed, so a keyless request is a 401 whatever it sends. A wrong key counts against the
 * caller's address; over the budget further wrong keys get a 429 (a valid key keeps working).
 */
export function requireApiKey(store: KeyLookup, wrongKeys?: FailureThrottle): RequestHandler {
  return async (req, res, next) => {
    // Several admin mounts may see one request; the first one decided.
    if (res.locals.organisation) return next();
    const header = req.get('authorization');
    if (header === undefined) return next(new HttpError(401, 'unauthorized'));
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    const organisation = match ? await store.organisationForKey(match[1]!) : undefined;
    if (!organisation) {
      markFailedLookup(res);
      if (wrongKeys) {
        const { over, retryAfterSeconds } = wrongKeys.fail(clientKey(req));
        if (over) {
          res.set('Retry-After', String(retryAfterSeconds));
          return next(new HttpError(429, 'tooManyWrongKeys', { seconds: retryAfterSeconds }));
        }
      }
      return next(new HttpError(401, 'unauthorized'));
    }
    res.locals.organisation = organisation;
    next();
  };
}

export function callerOrganisation(res: Response): Organisation {
  const organisation = res.locals.organisation as Organisation | undefined;
  if (!organisation) throw new HttpError(401, 'unauthorized');
  return organisation;
}
