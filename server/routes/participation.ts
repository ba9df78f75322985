import { Router } from 'express';
import { coarseCount, coarseTotal } from '../../core/coarseCount';
import { participationReplySchema, type GroupParticipation, type Participation } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { roundPhase } from '../../core/period';
import { roundGroups } from '../../core/roundGroups';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { loadRound, loadedRound } from './roundParam';
import { appToday } from './roundPhase';

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
        rate: count.exact && invitedHere > 0 ? share(count.value, invitedHere) : null,
      };
    });
    const invitedTotal = groups.reduce((sum, g) => sum + g.invited, 0);
    const published = groups.reduce((sum, g) => sum + (g.answered.exact ? g.answered.value : 0), 0);
    const rest = groups.reduce((sum, g) => sum + (g.answered.exact ? 0 : (answered[g.id] ?? 0)), 0);
    const anyHidden = groups.some((g) => !g.answered.exact);
    const total = coarseTotal({ published, rest, threshold: round.anonymityThreshold, anyHidden });
    const rate =
      invitedTotal === 0
        ? null
        : total.exact
          ? share(total.value, invitedTotal)
          : {
              min: share(total.atLeast, invitedTotal),
              max: share(Math.min(total.below - 1, invitedTotal), invitedTotal),
            };
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
    sendJson(res.set('Cache-Control', 'no-store'), participationReplySchema, body);
  });
  return router;
}
