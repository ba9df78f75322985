import { z } from 'zod';
import type {
  scoringPageLeverSchema,
  scoringPagePayloadSchema,
  scoringSessionCreatedSchema,
  scoringSessionViewSchema,
} from '../api/scoring';
import { slugSchema } from '../text';
import { scoreInputSchema } from './scoring';

/** More levers than this is no longer a choice an MT can score in one sitting. */
export const MAX_SESSION_LEVERS = 60;
/** A management team, not a staff survey: personal links per session. */
export const MAX_SESSION_RATERS = 30;

/** POST /api/rounds/:id/scoring: which levers the MT scores, and how many personal links to make. */
export const scoringSessionInputSchema = z
  .object({
    leverIds: z
      .array(slugSchema)
      .min(1, { message: 'choose at least one lever' })
      .max(MAX_SESSION_LEVERS)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'list each lever once' }),
    raters: z.number().int().min(1).max(MAX_SESSION_RATERS),
  })
  .strict();
export type ScoringSessionInput = z.infer<typeof scoringSessionInputSchema>;

/** One rater's scores: POST /api/scoring/:token and POST /api/rounds/:id/scoring/adviser. */
export const scoreSubmissionSchema = z
  .object({
    scores: z
      .array(scoreInputSchema)
      .min(1, { message: 'score at least one lever' })
      .max(MAX_SESSION_LEVERS)
      .refine((scores) => new Set(scores.map((s) => s.leverId)).size === scores.length, {
        message: 'score each lever once',
      }),
  })
  .strict();
export type ScoreSubmission = z.infer<typeof scoreSubmissionSchema>;

// The replies are declared once, as zod schemas in core/api/scoring.ts; these are their types.
export type ScoringSessionStatus = 'open' | 'closed';
export type ScoringPageLever = z.infer<typeof scoringPageLeverSchema>;
export type ScoringPagePayload = z.infer<typeof scoringPagePayloadSchema>;
export type ScoringSessionView = z.infer<typeof scoringSessionViewSchema>;
export type ScoringSessionLever = ScoringSessionView['levers'][number];
export type ScoringSessionCreated = z.infer<typeof scoringSessionCreatedSchema>;
