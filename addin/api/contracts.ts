// The replies the add-in reads are declared once, as zod schemas in core/api (the server types its
// replies with the same schemas, and /api/openapi.json is generated from them). The client parses
// every reply with them; this file only gathers what the add-in uses.
export { errorBodySchema, healthSchema } from '../../core/api/common';
export { leverListSchema, suggestionSchema, suggestionsReplySchema } from '../../core/api/levers';
export type { SuggestionWithLever, SuggestionsReply } from '../../core/api/levers';
export { responseRowSchema, roundResponsesSchema } from '../../core/api/responses';
export type { ResponseRow, RoundResponses } from '../../core/api/responses';
export { roundListItemSchema, roundListSchema } from '../../core/api/rounds';
export type { RoundListItem } from '../../core/api/rounds';
export {
  leverScoreSummarySchema,
  scoringSessionCreatedSchema,
  scoringSessionsReplySchema,
  scoringSessionViewSchema,
} from '../../core/api/scoring';
export type { ScoringCreated, ScoringView } from '../../core/api/scoring';
