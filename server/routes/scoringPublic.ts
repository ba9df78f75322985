import path from 'node:path';
import { scoresStoredSchema, scoringPagePayloadSchema } from '../../core/api/scoring';
import { sendJson } from '../http/sendJson';
import express from 'express';
import { z } from 'zod';
import { scoreSubmissionSchema } from '../../core/levers/scoringSession';
import { HttpError } from '../http/errors';
import { protectLinkSecret, publicPage } from '../http/publicPage';
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

  router.get('/s/:code', publicPage(pagePath));

  router.get('/api/scoring/:code', async (req, res) => {
    protectLinkSecret(res);
    const token = parseInput(scoringTokenSchema, req.params.code);
    const found = await deps.scoring.lookupScoringToken(token);
    if (!found) throw new HttpError(404, 'unknownScoringToken');
    sendJson(res, scoringPagePayloadSchema, scoringPagePayload(found));
  });

  router.post('/api/scoring/:code', perCodeLimit(deps.perCodePerMinute, 'scoringToken'), async (req, res) => {
    protectLinkSecret(res);
    const token = parseInput(scoringTokenSchema, req.params.code);
    const { scores } = parseInput(scoreSubmissionSchema, req.body);
    const status = await deps.scoring.submitScores(token, scores);
    sendJson(res, scoresStoredSchema, { status }, 201);
  });

  return router;
}
