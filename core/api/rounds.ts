import { z } from 'zod';
import { invitationRequestSchema, roundInputSchema, roundSchema } from '../round';
import { localizedTextSchema } from '../text';

/** A round as stored (the reply of POST /api/rounds and …/close). */
export const roundReplySchema = roundSchema;
/** POST /api/rounds */
export const roundInputReqSchema = roundInputSchema;

/** One entry of GET /api/rounds, and GET /api/rounds/:id: a round with its responses so far. */
export const roundListItemSchema = roundSchema.extend({
  surveyTitle: localizedTextSchema.optional(),
  responseCount: z.number().int().min(0),
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
