import { Router } from 'express';
import { coarseCount, coarseTotal, type CoarseCount, type CoarseTotal } from '../../core/coarseCount';
import { roundPhase, type RoundPhase } from '../../core/period';
import { roundGroups } from '../../core/roundGroups';
import type { Period } from '../../core/round';
import type { LocalizedText } from '../../core/text';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { loadRound, loadedRound } from './roundParam';
import { appToday } from './roundPhase';

/** A share from 0 to 1, three decimals; undefined where nothing was invited. */
type Rate = number | null;

export interface GroupParticipation {
  id: string;
  name: LocalizedText;
  invited: number;
  /** Exact from the threshold on; below it "fewer than N". */
  answered: CoarseCount;
  /** answered / invited, only where answered is exact. */
  rate: Rate;
}

export interface Participation {
  roundId: string;
  name: string;
  status: 'open' | 'closed';
  phase: RoundPhase;
  period?: Period;
  anonymityThreshold: number;
  groups: GroupParticipation[];
  total: { invited: number; answered: CoarseTotal; rate: Rate | { min: number; max: number } };
}

const share = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 1000;

/**
 * GET /api/rounds/:id/participation: how far fieldwork is, per group. Counts only, never a figure
 * about the answers; a group below the threshold is "fewer than N", and the total is then a range,
 * so no exact number can be subtracted from another.
 */
export function participationRouter(store: {
  rounds: RoundStore;
  surveys: SurveyStore;
  responses: ResponseStore;
}): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store.rounds), async (req, res) => {
    const round = loadedRound(res);
    const survey = await store.surveys.getSurvey(round.organisationId, round.surveyId);
    const invited = await store.rounds.invitationCounts(round.id);
    const answered = await store.responses.responsesByGroup(round.id);
    const groups: GroupParticipation[] = roundGroups(round, survey).map(({ id, name }) => {
      const invitedHere = invited[id] ?? 0;
      const count = coarseCount(answered[id] ?? 0, round.anonymityThreshold);
      return {
        id,
        name,
        invited: invitedHere,
        answered: count,
        rate: 'exact' in count && invitedHere > 0 ? share(count.exact, invitedHere) : null,
      };
    });
    const invitedTotal = groups.reduce((sum, g) => sum + g.invited, 0);
    const total = coarseTotal(groups.map((g) => g.answered));
    const rate =
      invitedTotal === 0
        ? null
        : 'exact' in total
          ? share(total.exact, invitedTotal)
          : { min: share(total.min, invitedTotal), max: share(Math.min(total.max, invitedTotal), invitedTotal) };
    const body: Participation = {
      roundId: round.id,
      name: round.name,
      status: round.status,
      phase: roundPhase(round, appToday(req)),
      ...(round.period ? { period: round.period } : {}),
      anonymityThreshold: round.anonymityThreshold,
      groups,
      total: { invited: invitedTotal, answered: total, rate },
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
