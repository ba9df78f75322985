import type { Organisation } from '../../core/organisation';
import type { Survey, SurveyInput } from '../../core/survey';
import type { Round, RoundInput } from '../../core/round';
import type { ResponseInput, StoredResponse } from '../../core/response';
import type { RoundResults } from '../../core/results';

/** What a public invitation code opens: the round and the group it was made for. */
export interface CodeLookup {
  round: Round;
  survey: Survey;
  group: string;
  used: boolean;
}

export type SubmitOutcome = 'created' | 'repeated';

/**
 * Everything the HTTP layer needs from storage. Admin reads take the caller's organisation and
 * return undefined for resources of other organisations, so routers answer 404 for both cases.
 */
export interface KoersStore {
  findOrCreateOrganisation(name: string): Promise<Organisation>;
  /** Returns the new plain key once; only its hash is kept. */
  createApiKey(organisationId: string): Promise<string>;
  organisationForKey(key: string): Organisation | undefined;

  listSurveys(organisationId: string): Survey[];
  getSurvey(organisationId: string, surveyId: string): Survey | undefined;
  createSurvey(organisationId: string, input: SurveyInput): Promise<Survey>;

  listRounds(organisationId: string): Round[];
  getRound(organisationId: string, roundId: string): Round | undefined;
  createRound(organisationId: string, input: RoundInput): Promise<Round>;
  closeRound(organisationId: string, roundId: string): Promise<Round | undefined>;

  /** Makes `count` new codes for a group of a round; returns them in plain text, once. */
  createInvitations(round: Round, group: string, count: number): Promise<string[]>;
  lookupCode(code: string): CodeLookup | undefined;
  /**
   * Stores a response durably (fsync) before resolving. A repeat of an already stored submission
   * (same code, same submissionId and answers) resolves 'repeated' and stores nothing.
   * Rejects with a StoreError for used codes, unknown codes and closed rounds.
   */
  submitResponse(input: ResponseInput, today: string): Promise<SubmitOutcome>;

  /** All responses received for a round (a progress figure). */
  responseCount(roundId: string): number;
  /** Aggregated results with the anonymity rules applied. */
  results(round: Round): RoundResults;
  /** Stored responses of a round, read from disk in stored order. */
  readResponses(roundId: string): AsyncIterable<StoredResponse>;

  /** Writes everything pending and releases the data folder. */
  close(): Promise<void>;
}

export type StoreErrorCode =
  | 'unknownCode'
  | 'codeUsed'
  | 'roundClosed'
  | 'unknownStatement'
  | 'duplicateStatement'
  | 'outOfScale'
  | 'unknownSurvey'
  | 'unknownGroup';

/** A refusal the HTTP layer turns into a 4xx with a message in the caller's language. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'StoreError';
  }
}
