import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';

/** Writes must send JSON: a form post or text body gets a clear 415 instead of an empty body. */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = req.get('content-length') !== '0' && (req.get('content-length') || req.get('transfer-encoding'));
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
      return next(new HttpError(415, 'unsupportedMediaType'));
    }
    next();
  };
  return [requireJson, express.json({ limit, strict: true })];
}
