/**
 * What the server writes about failed requests. Two promises:
 * - no secret ever reaches a log line: invitation codes, scoring tokens and API keys are cut out of
 *   paths and messages, query strings and bodies are never written, headers neither;
 * - a flood of identical errors costs a few lines: client errors are only counted and summed up in one
 *   line per interval; of an unexpected error the first of its kind in an interval is written, the rest
 *   are counted.
 */

export type LogWriter = (line: string) => void;

export interface ErrorLogOptions {
  write?: LogWriter;
  /** Length of one counting interval; one line per kind per interval plus one summary line. */
  intervalMs?: number;
}

/** Path prefixes whose next segment is a secret: invitation codes and scoring tokens. */
const SECRET_PREFIXES = ['/r/', '/s/', '/api/form/', '/api/scoring/'];
/** Our own ids (`round-abcdefghijklmnop`) name data, not people: they may stay. */
const ID_SEGMENT = /^[a-z]+-[a-z0-9]{16}$/;
/** Lower-case words and file names (`results`, `taskpane.html`, `form.3f2a.js`). */
const WORD_SEGMENT = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
/** An invitation code, however it was typed: 10 characters of the code alphabet once dashes and spaces go. */
const CODE_LIKE = /^[2-9A-HJKMNP-Z]{10}$/;
const REDACTED = '…';

function looksLikeCode(text: string): boolean {
  return CODE_LIKE.test(text.toUpperCase().replace(/[\s-]+/g, ''));
}

function redactSegment(segment: string): string {
  if (segment === '' || segment.length < 8) return segment;
  if (/koers_/i.test(segment)) return REDACTED;
  if (looksLikeCode(segment)) return REDACTED;
  if (ID_SEGMENT.test(segment) || WORD_SEGMENT.test(segment)) return segment;
  return REDACTED;
}

/**
 * A request path as it may be logged: no query string, the code or token after /r/, /s/, /api/form/
 * and /api/scoring/ replaced, and any other segment that could be a code, token or key replaced too.
 */
export function redactPath(rawPath: string): string {
  let pathOnly = rawPath.split(/[?#]/, 1)[0] ?? '';
  for (const prefix of SECRET_PREFIXES) {
    if (pathOnly.startsWith(prefix) && pathOnly.length > prefix.length) {
      const rest = pathOnly.slice(prefix.length);
      const slash = rest.indexOf('/');
      pathOnly = prefix + REDACTED + (slash >= 0 ? rest.slice(slash) : '');
      break;
    }
  }
  const redacted = pathOnly.split('/').map(redactSegment).join('/');
  return redacted.length > 200 ? `${redacted.slice(0, 200)}${REDACTED}` : redacted;
}

/** Free text (an unexpected error's message) with anything that could be a code, token or key cut out. */
export function redactText(text: string): string {
  return text
    .replace(/Bearer\s+\S+/gi, `Bearer ${REDACTED}`)
    .replace(/koers_[A-Za-z0-9_-]*/g, REDACTED)
    .replace(/\/(r|s|api\/form|api\/scoring)\/[^\s/'"?#]+/g, `/$1/${REDACTED}`)
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, (run) => (ID_SEGMENT.test(run) ? run : REDACTED))
    .replace(/\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b/g, (word) => (looksLikeCode(word) ? REDACTED : word))
    .slice(0, 500);
}

/** An error's stack without its message line: frames name code locations, never data. */
function stackFrames(error: unknown): string {
  const stack = (error as Error | undefined)?.stack;
  if (typeof stack !== 'string') return '';
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12);
  return frames.length > 0 ? `\n${frames.join('\n')}` : '';
}

interface KindState {
  /** Errors of this kind after the first one in the current interval. */
  suppressed: number;
  intervalStart: number;
}

/**
 * Failed requests (see the file comment). Client errors (4xx) are only counted: one line per interval
 * sums them up by kind. Unexpected errors (5xx) write their first occurrence per kind and interval at
 * once, with the redacted message and the stack frames, and count the rest.
 */
export class ErrorLog {
  private readonly write: LogWriter;
  private readonly intervalMs: number;
  private readonly kinds = new Map<string, KindState>();
  private clientErrors = new Map<string, number>();
  private clientSince = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: ErrorLogOptions = {}) {
    // Straight to stderr: one line per write, no console formatting.
    this.write = options.write ?? ((line) => void process.stderr.write(`${line}\n`));
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  /** A request refused as the client's mistake; `kind` is a stable label such as "415 unsupportedEncoding". */
  clientError(kind: string): void {
    if (this.clientErrors.size === 0) this.clientSince = Date.now();
    this.clientErrors.set(kind, (this.clientErrors.get(kind) ?? 0) + 1);
    this.startTimer();
  }

  /** An unexpected error; the path is redacted here, the error's message too. */
  unexpected(kind: string, method: string, rawPath: string, error: unknown): void {
    const now = Date.now();
    const state = this.kinds.get(kind);
    if (state && now - state.intervalStart < this.intervalMs) {
      state.suppressed += 1;
      return;
    }
    if (state && state.suppressed > 0) this.summarise(kind, state);
    this.kinds.set(kind, { suppressed: 0, intervalStart: now });
    const safeMethod = /^[A-Z]{1,12}$/.test(method) ? method : 'OTHER';
    const name = (error as Error | undefined)?.name ?? 'Error';
    const message = redactText(String((error as Error | undefined)?.message ?? error));
    this.write(
      `Unexpected error ${kind}: ${safeMethod} ${redactPath(rawPath)}: ${name}: ${message}${stackFrames(error)}`,
    );
    this.startTimer();
  }

  /** Writes the counts of the intervals that ended (all of them when `force`); the timer calls it. */
  flush(force = false): void {
    const now = Date.now();
    if (this.clientErrors.size > 0 && (force || now - this.clientSince >= this.intervalMs)) {
      const counts = [...this.clientErrors]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} ×${n}`)
        .join(', ');
      this.write(`Client errors in the last ${Math.round((now - this.clientSince) / 1000)} s: ${counts}`);
      this.clientErrors = new Map();
    }
    for (const [kind, state] of this.kinds) {
      if (!force && now - state.intervalStart < this.intervalMs) continue;
      if (state.suppressed > 0) this.summarise(kind, state);
      this.kinds.delete(kind);
    }
    if (this.kinds.size === 0 && this.clientErrors.size === 0) this.stopTimer();
  }

  close(): void {
    this.flush(true);
    this.stopTimer();
  }

  private summarise(kind: string, state: KindState): void {
    const seconds = Math.round((Date.now() - state.intervalStart) / 1000);
    this.write(`Unexpected error ${kind}: ${state.suppressed} more of this kind in the last ${seconds} s`);
    state.suppressed = 0;
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
