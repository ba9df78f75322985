import { compareCodeUnits } from '../../core/compare';
import { AMO_FACTOR_NAMES, LEVER_CLUSTER_NAMES, type Lever } from '../../core/levers/lever';
import { aggregateRaters, type ScoreInput } from '../../core/levers/scoring';
import type { ScoringPagePayload, ScoringSessionLever, ScoringSessionView } from '../../core/levers/scoringSession';
import type { ScoringSession, ScoringTokenLookup } from '../store/contract';

/**
 * What the adviser sees of a session: per lever the aggregate of all raters (members and, if given,
 * the adviser as one more) and the remarks. Nothing says which link gave which score or remark: the
 * adviser knows who got which link.
 */
export function scoringSessionView(
  session: ScoringSession,
  leverOf: (leverId: string) => Lever | undefined,
): ScoringSessionView {
  const raters = [...Object.values(session.scores), ...(session.adviser ? [session.adviser] : [])];
  const all: ScoreInput[] = raters.flatMap((rater) => rater.scores);
  const summaries = new Map(aggregateRaters(all).map((summary) => [summary.leverId, summary]));
  const remarks = new Map<string, string[]>();
  for (const { leverId, remark } of all) {
    if (remark) remarks.set(leverId, [...(remarks.get(leverId) ?? []), remark]);
  }
  const levers: ScoringSessionLever[] = [];
  for (const leverId of session.leverIds) {
    const lever = leverOf(leverId);
    if (!lever) continue;
    levers.push({
      leverId,
      lever,
      summary: summaries.get(leverId) ?? null,
      remarks: (remarks.get(leverId) ?? []).sort(compareCodeUnits),
    });
  }
  return {
    sessionId: session.id,
    roundId: session.roundId,
    status: session.status,
    createdAt: session.createdAt,
    ...(session.closedAt ? { closedAt: session.closedAt } : {}),
    raters: {
      links: session.tokenHashes.length,
      submitted: Object.keys(session.scores).length,
      adviser: session.adviser !== undefined,
    },
    levers,
  };
}

/** What a member's scoring page gets: the levers' texts in both languages and their own earlier scores. */
export function scoringPagePayload(found: ScoringTokenLookup): ScoringPagePayload {
  return {
    round: { name: found.round.name },
    session: { status: found.session.status },
    levers: found.levers.map((lever) => ({
      id: lever.id,
      title: lever.title,
      description: lever.description,
      cluster: { id: lever.cluster, name: LEVER_CLUSTER_NAMES[lever.cluster] },
      amo: lever.amo.map((factor) => ({ factor, name: AMO_FACTOR_NAMES[factor] })),
    })),
    scores: found.scores ?? [],
  };
}
