import type { Language } from '../../../core/text';
import { matchesSchema, type JsonSchema } from './checkReply';
import { error as errorBodySchema } from './replySchemas.generated';

/**
 * A request either reached the server (with its status and error) or never got an answer. A reply
 * that does not match its schema in core/api counts as an error of its status without a message: the
 * page shows its "unexpected reply" text instead of rendering half a form. The schemas are core's zod
 * schemas as JSON Schema (server/api/pageSchemas.ts), so the pages check what the server promises.
 */
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

export function getJson<T>(path: string, reply: JsonSchema<T>, language: Language): Promise<ApiResult<T>> {
  return request(apiUrl(path, language), reply, { method: 'GET', headers: { Accept: 'application/json' } });
}

export function postJson<T>(
  path: string,
  body: unknown,
  reply: JsonSchema<T>,
  language: Language,
): Promise<ApiResult<T>> {
  return request(apiUrl(path, language), reply, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function request<T>(url: string, reply: JsonSchema<T>, init: RequestInit): Promise<ApiResult<T>> {
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
    return matchesSchema(reply, body) ? { kind: 'ok', data: body } : { kind: 'error', status: response.status };
  return matchesSchema(errorBodySchema, body)
    ? { kind: 'error', status: response.status, code: body.error.code, message: body.error.message }
    : { kind: 'error', status: response.status };
}
