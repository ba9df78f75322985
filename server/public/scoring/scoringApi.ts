import type { ScoreInput } from '../../../core/levers/scoring';
import type { ScoringPagePayload } from '../../../core/levers/scoringSession';
import type { Language } from '../../../core/text';
import { getJson, postJson, type ApiResult } from '../shared/pageApi';

export type { ApiResult } from '../shared/pageApi';

export function fetchScoring(token: string, language: Language): Promise<ApiResult<ScoringPagePayload>> {
  return getJson(`scoring/${encodeURIComponent(token)}`, language);
}

export function postScores(
  token: string,
  scores: ScoreInput[],
  language: Language,
): Promise<ApiResult<{ status: 'created' | 'replaced' }>> {
  return postJson(`scoring/${encodeURIComponent(token)}`, { scores }, language);
}
