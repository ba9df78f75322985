import { z } from 'zod';
import { localizedTextSchema } from '../text';

/**
 * What GET /api/form/:code sends the respondent form. Texts come in both languages so the page can
 * switch language without asking again. Nothing here identifies the respondent.
 */
export const formPayloadSchema = z.object({
  round: z.object({
    name: z.string(),
    status: z.enum(['open', 'closed']),
    /** notYet: before the period's start; ended: closed by its end date; closed: closed by the adviser. */
    phase: z.enum(['notYet', 'open', 'ended', 'closed']),
    /** The days the round takes answers (YYYY-MM-DD, both included). */
    period: z.object({ start: z.string(), end: z.string() }).optional(),
    /** Groups with fewer responses than this are never reported; the intro tells respondents so. */
    anonymityThreshold: z.number().int(),
  }),
  group: z.object({ id: z.string(), name: localizedTextSchema }),
  survey: z.object({
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    scale: z.object({ min: z.number(), max: z.number(), labels: z.array(localizedTextSchema).optional() }),
    sections: z.array(
      z.object({
        id: z.string(),
        title: localizedTextSchema,
        intro: localizedTextSchema.optional(),
        statements: z.array(z.object({ id: z.string(), text: localizedTextSchema })),
      }),
    ),
  }),
  /** True once a response was stored with this code: the page says so instead of showing the form. */
  used: z.boolean(),
});
export type FormPayload = z.infer<typeof formPayloadSchema>;
