import type { Round, RoundInput } from '../../../core/round';
import type { Survey } from '../../../core/survey';

/** What a public invitation code opens: the round and the group it was made for. */
export interface CodeLookup {
  round: Round;
  survey: Survey;
  group: string;
  used: boolean;
}

/** Rounds and their invitation codes. */
export interface RoundStore {
  listRounds(organisationId: string): Promise<Round[]>;
  /** Undefined for unknown rounds and for other organisations' rounds alike. */
  getRound(organisationId: string, roundId: string): Promise<Round | undefined>;
  /**
   * Opens a round. Rejects with StoreError 'unknownSurvey' (not visible to the organisation) or
   * 'unknownGroup' (neither a group of the survey nor named in `groupNames`). Duplicate groups are
   * stored once; `theme` and `groupNames` are stored as given.
   */
  createRound(organisationId: string, input: RoundInput): Promise<Round>;
  /** Closes a round (idempotent); undefined when the organisation has no such round. */
  closeRound(organisationId: string, roundId: string): Promise<Round | undefined>;
  /**
   * Moves an open round's end date (a round without period gets one from its creation day);
   * undefined for unknown rounds; rejects with StoreError 'roundClosed' for a closed round.
   */
  setRoundEnd(organisationId: string, roundId: string, end: string): Promise<Round | undefined>;
  /** Codes made so far per group of the round: a count, never the codes. */
  invitationCounts(roundId: string): Promise<Record<string, number>>;
  /**
   * Makes `count` new codes for a group of a round; returns them in plain text, once. Rejects with
   * StoreError 'roundNotFound', 'unknownGroup' or 'roundClosedForInvitations', decided on the stored
   * round; with a RangeError for a count outside 1–5000.
   */
  createInvitations(organisationId: string, roundId: string, group: string, count: number): Promise<string[]>;
  /** Resolves a code as typed (case, spaces and dashes do not matter). */
  lookupCode(code: string): Promise<CodeLookup | undefined>;
}
