import type { Request } from 'express';
import { roundPhase, type RoundPhase } from '../../core/period';
import type { Round } from '../../core/round';
import type { RoundStore } from '../store/contract';

/** The Dutch calendar day the app runs on (createApp puts its `today` on app.locals). */
export function appToday(req: Request): string {
  const today = req.app.locals.today as (() => string) | undefined;
  return today ? today() : new Date().toISOString().slice(0, 10);
}

/**
 * A round whose end date has passed closes by itself: the first request that sees it closes it in
 * the store, so its results are final from then on, for every reader.
 */
export async function closeIfEnded(
  rounds: Pick<RoundStore, 'closeRound'>,
  round: Round,
  today: string,
): Promise<Round> {
  if (roundPhase(round, today) !== 'ended') return round;
  return (await rounds.closeRound(round.organisationId, round.id)) ?? round;
}

export function phaseOf(round: Round, today: string): RoundPhase {
  return roundPhase(round, today);
}
