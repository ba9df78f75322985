/**
 * Responses in PostgreSQL. A submission is one call of koers_submit (see migrations.ts): the used
 * code, the response and the running totals are written in one transaction, and the store resolves
 * only after PostgreSQL confirmed the commit. Results are built from the running totals (groups x
 * shards rows), so they cost the same at 100 or 100,000 responses, and every server sees every
 * committed response at once: there is no per-process state to invalidate.
 */
import { randomInt } from 'node:crypto';
import { buildComments, buildResults, createTally } from '../../../core/aggregation';
import type { PublishedComment } from '../../../core/anonymity';
import type { ResponseInput, StoredResponse } from '../../../core/response';
import type { RoundResults } from '../../../core/results';
import type { Round } from '../../../core/round';
import type { Survey } from '../../../core/survey';
import { hashCode } from '../codes';
import { StoreError, type ResponseStore, type SubmitOutcome } from '../contract';
import { anonymousResponse, checkSubmission, checkToday, RecentContent } from '../rules/responses';
import type { PgContext } from './context';
import { query } from './pool';
import { responseDelta, tallyFromRows, type TallyRow } from './tally';

/** Rows per round x group that submissions spread over (see round_tallies in migrations.ts). */
export const TALLY_SHARDS = 8;
const PAGE = 2000;

interface CachedResults {
  key: string;
  results: RoundResults;
  json?: string;
}

type SubmitResult = 'unknownCode' | 'roundClosed' | 'codeUsed' | 'repeated' | 'created';

export class PgResponseStore implements ResponseStore {
  private readonly resultsCache = new Map<string, CachedResults>();
  /** For repeats from clients without submissionId (in this process's memory only). */
  private readonly recentContent = new RecentContent();
  /** Responses this process committed (for tests and the bench; not a round's count). */
  committed = 0;

  constructor(private readonly ctx: PgContext) {}

  async submitResponse(input: ResponseInput, today: string): Promise<SubmitOutcome> {
    this.ctx.assertOpen();
    checkToday(today);
    const codeHash = hashCode(input.code, this.ctx.secret);
    const { rows } = await query<{ round_id: string; group_id: string; survey_id: string }>(
      this.ctx.pool,
      'SELECT i.round_id, i.group_id, r.survey_id FROM invitations i JOIN rounds r ON r.id = i.round_id WHERE i.code_hash = $1',
      [codeHash],
    );
    const invitation = rows[0];
    const survey = invitation && (await this.ctx.surveyById(invitation.survey_id));
    if (!invitation || !survey) throw new StoreError('unknownCode');

    // PostgreSQL text cannot hold NUL characters; they never carry meaning in a comment, so they are
    // dropped (the embedded store keeps them) instead of failing the submission.
    const checked = checkSubmission(survey, input, { dropNul: true });
    const { answers, comment, retry, content } = checked;
    const response = anonymousResponse(invitation.round_id, invitation.group_id, today, checked);
    const result = await query<{ outcome: SubmitResult }>(
      this.ctx.pool,
      'SELECT koers_submit($1, $2, $3, $4, $5, $6, $7) AS outcome',
      [
        codeHash,
        retry,
        today,
        JSON.stringify(answers),
        comment ?? null,
        randomInt(TALLY_SHARDS),
        responseDelta(survey, response),
      ],
    );
    const outcome = result.rows[0]!.outcome;
    switch (outcome) {
      case 'created':
        this.committed += 1;
        if (content !== undefined) this.recentContent.remember(codeHash, content, this.ctx.now().getTime());
        return 'created';
      case 'repeated':
        return 'repeated';
      case 'codeUsed':
        if (content !== undefined && this.recentContent.recall(codeHash, this.ctx.now().getTime()) === content)
          return 'repeated';
        throw new StoreError('codeUsed');
      case 'roundClosed':
        throw new StoreError('roundClosed');
      default:
        throw new StoreError('unknownCode');
    }
  }

  async responsesByGroup(roundId: string): Promise<Record<string, number>> {
    const { rows: rounds } = await query<{ doc: Round }>(this.ctx.pool, 'SELECT doc FROM rounds WHERE id = $1', [
      roundId,
    ]);
    const { rows } = await query<{ group_id: string; n: string }>(
      this.ctx.pool,
      'SELECT group_id, sum(responses) AS n FROM round_tallies WHERE round_id = $1 GROUP BY group_id',
      [roundId],
    );
    const counts: Record<string, number> = Object.fromEntries((rounds[0]?.doc.groups ?? []).map((g) => [g, 0]));
    for (const row of rows) if (Object.hasOwn(counts, row.group_id)) counts[row.group_id] = Number(row.n);
    return counts;
  }

  async responseCount(roundId: string): Promise<number> {
    const { rows } = await query<{ total: number }>(
      this.ctx.pool,
      'SELECT coalesce(sum(responses), 0)::bigint AS total FROM round_tallies WHERE round_id = $1',
      [roundId],
    );
    return rows[0]!.total;
  }

  async results(round: Round): Promise<RoundResults> {
    return (await this.cachedResults(round)).results;
  }

  async resultsJson(round: Round): Promise<string> {
    const cached = await this.cachedResults(round);
    cached.json ??= JSON.stringify(cached.results);
    return cached.json;
  }

  async comments(round: Round): Promise<PublishedComment[]> {
    const [current, counts, comments] = await Promise.all([
      this.storedRound(round),
      query<{ group_id: string; responses: number }>(
        this.ctx.pool,
        'SELECT group_id, sum(responses)::bigint AS responses FROM round_tallies WHERE round_id = $1 GROUP BY group_id',
        [round.id],
      ),
      query<{ group_id: string; comment: string }>(
        this.ctx.pool,
        'SELECT group_id, comment FROM responses WHERE round_id = $1 AND comment IS NOT NULL ORDER BY id',
        [round.id],
      ),
    ]);
    if (!current) return [];
    const survey = await this.ctx.surveyById(current.surveyId);
    if (!survey) return [];
    const tally = createTally(survey, current.groups);
    for (const row of counts.rows) {
      tally.totalResponses += row.responses;
      if (Object.hasOwn(tally.responsesByGroup, row.group_id)) tally.responsesByGroup[row.group_id] = row.responses;
    }
    tally.comments = comments.rows.map((row) => ({ group: row.group_id, text: row.comment }));
    return buildComments({ tally, round: current });
  }

  /** Committed responses in stored order, a page at a time (keyset pagination, no open cursor). */
  async *readResponses(roundId: string): AsyncGenerator<StoredResponse> {
    let after = 0;
    for (;;) {
      const { rows } = await query<{
        id: number;
        group_id: string;
        day: string;
        answers: StoredResponse['answers'];
        comment: string | null;
      }>(
        this.ctx.pool,
        'SELECT id, group_id, day, answers, comment FROM responses WHERE round_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [roundId, after, PAGE],
      );
      for (const row of rows) {
        yield {
          roundId,
          group: row.group_id,
          day: row.day,
          answers: row.answers,
          ...(row.comment !== null ? { comment: row.comment } : {}),
        };
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /**
   * The results of the round as stored now. The round row and its response count are read on every
   * call, in one query (another server may have stored a response a moment ago); the totals
   * themselves are fetched, and results built and serialised, only when the count or the round
   * changed since this process last built them.
   */
  private async cachedResults(round: Round): Promise<CachedResults> {
    const { rows: heads } = await query<{ doc: Round; total: number }>(
      this.ctx.pool,
      `SELECT r.doc, (SELECT coalesce(sum(t.responses), 0)::bigint FROM round_tallies t WHERE t.round_id = r.id) AS total
       FROM rounds r WHERE r.id = $1`,
      [round.id],
    );
    const current = heads[0]?.doc;
    const shown = current ?? round;
    const key = `${heads[0]?.total ?? 0}:${JSON.stringify(shown)}`;
    const cached = this.resultsCache.get(shown.id);
    if (current && cached?.key === key) return cached;
    const survey: Survey | undefined = await this.ctx.surveyById(shown.surveyId);
    if (!survey) throw new StoreError('unknownSurvey', { surveyId: shown.surveyId });
    const tallies = await query<{ group_id: string; responses: number; comments: number; stats: number[] }>(
      this.ctx.pool,
      'SELECT group_id, responses, comments, stats FROM round_tallies WHERE round_id = $1',
      [shown.id],
    );
    const rows: TallyRow[] = tallies.rows.map((r) => ({
      group: r.group_id,
      responses: r.responses,
      comments: r.comments,
      stats: r.stats,
    }));
    // The key from the rows actually read: a response committed between the two queries is in them.
    const total = rows.reduce((sum, row) => sum + row.responses, 0);
    const tally = tallyFromRows(survey, shown.groups, rows);
    const fresh: CachedResults = {
      key: `${total}:${JSON.stringify(shown)}`,
      results: buildResults({ tally, survey, round: shown }),
    };
    // Only stored rounds are cached, so a caller's made-up round cannot grow the cache.
    if (current) this.resultsCache.set(shown.id, fresh);
    return fresh;
  }

  private async storedRound(round: Round): Promise<Round | undefined> {
    const { rows } = await query<{ doc: Round }>(this.ctx.pool, 'SELECT doc FROM rounds WHERE id = $1', [round.id]);
    return rows[0]?.doc;
  }
}
