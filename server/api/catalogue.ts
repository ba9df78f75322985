import { z } from 'zod';
import { errorBodySchema, healthSchema } from '../../core/api/common';
import { formPayloadSchema } from '../../core/api/form';
import {
  leverInputReqSchema,
  leverListSchema,
  leverReplySchema,
  leverUpdateReqSchema,
  suggestionsReplySchema,
} from '../../core/api/levers';
import { responseInputReqSchema, responseStoredSchema, roundResponsesSchema } from '../../core/api/responses';
import { commentsReplySchema, comparisonReplySchema, resultsReplySchema } from '../../core/api/results';
import {
  invitationRequestReqSchema,
  invitationsReplySchema,
  roundInputReqSchema,
  roundListItemSchema,
  roundListSchema,
  participationReplySchema,
  roundReplySchema,
  roundUpdateReqSchema,
} from '../../core/api/rounds';
import { themeListSchema } from '../../core/api/themes';
import {
  scoreSubmissionReqSchema,
  scoresStoredSchema,
  scoringPagePayloadSchema,
  scoringSessionCreatedSchema,
  scoringSessionInputReqSchema,
  scoringSessionsReplySchema,
  scoringSessionViewSchema,
} from '../../core/api/scoring';
import {
  surveyInputReqSchema,
  surveyListSchema,
  surveyReplySchema,
  surveyUpdateReqSchema,
} from '../../core/api/surveys';

/** One route of the HTTP API: what it takes and what it answers, as core/api's schemas. */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express form: /api/rounds/:id */
  path: string;
  summary: string;
  tag: string;
  /** Needs `Authorization: Bearer <api key>`. */
  auth: boolean;
  body?: z.ZodType;
  query?: Record<string, string>;
  /** Status → schema of the JSON body; 'html' for a page, 'csv' for a CSV download alternative. */
  reply: { status: number; schema?: z.ZodType; html?: true; description?: string };
  csv?: string;
}

const csvQuery = {
  format: '`csv` for a CSV file instead of JSON (UTF-8 BOM, `;` separated)',
  decimal: '`comma` (default) or `point`, for CSV',
};

/**
 * Every route the app registers. The OpenAPI document is generated from this list, and a test walks
 * Express's router stack to check that nothing is missing: a new route needs an entry here.
 */
export const apiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness',
    tag: 'Server',
    auth: false,
    reply: { status: 200, schema: healthSchema },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'Server',
    auth: false,
    reply: { status: 200, description: 'OpenAPI 3.1 document' },
  },
  {
    method: 'get',
    path: '/api/reference',
    summary: 'The API reference as a readable page',
    tag: 'Server',
    auth: false,
    reply: { status: 200, html: true },
  },
  // Surveys
  {
    method: 'get',
    path: '/api/surveys',
    summary: 'Built-in instruments plus your own',
    tag: 'Surveys',
    auth: true,
    reply: { status: 200, schema: surveyListSchema },
  },
  {
    method: 'post',
    path: '/api/surveys',
    summary: 'Add an own instrument',
    tag: 'Surveys',
    auth: true,
    body: surveyInputReqSchema,
    reply: { status: 201, schema: surveyReplySchema },
  },
  {
    method: 'get',
    path: '/api/surveys/:id',
    summary: 'One instrument',
    tag: 'Surveys',
    auth: true,
    reply: { status: 200, schema: surveyReplySchema },
  },
  {
    method: 'put',
    path: '/api/surveys/:id',
    summary: 'Replace an own instrument: in place while no round uses it (200); once in use, as a new version (201)',
    tag: 'Surveys',
    auth: true,
    body: surveyUpdateReqSchema,
    reply: { status: 200, schema: surveyReplySchema, description: '201 with the new version once a round uses it' },
  },
  {
    method: 'patch',
    path: '/api/surveys/:id',
    summary: 'Change the top-level fields sent of an own instrument (in place, or as a new version once in use)',
    tag: 'Surveys',
    auth: true,
    body: surveyUpdateReqSchema,
    reply: { status: 200, schema: surveyReplySchema, description: '201 with the new version once a round uses it' },
  },
  {
    method: 'get',
    path: '/api/themes',
    summary: 'The five SHRM themes, each with the built-in survey a round on it uses',
    tag: 'Surveys',
    auth: true,
    reply: { status: 200, schema: themeListSchema },
  },
  // Rounds
  {
    method: 'get',
    path: '/api/rounds',
    summary: 'Rounds with their response counts',
    tag: 'Rounds',
    auth: true,
    reply: { status: 200, schema: roundListSchema },
  },
  {
    method: 'post',
    path: '/api/rounds',
    summary: 'Open a round',
    tag: 'Rounds',
    auth: true,
    body: roundInputReqSchema,
    reply: { status: 201, schema: roundReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id',
    summary: 'One round with its response count',
    tag: 'Rounds',
    auth: true,
    reply: { status: 200, schema: roundListItemSchema },
  },
  {
    method: 'patch',
    path: '/api/rounds/:id',
    summary: "Move an open round's end date",
    tag: 'Rounds',
    auth: true,
    body: roundUpdateReqSchema,
    reply: { status: 200, schema: roundReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/participation',
    summary: 'Invited, answered and response rate per group, as coarse as the anonymity threshold needs',
    tag: 'Rounds',
    auth: true,
    reply: { status: 200, schema: participationReplySchema },
  },
  {
    method: 'post',
    path: '/api/rounds/:id/close',
    summary: 'Close a round',
    tag: 'Rounds',
    auth: true,
    reply: { status: 200, schema: roundReplySchema },
  },
  {
    method: 'post',
    path: '/api/rounds/:id/invitations',
    summary: 'Make invitation codes and links for a group',
    tag: 'Rounds',
    auth: true,
    body: invitationRequestReqSchema,
    query: csvQuery,
    reply: { status: 201, schema: invitationsReplySchema },
    csv: 'code;link;group',
  },
  // Results
  {
    method: 'get',
    path: '/api/rounds/:id/results',
    summary: 'Aggregated results, anonymity rules applied',
    tag: 'Results',
    auth: true,
    reply: { status: 200, schema: resultsReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/comments',
    summary: 'Comments of the shown groups',
    tag: 'Results',
    auth: true,
    reply: { status: 200, schema: commentsReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/responses',
    summary: 'Anonymised response rows of the shown groups',
    tag: 'Results',
    auth: true,
    query: csvQuery,
    reply: { status: 200, schema: roundResponsesSchema },
    csv: 'group;statement ids…;comment',
  },
  {
    method: 'get',
    path: '/api/rounds/:id/comparison',
    summary: 'This round against its baseline, with a trend',
    tag: 'Results',
    auth: true,
    reply: { status: 200, schema: comparisonReplySchema },
  },
  // Levers and scoring
  {
    method: 'get',
    path: '/api/levers',
    summary: 'Lever library: built-in and your own',
    tag: 'Levers',
    auth: true,
    query: { theme: 'only levers of this theme' },
    reply: { status: 200, schema: leverListSchema },
  },
  {
    method: 'post',
    path: '/api/levers',
    summary: 'Add an own lever',
    tag: 'Levers',
    auth: true,
    body: leverInputReqSchema,
    reply: { status: 201, schema: leverReplySchema },
  },
  {
    method: 'get',
    path: '/api/levers/:id',
    summary: 'One lever',
    tag: 'Levers',
    auth: true,
    reply: { status: 200, schema: leverReplySchema },
  },
  {
    method: 'patch',
    path: '/api/levers/:id',
    summary: 'Change an own lever',
    tag: 'Levers',
    auth: true,
    body: leverUpdateReqSchema,
    reply: { status: 200, schema: leverReplySchema },
  },
  {
    method: 'post',
    path: '/api/levers/:id/retire',
    summary: 'Retire a lever for your organisation',
    tag: 'Levers',
    auth: true,
    reply: { status: 200, schema: leverReplySchema },
  },
  {
    method: 'post',
    path: '/api/levers/:id/restore',
    summary: 'Restore a retired lever',
    tag: 'Levers',
    auth: true,
    reply: { status: 200, schema: leverReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/suggestions',
    summary: 'Levers ranked by the gaps they address, with reasons',
    tag: 'Levers',
    auth: true,
    query: { theme: 'a theme id', limit: 'at most this many' },
    reply: { status: 200, schema: suggestionsReplySchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/workbook.xlsx',
    summary: 'The round as an Excel workbook: Resultaten, Antwoorden, Samenvatting and Kies sheets',
    tag: 'Rounds',
    auth: true,
    query: { lang: 'nl or en: the language of the sheets' },
    reply: {
      status: 200,
      description: 'an .xlsx file (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
    },
  },
  {
    method: 'get',
    path: '/download',
    summary: 'The workbook download page for advisers without the add-in',
    tag: 'Public',
    auth: false,
    reply: { status: 200, html: true },
  },
  {
    method: 'post',
    path: '/api/rounds/:id/scoring',
    summary: 'Open an MT scoring session (personal links shown once)',
    tag: 'Scoring',
    auth: true,
    body: scoringSessionInputReqSchema,
    reply: { status: 201, schema: scoringSessionCreatedSchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/scoring',
    summary: 'A scoring session, aggregated (the latest unless ?session= names one)',
    tag: 'Scoring',
    auth: true,
    query: { session: 'a session id from …/scoring/sessions' },
    reply: { status: 200, schema: scoringSessionViewSchema },
  },
  {
    method: 'get',
    path: '/api/rounds/:id/scoring/sessions',
    summary: 'Every scoring session of the round, oldest first, each with its scores',
    tag: 'Scoring',
    auth: true,
    reply: { status: 200, schema: scoringSessionsReplySchema },
  },
  {
    method: 'post',
    path: '/api/rounds/:id/scoring/adviser',
    summary: "The adviser's own scores, as one more rater",
    tag: 'Scoring',
    auth: true,
    query: { session: 'a session id; the latest session without it' },
    body: scoreSubmissionReqSchema,
    reply: { status: 200, schema: scoringSessionViewSchema },
  },
  {
    method: 'post',
    path: '/api/rounds/:id/scoring/close',
    summary: 'Close the scoring session',
    tag: 'Scoring',
    auth: true,
    query: { session: 'a session id; the latest session without it' },
    reply: { status: 200, schema: scoringSessionViewSchema },
  },
  // Public: respondents and MT members
  {
    method: 'get',
    path: '/r',
    summary: 'Code entry page: type the code from a paper invitation card',
    tag: 'Public',
    auth: false,
    reply: { status: 200, html: true },
  },
  {
    method: 'get',
    path: '/r/:code',
    summary: 'The survey form (page)',
    tag: 'Public',
    auth: false,
    reply: { status: 200, html: true },
  },
  {
    method: 'get',
    path: '/api/form/:code',
    summary: 'What the survey form needs for a code',
    tag: 'Public',
    auth: false,
    reply: { status: 200, schema: formPayloadSchema },
  },
  {
    method: 'post',
    path: '/api/responses',
    summary: 'Submit a response',
    tag: 'Public',
    auth: false,
    body: responseInputReqSchema,
    reply: { status: 201, schema: responseStoredSchema },
  },
  {
    method: 'get',
    path: '/s/:code',
    summary: 'The MT scoring page (page)',
    tag: 'Public',
    auth: false,
    reply: { status: 200, html: true },
  },
  {
    method: 'get',
    path: '/api/scoring/:code',
    summary: 'What the scoring page needs for a token',
    tag: 'Public',
    auth: false,
    reply: { status: 200, schema: scoringPagePayloadSchema },
  },
  {
    method: 'post',
    path: '/api/scoring/:code',
    summary: "Submit an MT member's scores",
    tag: 'Public',
    auth: false,
    body: scoreSubmissionReqSchema,
    reply: { status: 201, schema: scoresStoredSchema },
  },
];

export { errorBodySchema };
