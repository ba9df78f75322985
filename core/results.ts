import { z } from 'zod';
import { coarseCountSchema } from './coarseCountSchema';
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

/**
 * A cell that is not published because too few people are behind it. No numbers at all; the reason
 * says whether its column is not shown (see the group's reason) or too few answered this row.
 */
export const suppressedCellSchema = z.object({
  status: z.literal('suppressed'),
  reason: z.enum(['unitNotShown', 'fewAnswers']).optional(),
});

export const cellSchema = z.discriminatedUnion('status', [shownCellSchema, suppressedCellSchema]);
export type Cell = z.infer<typeof cellSchema>;

/**
 * Why a group is not shown, as the server says it: a stable code and, where the server words it
 * itself, the text in both languages. The sheets render the text, else a text they know for the
 * code, else a neutral one: never a reason the data does not give.
 */
export const suppressionReasonSchema = z.object({ code: z.string().min(1), text: localizedTextSchema.optional() });
export type SuppressionReason = z.infer<typeof suppressionReasonSchema>;

/** Why a group or roll-up is not shown (see anonymity.ts). */
export const hiddenReasonSchema = z.enum(['belowThreshold', 'combined', 'heldInRollUp', 'nothingToCombine']);
export type HiddenReason = z.infer<typeof hiddenReasonSchema>;

const columnFields = {
  id: z.string(),
  name: localizedTextSchema,
  /** A group of the round, or a roll-up (reporting group) combining groups. */
  kind: z.enum(['group', 'rollUp']),
  /** For a roll-up: the groups it combines (shown) or would combine (not shown). */
  members: z.array(z.string()).optional(),
  /** For a roll-up: defined by the adviser, or the default "overige geledingen". */
  source: z.enum(['adviser', 'default']).optional(),
};

/**
 * One column of the results: a group or a roll-up. Its id keys `byGroup` when shown. A group that is
 * not shown says why, and its count only coarsely ("fewer than 5").
 */
export const groupResultSchema = z.discriminatedUnion('status', [
  z.object({
    ...columnFields,
    status: z.literal('shown'),
    responses: z.number().int(),
    /** How many comments GET /api/rounds/:id/comments holds for this column (0 when withheld). */
    comments: z.number().int(),
    /** False when the column has fewer responses than the round's comment threshold. */
    commentsShown: z.boolean(),
  }),
  z.object({
    ...columnFields,
    status: z.literal('suppressed'),
    /** code: a HiddenReason; text: the server's words for it in both languages. */
    reason: suppressionReasonSchema,
    responses: coarseCountSchema,
    /** The shown roll-up that holds this group's responses (reason combined / heldInRollUp). */
    rollUp: z.string().optional(),
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

/** Where action comes first (priorities.ts). */
export const prioritySchema = z.object({
  statementId: z.string(),
  sectionId: z.string(),
  rank: z.number().int().min(1),
  /** 1 clearly above the action gap, 2 at or above it, 3 below it (keep and strengthen). */
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  gap: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  n: z.number().int(),
});
export type Priority = z.infer<typeof prioritySchema>;

export const prioritiesSchema = z.object({
  /**
   * The handreiking's scenarios: smallGap (no gap reaches the action gap: keep and strengthen), largeGap
   * (more gaps than can be tackled at once: choose what is possible, set priorities); focused: a few.
   */
  scenario: z.enum(['none', 'smallGap', 'focused', 'largeGap']),
  /** The few statements where action comes first. */
  first: z.array(z.string()),
  ranked: z.array(prioritySchema),
});
export type Priorities = z.infer<typeof prioritiesSchema>;

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
  /** Which responses the figures cover: honest labels (see coverageLabel). */
  responses: z.object({
    /** All responses of the release, coarse when an exact total would expose a small group. */
    total: coarseCountSchema,
    /** In shown columns: what the overall figures rest on. */
    shown: z.number().int(),
    /** In groups too small to show (and not in a shown roll-up). */
    notShown: coarseCountSchema,
  }),
  /** When these figures were released (see release.ts). */
  release: z.object({
    mode: z.enum(['atClose', 'interim']),
    state: z.enum(['final', 'interim', 'notReleased']),
    /** notReleased: fieldwork (results come at closing) or noInterimYet (no interim release yet). */
    reason: z.enum(['fieldwork', 'noInterimYet']).optional(),
    /** Final results of an interim round that leave out responses after the last interim release. */
    withheldAfterLastRelease: z.boolean().optional(),
  }),
  commentThreshold: z.number().int(),
  /** The round's groups in round order, then the roll-ups. */
  groups: z.array(groupResultSchema),
  sections: z.array(sectionResultSchema),
  statements: z.array(statementResultSchema),
  priorities: prioritiesSchema,
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** GET /api/rounds/:id/comments: comments of shown groups only, in an order that reveals nothing. */
export const roundCommentsSchema = z.object({
  roundId: z.string(),
  comments: z.array(commentSchema),
});
export type RoundComments = z.infer<typeof roundCommentsSchema>;
