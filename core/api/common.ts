import { z } from 'zod';

/** The JSON error body every 4xx and 5xx carries; `message` is in the caller's language. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('stable code for scripts to branch on'),
    message: z.string().describe('for people, in Dutch or English (?lang=en, Accept-Language)'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** GET /health */
export const healthSchema = z.object({ status: z.literal('ok'), service: z.literal('koers') });
export type Health = z.infer<typeof healthSchema>;
