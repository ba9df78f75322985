import { z } from 'zod';
import { themeIdSchema } from './instruments/themes';
import { dutchFirstTextSchema, isoDaySchema, localizedTextSchema, slugSchema } from './text';
import { anonymityInputFields, anonymityRoundFields } from './roundAnonymity';

export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/** A gap (desired − current) at or above this marks "action needed" unless a round sets its own. */
export const DEFAULT_ACTION_GAP = 1;

export const periodSchema = z
  .object({ start: isoDaySchema, end: isoDaySchema })
  .refine((p) => p.start <= p.end, { message: 'periodEndBeforeStart', path: ['end'] });
export type Period = z.infer<typeof periodSchema>;

/** What a client sends to open a round (POST /api/rounds). */
export const roundInputSchema = z
  .object({
    surveyId: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    /** Group ids, a subset of the survey's groups. */
    groups: z.array(slugSchema).min(1).max(30),
    period: periodSchema.optional(),
    anonymityThreshold: z.number().int().min(2).max(100).default(DEFAULT_ANONYMITY_THRESHOLD),
    /** Gap from which a statement is flagged "action needed". */
    actionGap: z.number().min(0).max(10).default(DEFAULT_ACTION_GAP),
    /** Ga door: the earlier round this one is compared with (same survey, or statements shared by id). */
    baselineRoundId: z.string().min(1).max(64).optional(),
    /** Built-in SHRM instrument only: the theme its statements and intro name. */
    theme: themeIdSchema.optional(),
    /** Names for the round's groups: renamed survey groups, or own groups the survey does not have. */
    groupNames: z.record(slugSchema, dutchFirstTextSchema).optional(),
    /** Roll-ups, comment threshold, release moment: see roundAnonymity.ts. */
    ...anonymityInputFields,
  })
  .strict();
export type RoundInput = z.infer<typeof roundInputSchema>;

export const roundStatusSchema = z.enum(['open', 'closed']);

export const roundSchema = z.object({
  id: z.string().min(1),
  organisationId: z.string().min(1),
  surveyId: z.string().min(1),
  name: z.string(),
  groups: z.array(slugSchema),
  period: periodSchema.optional(),
  anonymityThreshold: z.number().int(),
  actionGap: z.number(),
  status: roundStatusSchema,
  createdAt: z.string(),
  closedAt: z.string().optional(),
  baselineRoundId: z.string().optional(),
  theme: themeIdSchema.optional(),
  groupNames: z.record(z.string(), localizedTextSchema).optional(),
  ...anonymityRoundFields,
});
export type Round = z.infer<typeof roundSchema>;

/** POST /api/rounds/:id/invitations */
export const invitationRequestSchema = z
  .object({
    group: slugSchema,
    count: z.number().int().min(1).max(5000),
  })
  .strict();
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

/** PATCH /api/rounds/:id: a new end date for an open round. */
export const roundUpdateSchema = z.object({ period: z.object({ end: isoDaySchema }).strict() }).strict();
export type RoundUpdate = z.infer<typeof roundUpdateSchema>;
