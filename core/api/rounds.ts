import { z } from 'zod';
import { coarseCountSchema } from '../coarseCount';
import { invitationRequestSchema, roundInputSchema, roundSchema } from '../round';
import { localizedTextSchema } from '../text';

/** A round as stored (the reply of POST /api/rounds and …/close). */
export const roundReplySchema = roundSchema;
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
export const roundListItemSchema = roundSchema.extend({
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
  group: z.string(),
  codes: z.array(z.string()),
  links: z.array(z.string()),
});
export type InvitationsReply = z.infer<typeof invitationsReplySchema>;
