import path from 'node:path';
import express, { type Response } from 'express';
import { z } from 'zod';
import { scoreSubmissionSchema } from '../../core/levers/scoringSession';
import { HttpError } from '../http/errors';
import { perCodeLimit } from '../http/rateLimits';
import { parseInput } from '../http/validate';
import type { ScoringStore } from '../store/contract';
import { scoringPagePayload } from './scoringView';

/** Personal scoring tokens as they appear in links; anything else cannot be one, so it is a bad request. */
export const scoringTokenSchema = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'token' });

/** The token sits in the URL: keep it out of caches and out of Referer headers to other sites. */
function protectToken(res: Response): void {
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', 'no-referrer');
}

/**
 * The MT members' side of scoring: GET /s/:code (the page), GET and POST /api/scoring/:code.
 * The token is named `code` in the routes so the per-code rate limit keys on it as it does for
 * invitation codes.
 */
export function scoringPageRouter(deps: {
  scoring: ScoringStore;
  distDir: string;
  perCodePerMinute: number;
}): express.Router {
  const router = express.Router();
  const pagePath = path.join(deps.distDir, 'scoring', 'index.html');

  router.get('/s/:code', (req, res, next) => {
    protectToken(res);
    // The page's <base> is one level above /s/<token>; after a trailing slash it would point at /s/.
    if (req.path.endsWith('/')) return void res.redirect(301, `../${encodeURIComponent(req.params.code)}`);
    res.sendFile(pagePath, { headers: { 'Cache-Control': 'no-store' } }, (error) => {
      if (error) next(error);
    });
  });

  router.get('/api/scoring/:code', async (req, res) => {
    protectToken(res);
    const token = parseInput(scoringTokenSchema, req.params.code);
    const found = await deps.scoring.lookupScoringToken(token);
    if (!found) throw new HttpError(404, 'unknownScoringToken');
    res.json(scoringPagePayload(found));
  });

  router.post('/api/scoring/:code', perCodeLimit(deps.perCodePerMinute), async (req, res) => {
    protectToken(res);
    const token = parseInput(scoringTokenSchema, req.params.code);
    const { scores } = parseInput(scoreSubmissionSchema, req.body);
    const status = await deps.scoring.submitScores(token, scores);
    res.status(201).json({ status });
  });

  return router;
}
