import { z } from 'zod';
import { isoDaySchema, slugSchema } from './text';
import type { Survey } from './survey';
import { listStatements } from './survey';

/** A rating, or null for "weet niet / n.v.t." (excluded from means). */
export const ratingSchema = z.number().int().nullable();

export const answerSchema = z
  .object({
    statementId: slugSchema,
    current: ratingSchema,
    desired: ratingSchema,
  })
  .strict();
export type Answer = z.infer<typeof answerSchema>;

export const MAX_COMMENT_LENGTH = 2000;

/** What the respondent form sends (POST /api/responses). The code names the round and the group. */
export const responseInputSchema = z
  .object({
    code: z.string().trim().min(4).max(64),
    answers: z.array(answerSchema).min(1).max(1000),
    comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
    /**
     * Random id the form makes once per filled-in form, so a retry after a lost reply is
     * recognised without storing anything that links the response to its code.
     */
    submissionId: z.string().min(8).max(64).optional(),
  })
  .strict();
export type ResponseInput = z.infer<typeof responseInputSchema>;

/** Ratings per statement id: [current, desired], null meaning "don't know". */
export const storedAnswersSchema = z.record(z.string(), z.tuple([ratingSchema, ratingSchema]));

/**
 * A response as stored: no code, no id linking it to an invitation, and no time finer than the day.
 */
export const storedResponseSchema = z.object({
  roundId: z.string(),
  group: slugSchema,
  day: isoDaySchema,
  answers: storedAnswersSchema,
  comment: z.string().optional(),
});
export type StoredResponse = z.infer<typeof storedResponseSchema>;

export type AnswerProblem =
  | { kind: 'unknownStatement'; statementId: string }
  | { kind: 'duplicateStatement'; statementId: string }
  | { kind: 'outOfScale'; statementId: string; min: number; max: number };

/**
 * Checks answers against the survey and returns them in stored form, in the survey's statement
 * order whatever order the client sent them in, or the first problem.
 */
export function toStoredAnswers(
  survey: Pick<Survey, 'sections' | 'scale'>,
  answers: Answer[],
): { ok: true; answers: StoredResponse['answers'] } | { ok: false; problem: AnswerProblem } {
  const statements = listStatements(survey);
  const known = new Set(statements.map((s) => s.id));
  const given = new Map<string, [number | null, number | null]>();
  const { min, max } = survey.scale;
  for (const answer of answers) {
    if (!known.has(answer.statementId))
      return { ok: false, problem: { kind: 'unknownStatement', statementId: answer.statementId } };
    if (given.has(answer.statementId))
      return { ok: false, problem: { kind: 'duplicateStatement', statementId: answer.statementId } };
    for (const rating of [answer.current, answer.desired]) {
      if (rating !== null && (rating < min || rating > max)) {
        return { ok: false, problem: { kind: 'outOfScale', statementId: answer.statementId, min, max } };
      }
    }
    given.set(answer.statementId, [answer.current, answer.desired]);
  }
  const stored: StoredResponse['answers'] = {};
  for (const { id } of statements) {
    const pair = given.get(id);
    if (pair) stored[id] = pair;
  }
  return { ok: true, answers: stored };
}
