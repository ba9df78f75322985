import { z } from 'zod';
import { coarseCountSchema } from '../coarseCountSchema';
import { invitationRequestSchema, roundInputSchema, roundSchema, roundUpdateSchema } from '../round';
import { localizedTextSchema } from '../text';

/** A round as stored with its phase today (the reply of POST /api/rounds, PATCH /api/rounds/:id and …/close). */
export const roundReplySchema = roundSchema.extend({ phase: z.enum(['notYet', 'open', 'ended', 'closed']) });
/** PATCH /api/rounds/:id */
export const roundUpdateReqSchema = roundUpdateSchema;
/** POST /api/rounds */
export const roundInputReqSchema = roundInputSchema;

/** A group's or roll-up's share of the responses, as coarse as the anonymity rules need. */
export const participationItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['group', 'rollUp']),
  status: z.enum(['shown', 'suppressed']),
  responses: coarseCountSchema,
});

/**
 * One entry of GET /api/rounds, and GET /api/rounds/:id: a round with its responses so far, coarse
 * where an exact number would expose a small group (core/coarseCount.ts), and whether its results
 * are released.
 */
export const roundListItemSchema = roundReplySchema.extend({
  surveyTitle: localizedTextSchema.optional(),
  responses: coarseCountSchema,
  participation: z.array(participationItemSchema),
  released: z.enum(['final', 'interim', 'notReleased']),
});
export type RoundListItem = z.infer<typeof roundListItemSchema>;
export const roundListSchema = z.array(roundListItemSchema);

/** POST /api/rounds/:id/invitations */
export const invitationRequestReqSchema = invitationRequestSchema;
/** The reply of POST /api/rounds/:id/invitations (JSON; ?format=csv gives the same as CSV). */
export const invitationsReplySchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  group: z.string(),
  groupName: localizedTextSchema,
  codes: z.array(z.string()),
  links: z.array(z.string()),
});
export type InvitationsReply = z.infer<typeof invitationsReplySchema>;

/** One group of GET /api/rounds/:id/participation: invited, answered (coarse) and the rate where exact. */
export const groupParticipationSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  invited: z.number().int().min(0),
  answered: coarseCountSchema,
  /** answered / invited (0..1, three decimals), only where answered is exact and someone was invited. */
  rate: z.number().nullable(),
});
export type GroupParticipation = z.infer<typeof groupParticipationSchema>;

/** GET /api/rounds/:id/participation: fieldwork per group, counts only (core/coarseCount.ts). */
export const participationReplySchema = z.object({
  roundId: z.string(),
  name: z.string(),
  status: z.enum(['open', 'closed']),
  phase: z.enum(['notYet', 'open', 'ended', 'closed']),
  period: z.object({ start: z.string(), end: z.string() }).optional(),
  anonymityThreshold: z.number(),
  groups: z.array(groupParticipationSchema),
  total: z.object({
    invited: z.number().int().min(0),
    answered: coarseCountSchema,
    rate: z.union([z.number(), z.null(), z.object({ min: z.number(), max: z.number() })]),
  }),
});
export type Participation = z.infer<typeof participationReplySchema>;
