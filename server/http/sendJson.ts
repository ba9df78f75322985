import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Sends a JSON reply typed by its schema in core/api (the same schema the OpenAPI document and the
 * add-in use). Under Jest (NODE_ENV=test) the body is also parsed with it, so a reply that drifts
 * from its declared shape fails the tests instead of a client.
 */
export function sendJson<S extends z.ZodType>(res: Response, schema: S, body: z.output<S>, status = 200): void {
  if (process.env.NODE_ENV === 'test') {
    const checked = schema.safeParse(body);
    if (!checked.success) {
      throw new Error(
        `reply of ${res.req.method} ${res.req.originalUrl} does not match its schema: ${checked.error.message}`,
      );
    }
  }
  res.status(status).json(body);
}
