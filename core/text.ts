import { z } from 'zod';

/** Languages the product speaks: Dutch first, English second. */
export const languageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** A text shown to people, in both product languages. */
export const localizedTextSchema = z.object({
  nl: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Short identifiers used in URLs, JSON keys and sheet columns. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
