/**
 * What a submission must be before any store takes it, and how repeats without a submission id are
 * recognised, decided the same way by every store (file and PostgreSQL). Whether the code is still
 * free, and the write itself, are the stores' own business.
 */
import { toStoredAnswers, type ResponseInput, type StoredResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { ISO_DAY } from '../../../core/text';
import { contentFingerprint, retryFingerprint } from '../codes';
import { StoreError } from '../contract';

/** How long a repeat without submissionId is still recognised (in this process's memory only). */
export const CONTENT_MEMORY_MS = 24 * 60 * 60 * 1000;

/** A submission checked against its survey, with the fingerprints that recognise its repeats. */
export interface CheckedSubmission {
  answers: StoredResponse['answers'];
  comment: string | undefined;
  /** With a submissionId: what a retry of this very submission carries; else null. */
  retry: string | null;
  /** Without a submissionId: the answers and comment, to recognise a repeat by content; else undefined. */
  content: string | undefined;
}

/** An Error for a `today` that is not YYYY-MM-DD (the day a response is stored under). */
export function checkToday(today: string): void {
  if (!ISO_DAY.test(today)) throw new Error(`today must be a date as YYYY-MM-DD, got ${today}`);
}

/**
 * Throws StoreError 'unknownStatement',
 * 'duplicateStatement' or 'outOfScale' for answers the survey does not allow. `dropNul`: remove NUL
 * characters from the comment (PostgreSQL text cannot hold them; they never carry meaning).
 */
export function checkSubmission(
  survey: Survey,
  input: ResponseInput,
  options: { dropNul?: boolean } = {},
): CheckedSubmission {
  const checked = toStoredAnswers(survey, input.answers);
  if (!checked.ok) {
    const { kind, ...details } = checked.problem;
    throw new StoreError(kind, details);
  }
  const answers = checked.answers;
  const raw = options.dropNul ? input.comment?.replaceAll('\u0000', '') : input.comment;
  const comment = raw?.trim() || undefined;
  return {
    answers,
    comment,
    retry: input.submissionId === undefined ? null : retryFingerprint(input.submissionId, answers, comment),
    content: input.submissionId === undefined ? contentFingerprint(answers, comment) : undefined,
  };
}

/** What is stored of a response: no code, no submission id, no time finer than the day, so nothing links it to its invitation. */
export function anonymousResponse(
  roundId: string,
  group: string,
  day: string,
  { answers, comment }: Pick<CheckedSubmission, 'answers' | 'comment'>,
): StoredResponse {
  return { roundId, group, day, answers, ...(comment ? { comment } : {}) };
}

/** codeHash → content fingerprint and time, for repeats from clients without submissionId, for CONTENT_MEMORY_MS. */
export class RecentContent {
  private readonly entries = new Map<string, { content: string; at: number }>();

  remember(codeHash: string, content: string, at: number): void {
    // Entries are added in time order, so the expired ones are at the front.
    for (const [hash, entry] of this.entries) {
      if (at - entry.at < CONTENT_MEMORY_MS) break;
      this.entries.delete(hash);
    }
    this.entries.delete(codeHash);
    this.entries.set(codeHash, { content, at });
  }

  recall(codeHash: string, now: number): string | undefined {
    const entry = this.entries.get(codeHash);
    return entry && now - entry.at < CONTENT_MEMORY_MS ? entry.content : undefined;
  }
}
