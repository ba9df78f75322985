/**
 * Schema migrations of the PostgreSQL store: versioned, forward-only, applied at start-up.
 *
 * - Each migration runs in its own transaction together with the row that records it in
 *   koers_migrations, so it is applied completely or not at all.
 * - Applying is idempotent: versions already recorded are skipped.
 * - A session-level advisory lock serialises start-ups: two servers starting together on one empty
 *   database do not both try to create the tables; the second waits and then finds nothing to do.
 * - A database migrated by a newer Koers (a version this code does not know) is refused, not touched.
 *
 * Never edit a migration that has shipped; add a new one.
 */
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Any fixed 64-bit number: the advisory lock that serialises migrations ("koers" in ASCII). */
export const MIGRATION_LOCK = 0x6b6f657273;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      -- Settings: the pepper of code and token HMACs, made once per database.
      CREATE TABLE koers_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE organisations (
        id text PRIMARY KEY,
        name text NOT NULL,
        -- lower-cased name: one organisation per name, also when two servers create it at once
        name_key text NOT NULL UNIQUE,
        created_at text NOT NULL,
        seq bigserial NOT NULL
      );

      -- Only sha256 hashes of keys; the key itself is shown once.
      CREATE TABLE api_keys (
        hash text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        label text,
        created_at text NOT NULL,
        revoked_at text,
        seq bigserial NOT NULL
      );

      -- Organisations' own surveys as their JSON document (built-in instruments live in code).
      CREATE TABLE surveys (
        id text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        doc json NOT NULL,
        seq bigserial NOT NULL
      );

      CREATE TABLE rounds (
        id text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        survey_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        doc json NOT NULL,
        seq bigserial NOT NULL
      );
      CREATE INDEX rounds_by_organisation ON rounds (organisation_id, seq);

      -- HMACs of invitation codes; the plain codes are shown once and never stored.
      CREATE TABLE invitations (
        code_hash text PRIMARY KEY,
        round_id text NOT NULL REFERENCES rounds (id),
        group_id text NOT NULL
      );
      CREATE INDEX invitations_by_round ON invitations (round_id, group_id);

      -- One row per used code: the primary key is what makes "one response per code" hold across
      -- servers. retry = fingerprint of the client's submissionId and answers (null without one),
      -- to recognise a retry after a lost reply. No time, no link to the response row.
      CREATE TABLE used_codes (
        code_hash text PRIMARY KEY REFERENCES invitations (code_hash),
        round_id text NOT NULL REFERENCES rounds (id),
        retry text
      );

      -- Responses carry no code, no submission id and no time finer than the day.
      CREATE TABLE responses (
        id bigserial PRIMARY KEY,
        round_id text NOT NULL REFERENCES rounds (id),
        group_id text NOT NULL,
        day text NOT NULL,
        answers json NOT NULL,
        comment text
      );
      CREATE INDEX responses_by_round ON responses (round_id, id);

      -- Running totals: per round x group x shard, the sufficient statistics of every statement as
      -- one flat array (layout in tally.ts), updated in the submitting transaction. A submission
      -- adds to one randomly chosen shard, so concurrent submissions rarely wait for one row lock;
      -- results add up the shards (groups x shards rows, whatever the number of responses).
      CREATE TABLE round_tallies (
        round_id text NOT NULL REFERENCES rounds (id),
        group_id text NOT NULL,
        shard smallint NOT NULL,
        responses bigint NOT NULL,
        comments bigint NOT NULL,
        stats bigint[] NOT NULL,
        PRIMARY KEY (round_id, group_id, shard)
      );

      CREATE TABLE levers (
        organisation_id text NOT NULL REFERENCES organisations (id),
        id text NOT NULL,
        doc json NOT NULL,
        seq bigserial NOT NULL,
        PRIMARY KEY (organisation_id, id)
      );

      CREATE TABLE retired_built_in_levers (
        organisation_id text NOT NULL REFERENCES organisations (id),
        lever_id text NOT NULL,
        PRIMARY KEY (organisation_id, lever_id)
      );

      CREATE TABLE scoring_sessions (
        id text PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisations (id),
        round_id text NOT NULL REFERENCES rounds (id),
        lever_ids json NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        created_at text NOT NULL,
        closed_at text,
        adviser json,
        seq bigserial NOT NULL
      );
      CREATE INDEX scoring_sessions_by_round ON scoring_sessions (round_id, seq);

      -- HMACs of personal scoring links and each rater's latest scores.
      CREATE TABLE scoring_tokens (
        token_hash text PRIMARY KEY,
        session_id text NOT NULL REFERENCES scoring_sessions (id),
        position integer NOT NULL,
        scores json,
        updated_at text
      );
      CREATE INDEX scoring_tokens_by_session ON scoring_tokens (session_id, position);

      -- Element-wise sum of two equally long arrays.
      CREATE FUNCTION koers_add_arrays(a bigint[], b bigint[]) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
      $$;

      -- One submission in one statement (one round trip, one transaction):
      -- 'unknownCode' | 'roundClosed' | 'codeUsed' | 'repeated' | 'created'.
      -- A used code is refused (or recognised as a retry) before the round's status is looked at,
      -- as in the embedded store. The round row is share-locked, so a concurrent close waits for
      -- submissions in flight and every later submission sees it closed.
      CREATE FUNCTION koers_submit(
        p_code_hash text, p_retry text, p_day text, p_answers json, p_comment text,
        p_shard smallint, p_stats bigint[]
      ) RETURNS text
      LANGUAGE plpgsql AS $$
      DECLARE
        v_round text;
        v_group text;
        v_status text;
        v_previous text;
        v_inserted integer;
      BEGIN
        SELECT round_id, group_id INTO v_round, v_group FROM invitations WHERE code_hash = p_code_hash;
        IF NOT FOUND THEN RETURN 'unknownCode'; END IF;
        SELECT status INTO v_status FROM rounds WHERE id = v_round FOR KEY SHARE;
        IF v_status <> 'open' THEN
          SELECT retry INTO v_previous FROM used_codes WHERE code_hash = p_code_hash;
          IF NOT FOUND THEN RETURN 'roundClosed'; END IF;
          IF p_retry IS NOT NULL AND v_previous = p_retry THEN RETURN 'repeated'; END IF;
          RETURN 'codeUsed';
        END IF;
        INSERT INTO used_codes (code_hash, round_id, retry) VALUES (p_code_hash, v_round, p_retry)
          ON CONFLICT (code_hash) DO NOTHING;
        GET DIAGNOSTICS v_inserted = ROW_COUNT;
        IF v_inserted = 0 THEN
          SELECT retry INTO v_previous FROM used_codes WHERE code_hash = p_code_hash;
          IF p_retry IS NOT NULL AND v_previous = p_retry THEN RETURN 'repeated'; END IF;
          RETURN 'codeUsed';
        END IF;
        INSERT INTO responses (round_id, group_id, day, answers, comment)
          VALUES (v_round, v_group, p_day, p_answers, p_comment);
        -- Last, so the tally row is locked for as short a time as possible.
        INSERT INTO round_tallies AS t (round_id, group_id, shard, responses, comments, stats)
          VALUES (v_round, v_group, p_shard, 1, CASE WHEN p_comment IS NULL THEN 0 ELSE 1 END, p_stats)
          ON CONFLICT (round_id, group_id, shard) DO UPDATE SET
            responses = t.responses + 1,
            comments = t.comments + EXCLUDED.comments,
            stats = koers_add_arrays(t.stats, EXCLUDED.stats);
        RETURN 'created';
      END
      $$;
    `,
  },
  {
    version: 2,
    name: 'indexes for the per-organisation limits',
    sql: `
      -- The limit checks count an organisation's surveys and a round's scoring sessions.
      CREATE INDEX IF NOT EXISTS surveys_by_organisation ON surveys (organisation_id, seq);
    `,
  },
];

export interface MigrationReport {
  applied: Array<{ version: number; name: string }>;
  version: number;
}

/**
 * Brings the database to the newest schema. Safe to call from several processes at once and on
 * every start (it does nothing when the schema is current).
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS koers_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM koers_migrations');
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...migrations.map((m) => m.version));
      const unknown = [...done].filter((v) => v > newest);
      if (unknown.length > 0) {
        throw new Error(
          `The database has schema version ${Math.max(...unknown)}; this Koers knows up to ${newest}. Update Koers.`,
        );
      }
      const applied: MigrationReport['applied'] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO koers_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
        }
        applied.push({ version: migration.version, name: migration.name });
      }
      return { applied, version: newest };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {
        broken = true;
      });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A session whose unlock may have failed is not handed back to the pool.
    client.release(broken);
  }
}
