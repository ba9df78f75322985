import { z } from 'zod';
import { leverInputSchema, leverSchema, leverUpdateSchema, themeIdSchema } from '../levers/lever';
import { localizedTextSchema, slugSchema } from '../text';

/** A lever of the library: built-in (read-only, retirable per organisation) or the organisation's own. */
export const leverReplySchema = leverSchema;
/** GET /api/levers: the organisation's levers, built-in and its own, retired ones included. */
export const leverListSchema = z.array(leverSchema);
/** POST /api/levers */
export const leverInputReqSchema = leverInputSchema;
/** PATCH /api/levers/:id */
export const leverUpdateReqSchema = leverUpdateSchema;

/** One entry of GET /api/rounds/:id/suggestions: why, and the lever itself. */
export const suggestionSchema = z.object({
  leverId: slugSchema,
  score: z.number(),
  reasons: z.array(localizedTextSchema),
  lever: leverSchema,
});
export type SuggestionWithLever = z.infer<typeof suggestionSchema>;

/** GET /api/rounds/:id/suggestions */
export const suggestionsReplySchema = z.object({
  roundId: z.string(),
  theme: themeIdSchema.nullable(),
  suggestions: z.array(suggestionSchema),
  /** An own survey that links no statement to a lever: why there are no suggestions, and how to fix it. */
  note: z.object({ code: z.literal('noLinks'), message: z.string() }).optional(),
});
export type SuggestionsReply = z.infer<typeof suggestionsReplySchema>;
