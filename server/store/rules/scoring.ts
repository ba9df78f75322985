/**
 * What an MT scoring session may be opened with and scored for, decided the same way by every store
 * (file and PostgreSQL); the stores look the levers up, these functions check and build.
 */
import type { Lever } from '../../../core/levers/lever';
import type { ScoreInput } from '../../../core/levers/scoring';
import { newId } from '../codes';
import { StoreError, type ScoringSession } from '../contract';

/** A RangeError for a number of raters that is not a whole number ≥ 1. */
export function checkRaters(raters: number): void {
  if (!Number.isInteger(raters) || raters < 1) throw new RangeError(`raters must be a whole number ≥ 1, got ${raters}`);
}

/** Throws 'unknownLever' or 'leverRetired' for a lever a new session is to ask about (`lever`: as the organisation sees it). */
export function checkSessionLever(leverId: string, lever: Lever | undefined): void {
  if (!lever) throw new StoreError('unknownLever', { leverId });
  if (lever.retired) throw new StoreError('leverRetired', { leverId });
}

/** A new open session without scores. */
export function newScoringSession(
  organisationId: string,
  roundId: string,
  leverIds: readonly string[],
  createdAt: string,
  tokenHashes: string[],
): ScoringSession {
  return {
    id: newId('scoring'),
    organisationId,
    roundId,
    leverIds: [...leverIds],
    status: 'open',
    createdAt,
    tokenHashes,
    scores: {},
  };
}

/**
 * Throws 'scoringClosed' for a closed session; else the first scored lever the session does not ask
 * about (undefined when there is none), to be refused with refuseStrayLever.
 */
export function strayLever(session: ScoringSession, scores: readonly ScoreInput[]): string | undefined {
  if (session.status !== 'open') throw new StoreError('scoringClosed');
  const inSession = new Set(session.leverIds);
  return scores.find(({ leverId }) => !inSession.has(leverId))?.leverId;
}

/** 'unknownLever' when the organisation has no such lever, else 'leverNotInSession'. */
export function refuseStrayLever(leverId: string, known: boolean): never {
  throw new StoreError(known ? 'leverNotInSession' : 'unknownLever', { leverId });
}

/** Empty remarks are no remarks, so "no remark" has one stored form. */
export function cleanScores(scores: readonly ScoreInput[]): ScoreInput[] {
  return scores.map(({ leverId, impact, feasibility, remark }) => ({
    leverId,
    impact,
    feasibility,
    ...(remark ? { remark } : {}),
  }));
}
