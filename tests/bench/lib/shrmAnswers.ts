import type { Answer } from '../../../core/response';
import { shrmSurvey } from '../../../core/instruments';
import { listStatements } from '../../../core/survey';
import { intBetween } from './random';

/** The built-in SHRM instrument's statement ids, in form order (36 statements). */
export const SHRM_STATEMENT_IDS: readonly string[] = listStatements(shrmSurvey()).map((s) => s.id);

/** The groups a benchmark round asks (the standard geledingen). */
export const BENCH_GROUPS = ['directie', 'teamleiders', 'leraren', 'oop', 'po-hr'] as const;

/**
 * A full SHRM answer set like a real respondent's: every statement rated on 1..5, about one in
 * twelve ratings "don't know" (null).
 */
export function shrmAnswers(random: () => number): Answer[] {
  const rating = (): number | null => (random() < 1 / 12 ? null : intBetween(random, 1, 5));
  return SHRM_STATEMENT_IDS.map((statementId) => ({ statementId, current: rating(), desired: rating() }));
}
