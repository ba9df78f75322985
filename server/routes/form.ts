import path from 'node:path';
import { formPayloadSchema } from '../../core/api/form';
import { sendJson } from '../http/sendJson';
import express from 'express';
import { z } from 'zod';
import type { RoundStore } from '../store/contract';
import type { FormPayload } from '../../core/api/form';
import { roundPhase } from '../../core/period';
import { roundGroupName } from '../../core/roundGroups';
import { HttpError } from '../http/errors';
import { appToday, closeIfEnded } from './roundPhase';
import { protectLinkSecret, publicPage } from '../http/publicPage';
import { parseInput } from '../http/validate';

/** Invitation codes as they appear in links; anything else cannot be a code, so it is a bad request. */
export const invitationCodeSchema = z
  .string()
  .min(4)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'token' });

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

  router.get('/r/:code', publicPage(pagePath));

  router.get('/api/form/:code', async (req, res) => {
    protectLinkSecret(res);
    const code = parseInput(invitationCodeSchema, req.params.code);
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
    sendJson(res, formPayloadSchema, payload);
  });

  return router;
}
