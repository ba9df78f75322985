import { z } from 'zod';
import { leverSchema, themeIdSchema } from '../../core/levers/lever';
import { quadrantSchema, scoreDimensions } from '../../core/levers/scoring';
import type { ScoringSessionCreated, ScoringSessionView } from '../../core/levers/scoringSession';
import type { LeverSuggestion } from '../../core/levers/suggest';
import { coarseCountSchema } from '../../core/coarseCount';
import { roundSchema } from '../../core/round';
import { storedAnswersSchema } from '../../core/response';
import { localizedTextSchema, slugSchema } from '../../core/text';

/** One entry of GET /api/rounds: a round with its survey's title and the responses so far. */
export const roundListItemSchema = roundSchema.extend({
  surveyTitle: localizedTextSchema.optional(),
  /** All responses so far, coarse when an exact number would expose a small group (core/coarseCount.ts). */
  responses: coarseCountSchema,
});
export type RoundListItem = z.infer<typeof roundListItemSchema>;

export const roundListSchema = z.array(roundListItemSchema);

/** One anonymised response row (server/routes/roundResponses.ts): group, ratings, comment. */
export const responseRowSchema = z.object({
  group: z.string(),
  answers: storedAnswersSchema,
  comment: z.string().optional(),
});
export type ResponseRow = z.infer<typeof responseRowSchema>;

/** GET /api/rounds/:id/responses (JSON): only rows of the groups the results show. */
export const roundResponsesSchema = z.object({
  roundId: z.string(),
  /** Every statement of the survey in form order: the column order of the responses sheet. */
  statementIds: z.array(z.string()),
  groups: z.array(z.string()),
  rows: z.array(responseRowSchema),
});
export type RoundResponses = z.infer<typeof roundResponsesSchema>;

/** GET /health */
export const healthSchema = z.object({ status: z.literal('ok'), service: z.literal('koers') });

/** The JSON error body every 4xx/5xx of the server carries. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** GET /api/levers: the organisation's levers, built-in and its own, retired ones included. */
export const leverListSchema = z.array(leverSchema);

/** One entry of GET /api/rounds/:id/suggestions (server/routes/suggestions.ts): why, and the lever itself. */
export const suggestionSchema = z.object({
  leverId: slugSchema,
  score: z.number(),
  reasons: z.array(localizedTextSchema),
  lever: leverSchema,
});
export type SuggestionWithLever = z.infer<typeof suggestionSchema>;

export const suggestionsReplySchema = z.object({
  roundId: z.string(),
  theme: themeIdSchema.nullable(),
  suggestions: z.array(suggestionSchema),
});
export type SuggestionsReply = z.infer<typeof suggestionsReplySchema>;

const dimensionSummarySchema = z.object({
  mean: z.number(),
  median: z.number(),
  sd: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  range: z.number(),
});

/** core/levers/scoring.ts LeverScoreSummary, as the server sends it. */
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

/** GET /api/rounds/:id/scoring, and the replies of …/scoring/adviser (core ScoringSessionView). */
export const scoringSessionViewSchema = z.object({
  sessionId: z.string(),
  roundId: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().optional(),
  raters: z.object({
    links: z.number().int().min(0),
    submitted: z.number().int().min(0),
    adviser: z.boolean(),
  }),
  levers: z.array(
    z.object({
      leverId: slugSchema,
      lever: leverSchema,
      summary: leverScoreSummarySchema.nullable(),
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

// The core declares these replies as interfaces; a drift between them and the schemas above fails the typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ContractChecks = [
  Expect<Same<ScoringView, ScoringSessionView>>,
  Expect<Same<ScoringCreated, ScoringSessionCreated>>,
  Expect<Same<Omit<SuggestionWithLever, 'lever'>, LeverSuggestion>>,
];
