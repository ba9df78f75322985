/** Every refusal a store may give; the HTTP layer maps each to a 4xx and a message in messages.ts. */
export type StoreErrorCode =
  | 'unknownCode'
  | 'codeUsed'
  | 'roundClosed'
  | 'roundClosedForInvitations'
  | 'roundNotFound'
  | 'unknownStatement'
  | 'duplicateStatement'
  | 'outOfScale'
  | 'unknownSurvey'
  | 'unknownGroup'
  | 'builtInLeverReadOnly'
  | 'unknownLever'
  | 'leverRetired'
  | 'leverNotInSession'
  | 'scoringSessionNotFound'
  | 'scoringClosed'
  | 'unknownScoringToken'
  | 'surveyLimitReached'
  | 'roundLimitReached'
  | 'codeLimitReached'
  | 'leverLimitReached'
  | 'scoringSessionLimitReached'
  | 'organisationDataTooLarge';

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

/**
 * The store cannot be reached right now (its database restarts, the network is down). Nothing was
 * stored by the failed call; the HTTP layer answers 503 and the client may retry.
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The store is not available: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}
