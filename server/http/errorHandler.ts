import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { StoreError, StoreUnavailableError } from '../store/contract';
import { HttpError } from './errors';
import { requestLanguage } from './language';
import { ErrorLog } from './log';
import { translate, type MessageCode } from './messages';
import { storageFailure, storeErrorStatus } from './storeErrors';
import { describeIssues, type Issue } from './validate';

/**
 * Errors of body-parser (express.json), send and serve-static (res.sendFile, express.static) are
 * http-errors: a `status` (or `statusCode`) the library chose, and body-parser adds a `type`.
 */
type LibraryError = Error & {
  type?: string;
  status?: unknown;
  statusCode?: unknown;
  limit?: number;
  code?: unknown;
  headers?: unknown;
};

/** Client-side aborts while a file or body streams: nobody is left to read an answer. */
const CLIENT_GONE = new Set(['ECONNABORTED', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

function libraryStatus(error: LibraryError): number | undefined {
  const status = typeof error.status === 'number' ? error.status : error.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined;
}

function hasContentEncoding(req: Request): boolean {
  const encoding = req.get('content-encoding');
  return encoding !== undefined && encoding.trim().toLowerCase() !== 'identity' && encoding.trim() !== '';
}

export function classify(error: unknown, req: Request): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError) return new HttpError(storeErrorStatus[error.code], error.code, error.details);
  // The database is restarting or unreachable: nothing was stored, the client may retry.
  if (error instanceof StoreUnavailableError) return new HttpError(503, 'storeUnavailable');
  const storage = storageFailure(error);
  if (storage) return storage;
  const libraryError = (typeof error === 'object' && error !== null ? error : {}) as LibraryError;
  switch (libraryError.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalidJson');
    case 'entity.too.large':
      return new HttpError(413, 'bodyTooLarge', { limit: `${Math.round((libraryError.limit ?? 0) / 1024)} kB` });
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupportedEncoding');
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
  if (typeof libraryError.code === 'string' && CLIENT_GONE.has(libraryError.code)) {
    return new HttpError(400, 'clientError', { status: 400 });
  }
  const status = libraryStatus(libraryError);
  if (status !== undefined && status < 500) return fromLibraryStatus(status, libraryError, req);
  return new HttpError(500, 'internal');
}

/** The status a library put on its error, with a message a person can act on. */
function fromLibraryStatus(status: number, error: LibraryError, req: Request): HttpError {
  const headers = pickHeaders(error.headers);
  switch (status) {
    case 400:
      // body-parser gives a zlib/brotli failure (a body that is not what Content-Encoding says) a bare 400.
      return hasContentEncoding(req)
        ? new HttpError(400, 'badEncoding')
        : new HttpError(400, 'clientError', { status });
    case 404:
      return new HttpError(404, 'notFound');
    case 405:
      return new HttpError(405, 'methodNotAllowed', { headers });
    case 412:
      return new HttpError(412, 'preconditionFailed');
    case 413:
      return new HttpError(413, 'bodyTooLarge', { limit: `${Math.round((error.limit ?? 0) / 1024)} kB` });
    case 415:
      return new HttpError(415, hasContentEncoding(req) ? 'unsupportedEncoding' : 'unsupportedMediaType');
    case 416:
      return new HttpError(416, 'rangeNotSatisfiable', { headers });
    default:
      return new HttpError(status, 'clientError', { status });
  }
}

/** Only the headers send puts on its errors that tell the client what to do next. */
function pickHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (/^(content-range|allow)$/i.test(name) && typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * The one JSON error middleware, mounted last: `{ error: { code, message } }`. Every failed request is
 * handed to the error log, which writes each kind at most once per interval and never a secret.
 */
export function createErrorHandler(log: ErrorLog = new ErrorLog()): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const httpError = classify(error, req);
    const kind = `${httpError.status} ${httpError.code}`;
    // A 503 (store gone) and other 5xx: once per kind per interval with the redacted message.
    if (httpError.status >= 500) log.unexpected(kind, req.method, req.originalUrl ?? req.url, error);
    else log.clientError(kind);
    const language = requestLanguage(req);
    const { headers, ...params } = { ...httpError.params } as Record<string, unknown>;
    if (Array.isArray(params.issues)) params.detail = describeIssues(params.issues as Issue[], language);
    const body: { error: { code: MessageCode; message: string } } = {
      error: { code: httpError.code, message: translate(httpError.code, language, params) },
    };
    if (res.headersSent) return void res.end();
    // A file answer may have set its own headers before failing; the JSON error replaces them.
    for (const name of [
      'Content-Type',
      'Content-Encoding',
      'Content-Disposition',
      'Content-Range',
      'ETag',
      'Last-Modified',
      'Accept-Ranges',
    ]) {
      res.removeHeader(name);
    }
    if (!/no-store/.test(String(res.get('Cache-Control') ?? ''))) res.removeHeader('Cache-Control');
    if (typeof headers === 'object' && headers !== null) res.set(headers as Record<string, string>);
    if (httpError.status === 503) res.set('Retry-After', '2');
    res.status(httpError.status).json(body);
  };
}

/** The error middleware with the default log (stderr). */
export const errorHandler: ErrorRequestHandler = createErrorHandler();

/** Unknown routes end as JSON 404s too, not Express's HTML page. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new HttpError(404, 'notFound'));
