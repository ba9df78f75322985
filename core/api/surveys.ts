import { z } from 'zod';
import { surveyInputSchema, surveySchema } from '../survey';

/** GET /api/surveys/:id, the reply of POST /api/surveys. */
export const surveyReplySchema = surveySchema;
/** POST /api/surveys: an organisation's own instrument. */
export const surveyInputReqSchema = surveyInputSchema;
/** GET /api/surveys: built-in instruments plus the organisation's own. */
export const surveyListSchema = z.array(surveyReplySchema);
