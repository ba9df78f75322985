import { z } from 'zod';
import { localizedTextSchema } from './text';

/** Counts per scale point (index 0 = scale.min) plus "don't know", for one dimension. */
export const distributionSchema = z.object({
  counts: z.array(z.number().int().min(0)),
  dontKnow: z.number().int().min(0),
});

/** Published figures of one cell (a statement or section, for one group or for all shown groups). */
export const shownCellSchema = z.object({
  status: z.literal('shown'),
  /** Respondents who rated both current and desired: the base of means, gap and CI. */
  n: z.number().int().min(0),
  meanCurrent: z.number().nullable(),
  meanDesired: z.number().nullable(),
  /** desired − current, the mean of the paired differences. */
  gap: z.number().nullable(),
  sdCurrent: z.number().nullable(),
  sdDesired: z.number().nullable(),
  sdGap: z.number().nullable(),
  /** 95% confidence interval of the paired gap (t distribution); null below n = 2. */
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  actionNeeded: z.boolean(),
  current: distributionSchema,
  desired: distributionSchema,
});
export type ShownCell = z.infer<typeof shownCellSchema>;

/** A cell that is not published because too few people are behind it. No numbers at all. */
export const suppressedCellSchema = z.object({ status: z.literal('suppressed') });

export const cellSchema = z.discriminatedUnion('status', [shownCellSchema, suppressedCellSchema]);
export type Cell = z.infer<typeof cellSchema>;

/**
 * Why a group is not shown, as the server says it: a stable code and, where the server words it
 * itself, the text in both languages. The sheets render the text, else a text they know for the
 * code, else a neutral one: never a reason the data does not give.
 */
export const suppressionReasonSchema = z.object({ code: z.string().min(1), text: localizedTextSchema.optional() });
export type SuppressionReason = z.infer<typeof suppressionReasonSchema>;

export const groupResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.string(),
    name: localizedTextSchema,
    status: z.literal('shown'),
    responses: z.number().int(),
    /** How many comments GET /api/rounds/:id/comments holds for this group. */
    comments: z.number().int(),
  }),
  z.object({
    id: z.string(),
    name: localizedTextSchema,
    status: z.literal('suppressed'),
    reason: suppressionReasonSchema.optional(),
  }),
]);
export type GroupResult = z.infer<typeof groupResultSchema>;

const rowResultFields = {
  /** Over all shown groups together; suppressed groups and cells are left out. */
  overall: cellSchema,
  byGroup: z.record(z.string(), cellSchema),
};

export const statementResultSchema = z.object({
  statementId: z.string(),
  sectionId: z.string(),
  text: localizedTextSchema,
  ...rowResultFields,
});
export type StatementResult = z.infer<typeof statementResultSchema>;

export const sectionResultSchema = z.object({
  sectionId: z.string(),
  title: localizedTextSchema,
  ...rowResultFields,
});
export type SectionResult = z.infer<typeof sectionResultSchema>;

export const commentSchema = z.object({ group: z.string(), text: z.string() });

/** GET /api/rounds/:id/results */
export const roundResultsSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  surveyId: z.string(),
  surveyTitle: localizedTextSchema,
  status: z.enum(['open', 'closed']),
  anonymityThreshold: z.number().int(),
  actionGap: z.number(),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  /** All responses received so far (the progress figure); see anonymity.ts for why this is safe. */
  responseCount: z.number().int(),
  groups: z.array(groupResultSchema),
  sections: z.array(sectionResultSchema),
  statements: z.array(statementResultSchema),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** GET /api/rounds/:id/comments: comments of shown groups only, in an order that reveals nothing. */
export const roundCommentsSchema = z.object({
  roundId: z.string(),
  comments: z.array(commentSchema),
});
export type RoundComments = z.infer<typeof roundCommentsSchema>;
