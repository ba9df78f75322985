import type { RoundResults } from '../../core/results';
import type { Round } from '../../core/round';
import { HttpError } from '../http/errors';
import type { ResponseStore } from '../store/contract';

/**
 * The round's results if any are released (release.ts in core); otherwise a 409 saying why. Every
 * route that serves figures, rows, comments or what is derived from them goes through here.
 */
export async function releasedResults(responses: Pick<ResponseStore, 'results'>, round: Round): Promise<RoundResults> {
  const results = await responses.results(round);
  assertReleased(results, round);
  return results;
}

export function assertReleased(results: RoundResults, round: Round): void {
  if (results.release.state !== 'notReleased') return;
  if (results.release.reason === 'noInterimYet')
    throw new HttpError(409, 'noInterimRelease', { threshold: round.anonymityThreshold });
  throw new HttpError(409, 'resultsNotReleased', { roundId: round.id });
}
