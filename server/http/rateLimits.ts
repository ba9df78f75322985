import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { normaliseCode } from '../store/codes';
import { StoreError } from '../store/contract';
import { HttpError } from './errors';

const MINUTE = 60_000;

const refuse: RequestHandler = (_req, _res, next) => next(new HttpError(429, 'tooManyRequests'));

/** The client's address as a rate-limit key (an IPv6 client counts per /56, as express-rate-limit does). */
export function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/** Set on a request that failed a code, token or key lookup: such requests are counted apart. */
export function markFailedLookup(res: Response): void {
  res.locals.failedLookup = true;
}

/**
 * Public pages and submissions per IP address. Generous on purpose: a whole staff meeting answers
 * from one school NAT address within minutes (each respondent loads the form and posts once).
 * Failed code lookups do not count here: they have their own, much smaller budget
 * ({@link FailureThrottle}), so one guesser behind the school's address cannot use up this one.
 */
export function perIpLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: refuse,
    keyGenerator: clientKey,
    skipFailedRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.failedLookup !== true,
  });
}

/**
 * Strict per invitation code or scoring token: hammering one code is cut off quickly. Needs a parsed
 * body. Invitation codes are keyed as the store matches them (case, spaces and dashes ignored), so
 * "abcd-efgh-jk" and "ABCDEFGHJK" share one budget.
 */
export function perCodeLimit(perMinute: number, kind: 'invitation' | 'scoringToken' = 'invitation'): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: refuse,
    keyGenerator: (req) => {
      const body = req.body as { code?: unknown } | undefined;
      const code: unknown = kind === 'invitation' ? (body?.code ?? req.params?.code) : req.params?.code;
      if (typeof code !== 'string') return `${kind}:none`;
      return kind === 'invitation' ? `code:${normaliseCode(code).slice(0, 64)}` : `token:${code.slice(0, 64)}`;
    },
  });
}

/**
 * Admin requests per organisation (after the key check): one organisation's scripts cannot slow the
 * others down. The message says the limit and when to try again.
 */
export function perOrganisationLimit(perMinute: number): RequestHandler {
  const limiter = rateLimit({
    windowMs: MINUTE,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `org:${String((res.locals.organisation as { id?: string } | undefined)?.id)}`,
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(new HttpError(429, 'tooManyRequestsOrganisation', { limit: perMinute, seconds }));
    },
  });
  // A request passes several admin mounts only when an earlier router did not answer it: count it once.
  return (req, res, next) => {
    if (res.locals.organisationCounted === true) return next();
    res.locals.organisationCounted = true;
    return limiter(req, res, next);
  };
}

export interface FailureThrottleOptions {
  /** Failed lookups per client address per window before further failures are refused. */
  limit: number;
  windowMs?: number;
  /** Refused failures are answered this much later, so a guesser who waits for answers is slowed. */
  delayMs?: number;
  /** At most this many refused answers are held back per address; beyond it they go out at once. */
  maxHeld?: number;
}

interface Window {
  failures: number;
  resetAt: number;
  held: number;
}

/**
 * Counts failed lookups (unknown invitation codes, scoring tokens or API keys) per client address in
 * fixed windows. Only failures are counted and only failures are refused: a valid code or key from the
 * same address keeps working, so one guesser behind a school's NAT address slows down only himself.
 */
export class FailureThrottle {
  private readonly windows = new Map<string, Window>();
  readonly limit: number;
  private readonly windowMs: number;
  private readonly delayMs: number;
  private readonly maxHeld: number;

  constructor(options: FailureThrottleOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? MINUTE;
    this.delayMs = options.delayMs ?? 1000;
    this.maxHeld = options.maxHeld ?? 10;
  }

  /** Records one failure; says whether it is over the budget and when the window resets. */
  fail(key: string, now = Date.now()): { over: boolean; retryAfterSeconds: number } {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= 50_000) this.prune(now);
      window = { failures: 0, resetAt: now + this.windowMs, held: 0 };
      this.windows.set(key, window);
    }
    window.failures += 1;
    return {
      over: window.failures > this.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }

  /** Waits `delayMs` before a refusal goes out, unless too many are already waiting for this address. */
  async holdBack(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (!window || this.delayMs <= 0 || window.held >= this.maxHeld) return;
    window.held += 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs).unref());
    } finally {
      window.held -= 1;
    }
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now && window.held === 0) this.windows.delete(key);
  }
}

function isFailedCodeLookup(error: unknown): boolean {
  if (error instanceof StoreError) return error.code === 'unknownCode' || error.code === 'unknownScoringToken';
  return error instanceof HttpError && (error.code === 'unknownCode' || error.code === 'unknownScoringToken');
}

/**
 * Error middleware after the public routers: an unknown code or token is counted against the
 * client's address; over the budget the 404 becomes a 429 (answered a little later), and a valid code
 * is still served because it never reaches this point.
 */
export function failedLookupGuard(throttle: FailureThrottle): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!isFailedCodeLookup(error)) return next(error);
    markFailedLookup(res);
    const key = clientKey(req);
    const { over, retryAfterSeconds } = throttle.fail(key);
    if (!over) return next(error);
    res.set('Retry-After', String(retryAfterSeconds));
    void throttle
      .holdBack(key)
      .then(() => next(new HttpError(429, 'tooManyWrongCodes', { seconds: retryAfterSeconds })));
  };
}
