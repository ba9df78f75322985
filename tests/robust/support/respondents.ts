import { randomBytes } from 'node:crypto';
import type { Answer, StoredResponse } from '../../../core/response';
import { intBetween } from '../../bench/lib/random';
import { SHRM_STATEMENT_IDS } from '../../bench/lib/shrmAnswers';

export { seededRandom, pick, intBetween } from '../../bench/lib/random';
export { SHRM_STATEMENT_IDS, shrmAnswers } from '../../bench/lib/shrmAnswers';

/** A POST /api/responses body and what it should look like once stored. */
export interface Submission {
  body: { code: string; answers: Answer[]; comment: string; submissionId: string };
  /** Key to find the stored row again: the comment is unique per submission. */
  comment: string;
  answers: StoredResponse['answers'];
}

/**
 * A respondent's submission with a unique comment, and with some statements left out and some
 * "don't know", so stored rows differ in shape as real ones do.
 */
export function makeSubmission(
  random: () => number,
  code: string,
  comment: string,
  statementIds: readonly string[] = SHRM_STATEMENT_IDS,
): Submission {
  const answers: Answer[] = [];
  for (const statementId of statementIds) {
    if (random() < 0.05) continue;
    const rating = (): number | null => (random() < 0.08 ? null : intBetween(random, 1, 5));
    answers.push({ statementId, current: rating(), desired: rating() });
  }
  if (answers.length === 0) answers.push({ statementId: statementIds[0]!, current: 3, desired: 4 });
  const stored: StoredResponse['answers'] = {};
  for (const a of answers) stored[a.statementId] = [a.current, a.desired];
  return { body: { code, answers, comment, submissionId: randomBytes(12).toString('hex') }, comment, answers: stored };
}

/** Answers in a form that does not depend on key order, for comparing a row with what was sent. */
export function canonical(answers: StoredResponse['answers']): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((id) => [id, answers[id]]),
  );
}
