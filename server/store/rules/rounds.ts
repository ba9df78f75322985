/**
 * What a round may become, decided the same way by every store (file and PostgreSQL): the stores only
 * read and write, these functions check and build. Refusals are the StoreErrors the contract names.
 */
import type { Round, RoundInput } from '../../../core/round';
import { storedAnonymitySettings } from '../../../core/roundAnonymity';
import type { Survey } from '../../../core/survey';
import { newId } from '../codes';
import { StoreError } from '../contract';

/** Same bound as the HTTP schema (invitationRequestSchema); guards direct callers too. */
export const MAX_CODES_PER_REQUEST = 5000;

/**
 * A new open round of `survey` (as the organisation sees it: undefined when not visible to it).
 * Throws 'unknownSurvey', or 'unknownGroup' for a group that is neither the survey's nor named in
 * `groupNames` (the round's own groups must come with a name).
 */
export function newRound(
  organisationId: string,
  survey: Survey | undefined,
  input: RoundInput,
  createdAt: string,
): Round {
  if (!survey) throw new StoreError('unknownSurvey', { surveyId: input.surveyId });
  const unknownGroup = input.groups.find(
    (g) => !survey.groups.some((sg) => sg.id === g) && !Object.hasOwn(input.groupNames ?? {}, g),
  );
  if (unknownGroup !== undefined) throw new StoreError('unknownGroup', { group: unknownGroup });
  return {
    id: newId('round'),
    organisationId,
    surveyId: survey.id,
    name: input.name,
    groups: [...new Set(input.groups)],
    ...(input.period ? { period: { ...input.period } } : {}),
    anonymityThreshold: input.anonymityThreshold,
    actionGap: input.actionGap,
    ...storedAnonymitySettings(input),
    ...(input.baselineRoundId ? { baselineRoundId: input.baselineRoundId } : {}),
    ...(input.theme ? { theme: input.theme } : {}),
    ...(input.groupNames ? { groupNames: structuredClone(input.groupNames) } : {}),
    status: 'open',
    createdAt,
  };
}

/** The round closed at `closedAt`; a closed round stays as it is (closing is idempotent). */
export function closedRound(round: Round, closedAt: string): Round {
  return round.status === 'closed' ? round : { ...round, status: 'closed', closedAt };
}

/** The open round with its end moved (a round without period starts on its creation day); throws 'roundClosed'. */
export function roundWithEnd(round: Round, end: string): Round {
  if (round.status !== 'open') throw new StoreError('roundClosed');
  return { ...round, period: { start: round.period?.start ?? round.createdAt.slice(0, 10), end } };
}

/** A RangeError for a number of codes outside 1–MAX_CODES_PER_REQUEST. */
export function checkInvitationCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_REQUEST) {
    throw new RangeError(`count must be a whole number from 1 to ${MAX_CODES_PER_REQUEST}`);
  }
}

/**
 * Whether codes may be made for `group` of the stored round (undefined: the organisation has no such
 * round). Throws 'roundNotFound', 'unknownGroup' or 'roundClosedForInvitations'.
 */
export function checkInvitationTarget(stored: Round | undefined, group: string): asserts stored is Round {
  if (!stored) throw new StoreError('roundNotFound');
  if (!stored.groups.includes(group)) throw new StoreError('unknownGroup', { group });
  if (stored.status !== 'open') throw new StoreError('roundClosedForInvitations');
}
