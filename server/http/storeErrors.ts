import type { StoreErrorCode } from '../store/contract';
import { HttpError } from './errors';

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

/** Error codes of a disk that has no room left (or a quota that is used up). */
const FULL_DISK = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A full disk is the server's condition, not a bug and not the caller's fault: 503, with a message
 * that nothing was saved. Looks through `cause` too (the response logs wrap the error that broke them).
 */
export function storageFailure(error: unknown): HttpError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (FULL_DISK.has(String((e as { code?: unknown }).code))) return new HttpError(503, 'storageFull');
  }
  return undefined;
}
