import { Router } from 'express';
import { suggestionsReplySchema } from '../../core/api/levers';
import { sendJson } from '../http/sendJson';
import { z } from 'zod';
import { themeIdSchema, type Lever } from '../../core/levers/lever';
import { DEFAULT_SUGGESTION_LIMIT, suggestLevers, type LeverSuggestion } from '../../core/levers/suggest';
import { parseInput } from '../http/validate';
import type { LeverStore, ResponseStore, RoundStore } from '../store/contract';
import { releasedResults } from './release';
import { loadRound, loadedRound } from './roundParam';

const MAX_SUGGESTIONS = 100;

const suggestionQuerySchema = z.object({
  theme: themeIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(DEFAULT_SUGGESTION_LIMIT),
});

/** A suggestion with its lever's data, so the add-in can fill its sheet from one call. */
export interface SuggestionWithLever extends LeverSuggestion {
  lever: Lever;
}

/**
 * GET /api/rounds/:id/suggestions?theme=&limit=: the organisation's active levers ranked by the gaps
 * the round's published results show, with the reasons in both languages.
 */
export function suggestionsRouter(store: { rounds: RoundStore; responses: ResponseStore; levers: LeverStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store.rounds), async (req, res) => {
    const round = loadedRound(res);
    const { theme, limit } = parseInput(suggestionQuerySchema, req.query);
    const levers = (await store.levers.listLevers(round.organisationId)).filter((lever) => !lever.retired);
    const byId = new Map(levers.map((lever) => [lever.id, lever]));
    const suggestions: SuggestionWithLever[] = suggestLevers({
      results: await releasedResults(store.responses, round),
      levers,
      theme,
      limit,
    }).map((suggestion) => ({ ...suggestion, lever: byId.get(suggestion.leverId)! }));
    sendJson(res, suggestionsReplySchema, { roundId: round.id, theme: theme ?? null, suggestions });
  });
  return router;
}
