import type pg from 'pg';
import type { Survey } from '../../../core/survey';
import type { StoreLimits } from '../limits';
import { query } from './pool';

/**
 * What the PostgreSQL stores share: the pool, the pepper of the HMACs (read once: it never changes
 * after the database is made), the clock, and a cache of surveys. Surveys are immutable once made,
 * so caching them in each process is safe with any number of servers.
 */
export class PgContext {
  private readonly surveyCache = new Map<string, Survey>();
  private closed = false;

  constructor(
    readonly pool: pg.Pool,
    readonly secret: string,
    readonly now: () => Date,
    readonly builtIns: readonly Survey[],
    readonly limits: StoreLimits,
  ) {
    for (const survey of builtIns) this.surveyCache.set(survey.id, survey);
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  assertOpen(): void {
    if (this.closed) throw new Error('The store is closed');
  }

  markClosed(): void {
    this.closed = true;
  }

  /** Any survey by id (built-in or an organisation's), without the visibility check. */
  async surveyById(surveyId: string): Promise<Survey | undefined> {
    const cached = this.surveyCache.get(surveyId);
    if (cached) return cached;
    const { rows } = await query<{ doc: Survey }>(this.pool, 'SELECT doc FROM surveys WHERE id = $1', [surveyId]);
    const survey = rows[0]?.doc;
    if (survey) this.surveyCache.set(surveyId, survey);
    return survey;
  }

  rememberSurvey(survey: Survey): void {
    this.surveyCache.set(survey.id, survey);
  }
}
