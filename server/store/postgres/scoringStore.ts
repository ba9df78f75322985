/**
 * MT scoring sessions in PostgreSQL: a row per session, a row per personal link (its HMAC) holding
 * that rater's latest scores, so two members scoring at once on two servers never overwrite each other.
 */
import type { Lever } from '../../../core/levers/lever';
import type { ScoreInput } from '../../../core/levers/scoring';
import type { ScoringSessionStatus } from '../../../core/levers/scoringSession';
import type { Round } from '../../../core/round';
import { hashScoringToken, newScoringToken } from '../codes';
import {
  StoreError,
  type RaterScores,
  type ScoreOutcome,
  type ScoringSession,
  type ScoringStore,
  type ScoringTokenLookup,
} from '../contract';
import type { PgContext } from './context';
import { leverFor } from './adminStores';
import { inTransaction, query, type Queryable } from './pool';
import { checkCount } from '../limits';
import {
  checkRaters,
  checkSessionLever,
  cleanScores,
  newScoringSession,
  refuseStrayLever,
  strayLever,
} from '../rules/scoring';

interface SessionRow {
  id: string;
  organisation_id: string;
  round_id: string;
  lever_ids: string[];
  status: ScoringSessionStatus;
  created_at: string;
  closed_at: string | null;
  adviser: RaterScores | null;
}

interface TokenRow {
  session_id: string;
  token_hash: string;
  scores: ScoreInput[] | null;
  updated_at: string | null;
}

const SESSION_COLUMNS = 'id, organisation_id, round_id, lever_ids, status, created_at, closed_at, adviser';

async function loadSessions(db: Queryable, rows: SessionRow[]): Promise<ScoringSession[]> {
  if (rows.length === 0) return [];
  const { rows: tokens } = await db.query<TokenRow>(
    'SELECT session_id, token_hash, scores, updated_at FROM scoring_tokens WHERE session_id = ANY($1) ORDER BY position',
    [rows.map((r) => r.id)],
  );
  return rows.map((row) => {
    const own = tokens.filter((t) => t.session_id === row.id);
    const scores: Record<string, RaterScores> = {};
    for (const token of own) {
      if (token.scores && token.updated_at)
        scores[token.token_hash] = { scores: token.scores, updatedAt: token.updated_at };
    }
    return {
      id: row.id,
      organisationId: row.organisation_id,
      roundId: row.round_id,
      leverIds: row.lever_ids,
      status: row.status,
      createdAt: row.created_at,
      ...(row.closed_at ? { closedAt: row.closed_at } : {}),
      tokenHashes: own.map((t) => t.token_hash),
      scores,
      ...(row.adviser ? { adviser: row.adviser } : {}),
    };
  });
}

export class PgScoringStore implements ScoringStore {
  constructor(private readonly ctx: PgContext) {}

  async openScoringSession(
    organisationId: string,
    roundId: string,
    leverIds: string[],
    raters: number,
  ): Promise<{ session: ScoringSession; tokens: string[] }> {
    this.ctx.assertOpen();
    checkRaters(raters);
    return inTransaction(this.ctx.pool, async (client) => {
      // The round row lock makes "close the open session, open a new one" one step across servers.
      const round = await client.query('SELECT 1 FROM rounds WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [
        roundId,
        organisationId,
      ]);
      if (round.rowCount !== 1) throw new StoreError('roundNotFound');
      const sessions = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM scoring_sessions WHERE round_id = $1',
        [roundId],
      );
      checkCount(this.ctx.limits, 'scoringSessionsPerRound', Number(sessions.rows[0]!.n));
      for (const leverId of leverIds) checkSessionLever(leverId, await leverFor(client, organisationId, leverId));
      const now = this.ctx.timestamp();
      // One open session per round: a new one ends the previous, whose links then say "closed".
      await client.query(
        `UPDATE scoring_sessions SET status = 'closed', closed_at = $3
         WHERE round_id = $1 AND organisation_id = $2 AND status = 'open'`,
        [roundId, organisationId, now],
      );
      const session = newScoringSession(organisationId, roundId, leverIds, now, []);
      await client.query(
        `INSERT INTO scoring_sessions (id, organisation_id, round_id, lever_ids, status, created_at)
         VALUES ($1, $2, $3, $4, 'open', $5)`,
        [session.id, organisationId, roundId, JSON.stringify(session.leverIds), now],
      );
      const tokens: string[] = [];
      while (tokens.length < raters) {
        const token = newScoringToken();
        const hash = hashScoringToken(token, this.ctx.secret);
        const inserted = await client.query(
          `INSERT INTO scoring_tokens (token_hash, session_id, position) VALUES ($1, $2, $3)
           ON CONFLICT (token_hash) DO NOTHING`,
          [hash, session.id, tokens.length],
        );
        if (inserted.rowCount !== 1) continue;
        tokens.push(token);
        session.tokenHashes.push(hash);
      }
      return { session, tokens };
    });
  }

  async listScoringSessions(organisationId: string, roundId: string): Promise<ScoringSession[]> {
    const { rows } = await query<SessionRow>(
      this.ctx.pool,
      `SELECT ${SESSION_COLUMNS} FROM scoring_sessions WHERE round_id = $1 AND organisation_id = $2 ORDER BY seq`,
      [roundId, organisationId],
    );
    return loadSessions(this.ctx.pool, rows);
  }

  async getScoringSession(
    organisationId: string,
    roundId: string,
    sessionId?: string,
  ): Promise<ScoringSession | undefined> {
    return this.sessionIn(this.ctx.pool, organisationId, roundId, sessionId, false);
  }

  async closeScoringSession(
    organisationId: string,
    roundId: string,
    sessionId?: string,
  ): Promise<ScoringSession | undefined> {
    this.ctx.assertOpen();
    return inTransaction(this.ctx.pool, async (client) => {
      const session = await this.sessionIn(client, organisationId, roundId, sessionId, true);
      if (!session || session.status === 'closed') return session;
      const closedAt = this.ctx.timestamp();
      await client.query(`UPDATE scoring_sessions SET status = 'closed', closed_at = $2 WHERE id = $1`, [
        session.id,
        closedAt,
      ]);
      return { ...session, status: 'closed', closedAt };
    });
  }

  async saveAdviserScores(
    organisationId: string,
    roundId: string,
    scores: ScoreInput[],
    sessionId?: string,
  ): Promise<ScoringSession> {
    this.ctx.assertOpen();
    return inTransaction(this.ctx.pool, async (client) => {
      const session = await this.sessionIn(client, organisationId, roundId, sessionId, true);
      if (!session) throw new StoreError('scoringSessionNotFound');
      await this.checkScorable(client, session, scores);
      const adviser: RaterScores = { scores: cleanScores(scores), updatedAt: this.ctx.timestamp() };
      await client.query('UPDATE scoring_sessions SET adviser = $2 WHERE id = $1', [
        session.id,
        JSON.stringify(adviser),
      ]);
      return { ...session, adviser };
    });
  }

  async lookupScoringToken(token: string): Promise<ScoringTokenLookup | undefined> {
    const hash = hashScoringToken(token, this.ctx.secret);
    const { rows } = await query<SessionRow & { round: Round }>(
      this.ctx.pool,
      `SELECT ${SESSION_COLUMNS.split(', ')
        .map((c) => `s.${c}`)
        .join(', ')}, r.doc AS round
       FROM scoring_tokens t JOIN scoring_sessions s ON s.id = t.session_id
       JOIN rounds r ON r.id = s.round_id AND r.organisation_id = s.organisation_id
       WHERE t.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const [session] = await loadSessions(this.ctx.pool, [row]);
    const levers: Lever[] = [];
    for (const leverId of session!.leverIds) {
      const lever = await leverFor(this.ctx.pool, session!.organisationId, leverId);
      if (lever) levers.push(lever);
    }
    return { session: session!, round: row.round, levers, scores: session!.scores[hash]?.scores };
  }

  async submitScores(token: string, scores: ScoreInput[]): Promise<ScoreOutcome> {
    this.ctx.assertOpen();
    const hash = hashScoringToken(token, this.ctx.secret);
    return inTransaction(this.ctx.pool, async (client) => {
      const { rows } = await client.query<SessionRow & { had_scores: boolean }>(
        `SELECT ${SESSION_COLUMNS.split(', ')
          .map((c) => `s.${c}`)
          .join(', ')}, t.scores IS NOT NULL AS had_scores
         FROM scoring_tokens t JOIN scoring_sessions s ON s.id = t.session_id WHERE t.token_hash = $1
         FOR UPDATE OF t FOR SHARE OF s`,
        [hash],
      );
      const row = rows[0];
      if (!row) throw new StoreError('unknownScoringToken');
      const [session] = await loadSessions(client, [row]);
      await this.checkScorable(client, session!, scores);
      await client.query('UPDATE scoring_tokens SET scores = $2, updated_at = $3 WHERE token_hash = $1', [
        hash,
        JSON.stringify(cleanScores(scores)),
        this.ctx.timestamp(),
      ]);
      return row.had_scores ? 'replaced' : 'created';
    });
  }

  /** A session of the round: the chosen one, or the latest when none is chosen. */
  private async sessionIn(
    db: Queryable,
    organisationId: string,
    roundId: string,
    sessionId: string | undefined,
    lock: boolean,
  ): Promise<ScoringSession | undefined> {
    const { rows } = await db.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM scoring_sessions
       WHERE round_id = $1 AND organisation_id = $2 AND ($3::text IS NULL OR id = $3)
       ORDER BY seq DESC LIMIT 1 ${lock ? 'FOR UPDATE' : ''}`,
      [roundId, organisationId, sessionId ?? null],
    );
    const [session] = await loadSessions(db, rows);
    return session;
  }

  /** Refuses scores for a closed session or for levers the session does not ask about. */
  private async checkScorable(db: Queryable, session: ScoringSession, scores: readonly ScoreInput[]): Promise<void> {
    const stray = strayLever(session, scores);
    if (stray !== undefined) refuseStrayLever(stray, (await leverFor(db, session.organisationId, stray)) !== undefined);
  }
}
