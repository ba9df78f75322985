/**
 * Kies data for the add-in tests, computed by the core (suggestLevers over realistic results,
 * aggregateRaters over MT scores) in the shapes the server sends: GET /suggestions, GET /levers,
 * GET /scoring. A school's own lever whose texts look like formulas is part of the list.
 */
import type { Lever } from '../../core/levers/lever';
import { builtInLevers } from '../../core/levers/library';
import { aggregateRaters, type ScoreInput } from '../../core/levers/scoring';
import { suggestLevers } from '../../core/levers/suggest';
import type { ScoringView, SuggestionWithLever } from '../../addin/api/contracts';
import { buildFixture } from './fixtures';

export const FORMULA_LEVER: Lever = {
  id: 'eigen-formule',
  title: { nl: '=HYPERLINK("http://evil.example","klik")', en: '=HYPERLINK("http://evil.example","click")' },
  description: { nl: '+31 6 12345678 bellen', en: '+31 6 12345678 call' },
  cluster: 'samenwerken',
  themes: ['differentiatie'],
  amo: ['opportunity'],
  keywords: ['int-goals'],
  builtIn: false,
  organisationId: 'org-1',
  retired: false,
};

export interface KiesFixture {
  levers: Lever[];
  suggestions: SuggestionWithLever[];
  retiredId: string;
}

/** The library, one retired lever, and a school's own lever whose title is a formula. */
export function kiesFixture(): KiesFixture {
  const { results } = buildFixture();
  const library = builtInLevers();
  const retiredId = library[library.length - 1]!.id;
  const levers = [
    ...library.map((lever) => (lever.id === retiredId ? { ...lever, retired: true } : lever)),
    FORMULA_LEVER,
  ];
  const byId = new Map(levers.map((lever) => [lever.id, lever]));
  const suggestions = suggestLevers({ results, levers }).map((suggestion) => ({
    ...suggestion,
    lever: byId.get(suggestion.leverId)!,
  }));
  return { levers, suggestions, retiredId };
}

/** A GET /api/rounds/:id/scoring reply as the server builds it (server/routes/scoringView.ts). */
export function scoringView(
  levers: readonly Lever[],
  leverIds: readonly string[],
  raters: ScoreInput[][],
  options: { links?: number; adviser?: ScoreInput[]; status?: 'open' | 'closed' } = {},
): ScoringView {
  const all = [...raters, ...(options.adviser ? [options.adviser] : [])].flat();
  const summaries = new Map(aggregateRaters(all).map((summary) => [summary.leverId, summary]));
  const byId = new Map(levers.map((lever) => [lever.id, lever]));
  return {
    sessionId: 'session-1',
    roundId: 'round-1',
    status: options.status ?? 'open',
    createdAt: '2026-11-24T10:00:00.000Z',
    raters: { links: options.links ?? raters.length, submitted: raters.length, adviser: options.adviser !== undefined },
    levers: leverIds.map((leverId) => ({
      leverId,
      lever: byId.get(leverId)!,
      summary: summaries.get(leverId) ?? null,
      remarks: all.flatMap((score) => (score.leverId === leverId && score.remark ? [score.remark] : [])).sort(),
    })),
  };
}
