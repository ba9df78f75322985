import type { PublishedComment } from '../../../core/anonymity';
import type { ResponseInput, StoredResponse } from '../../../core/response';
import type { RoundResults } from '../../../core/results';
import type { Round } from '../../../core/round';

export type SubmitOutcome = 'created' | 'repeated';

/** Responses of rounds, their running tallies and the results derived from them. */
export interface ResponseStore {
  /**
   * Stores a response durably before resolving. A repeat of an already stored submission (same
   * code, same submissionId and answers) resolves 'repeated' and stores nothing. Rejects with a
   * StoreError for unknown and used codes, closed rounds and answers that do not fit the survey.
   */
  submitResponse(input: ResponseInput, today: string): Promise<SubmitOutcome>;
  /** All responses acknowledged for a round (a progress figure). */
  responseCount(roundId: string): Promise<number>;
  /**
   * Acknowledged responses per group of the round. Exact, so for the server's own use: what leaves
   * the server goes through core/coarseCount first (GET /api/rounds/:id/participation).
   */
  responsesByGroup(roundId: string): Promise<Record<string, number>>;
  /** Aggregated results with the anonymity rules applied, of the round as stored now. */
  results(round: Round): Promise<RoundResults>;
  /**
   * The same results serialised as JSON, cached until a response is stored or the round changes:
   * the store is the one that knows when that happens.
   */
  resultsJson(round: Round): Promise<string>;
  /** Comments of the groups the results show, in an order that reveals nothing. */
  comments(round: Round): Promise<PublishedComment[]>;
  /** Acknowledged responses of a round, in stored order; nothing for unknown rounds. */
  readResponses(roundId: string): AsyncIterable<StoredResponse>;
}
