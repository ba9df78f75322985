import type { Language } from '../../../core/text';
import { getJson, postJson, type ApiResult } from '../shared/pageApi';
import type { ResponseBody } from '../../../core/api/responses';
import type { FormPayload } from './formPayload';

export type { ApiResult } from '../shared/pageApi';

/** What the form sends: POST /api/responses as core/api/responses.ts declares it. */
export type { ResponseBody } from '../../../core/api/responses';

export function fetchForm(code: string, language: Language): Promise<ApiResult<FormPayload>> {
  return getJson<FormPayload>(`form/${encodeURIComponent(code)}`, language);
}

export function postResponse(
  body: ResponseBody,
  language: Language,
): Promise<ApiResult<{ status: 'created' | 'repeated' }>> {
  return postJson('responses', body, language);
}
