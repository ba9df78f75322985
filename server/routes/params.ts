import type { Request } from 'express';
import { z } from 'zod';

/** Ids in paths are short and plain; anything else cannot exist, so it is refused before a lookup. */
export const idParamSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'token');

/** ?format=csv|json, defaulting to JSON unless the client asks for text/csv. */
export const formatQuerySchema = z.enum(['json', 'csv']).optional();

export const csvOptionsSchema = z.object({
  format: formatQuerySchema,
  /** Dutch Excel reads 1,5 as a number; 1.5 as text. */
  decimal: z.enum(['comma', 'point']).default('comma'),
  separator: z.enum(['semicolon', 'comma']).default('semicolon'),
  lang: z.enum(['nl', 'en']).optional(),
});

/** `?format=` decides; without it, an Accept header preferring text/csv does. */
export function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}
