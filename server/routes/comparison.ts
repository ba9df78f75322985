import { Router } from 'express';
import { compareRounds, MAX_TREND_ROUNDS, sharedStatementIds } from '../../core/comparison';
import type { RoundResults } from '../../core/results';
import type { Round, RoundInput } from '../../core/round';
import { listStatements } from '../../core/survey';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import type { KoersStore } from '../store/types';
import { loadRound, loadedRound } from './roundParam';

type ComparisonStore = Pick<KoersStore, 'getRound' | 'getSurvey' | 'results'>;

/**
 * Checks a follow-up round's baselineRoundId before anything is stored: the baseline must be a round
 * of the same organisation, on the same survey or on one sharing statements by id. Throws a 400.
 */
export function checkBaseline(store: ComparisonStore, organisationId: string, input: RoundInput): void {
  const baselineRoundId = input.baselineRoundId;
  if (baselineRoundId === undefined) return;
  const baseline = store.getRound(organisationId, baselineRoundId);
  if (!baseline) throw new HttpError(400, 'unknownBaseline', { baselineRoundId });
  if (baseline.surveyId === input.surveyId) return;
  const before = store.getSurvey(organisationId, baseline.surveyId);
  const after = store.getSurvey(organisationId, input.surveyId);
  const ids = (survey: typeof before) => (survey ? listStatements(survey).map((statement) => statement.id) : []);
  if (sharedStatementIds(ids(before), ids(after)).length === 0) {
    throw new HttpError(400, 'baselineNothingShared', { baselineRoundId });
  }
}

/** The round and its baselines, oldest first, at most MAX_TREND_ROUNDS long. */
export function baselineChain(store: ComparisonStore, organisationId: string, round: Round): Round[] {
  const chain: Round[] = [round];
  const seen = new Set([round.id]);
  let current = round;
  while (current.baselineRoundId && chain.length < MAX_TREND_ROUNDS) {
    const earlier = store.getRound(organisationId, current.baselineRoundId);
    if (!earlier || seen.has(earlier.id)) break;
    chain.unshift(earlier);
    seen.add(earlier.id);
    current = earlier;
  }
  return chain;
}

/**
 * GET /api/rounds/:id/comparison: this round against its baseline, per statement, section and group,
 * with Welch's interval for the change of the gap, and a trend along the chain of baselines. Built
 * from the published results of each round, so every anonymity rule of the results holds here too.
 */
export function comparisonRouter(store: KoersStore): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store), (_req, res) => {
    const round = loadedRound(res);
    if (!round.baselineRoundId) throw new HttpError(409, 'noBaseline');
    const chain = baselineChain(store, callerOrganisation(res).id, round);
    if (chain.length < 2) throw new HttpError(409, 'noBaseline');
    const results: RoundResults[] = chain.map((one) => store.results(one));
    res.json(compareRounds(results));
  });
  return router;
}
