import { z } from 'zod';
import { roundSchema } from '../../core/round';
import { storedAnswersSchema } from '../../core/response';
import { localizedTextSchema } from '../../core/text';

/** One entry of GET /api/rounds: a round with its survey's title and the responses so far. */
export const roundListItemSchema = roundSchema.extend({
  surveyTitle: localizedTextSchema.optional(),
  responseCount: z.number().int().min(0),
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
