import type { Lever } from '../levers/lever';
import type { ScoringSessionView } from '../levers/scoringSession';
import type { LeverSuggestion } from '../levers/suggest';
import type { StoredResponse } from '../response';

/**
 * What the layouts read, as core types: the add-in passes the server's validated replies
 * (addin/api/contracts.ts), the server passes what its own routes would send.
 */

/** One entry of GET /api/rounds/:id/suggestions: the suggestion and the lever itself. */
export type SuggestionWithLever = LeverSuggestion & { lever: Lever };

/** GET /api/rounds/:id/scoring. */
export type ScoringView = ScoringSessionView;

/** One anonymised response row: group, ratings, comment. */
export interface ResponseRow {
  group: string;
  answers: StoredResponse['answers'];
  comment?: string;
}

/** GET /api/rounds/:id/responses (JSON): only rows of the groups the results show. */
export interface RoundResponses {
  roundId: string;
  /** Every statement of the survey in form order: the column order of the responses sheet. */
  statementIds: string[];
  groups: string[];
  rows: ResponseRow[];
}
