import type { Organisation } from '../../core/organisation';
import type { Survey, SurveyInput } from '../../core/survey';
import type { Round, RoundInput } from '../../core/round';
import type { ResponseInput, StoredResponse } from '../../core/response';
import type { PublishedComment } from '../../core/anonymity';
import type { RoundResults } from '../../core/results';
import type { Lever, LeverInput, LeverUpdate } from '../../core/levers/lever';
import type { ScoreInput } from '../../core/levers/scoring';
import type { ScoringSessionStatus } from '../../core/levers/scoringSession';

/** What a public invitation code opens: the round and the group it was made for. */
export interface CodeLookup {
  round: Round;
  survey: Survey;
  group: string;
  used: boolean;
}

export type SubmitOutcome = 'created' | 'repeated';

/** One rater's latest scores in a scoring session. */
export interface RaterScores {
  scores: ScoreInput[];
  updatedAt: string;
}

/** An MT scoring session of a round, as stored. */
export interface ScoringSession {
  id: string;
  organisationId: string;
  roundId: string;
  /** The levers to score, in the order the adviser chose them. */
  leverIds: string[];
  status: ScoringSessionStatus;
  createdAt: string;
  closedAt?: string;
  /** HMACs of the personal links' tokens; the tokens themselves are shown once and never stored. */
  tokenHashes: string[];
  /** Each member's latest scores, keyed by the HMAC of their token: one token, one rater. */
  scores: Record<string, RaterScores>;
  /** The adviser's own scores, counted as one more rater. */
  adviser?: RaterScores;
}

/** What a personal scoring link opens. */
export interface ScoringTokenLookup {
  session: ScoringSession;
  round: Round;
  /** The session's levers in session order, with their current texts (retired ones too). */
  levers: Lever[];
  /** This link's earlier scores, if any. */
  scores: ScoreInput[] | undefined;
}

export type ScoreOutcome = 'created' | 'replaced';

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
  /** Comments of the groups the results show, in an order that reveals nothing. */
  comments(round: Round): PublishedComment[];
  /** Stored responses of a round, read from disk in stored order. */
  readResponses(roundId: string): AsyncIterable<StoredResponse>;

  /** The built-in levers (with this organisation's retired flags) followed by its own levers. */
  listLevers(organisationId: string): Lever[];
  getLever(organisationId: string, leverId: string): Lever | undefined;
  /** Adds an own lever; its id is a slug of the Dutch title, unique within the organisation. */
  createLever(organisationId: string, input: LeverInput): Promise<Lever>;
  /**
   * Changes an own lever. Undefined for ids the organisation does not know; rejects with
   * StoreError 'builtInLeverReadOnly' for a built-in lever.
   */
  updateLever(organisationId: string, leverId: string, update: LeverUpdate): Promise<Lever | undefined>;
  /** Retires (or restores) an own lever, or a built-in lever for this organisation only. */
  setLeverRetired(organisationId: string, leverId: string, retired: boolean): Promise<Lever | undefined>;

  /**
   * Opens a scoring session for a round with `raters` personal links, closing the round's open
   * session if there is one. Rejects with StoreError 'unknownLever' or 'leverRetired'.
   */
  openScoringSession(
    round: Round,
    leverIds: string[],
    raters: number,
  ): Promise<{ session: ScoringSession; tokens: string[] }>;
  /** The round's latest session, open or closed. */
  latestScoringSession(organisationId: string, roundId: string): ScoringSession | undefined;
  closeScoringSession(organisationId: string, roundId: string): Promise<ScoringSession | undefined>;
  /** Replaces the adviser's scores in the round's latest session. */
  saveAdviserScores(organisationId: string, roundId: string, scores: ScoreInput[]): Promise<ScoringSession>;
  lookupScoringToken(token: string): ScoringTokenLookup | undefined;
  /** Replaces the scores of the link's rater; rejects for unknown tokens, closed sessions and levers outside the session. */
  submitScores(token: string, scores: ScoreInput[]): Promise<ScoreOutcome>;

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
  | 'unknownGroup'
  | 'builtInLeverReadOnly'
  | 'unknownLever'
  | 'leverRetired'
  | 'leverNotInSession'
  | 'scoringSessionNotFound'
  | 'scoringClosed'
  | 'unknownScoringToken';

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
