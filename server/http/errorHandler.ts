import type { ErrorRequestHandler, RequestHandler } from 'express';
import { StoreError } from '../store/types';
import { StoreUnavailableError } from '../store/contract';
import { HttpError } from './errors';
import { requestLanguage } from './language';
import { translate, type MessageCode } from './messages';
import { storeErrorStatus } from './storeErrors';
import { describeIssues, type Issue } from './validate';

/** Errors thrown by express.json() (body-parser) carry a `type`. */
type BodyParserError = Error & { type?: string; status?: number; limit?: number };

function classify(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError) return new HttpError(storeErrorStatus[error.code], error.code, error.details);
  // The database is restarting or unreachable: nothing was stored, the client may retry.
  if (error instanceof StoreUnavailableError) return new HttpError(503, 'storeUnavailable');
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalidJson');
    case 'entity.too.large':
      return new HttpError(413, 'bodyTooLarge', { limit: `${Math.round((parserError.limit ?? 0) / 1024)} kB` });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupportedMediaType');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new HttpError(400, 'requestIncomplete');
  }
  // Express decodes path parameters; a malformed %-escape is the caller's mistake.
  if (error instanceof URIError) return new HttpError(400, 'invalidPath');
  // A deeply nested body makes JSON.parse overflow the stack: that is bad input, not a server fault.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new HttpError(400, 'invalidJson');
  return new HttpError(500, 'internal');
}

/** The one JSON error middleware, mounted last: `{ error: { code, message } }`. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const httpError = classify(error);
  if (httpError.status === 503) logUnavailable(error);
  else if (httpError.status >= 500) console.error('Unexpected error', req.method, req.path, error);
  const language = requestLanguage(req);
  const params = { ...httpError.params };
  if (Array.isArray(params.issues)) params.detail = describeIssues(params.issues as Issue[], language);
  const body: { error: { code: MessageCode; message: string } } = {
    error: { code: httpError.code, message: translate(httpError.code, language, params) },
  };
  if (res.headersSent) return void res.end();
  if (httpError.status === 503) res.set('Retry-After', '2');
  res.status(httpError.status).json(body);
};

let lastUnavailableLog = 0;
/** One line per 5 s while the store is gone, not one per request. */
function logUnavailable(error: unknown): void {
  const now = Date.now();
  if (now - lastUnavailableLog < 5_000) return;
  lastUnavailableLog = now;
  console.error(`Store unavailable, answering 503: ${(error as Error).message}`);
}

/** Unknown routes end as JSON 404s too, not Express's HTML page. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new HttpError(404, 'notFound'));
