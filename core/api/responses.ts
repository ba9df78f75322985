import { z } from 'zod';
import { responseInputSchema, storedAnswersSchema } from '../response';

/** POST /api/responses: one respondent's answers, sent with their invitation code. */
export const responseInputReqSchema = responseInputSchema;
export type ResponseBody = z.input<typeof responseInputSchema>;

/** The reply of POST /api/responses: `repeated` when the same submission arrived before. */
export const responseStoredSchema = z.object({ status: z.enum(['created', 'repeated']) });
export type ResponseStored = z.infer<typeof responseStoredSchema>;

/** One anonymised response row: group, ratings, comment. */
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
