// What the layouts read: the replies of the HTTP API, as core/api declares them. The add-in passes
// the server's parsed replies, the server passes what its own routes would send.
export type { SuggestionWithLever } from '../api/levers';
export type { ScoringView } from '../api/scoring';
export type { ResponseRow, RoundResponses } from '../api/responses';
