import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors';

const MINUTE = 60_000;

const refuse: RequestHandler = (_req, _res, next) => next(new HttpError(429, 'tooManyRequests'));

/**
 * Public pages and submissions per IP address. Generous on purpose: a whole staff meeting answers
 * from one school NAT address within minutes (each respondent loads the form and posts once).
 */
export function perIpLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: refuse,
  });
}

/** Strict per invitation code: guessing or hammering one code is cut off quickly. Needs a parsed body. */
export function perCodeLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: refuse,
    keyGenerator: (req) => {
      const body = req.body as { code?: unknown } | undefined;
      const code = body?.code ?? req.params?.code;
      return typeof code === 'string' ? `code:${code.slice(0, 64).toUpperCase()}` : 'code:none';
    },
  });
}
