import path from 'node:path';
import express, { type Response } from 'express';
import { z } from 'zod';
import type { RoundStore } from '../store/contract';
import type { FormPayload } from '../public/form/formPayload';
import { roundPhase } from '../../core/period';
import { roundGroupName } from '../../core/roundGroups';
import { HttpError } from '../http/errors';
import { appToday, closeIfEnded } from './roundPhase';

/** Invitation codes as they appear in links; anything else cannot be a code, so it is a bad request. */
export const invitationCodeSchema = z
  .string()
  .min(4)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'token' });

function parseCode(value: unknown): string {
  const result = invitationCodeSchema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'badRequest', { issues: result.error.issues });
  return result.data;
}

/** The code sits in the URL: keep it out of caches and out of Referer headers to other sites. */
function protectCode(res: Response): void {
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', 'no-referrer');
}

/** The public respondent form: its page and the data it needs. */
export function formRouter(deps: { rounds: RoundStore; distDir: string }): express.Router {
  const router = express.Router();
  const pagePath = path.join(deps.distDir, 'form', 'index.html');
  const entryPath = path.join(deps.distDir, 'form', 'code.html');

  // A paper invitation card gives the short address /r and a code to type.
  router.get('/r', (_req, res, next) => {
    res.sendFile(entryPath, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error) next(error);
    });
  });

  router.get('/r/:code', (req, res, next) => {
    protectCode(res);
    // The page's <base> is one level above /r/<code>; after a trailing slash it would point at /r/.
    if (req.path.endsWith('/')) return void res.redirect(301, `../${encodeURIComponent(req.params.code)}`);
    res.sendFile(pagePath, { headers: { 'Cache-Control': 'no-store' } }, (error) => {
      if (error) next(error);
    });
  });

  router.get('/api/form/:code', async (req, res) => {
    protectCode(res);
    const code = parseCode(req.params.code);
    const found = await deps.rounds.lookupCode(code);
    if (!found) throw new HttpError(404, 'unknownCode');
    const { survey } = found;
    const today = appToday(req);
    const round = await closeIfEnded(deps.rounds, found.round, today);
    const payload: FormPayload = {
      round: {
        name: round.name,
        status: round.status,
        phase: roundPhase(round, today),
        ...(round.period ? { period: { ...round.period } } : {}),
        anonymityThreshold: round.anonymityThreshold,
      },
      group: { id: found.group, name: roundGroupName(round, survey, found.group) },
      survey: {
        title: survey.title,
        ...(survey.description ? { description: survey.description } : {}),
        scale: survey.scale,
        sections: survey.sections.map((section) => ({
          id: section.id,
          title: section.title,
          ...(section.intro ? { intro: section.intro } : {}),
          statements: section.statements.map((s) => ({ id: s.id, text: s.text })),
        })),
      },
      used: found.used,
    };
    res.json(payload);
  });

  return router;
}
