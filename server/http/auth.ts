import type { RequestHandler, Response } from 'express';
import type { Organisation } from '../../core/organisation';
import type { OrganisationStore } from '../store/contract';
import { HttpError } from './errors';

/** Admin routes: the bearer key decides the organisation every lookup is scoped to. */
export function requireApiKey(organisations: OrganisationStore): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    const organisation = match ? await organisations.organisationForKey(match[1]!) : undefined;
    if (!organisation) return next(new HttpError(401, 'unauthorized'));
    res.locals.organisation = organisation;
    next();
  };
}

export function callerOrganisation(res: Response): Organisation {
  const organisation = res.locals.organisation as Organisation | undefined;
  if (!organisation) throw new HttpError(401, 'unauthorized');
  return organisation;
}
