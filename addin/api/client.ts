import type { z } from 'zod';
import type { Lever } from '../../core/levers/lever';
import type { ScoreInput } from '../../core/levers/scoring';
import type { ScoringSessionInput } from '../../core/levers/scoringSession';
import { roundComparisonSchema, type RoundComparison } from '../../core/comparison';
import { roundResultsSchema, type RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import {
  errorBodySchema,
  healthSchema,
  leverListSchema,
  roundListSchema,
  roundResponsesSchema,
  scoringSessionCreatedSchema,
  scoringSessionsReplySchema,
  scoringSessionViewSchema,
  suggestionsReplySchema,
  type RoundListItem,
  type RoundResponses,
  type ScoringCreated,
  type ScoringView,
  type SuggestionsReply,
} from './contracts';

export type ApiErrorKind =
  'invalidUrl' | 'unreachable' | 'notKoers' | 'unauthorized' | 'notFound' | 'noResults' | 'server' | 'invalidResponse';

/** Why a round has nothing to put in a workbook yet. */
export type NoResultsReason = 'noResponses' | 'allSuppressed';

export interface ApiErrorDetails {
  status?: number;
  /** `error.code` of the server's JSON error body. */
  code?: string;
  /** `error.message` of the server's JSON error body, already in the requested language. */
  serverMessage?: string;
  reason?: NoResultsReason;
  /** The round's anonymity threshold, for the "all groups below threshold" message. */
  threshold?: number;
}

/** Every failure of the API client, typed so the task pane can say what to do about it. */
export class KoersApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'KoersApiError';
  }
}

export interface ClientOptions {
  /** Language of the server's error messages (sent as Accept-Language). */
  language?: Language;
  fetch?: typeof fetch;
  /** Per request; the responses download of a large round can take a while. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const HEALTH_TIMEOUT_MS = 10_000;

/**
 * Turns what a person typed into a base URL without a trailing slash. A missing scheme means https,
 * because Office only loads task panes over https; a path prefix (a server behind /koers) is kept.
 */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new KoersApiError('invalidUrl', 'No server address given');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new KoersApiError('invalidUrl', `Not a valid address: ${trimmed}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KoersApiError('invalidUrl', `Not a web address: ${trimmed}`);
  }
  if (url.username || url.password)
    throw new KoersApiError('invalidUrl', 'Addresses with a user name are not supported');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

interface SendOptions {
  authorised: boolean;
  timeoutMs: number;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
}

/** Talks to one Koers server with one API key. Knows nothing about Office. */
export class KoersClient {
  readonly serverUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly language: Language;
  private readonly timeoutMs: number;

  constructor(
    serverUrl: string,
    private readonly apiKey: string,
    options: ClientOptions = {},
  ) {
    this.serverUrl = normaliseServerUrl(serverUrl);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.language = options.language ?? 'nl';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** GET /health: is a Koers server listening at this address at all? */
  async checkHealth(): Promise<void> {
    let response: Response;
    try {
      response = await this.send('/health', { authorised: false, timeoutMs: HEALTH_TIMEOUT_MS });
    } catch (error) {
      throw unreachable(this.serverUrl, error);
    }
    const body = response.ok ? await readJson(response) : undefined;
    if (!healthSchema.safeParse(body).success) {
      throw new KoersApiError('notKoers', `No Koers server at ${this.serverUrl} (HTTP ${response.status})`, {
        status: response.status,
      });
    }
  }

  /** GET /api/rounds: the key's organisation's rounds, newest last as the server keeps them. */
  listRounds(): Promise<RoundListItem[]> {
    return this.getJson('/api/rounds', roundListSchema);
  }

  /**
   * GET /api/rounds/:id/results. A round without responses, or whose groups are all below the
   * anonymity threshold, has no figures to write: that is a `noResults` error, not an empty sheet.
   */
  async getResults(roundId: string): Promise<RoundResults> {
    const results = await this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/results`, roundResultsSchema);
    if (results.responses.total.exact && results.responses.total.value === 0) {
      throw new KoersApiError('noResults', `Round ${roundId} has no responses yet`, { reason: 'noResponses' });
    }
    if (!results.groups.some((group) => group.status === 'shown')) {
      throw new KoersApiError('noResults', `Every group of round ${roundId} is below the anonymity threshold`, {
        reason: 'allSuppressed',
        threshold: results.anonymityThreshold,
      });
    }
    return results;
  }

  /** GET /api/rounds/:id/comparison: the round against its baseline (409 noBaseline without one). */
  getComparison(roundId: string): Promise<RoundComparison> {
    return this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/comparison`, roundComparisonSchema);
  }

  /** GET /api/rounds/:id/responses: anonymised rows of the shown groups. */
  getResponses(roundId: string): Promise<RoundResponses> {
    return this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/responses`, roundResponsesSchema);
  }

  /** GET /api/levers: built-in and own levers of the key's organisation, retired ones included. */
  listLevers(): Promise<Lever[]> {
    return this.getJson('/api/levers', leverListSchema);
  }

  /** GET /api/rounds/:id/suggestions: levers ranked by the round's published gaps, with reasons and lever data. */
  getSuggestions(roundId: string, options: { limit?: number } = {}): Promise<SuggestionsReply> {
    const query = options.limit === undefined ? '' : `?limit=${encodeURIComponent(String(options.limit))}`;
    return this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/suggestions${query}`, suggestionsReplySchema);
  }

  /**
   * POST /api/rounds/:id/scoring: opens an MT scoring session (closing the round's open one) and
   * returns the personal links, which the server shows this once.
   */
  openScoring(roundId: string, input: ScoringSessionInput): Promise<ScoringCreated> {
    return this.postJson(`/api/rounds/${encodeURIComponent(roundId)}/scoring`, input, scoringSessionCreatedSchema);
  }

  /**
   * GET /api/rounds/:id/scoring: a session of the round (the chosen one, default the latest) with
   * every lever's aggregate. 404 when none.
   */
  getScoring(roundId: string, sessionId?: string): Promise<ScoringView> {
    const query = sessionId ? `?session=${encodeURIComponent(sessionId)}` : '';
    return this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/scoring${query}`, scoringSessionViewSchema);
  }

  /** GET /api/rounds/:id/scoring/sessions: every session of the round with its scores, oldest first. */
  listScoringSessions(roundId: string): Promise<ScoringView[]> {
    return this.getJson(`/api/rounds/${encodeURIComponent(roundId)}/scoring/sessions`, scoringSessionsReplySchema).then(
      (reply) => reply.sessions,
    );
  }

  /** POST /api/rounds/:id/scoring/adviser: the adviser's own scores, as one more rater (replacing earlier ones). */
  sendAdviserScores(roundId: string, scores: ScoreInput[]): Promise<ScoringView> {
    return this.postJson(
      `/api/rounds/${encodeURIComponent(roundId)}/scoring/adviser`,
      { scores },
      scoringSessionViewSchema,
    );
  }

  /** Any admin route, its reply checked against `schema`: for the flows beside the pull (addin/api/roundsApi.ts). */
  call<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    return this.requestJson(path, schema, { authorised: true, timeoutMs: this.timeoutMs, method, body });
  }

  private getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return this.requestJson(path, schema, { authorised: true, timeoutMs: this.timeoutMs });
  }

  private postJson<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.requestJson(path, schema, { authorised: true, timeoutMs: this.timeoutMs, method: 'POST', body });
  }

  private async requestJson<S extends z.ZodType>(path: string, schema: S, request: SendOptions): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await this.send(path, request);
    } catch (error) {
      throw unreachable(this.serverUrl, error);
    }
    if (!response.ok) throw await httpError(response);
    const body = await readJson(response);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new KoersApiError(
        'invalidResponse',
        `Unexpected reply from ${path}: ${parsed.error.issues[0]?.message ?? ''}`,
        {
          status: response.status,
        },
      );
    }
    return parsed.data;
  }

  private send(path: string, { authorised, timeoutMs, method = 'GET', body }: SendOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language };
    if (authorised) headers.Authorization = `Bearer ${this.apiKey}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return this.fetchImpl(`${this.serverUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      // The key must never end up in a shared cache, and a stale round list would confuse.
      cache: 'no-store',
      credentials: 'omit',
      signal: timeoutSignal(timeoutMs),
    });
  }
}

/**
 * Checks address and key in the order that gives the clearest message: first whether a Koers
 * server answers at all (GET /health), then whether it accepts the key (GET /api/rounds).
 * Returns the round list, so a successful check costs no extra request.
 */
export async function checkConnection(
  serverUrl: string,
  apiKey: string,
  options: ClientOptions = {},
): Promise<{ client: KoersClient; rounds: RoundListItem[] }> {
  const client = new KoersClient(serverUrl, apiKey, options);
  await client.checkHealth();
  const rounds = await client.listRounds();
  return { client, rounds };
}

async function httpError(response: Response): Promise<KoersApiError> {
  const body = errorBodySchema.safeParse(await readJson(response));
  const details: ApiErrorDetails = { status: response.status };
  if (body.success) {
    details.code = body.data.error.code;
    details.serverMessage = body.data.error.message;
  }
  const message = details.serverMessage ?? `HTTP ${response.status}`;
  if (response.status === 401) return new KoersApiError('unauthorized', message, details);
  if (response.status === 404) return new KoersApiError('notFound', message, details);
  return new KoersApiError('server', message, details);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function unreachable(serverUrl: string, cause: unknown): KoersApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KoersApiError('unreachable', `Cannot reach ${serverUrl}: ${reason}`);
}

function timeoutSignal(ms: number): AbortSignal | undefined {
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  if (typeof AbortController === 'undefined') return undefined;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}
