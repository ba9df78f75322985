import type { Language } from '../../../core/text';
import { getJson, postJson, type ApiResult } from '../shared/pageApi';
import type { FormPayload } from './formPayload';

export type { ApiResult } from '../shared/pageApi';

/** What the form sends; the shape of POST /api/responses (core/response.ts). */
export interface ResponseBody {
  code: string;
  answers: Array<{ statementId: string; current: number | null; desired: number | null }>;
  comment?: string;
  submissionId: string;
}

export function fetchForm(code: string, language: Language): Promise<ApiResult<FormPayload>> {
  return getJson<FormPayload>(`form/${encodeURIComponent(code)}`, language);
}

export function postResponse(
  body: ResponseBody,
  language: Language,
): Promise<ApiResult<{ status: 'created' | 'repeated' }>> {
  return postJson('responses', body, language);
}
