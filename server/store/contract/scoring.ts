import type { Lever } from '../../../core/levers/lever';
import type { ScoreInput } from '../../../core/levers/scoring';
import type { ScoringSessionStatus } from '../../../core/levers/scoringSession';
import type { Round } from '../../../core/round';

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
 * MT scoring sessions. A round may have several; every session and its scores stay readable.
 * Where `sessionId` is optional, leaving it out means the round's latest session.
 */
export interface ScoringStore {
  /**
   * Opens a new session with `raters` personal links. Earlier sessions of the round keep their
   * scores. Rejects with StoreError 'roundNotFound', 'unknownLever' or 'leverRetired'.
   */
  openScoringSession(
    organisationId: string,
    roundId: string,
    leverIds: string[],
    raters: number,
  ): Promise<{ session: ScoringSession; tokens: string[] }>;
  /** The round's sessions, oldest first. */
  listScoringSessions(organisationId: string, roundId: string): Promise<ScoringSession[]>;
  /** A session of the round (default the latest, open or closed). */
  getScoringSession(organisationId: string, roundId: string, sessionId?: string): Promise<ScoringSession | undefined>;
  /** Closes a session of the round (default the latest); undefined when there is none. */
  closeScoringSession(organisationId: string, roundId: string, sessionId?: string): Promise<ScoringSession | undefined>;
  /** Replaces the adviser's scores in a session (default the latest). */
  saveAdviserScores(
    organisationId: string,
    roundId: string,
    scores: ScoreInput[],
    sessionId?: string,
  ): Promise<ScoringSession>;
  lookupScoringToken(token: string): Promise<ScoringTokenLookup | undefined>;
  /** Replaces the scores of the link's rater; rejects for unknown tokens, closed sessions and levers outside the session. */
  submitScores(token: string, scores: ScoreInput[]): Promise<ScoreOutcome>;
}
