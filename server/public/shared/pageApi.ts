import type { Language } from '../../../core/text';

/** A request either reached the server (with its status and error) or never got an answer. */
export type ApiResult<T> =
  { kind: 'ok'; data: T } | { kind: 'error'; status: number; code?: string; message?: string } | { kind: 'offline' };

const TIMEOUT_MS = 20_000;

/**
 * API addresses are relative to the page's <base> (the app root), so the public pages work when
 * Koers is served below a path prefix. The language asks the server for messages people can read.
 */
export function apiUrl(path: string, language: Language): string {
  const url = new URL(`api/${path}`, document.baseURI);
  url.searchParams.set('lang', language);
  return url.toString();
}

export function getJson<T>(path: string, language: Language): Promise<ApiResult<T>> {
  return request<T>(apiUrl(path, language), { method: 'GET', headers: { Accept: 'application/json' } });
}

export function postJson<T>(path: string, body: unknown, language: Language): Promise<ApiResult<T>> {
  return request<T>(apiUrl(path, language), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
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
  if (response.ok)
    return body === undefined ? { kind: 'error', status: response.status } : { kind: 'ok', data: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    kind: 'error',
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}
