import type { Draft } from './formStorage';
import type { FormPayload } from '../../../core/api/form';

/**
 * Mirrors MAX_COMMENT_LENGTH in core/response.ts; importing it would pull zod into the page bundle.
 * The browser test checks that the two agree.
 */
export const MAX_COMMENT_LENGTH = 2000;

export type SurveyData = FormPayload['survey'];
export type SectionData = SurveyData['sections'][number];
export type RatingKind = 'current' | 'desired';
export const RATING_KINDS: readonly RatingKind[] = ['current', 'desired'];

/** Statements with their number across the whole survey, so numbering runs on between sections. */
export function numberedStatements(survey: SurveyData): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const section of survey.sections) for (const s of section.statements) numbers.set(s.id, numbers.size + 1);
  return numbers;
}

export function statementCount(survey: SurveyData): number {
  return survey.sections.reduce((sum, section) => sum + section.statements.length, 0);
}

/** A rating counts as given when it is a point on the scale or "don't know" (null). */
export function isGiven(draft: Draft, statementId: string, kind: RatingKind): boolean {
  const value = draft.answers[statementId]?.[kind];
  return value !== undefined;
}

export function isComplete(draft: Draft, statementId: string): boolean {
  return RATING_KINDS.every((kind) => isGiven(draft, statementId, kind));
}

export function answeredCount(survey: SurveyData, draft: Draft): number {
  let count = 0;
  for (const section of survey.sections) for (const s of section.statements) if (isComplete(draft, s.id)) count += 1;
  return count;
}

/** The ratings still open in a section, in page order. */
export function missingRatings(section: SectionData, draft: Draft): Array<{ statementId: string; kind: RatingKind }> {
  return section.statements.flatMap((s) =>
    RATING_KINDS.filter((kind) => !isGiven(draft, s.id, kind)).map((kind) => ({ statementId: s.id, kind })),
  );
}

/** Step number (1-based section) of the first section with an open rating, or undefined when all are given. */
export function firstIncompleteStep(survey: SurveyData, draft: Draft): number | undefined {
  const index = survey.sections.findIndex((section) => missingRatings(section, draft).length > 0);
  return index === -1 ? undefined : index + 1;
}

/** Drops answers outside the scale or for statements the survey no longer has (an edited survey). */
export function sanitizeAnswers(survey: SurveyData, draft: Draft): void {
  const numbers = numberedStatements(survey);
  const { min, max } = survey.scale;
  for (const [id, answer] of Object.entries(draft.answers)) {
    if (!numbers.has(id)) {
      delete draft.answers[id];
      continue;
    }
    for (const kind of RATING_KINDS) {
      const value = answer[kind];
      if (typeof value === 'number' && (value < min || value > max)) delete answer[kind];
    }
  }
}
