import type { FormPayload } from '../../../core/api/form';
import type { ResponseBody, ResponseStored } from '../../../core/api/responses';
import type { Language } from '../../../core/text';
import { getJson, postJson, type ApiResult } from '../shared/pageApi';
import { formPayload, responseStored } from '../shared/replySchemas.generated';

export type { ApiResult } from '../shared/pageApi';

/** What the form sends: POST /api/responses as core/api/responses.ts declares it. */
export type { ResponseBody } from '../../../core/api/responses';

export function fetchForm(code: string, language: Language): Promise<ApiResult<FormPayload>> {
  return getJson(`form/${encodeURIComponent(code)}`, formPayload, language);
}

export function postResponse(body: ResponseBody, language: Language): Promise<ApiResult<ResponseStored>> {
  return postJson('responses', body, responseStored, language);
}
