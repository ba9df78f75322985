/**
 * The PostgreSQL store: the same contract as the embedded file store (server/store/contract), for
 * running several Koers servers on one database. Selected by KOERS_DATABASE_URL=postgres://…
 *
 * Opening it connects, applies pending migrations (under an advisory lock, so servers starting
 * together do not race) and reads the HMAC pepper, creating it in a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { builtInSurveys } from '../../../core/instruments';
import type { KoersStores } from '../contract';
import { PgLeverStore, PgOrganisationStore, PgRoundStore, PgSurveyStore } from './adminStores';
import { resolveLimits, type StoreLimits } from '../limits';
import { PgContext } from './context';
import { migrate, type MigrationReport } from './migrations';
import { createPool, translateError } from './pool';
import { PgResponseStore } from './responseStore';
import { PgScoringStore } from './scoringStore';
import type pg from 'pg';

export { StoreUnavailableError, isUnavailable } from './pool';
export { MIGRATIONS, migrate } from './migrations';

export interface OpenPostgresOptions {
  url: string;
  now?: () => Date;
  /** Connections of this server's pool. */
  poolSize?: number;
  /** Per-organisation limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<StoreLimits>;
}

export interface PostgresStore extends KoersStores {
  kind: 'postgres';
  pool: pg.Pool;
  migrations: MigrationReport;
  /** Responses committed by this process since it opened. */
  committedResponses(): number;
}

export function isPostgresUrl(value: string | undefined): value is string {
  return !!value && /^postgres(ql)?:\/\//i.test(value);
}

/**
 * Every store method's rejection goes through translateError, so a lost connection anywhere is a
 * StoreUnavailableError (503), whatever method hit it. Async generators are left as they are: their
 * queries already translate.
 */
function translated<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'readResponses') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result instanceof Promise ? result.catch(translateError) : result;
      };
    },
  });
}

/** Reads the pepper, making it once in a fresh database (the first of two racing servers wins). */
async function readSecret(pool: pg.Pool): Promise<string> {
  await pool.query(`INSERT INTO koers_settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await pool.query<{ value: string }>(`SELECT value FROM koers_settings WHERE key = 'secret'`);
  return rows[0]!.value;
}

export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresStore> {
  const pool = createPool({ url: options.url, max: options.poolSize });
  try {
    const migrations = await migrate(pool);
    const secret = await readSecret(pool);
    const ctx = new PgContext(
      pool,
      secret,
      options.now ?? (() => new Date()),
      builtInSurveys(),
      resolveLimits(options.limits),
    );
    const surveys = new PgSurveyStore(ctx);
    const responses = new PgResponseStore(ctx);
    let closing: Promise<void> | undefined;
    return {
      kind: 'postgres',
      pool,
      migrations,
      organisations: translated(new PgOrganisationStore(ctx)),
      surveys: translated(surveys),
      rounds: translated(new PgRoundStore(ctx, surveys)),
      responses: translated(responses),
      levers: translated(new PgLeverStore(ctx)),
      scoring: translated(new PgScoringStore(ctx)),
      committedResponses: () => responses.committed,
      close() {
        ctx.markClosed();
        // pool.end waits for checked-out connections: every transaction in flight finishes first.
        closing ??= pool.end();
        return closing;
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    return translateError(error);
  }
}
