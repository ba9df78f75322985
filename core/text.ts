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

/** A calendar day as YYYY-MM-DD (no time, no zone: responses carry the day only). */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar day as YYYY-MM-DD that exists (no 2026-02-30). The message is a key
 * server/http/validate.ts translates, so no error mixes languages.
 */
export const isoDaySchema = z
  .string()
  .regex(ISO_DAY, 'isoDate')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'isoDate');

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function fillTemplate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Short identifiers used in URLs, JSON keys and sheet columns. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'slug');

/**
 * A text as an author may give it: Dutch required, English optional. A missing or blank English text
 * falls back to the Dutch one, so a Dutch-only survey works in every place that shows English.
 */
export const dutchFirstTextSchema = z
  .object({
    nl: z.string().trim().min(1).max(2000),
    en: z.string().trim().max(2000).optional(),
  })
  .strict()
  .transform((text): LocalizedText => ({ nl: text.nl, en: text.en ? text.en : text.nl }));
