import { z } from 'zod';
import { amoFactorSchema, leverClusterSchema, leverSchema } from '../levers/lever';
import { quadrantSchema, scoreDimensions, scoreInputSchema } from '../levers/scoring';
import { scoreSubmissionSchema, scoringSessionInputSchema } from '../levers/scoringSession';
import { localizedTextSchema, slugSchema } from '../text';

/** POST /api/rounds/:id/scoring */
export const scoringSessionInputReqSchema = scoringSessionInputSchema;
/** POST /api/scoring/:token and POST /api/rounds/:id/scoring/adviser */
export const scoreSubmissionReqSchema = scoreSubmissionSchema;

const scoringStatusSchema = z.enum(['open', 'closed']);

const dimensionSummarySchema = z.object({
  mean: z.number(),
  median: z.number(),
  sd: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  range: z.number(),
});

/** A lever's aggregate over its raters (core/levers/scoring.ts aggregateRaters). */
export const leverScoreSummarySchema = z.object({
  leverId: slugSchema,
  raters: z.number().int().min(1),
  impact: dimensionSummarySchema,
  feasibility: dimensionSummarySchema,
  disagreement: z.boolean(),
  disagreementOn: z.array(z.enum(scoreDimensions)),
  quadrant: quadrantSchema,
  priority: z.number(),
});

/** GET /api/rounds/:id/scoring, and the replies of …/scoring/adviser and …/scoring/close. */
export const scoringSessionViewSchema = z.object({
  sessionId: z.string(),
  roundId: z.string(),
  status: scoringStatusSchema,
  createdAt: z.string(),
  closedAt: z.string().optional(),
  raters: z.object({
    /** Personal links made for the session. */
    links: z.number().int().min(0),
    /** Links whose scores have arrived. */
    submitted: z.number().int().min(0),
    /** Whether the adviser's own scores count as one more rater. */
    adviser: z.boolean(),
  }),
  levers: z.array(
    z.object({
      leverId: slugSchema,
      lever: leverSchema,
      /** Null until someone has scored the lever. */
      summary: leverScoreSummarySchema.nullable(),
      /** Remarks of all raters, sorted as text so their order says nothing about who wrote them. */
      remarks: z.array(z.string()),
    }),
  ),
});
export type ScoringView = z.infer<typeof scoringSessionViewSchema>;

/** GET /api/rounds/:id/scoring/sessions: every session of the round, oldest first. */
export const scoringSessionsReplySchema = z.object({
  roundId: z.string(),
  sessions: z.array(scoringSessionViewSchema),
});

/** POST /api/rounds/:id/scoring: the view plus the personal links, shown this once. */
export const scoringSessionCreatedSchema = scoringSessionViewSchema.extend({ links: z.array(z.string().min(1)) });
export type ScoringCreated = z.infer<typeof scoringSessionCreatedSchema>;

/** A lever as the MT scoring page shows it: texts in both languages, no ownership details. */
export const scoringPageLeverSchema = z.object({
  id: z.string(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  cluster: z.object({ id: leverClusterSchema, name: localizedTextSchema }),
  amo: z.array(z.object({ factor: amoFactorSchema, name: localizedTextSchema })),
});

/** GET /api/scoring/:token: everything the scoring page needs, in both languages. */
export const scoringPagePayloadSchema = z.object({
  round: z.object({ name: z.string() }),
  session: z.object({ status: scoringStatusSchema }),
  levers: z.array(scoringPageLeverSchema),
  /** This link's earlier scores (empty before the first submission), so a member can change them. */
  scores: z.array(scoreInputSchema),
});

/** The reply of POST /api/scoring/:token: `replaced` when this link had scored before. */
export const scoresStoredSchema = z.object({ status: z.enum(['created', 'replaced']) });
export type ScoresStored = z.infer<typeof scoresStoredSchema>;
