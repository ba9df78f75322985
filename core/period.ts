import type { Round } from './round';

/**
 * Where a round stands on a given (Dutch calendar) day:
 * - `notYet`: its period starts after today; the form shows when it opens and refuses answers;
 * - `open`: answers are taken (a round without period is open until closed);
 * - `ended`: its period ended before today, so it closes by itself; its results are final;
 * - `closed`: the adviser closed it.
 */
export type RoundPhase = 'notYet' | 'open' | 'ended' | 'closed';

export function roundPhase(round: Pick<Round, 'status' | 'period'>, today: string): RoundPhase {
  if (round.status === 'closed') return 'closed';
  if (round.period && today < round.period.start) return 'notYet';
  if (round.period && today > round.period.end) return 'ended';
  return 'open';
}

/** True when a round must be closed now because its end date has passed. */
export function hasEnded(round: Pick<Round, 'status' | 'period'>, today: string): boolean {
  return roundPhase(round, today) === 'ended';
}
