import type { Lever } from '../../core/levers/lever';
import type { ScoreInput } from '../../core/levers/scoring';
import { hashScoringToken, newScoringToken } from './codes';
import { findLever } from './leverStore';
import {
  StoreError,
  type ScoreOutcome,
  type ScoringSession,
  type ScoringStore,
  type ScoringTokenLookup,
} from './contract';
import type { MetaData } from './metaDocument';
import type { StoreContext } from './storeContext';
import { checkCount } from './limits';
import {
  checkRaters,
  checkSessionLever,
  cleanScores,
  newScoringSession,
  refuseStrayLever,
  strayLever,
} from './rules/scoring';

/** A session of the round: the chosen one, or the latest when none is chosen. */
function sessionIn(
  data: Readonly<MetaData>,
  organisationId: string,
  roundId: string,
  sessionId: string | undefined,
): ScoringSession | undefined {
  for (let i = data.scoringSessions.length - 1; i >= 0; i -= 1) {
    const session = data.scoringSessions[i]!;
    if (session.roundId !== roundId || session.organisationId !== organisationId) continue;
    if (sessionId === undefined || session.id === sessionId) return session;
  }
  return undefined;
}

/** Refuses scores for a closed session or for levers the session does not ask about. */
function checkScorable(data: Readonly<MetaData>, session: ScoringSession, scores: readonly ScoreInput[]): void {
  const stray = strayLever(session, scores);
  if (stray !== undefined) refuseStrayLever(stray, findLever(data, session.organisationId, stray) !== undefined);
}

/**
 * MT scoring sessions in the meta document. The handful of MT members score rarely, so their scores
 * go through the same durable write queue as admin changes; no separate log is needed.
 */
export class FileScoringStore implements ScoringStore {
  /** Token HMAC → session id, for every session ever opened (closed ones answer "closed", not "unknown"). */
  private readonly sessionByToken = new Map<string, string>();

  constructor(private readonly ctx: StoreContext) {
    for (const session of ctx.meta.data.scoringSessions) this.indexSession(session);
  }

  async openScoringSession(
    organisationId: string,
    roundId: string,
    leverIds: readonly string[],
    raters: number,
  ): Promise<{ session: ScoringSession; tokens: string[] }> {
    this.ctx.assertOpen();
    checkRaters(raters);
    return this.ctx.meta.update(
      (draft) => {
        if (!draft.rounds.some((r) => r.id === roundId && r.organisationId === organisationId))
          throw new StoreError('roundNotFound');
        const sessions = draft.scoringSessions.filter((s) => s.roundId === roundId).length;
        checkCount(this.ctx.limits, 'scoringSessionsPerRound', sessions);
        for (const leverId of leverIds) checkSessionLever(leverId, findLever(draft, organisationId, leverId));
        const now = this.ctx.timestamp();
        // One open session per round: a new one ends the previous, whose links then say "closed".
        for (const session of draft.scoringSessions) {
          if (session.roundId === roundId && session.organisationId === organisationId && session.status === 'open') {
            session.status = 'closed';
            session.closedAt = now;
          }
        }
        const tokens: string[] = [];
        const tokenHashes: string[] = [];
        while (tokens.length < raters) {
          const token = newScoringToken();
          const hash = hashScoringToken(token, draft.secret);
          if (this.sessionByToken.has(hash) || tokenHashes.includes(hash)) continue;
          tokens.push(token);
          tokenHashes.push(hash);
        }
        const session = newScoringSession(organisationId, roundId, leverIds, now, tokenHashes);
        draft.scoringSessions.push(session);
        return { session, tokens };
      },
      ({ session }) => this.indexSession(session),
    );
  }

  async listScoringSessions(organisationId: string, roundId: string): Promise<ScoringSession[]> {
    return this.ctx.meta.data.scoringSessions.filter(
      (s) => s.roundId === roundId && s.organisationId === organisationId,
    );
  }

  async getScoringSession(
    organisationId: string,
    roundId: string,
    sessionId?: string,
  ): Promise<ScoringSession | undefined> {
    return sessionIn(this.ctx.meta.data, organisationId, roundId, sessionId);
  }

  async closeScoringSession(
    organisationId: string,
    roundId: string,
    sessionId?: string,
  ): Promise<ScoringSession | undefined> {
    this.ctx.assertOpen();
    const known = sessionIn(this.ctx.meta.data, organisationId, roundId, sessionId);
    if (!known || known.status === 'closed') return known;
    return this.ctx.meta.update((draft) => {
      const session = draft.scoringSessions.find((s) => s.id === known.id)!;
      if (session.status === 'open') Object.assign(session, { status: 'closed', closedAt: this.ctx.timestamp() });
      return session;
    });
  }

  async saveAdviserScores(
    organisationId: string,
    roundId: string,
    scores: readonly ScoreInput[],
    sessionId?: string,
  ): Promise<ScoringSession> {
    this.ctx.assertOpen();
    const check = (data: Readonly<MetaData>): ScoringSession => {
      const session = sessionIn(data, organisationId, roundId, sessionId);
      if (!session) throw new StoreError('scoringSessionNotFound');
      checkScorable(data, session, scores);
      return session;
    };
    // Checked before queueing too, so a refusal does not wait behind other writes.
    check(this.ctx.meta.data);
    return this.ctx.meta.update((draft) => {
      const session = check(draft);
      session.adviser = { scores: cleanScores(scores), updatedAt: this.ctx.timestamp() };
      return session;
    });
  }

  async lookupScoringToken(token: string): Promise<ScoringTokenLookup | undefined> {
    const data = this.ctx.meta.data;
    const hash = hashScoringToken(token, data.secret);
    const session = this.sessionFor(data, hash);
    const round =
      session && data.rounds.find((r) => r.id === session.roundId && r.organisationId === session.organisationId);
    if (!session || !round) return undefined;
    // Levers stay stored when retired, so a session's levers can always be shown.
    const levers = session.leverIds
      .map((leverId) => findLever(data, session.organisationId, leverId))
      .filter((lever): lever is Lever => lever !== undefined);
    return { session, round, levers, scores: session.scores[hash]?.scores };
  }

  async submitScores(token: string, scores: readonly ScoreInput[]): Promise<ScoreOutcome> {
    this.ctx.assertOpen();
    const check = (data: Readonly<MetaData>, hash: string): ScoringSession => {
      const session = this.sessionFor(data, hash);
      if (!session) throw new StoreError('unknownScoringToken');
      checkScorable(data, session, scores);
      return session;
    };
    const hash = hashScoringToken(token, this.ctx.meta.data.secret);
    check(this.ctx.meta.data, hash);
    return this.ctx.meta.update((draft) => {
      // The session may have been closed while this submission waited in the queue.
      const session = check(draft, hash);
      const outcome: ScoreOutcome = session.scores[hash] ? 'replaced' : 'created';
      session.scores[hash] = { scores: cleanScores(scores), updatedAt: this.ctx.timestamp() };
      return outcome;
    });
  }

  private sessionFor(data: Readonly<MetaData>, hash: string): ScoringSession | undefined {
    const sessionId = this.sessionByToken.get(hash);
    return sessionId === undefined ? undefined : data.scoringSessions.find((s) => s.id === sessionId);
  }

  private indexSession(session: ScoringSession): void {
    for (const hash of session.tokenHashes) this.sessionByToken.set(hash, session.id);
  }
}
