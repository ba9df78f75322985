import type { ScoreInput } from '../../../core/levers/scoring';
import type { ScoringPagePayload } from '../../../core/levers/scoringSession';
import type { Language } from '../../../core/text';

/** A request either reached the server (with its status and error) or never got an answer. */
export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'error'; status: number; code?: string; message?: string }
  | { kind: 'offline' };

const TIMEOUT_MS = 20_000;

/** Relative to the page's <base> (the app root), so the page works below a path prefix. */
function apiUrl(path: string, language: Language): string {
  const url = new URL(`api/${path}`, document.baseURI);
  url.searchParams.set('lang', language);
  return url.toString();
}

async function request<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: controller.signal, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { kind: 'offline' };
  } finally {
    window.clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) return body === undefined ? { kind: 'error', status: response.status } : { kind: 'ok', data: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    kind: 'error',
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

export function fetchScoring(token: string, language: Language): Promise<ApiResult<ScoringPagePayload>> {
  return request(apiUrl(`scoring/${encodeURIComponent(token)}`, language), { method: 'GET', headers: { Accept: 'application/json' } });
}

export function postScores(token: string, scores: ScoreInput[], language: Language): Promise<ApiResult<{ status: 'created' | 'replaced' }>> {
  return request(apiUrl(`scoring/${encodeURIComponent(token)}`, language), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ scores }),
  });
}
