/**
 * Organisations, surveys, rounds and levers in PostgreSQL. Every query is parameterised; identifiers
 * never come from input. Reads go to the database each time (several servers share it), except for
 * surveys, which never change once made.
 */
import type { Lever, LeverInput, LeverUpdate } from '../../../core/levers/lever';
import { LEVER_LIBRARY } from '../../../core/levers/library';
import type { Organisation } from '../../../core/organisation';
import type { Round, RoundInput } from '../../../core/round';
import type { Survey, SurveyInput } from '../../../core/survey';
import { hashApiKey, hashCode, newApiKey, newId, newInvitationCode } from '../codes';
import type {
  ApiKeyInfo,
  CodeLookup,
  LeverStore,
  OrganisationStore,
  RoundStore,
  SurveyStore,
  SurveyVersion,
} from '../contract';
import { checkCount, checkDataBytes } from '../limits';
import type { PgContext } from './context';
import { inTransaction, query, translateError, type Queryable } from './pool';
import { checkInvitationCount, checkInvitationTarget, closedRound, newRound, roundWithEnd } from '../rules/rounds';
import { builtInLeverById, checkLeverEditable, newLever } from '../rules/levers';
import { newSurvey, updatedSurvey, visibleTo } from '../rules/surveys';
import type pg from 'pg';

const KEY_ID_LENGTH = 12;

// --- organisations and keys ---

interface OrganisationRow {
  id: string;
  name: string;
  created_at: string;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

interface KeyRow {
  hash: string;
  organisation_id: string;
  organisation_name: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toKeyInfo = (row: KeyRow): ApiKeyInfo => ({
  id: row.hash.slice(0, KEY_ID_LENGTH),
  organisationId: row.organisation_id,
  organisationName: row.organisation_name ?? row.organisation_id,
  ...(row.label ? { label: row.label } : {}),
  createdAt: row.created_at,
  ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
});

const KEY_COLUMNS = `k.hash, k.organisation_id, o.name AS organisation_name, k.label, k.created_at, k.revoked_at`;

export class PgOrganisationStore implements OrganisationStore {
  constructor(private readonly ctx: PgContext) {}

  async findOrCreateOrganisation(name: string): Promise<Organisation> {
    this.ctx.assertOpen();
    const wanted = name.trim();
    if (wanted === '') throw new Error('An organisation needs a name');
    const key = wanted.toLocaleLowerCase('nl');
    // The unique name_key makes this one organisation per name, also from two servers at once.
    await query(
      this.ctx.pool,
      `INSERT INTO organisations (id, name, name_key, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name_key) DO NOTHING`,
      [newId('org'), wanted, key, this.ctx.timestamp()],
    );
    const { rows } = await query<OrganisationRow>(
      this.ctx.pool,
      'SELECT id, name, created_at FROM organisations WHERE name_key = $1',
      [key],
    );
    return toOrganisation(rows[0]!);
  }

  async createApiKey(organisationId: string, options: { label?: string } = {}): Promise<string> {
    this.ctx.assertOpen();
    const key = newApiKey();
    const label = options.label?.trim() || null;
    const { rowCount } = await query(
      this.ctx.pool,
      `INSERT INTO api_keys (hash, organisation_id, label, created_at)
       SELECT $1, id, $3, $4 FROM organisations WHERE id = $2`,
      [hashApiKey(key), organisationId, label, this.ctx.timestamp()],
    );
    if (rowCount !== 1) throw new Error(`Unknown organisation ${organisationId}`);
    return key;
  }

  async organisationForKey(key: string): Promise<Organisation | undefined> {
    const { rows } = await query<OrganisationRow>(
      this.ctx.pool,
      `SELECT o.id, o.name, o.created_at FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
       WHERE k.hash = $1 AND k.revoked_at IS NULL`,
      [hashApiKey(key)],
    );
    return rows[0] && toOrganisation(rows[0]);
  }

  async listApiKeys(): Promise<ApiKeyInfo[]> {
    const { rows } = await query<KeyRow>(
      this.ctx.pool,
      `SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id ORDER BY k.seq`,
    );
    return rows.map(toKeyInfo);
  }

  async revokeApiKey(keyId: string): Promise<ApiKeyInfo | undefined> {
    this.ctx.assertOpen();
    const wanted = keyId.trim().toLowerCase();
    if (wanted.length < 4) return undefined;
    return inTransaction(this.ctx.pool, async (client) => {
      const { rows } = await client.query<{ hash: string }>(
        'SELECT hash FROM api_keys WHERE left(hash, length($1)) = $1 FOR UPDATE',
        [wanted],
      );
      if (rows.length !== 1) return undefined;
      const hash = rows[0]!.hash;
      await client.query('UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE hash = $1', [
        hash,
        this.ctx.timestamp(),
      ]);
      const info = await client.query<KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.hash = $1`,
        [hash],
      );
      return toKeyInfo(info.rows[0]!);
    });
  }
}

// --- per-organisation limits ---

/**
 * Takes the organisation's row lock for the rest of the transaction. Every write that a
 * per-organisation limit guards takes it first, so their counts and sizes are read and extended one
 * at a time, also from several servers. NO KEY UPDATE does not block the KEY SHARE locks that
 * inserts referencing the organisation take.
 */
export async function lockOrganisation(client: pg.PoolClient, organisationId: string): Promise<void> {
  await client.query('SELECT 1 FROM organisations WHERE id = $1 FOR NO KEY UPDATE', [organisationId]);
}

/** The organisation's surveys, rounds and own levers as stored JSON bytes (doc is json: stored verbatim). */
export async function organisationBytes(client: pg.PoolClient, organisationId: string): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>(
    `SELECT (SELECT coalesce(sum(octet_length(doc::text)), 0) FROM surveys WHERE organisation_id = $1)
          + (SELECT coalesce(sum(octet_length(doc::text)), 0) FROM rounds WHERE organisation_id = $1)
          + (SELECT coalesce(sum(octet_length(doc::text)), 0) FROM levers WHERE organisation_id = $1) AS bytes`,
    [organisationId],
  );
  return Number(rows[0]!.bytes);
}

async function countRows(client: pg.PoolClient, table: 'surveys' | 'rounds' | 'levers', organisationId: string) {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE organisation_id = $1`, [
    organisationId,
  ]);
  return Number(rows[0]!.n);
}

/** Locks the organisation and refuses when one more item (of `bytes`) would pass a limit. */
async function checkRoomFor(
  ctx: PgContext,
  client: pg.PoolClient,
  organisationId: string,
  table: 'surveys' | 'rounds' | 'levers',
  bytes: number,
): Promise<void> {
  await lockOrganisation(client, organisationId);
  const limit = (
    { surveys: 'surveysPerOrganisation', rounds: 'roundsPerOrganisation', levers: 'leversPerOrganisation' } as const
  )[table];
  checkCount(ctx.limits, limit, await countRows(client, table, organisationId));
  checkDataBytes(ctx.limits, await organisationBytes(client, organisationId), bytes);
}

// --- surveys ---

export class PgSurveyStore implements SurveyStore {
  constructor(private readonly ctx: PgContext) {}

  async listSurveys(organisationId: string): Promise<Survey[]> {
    const { rows } = await query<{ doc: Survey }>(
      this.ctx.pool,
      'SELECT doc FROM surveys WHERE organisation_id = $1 ORDER BY seq',
      [organisationId],
    );
    return [...this.ctx.builtIns, ...rows.map((r) => r.doc)];
  }

  async getSurvey(organisationId: string, surveyId: string): Promise<Survey | undefined> {
    return visibleTo(organisationId, await this.ctx.surveyById(surveyId));
  }

  async createSurvey(organisationId: string, input: SurveyInput, version?: SurveyVersion): Promise<Survey> {
    this.ctx.assertOpen();
    const survey = newSurvey(organisationId, input, this.ctx.timestamp(), version);
    const doc = JSON.stringify(survey);
    await inTransaction(this.ctx.pool, async (client) => {
      await checkRoomFor(this.ctx, client, organisationId, 'surveys', Buffer.byteLength(doc));
      await client.query('INSERT INTO surveys (id, organisation_id, doc) VALUES ($1, $2, $3)', [
        survey.id,
        organisationId,
        doc,
      ]);
    });
    this.ctx.rememberSurvey(survey);
    return survey;
  }

  async updateSurvey(organisationId: string, surveyId: string, input: SurveyInput): Promise<Survey | undefined> {
    this.ctx.assertOpen();
    const { rows } = await query<{ doc: Survey }>(
      this.ctx.pool,
      'SELECT doc FROM surveys WHERE id = $1 AND organisation_id = $2',
      [surveyId, organisationId],
    );
    const stored = rows[0]?.doc;
    if (!stored) return undefined;
    const updated = updatedSurvey(stored, input, this.ctx.timestamp());
    await query(this.ctx.pool, 'UPDATE surveys SET doc = $3 WHERE id = $1 AND organisation_id = $2', [
      surveyId,
      organisationId,
      JSON.stringify(updated),
    ]);
    // Only a survey no round uses is edited in place, so no other server has a reason to hold it cached.
    this.ctx.rememberSurvey(updated);
    return updated;
  }
}

// --- rounds and invitations ---

export class PgRoundStore implements RoundStore {
  constructor(
    private readonly ctx: PgContext,
    private readonly surveys: PgSurveyStore,
  ) {}

  async listRounds(organisationId: string): Promise<Round[]> {
    const { rows } = await query<{ doc: Round }>(
      this.ctx.pool,
      'SELECT doc FROM rounds WHERE organisation_id = $1 ORDER BY seq',
      [organisationId],
    );
    return rows.map((r) => r.doc);
  }

  async getRound(organisationId: string, roundId: string): Promise<Round | undefined> {
    const { rows } = await query<{ doc: Round }>(
      this.ctx.pool,
      'SELECT doc FROM rounds WHERE id = $1 AND organisation_id = $2',
      [roundId, organisationId],
    );
    return rows[0]?.doc;
  }

  async createRound(organisationId: string, input: RoundInput): Promise<Round> {
    this.ctx.assertOpen();
    const survey = await this.surveys.getSurvey(organisationId, input.surveyId);
    const round = newRound(organisationId, survey, input, this.ctx.timestamp());
    const doc = JSON.stringify(round);
    await inTransaction(this.ctx.pool, async (client) => {
      await checkRoomFor(this.ctx, client, organisationId, 'rounds', Buffer.byteLength(doc));
      await client.query(
        'INSERT INTO rounds (id, organisation_id, survey_id, status, doc) VALUES ($1, $2, $3, $4, $5)',
        [round.id, organisationId, round.surveyId, round.status, doc],
      );
    });
    return round;
  }

  async closeRound(organisationId: string, roundId: string): Promise<Round | undefined> {
    this.ctx.assertOpen();
    return inTransaction(this.ctx.pool, async (client) => {
      // FOR UPDATE waits for submissions in flight (they hold KEY SHARE on the row) and makes later
      // ones see the round closed.
      const { rows } = await client.query<{ doc: Round }>(
        'SELECT doc FROM rounds WHERE id = $1 AND organisation_id = $2 FOR UPDATE',
        [roundId, organisationId],
      );
      const round = rows[0]?.doc;
      if (!round || round.status === 'closed') return round;
      const closed = closedRound(round, this.ctx.timestamp());
      await client.query('UPDATE rounds SET status = $2, doc = $3 WHERE id = $1', [
        roundId,
        closed.status,
        JSON.stringify(closed),
      ]);
      return closed;
    });
  }

  async setRoundEnd(organisationId: string, roundId: string, end: string): Promise<Round | undefined> {
    this.ctx.assertOpen();
    return inTransaction(this.ctx.pool, async (client) => {
      const { rows } = await client.query<{ doc: Round }>(
        'SELECT doc FROM rounds WHERE id = $1 AND organisation_id = $2 FOR UPDATE',
        [roundId, organisationId],
      );
      const round = rows[0]?.doc;
      if (!round) return undefined;
      const moved = roundWithEnd(round, end);
      await client.query('UPDATE rounds SET doc = $2 WHERE id = $1', [roundId, JSON.stringify(moved)]);
      return moved;
    });
  }

  async invitationCounts(roundId: string): Promise<Record<string, number>> {
    const { rows } = await query<{ group_id: string; n: string }>(
      this.ctx.pool,
      'SELECT group_id, count(*) AS n FROM invitations WHERE round_id = $1 GROUP BY group_id',
      [roundId],
    );
    return Object.fromEntries(rows.map((r) => [r.group_id, Number(r.n)]));
  }

  async createInvitations(organisationId: string, roundId: string, group: string, count: number): Promise<string[]> {
    this.ctx.assertOpen();
    checkInvitationCount(count);
    return inTransaction(this.ctx.pool, async (client) => {
      // Decided on the stored round, locked so a concurrent close waits for this to finish and
      // concurrent invitation requests of the round count one after the other (NO KEY UPDATE does
      // not block submissions, which take KEY SHARE).
      const { rows } = await client.query<{ doc: Round }>(
        'SELECT doc FROM rounds WHERE id = $1 AND organisation_id = $2 FOR NO KEY UPDATE',
        [roundId, organisationId],
      );
      const stored = rows[0]?.doc;
      checkInvitationTarget(stored, group);
      const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM invitations WHERE round_id = $1', [
        roundId,
      ]);
      checkCount(this.ctx.limits, 'codesPerRound', Number(existing.rows[0]!.n), count);
      const codes: string[] = [];
      while (codes.length < count) {
        const batch = new Map<string, string>();
        while (batch.size < count - codes.length) {
          const code = newInvitationCode();
          batch.set(hashCode(code, this.ctx.secret), code);
        }
        // A hash that already exists (a collision, ~never) is skipped and another code made.
        const inserted = await client.query<{ code_hash: string }>(
          `INSERT INTO invitations (code_hash, round_id, group_id)
           SELECT unnest($1::text[]), $2, $3 ON CONFLICT (code_hash) DO NOTHING RETURNING code_hash`,
          [[...batch.keys()], roundId, group],
        );
        for (const row of inserted.rows) codes.push(batch.get(row.code_hash)!);
      }
      return codes;
    });
  }

  async lookupCode(code: string): Promise<CodeLookup | undefined> {
    const { rows } = await query<{ group_id: string; doc: Round; used: boolean }>(
      this.ctx.pool,
      `SELECT i.group_id, r.doc, EXISTS (SELECT 1 FROM used_codes u WHERE u.code_hash = i.code_hash) AS used
       FROM invitations i JOIN rounds r ON r.id = i.round_id WHERE i.code_hash = $1`,
      [hashCode(code, this.ctx.secret)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const survey = await this.ctx.surveyById(row.doc.surveyId);
    if (!survey) return undefined;
    return { round: row.doc, survey, group: row.group_id, used: row.used };
  }
}

// --- levers ---

/** A lever as the organisation sees it (built-in with its retired flag, or its own); also used inside transactions. */
export async function leverFor(db: Queryable, organisationId: string, leverId: string): Promise<Lever | undefined> {
  const builtIn = builtInLeverById.get(leverId);
  if (builtIn) {
    const { rowCount } = await db.query(
      'SELECT 1 FROM retired_built_in_levers WHERE organisation_id = $1 AND lever_id = $2',
      [organisationId, leverId],
    );
    return { ...builtIn, retired: rowCount === 1 };
  }
  const { rows } = await db.query<{ doc: Lever }>('SELECT doc FROM levers WHERE organisation_id = $1 AND id = $2', [
    organisationId,
    leverId,
  ]);
  return rows[0]?.doc;
}

export class PgLeverStore implements LeverStore {
  constructor(private readonly ctx: PgContext) {}

  async listLevers(organisationId: string): Promise<Lever[]> {
    const [retired, own] = await Promise.all([
      this.retiredBuiltIns(organisationId),
      query<{ doc: Lever }>(this.ctx.pool, 'SELECT doc FROM levers WHERE organisation_id = $1 ORDER BY seq', [
        organisationId,
      ]),
    ]);
    return [
      ...LEVER_LIBRARY.map((lever) => ({ ...lever, retired: retired.has(lever.id) })),
      ...own.rows.map((r) => r.doc),
    ];
  }

  async getLever(organisationId: string, leverId: string): Promise<Lever | undefined> {
    try {
      return await leverFor(this.ctx.pool, organisationId, leverId);
    } catch (error) {
      return translateError(error);
    }
  }

  async createLever(organisationId: string, input: LeverInput): Promise<Lever> {
    this.ctx.assertOpen();
    return inTransaction(this.ctx.pool, async (client) => {
      // One lever creation per organisation at a time (across servers), so two posts with one title
      // get different ids.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`koers-levers:${organisationId}`]);
      await lockOrganisation(client, organisationId);
      const { rows } = await client.query<{ id: string }>('SELECT id FROM levers WHERE organisation_id = $1', [
        organisationId,
      ]);
      const taken = new Set([...builtInLeverById.keys(), ...rows.map((r) => r.id)]);
      const lever = newLever(organisationId, input, taken);
      const doc = JSON.stringify(lever);
      checkCount(this.ctx.limits, 'leversPerOrganisation', rows.length);
      checkDataBytes(this.ctx.limits, await organisationBytes(client, organisationId), Buffer.byteLength(doc));
      await client.query('INSERT INTO levers (organisation_id, id, doc) VALUES ($1, $2, $3)', [
        organisationId,
        lever.id,
        doc,
      ]);
      return lever;
    });
  }

  async updateLever(organisationId: string, leverId: string, update: LeverUpdate): Promise<Lever | undefined> {
    this.ctx.assertOpen();
    checkLeverEditable(leverId);
    return this.changeOwn(organisationId, leverId, (lever) => Object.assign(lever, structuredClone(update)));
  }

  async setLeverRetired(organisationId: string, leverId: string, retired: boolean): Promise<Lever | undefined> {
    this.ctx.assertOpen();
    const builtIn = builtInLeverById.get(leverId);
    if (builtIn) {
      if (retired) {
        await query(
          this.ctx.pool,
          `INSERT INTO retired_built_in_levers (organisation_id, lever_id) SELECT id, $2 FROM organisations
           WHERE id = $1 ON CONFLICT DO NOTHING`,
          [organisationId, leverId],
        );
      } else {
        await query(this.ctx.pool, 'DELETE FROM retired_built_in_levers WHERE organisation_id = $1 AND lever_id = $2', [
          organisationId,
          leverId,
        ]);
      }
      return { ...builtIn, retired };
    }
    return this.changeOwn(organisationId, leverId, (lever) => {
      lever.retired = retired;
    });
  }

  private async retiredBuiltIns(organisationId: string): Promise<Set<string>> {
    const { rows } = await query<{ lever_id: string }>(
      this.ctx.pool,
      'SELECT lever_id FROM retired_built_in_levers WHERE organisation_id = $1',
      [organisationId],
    );
    return new Set(rows.map((r) => r.lever_id));
  }

  private changeOwn(
    organisationId: string,
    leverId: string,
    change: (lever: Lever) => void,
  ): Promise<Lever | undefined> {
    return inTransaction(this.ctx.pool, async (client) => {
      const { rows } = await client.query<{ doc: Lever }>(
        'SELECT doc FROM levers WHERE organisation_id = $1 AND id = $2 FOR UPDATE',
        [organisationId, leverId],
      );
      const lever = rows[0]?.doc;
      if (!lever) return undefined;
      const before = Buffer.byteLength(JSON.stringify(lever));
      change(lever);
      const doc = JSON.stringify(lever);
      const growth = Buffer.byteLength(doc) - before;
      if (growth > 0) {
        await lockOrganisation(client, organisationId);
        checkDataBytes(this.ctx.limits, await organisationBytes(client, organisationId), growth);
      }
      await client.query('UPDATE levers SET doc = $3 WHERE organisation_id = $1 AND id = $2', [
        organisationId,
        leverId,
        doc,
      ]);
      return lever;
    });
  }
}
