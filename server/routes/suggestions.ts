import { Router } from 'express';
import { suggestionsReplySchema } from '../../core/api/levers';
import { sendJson } from '../http/sendJson';
import { z } from 'zod';
import { themeIdSchema, type Lever } from '../../core/levers/lever';
import { DEFAULT_SUGGESTION_LIMIT, suggestLevers, type LeverSuggestion } from '../../core/levers/suggest';
import { builtInSurveys } from '../../core/instruments';
import { listStatements, type Survey } from '../../core/survey';
import { requestLanguage } from '../http/language';
import { translate } from '../http/messages';
import { parseInput } from '../http/validate';
import type { LeverStore, ResponseStore, RoundStore, SurveyStore } from '../store/contract';
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
export function suggestionsRouter(store: {
  rounds: RoundStore;
  responses: ResponseStore;
  levers: LeverStore;
  surveys: SurveyStore;
}): Router {
  const router = Router({ mergeParams: true });
  router.get('/', loadRound(store.rounds), async (req, res) => {
    const round = loadedRound(res);
    const { theme, limit } = parseInput(suggestionQuerySchema, req.query);
    const levers = (await store.levers.listLevers(round.organisationId)).filter((lever) => !lever.retired);
    const byId = new Map(levers.map((lever) => [lever.id, lever]));
    const survey = await store.surveys.getSurvey(round.organisationId, round.surveyId);
    const linked =
      survey && !survey.builtIn
        ? linkOwnStatements(
            survey,
            levers,
            latestVersion(await store.surveys.listSurveys(round.organisationId), survey),
          )
        : { levers, linkedStatements: -1 };
    // An own survey without links gives no suggestions, released or not: say why and how to change that.
    if (linked.linkedStatements === 0) {
      const note = { code: 'noLinks' as const, message: translate('suggestionsNoLinks', requestLanguage(req)) };
      sendJson(res, suggestionsReplySchema, { roundId: round.id, theme: theme ?? null, suggestions: [], note });
      return;
    }
    const suggestions: SuggestionWithLever[] = suggestLevers({
      results: await releasedResults(store.responses, round),
      levers: linked.levers,
      theme,
      limit,
    }).map((suggestion) => ({ ...suggestion, lever: byId.get(suggestion.leverId)! }));
    sendJson(res, suggestionsReplySchema, { roundId: round.id, theme: theme ?? null, suggestions });
  });
  return router;
}

/**
 * Own statements are linked to levers directly (statement.levers) or through the built-in statement
 * they resemble (whose levers, by keyword or by section, then count for them): each linked lever
 * gets the own statement's id as one more keyword, so suggestLevers treats it like a built-in one.
 */
export function linkOwnStatements(
  survey: Survey,
  levers: Lever[],
  linkSource: Survey = survey,
): { levers: Lever[]; linkedStatements: number } {
  const links = new Map(listStatements(linkSource).map((s) => [s.id, s]));
  const builtInSection = new Map<string, string>();
  for (const builtIn of builtInSurveys()) {
    for (const statement of listStatements(builtIn)) builtInSection.set(statement.id, statement.sectionId);
  }
  const extra = new Map<string, Set<string>>();
  let linkedStatements = 0;
  for (const statement of listStatements(survey)) {
    const source = links.get(statement.id) ?? statement;
    const direct = source.levers ?? [];
    const like = source.resembles;
    const likeSection = like ? builtInSection.get(like) : undefined;
    const viaLike = like
      ? levers.filter((lever) => (lever.keywords ?? []).some((k) => k === like || k === likeSection)).map((l) => l.id)
      : [];
    const all = [...new Set([...direct, ...viaLike])];
    if (direct.length > 0 || like) linkedStatements += 1;
    for (const leverId of all) {
      const keywords = extra.get(leverId) ?? new Set<string>();
      keywords.add(statement.id);
      extra.set(leverId, keywords);
    }
  }
  return {
    linkedStatements,
    levers: levers.map((lever) => {
      const more = extra.get(lever.id);
      return more ? { ...lever, keywords: [...new Set([...(lever.keywords ?? []), ...more])] } : lever;
    }),
  };
}

/**
 * Links are about the statements, not what respondents answered: a round keeps its frozen survey
 * version, but takes its links from the newest version of that survey, so linking later still helps.
 */
export function latestVersion(surveys: Survey[], survey: Survey): Survey {
  const family = survey.versionOf ?? survey.id;
  return surveys
    .filter((s) => (s.versionOf ?? s.id) === family)
    .reduce((latest, s) => ((s.version ?? 1) > (latest.version ?? 1) ? s : latest), survey);
}
