import { z } from 'zod';
import { localizedTextSchema } from '../text';

/** One entry of GET /api/themes: a SHRM theme and the built-in survey a round on it uses. */
export const themeItemSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  mappingHint: localizedTextSchema.optional(),
  instrument: z.string(),
  surveyId: z.string(),
});
/** GET /api/themes */
export const themeListSchema = z.array(themeItemSchema);
