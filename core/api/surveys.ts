import { z } from 'zod';
import { surveyInputSchema, surveySchema } from '../survey';

/** GET /api/surveys/:id, the reply of POST /api/surveys. */
export const surveyReplySchema = surveySchema.extend({
  /** GET /api/surveys/:id and edits: whether a round uses it (then an edit becomes a new version). */
  inUse: z.boolean().optional(),
  /** An edit that became a new version: the id it was made from. */
  previousVersionId: z.string().optional(),
});
/** PUT /api/surveys/:id (whole survey) and PATCH (top-level fields). */
export const surveyUpdateReqSchema = surveyInputSchema;
/** POST /api/surveys: an organisation's own instrument. */
export const surveyInputReqSchema = surveyInputSchema;
/** GET /api/surveys: built-in instruments plus the organisation's own. */
export const surveyListSchema = z.array(surveyReplySchema);
