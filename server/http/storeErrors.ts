import type { StoreErrorCode } from '../store/contract';

/**
 * The HTTP status of each store refusal. Kept apart from errorHandler.ts so that a new store refusal
 * is one line here (and its message in messages.ts).
 */
export const storeErrorStatus: Record<StoreErrorCode, number> = {
  unknownCode: 404,
  codeUsed: 409,
  roundClosed: 409,
  roundClosedForInvitations: 409,
  roundNotFound: 404,
  unknownStatement: 400,
  duplicateStatement: 400,
  outOfScale: 400,
  unknownSurvey: 400,
  unknownGroup: 400,
  builtInLeverReadOnly: 403,
  unknownLever: 400,
  leverRetired: 400,
  leverNotInSession: 400,
  scoringSessionNotFound: 404,
  scoringClosed: 409,
  unknownScoringToken: 404,
  surveyLimitReached: 409,
  roundLimitReached: 409,
  codeLimitReached: 409,
  leverLimitReached: 409,
  scoringSessionLimitReached: 409,
  organisationDataTooLarge: 413,
};
