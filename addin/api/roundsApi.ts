import { z } from 'zod';
import { roundSchema } from '../../core/round';
import { surveySchema } from '../../core/survey';
import type { QuestionnaireBody } from '../../core/sheets/questionnaireSheet';
import type { ParticipationView } from '../../core/sheets/roundSheets';
import { localizedTextSchema } from '../../core/text';
import { coarseCountSchema } from '../../core/coarseCountSchema';
import type { KoersClient } from './client';

/** The replies the round flow reads, checked like every other reply of the server. */
const phaseSchema = z.enum(['notYet', 'open', 'ended', 'closed']);
export const roundReplySchema = roundSchema.extend({ phase: phaseSchema.optional() });
export type RoundReply = z.infer<typeof roundReplySchema>;

export const themeSchema = z.object({ id: z.string(), name: localizedTextSchema, surveyId: z.string() });
export type ThemeItem = z.infer<typeof themeSchema>;

export const surveyListSchema = z.array(surveySchema.loose());
export type SurveyItem = z.infer<typeof surveyListSchema>[number];

export const invitationsReplySchema = z.object({
  roundId: z.string(),
  roundName: z.string().optional(),
  group: z.string(),
  groupName: localizedTextSchema,
  codes: z.array(z.string()),
  links: z.array(z.string()),
});
export type InvitationsReply = z.infer<typeof invitationsReplySchema>;

const rateSchema = z.number().nullable();
export const participationSchema = z.object({
  roundId: z.string(),
  name: z.string(),
  anonymityThreshold: z.number(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      invited: z.number(),
      answered: coarseCountSchema,
      rate: rateSchema,
    }),
  ),
  total: z.object({
    invited: z.number(),
    answered: coarseCountSchema,
    rate: z.union([rateSchema, z.object({ min: z.number(), max: z.number() })]),
  }),
}) satisfies z.ZodType<ParticipationView>;

export const publishedSurveySchema = surveySchema.loose();

/** What the new-round form sends (POST /api/rounds). */
export interface NewRound {
  surveyId: string;
  theme?: string;
  name: string;
  groups: string[];
  groupNames?: Record<string, { nl: string; en?: string }>;
  period: { start: string; end: string };
  anonymityThreshold: number;
  actionGap: number;
}

const roundPath = (id: string, rest = '') => `/api/rounds/${encodeURIComponent(id)}${rest}`;

/** The routes of a round's life that the pane uses; each is also a plain HTTP route for scripts. */
export const roundsApi = {
  themes: (client: KoersClient) => client.call('GET', '/api/themes', z.array(themeSchema)),
  surveys: (client: KoersClient) => client.call('GET', '/api/surveys', surveyListSchema),
  createRound: (client: KoersClient, round: NewRound) => client.call('POST', '/api/rounds', roundReplySchema, round),
  invite: (client: KoersClient, roundId: string, group: string, count: number) =>
    client.call('POST', roundPath(roundId, '/invitations'), invitationsReplySchema, { group, count }),
  participation: (client: KoersClient, roundId: string) =>
    client.call('GET', roundPath(roundId, '/participation'), participationSchema),
  close: (client: KoersClient, roundId: string) =>
    client.call('POST', roundPath(roundId, '/close'), roundReplySchema, {}),
  extend: (client: KoersClient, roundId: string, end: string) =>
    client.call('PATCH', roundPath(roundId), roundReplySchema, { period: { end } }),
  publishSurvey: (client: KoersClient, body: QuestionnaireBody, publishedId?: string) =>
    publishedId
      ? client.call('PUT', `/api/surveys/${encodeURIComponent(publishedId)}`, publishedSurveySchema, body)
      : client.call('POST', '/api/surveys', publishedSurveySchema, body),
};
