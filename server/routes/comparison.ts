import { Router } from 'express';
import { comparisonReplySchema } from '../../core/api/results';
import { sendJson } from '../http/sendJson';
import { compareRounds, MAX_TREND_ROUNDS, sharedStatementIds } from '../../core/comparison';
import type { RoundResults } from '../../core/results';
import type { Round, RoundInput } from '../../core/round';
import { listStatements } from '../../core/survey';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { loadRound, loadedRound } from './roundParam';
import { releasedResults } from './release';

/**
 * Checks a follow-up round's baselineRoundId before anything is stored: the baseline must be a round
 * of the same organisation, on the same survey or on one sharing statements by id. Throws a 400.
 */
export async function checkBaseline(
  store: { rounds: RoundStore; surveys: SurveyStore },
  organisationId: string,
  input: RoundInput,
): Promise<void> {
  const baselineRoundId = input.baselineRoundId;
  if (baselineRoundId === undefined) return;
  const baseline = await store.rounds.getRound(organisationId, baselineRoundId);
  if (!baseline) throw new HttpError(400, 'unknownBaseline', { baselineRoundId });
  if (baseline.surveyId === input.surveyId) return;
  const before = await store.surveys.getSurvey(organisationId, baseline.surveyId);
  const after = await store.surveys.getSurvey(organisationId, input.surveyId);
  const ids = (survey: typeof before) => (survey ? listStatements(survey).map((statement) => statement.id) : []);
  if (sharedStatementIds(ids(before), ids(after)).length === 0) {
    throw new HttpError(400, 'baselineNothingShared', { baselineRoundId });
  }
}

/** The round and its baselines, oldest first, at most MAX_TREND_ROUNDS long. */
export async function baselineChain(rounds: RoundStore, organisationId: string, round: Round): Promise<Round[]> {
  const chain: Round[] = [round];
  const seen = new Set([round.id]);
  let current = round;
  while (current.baselineRoundId && chain.length < MAX_TREND_ROUNDS) {
    const earlier = await rounds.getRound(organisationId, current.baselineRoundId);
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
export function comparisonRouter({ rounds, responses }: { rounds: RoundStore; responses: ResponseStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(rounds), async (_req, res) => {
    const round = loadedRound(res);
    if (!round.baselineRoundId) throw new HttpError(409, 'noBaseline');
    const chain = await baselineChain(rounds, callerOrganisation(res).id, round);
    if (chain.length < 2) throw new HttpError(409, 'noBaseline');
    // Released results only: a round in fieldwork (or its baseline) answers 409 like its results do.
    const results: RoundResults[] = await Promise.all(chain.map((one) => releasedResults(responses, one)));
    sendJson(res, comparisonReplySchema, compareRounds(results));
  });
  return router;
}
