import type { ScoresStored } from '../../../core/api/scoring';
import type { ScoreInput } from '../../../core/levers/scoring';
import type { ScoringPagePayload } from '../../../core/levers/scoringSession';
import type { Language } from '../../../core/text';
import { getJson, postJson, type ApiResult } from '../shared/pageApi';
import { scoresStored, scoringPage } from '../shared/replySchemas.generated';

export type { ApiResult } from '../shared/pageApi';

export function fetchScoring(token: string, language: Language): Promise<ApiResult<ScoringPagePayload>> {
  return getJson(`scoring/${encodeURIComponent(token)}`, scoringPage, language);
}

export function postScores(token: string, scores: ScoreInput[], language: Language): Promise<ApiResult<ScoresStored>> {
  return postJson(`scoring/${encodeURIComponent(token)}`, { scores }, scoresStored, language);
}
