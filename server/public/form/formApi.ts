import type { Language } from '../../../core/text';
import type { FormPayload } from './formPayload';

/** What the form sends; the shape of POST /api/responses (core/response.ts). */
export interface ResponseBody {
  code: string;
  answers: Array<{ statementId: string; current: number | null; desired: number | null }>;
  comment?: string;
  submissionId: string;
}

/** A request either reached the server (with its status and error) or never got an answer. */
export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'error'; status: number; code?: string; message?: string }
  | { kind: 'offline' };

const TIMEOUT_MS = 20_000;

/**
 * API addresses are relative to the page's <base> (the app root), so the form works when Koers is
 * served below a path prefix.
 */
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
  if (response.ok) {
    if (body === undefined) return { kind: 'error', status: response.status };
    return { kind: 'ok', data: body as T };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    kind: 'error',
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

export function fetchForm(code: string, language: Language): Promise<ApiResult<FormPayload>> {
  return request<FormPayload>(apiUrl(`form/${encodeURIComponent(code)}`, language), {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
}

export function postResponse(
  body: ResponseBody,
  language: Language,
): Promise<ApiResult<{ status: 'created' | 'repeated' }>> {
  return request(apiUrl('responses', language), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
