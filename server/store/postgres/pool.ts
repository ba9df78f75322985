/**
 * The connection pool of the PostgreSQL store, and what counts as "the database is not reachable".
 *
 * pg.Pool replaces broken connections by itself: when PostgreSQL restarts, queries on the old
 * connections fail, those connections are discarded, and later checkouts open new ones, so the server
 * recovers without a restart. Until PostgreSQL is back, every store call fails fast with a
 * StoreUnavailableError, which the HTTP layer answers with 503 (never a 2xx: a submission is only
 * acknowledged after its transaction committed).
 */
import pg from 'pg';
import { StoreUnavailableError } from '../contract/errors';

export { StoreUnavailableError };

/** Node socket errors and PostgreSQL SQLSTATEs that mean "not reachable now", not "bad request". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout)
]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (error as Error)?.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable/i.test(
    message,
  );
}

/** Rethrows connection trouble as StoreUnavailableError; everything else unchanged. */
export function translateError(error: unknown): never {
  if (error instanceof StoreUnavailableError) throw error;
  if (isUnavailable(error)) throw new StoreUnavailableError(error);
  throw error;
}

const INT8 = 20;
const INT8_ARRAY = 1016;

/** bigint columns and arrays as JS numbers: every count and sum here stays far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === INT8_ARRAY) {
      const parseArray = pg.types.getTypeParser(INT8_ARRAY as never, 'text') as (value: string) => Array<string | null>;
      return (value: string) => parseArray(value).map((item) => (item === null ? 0 : Number(item)));
    }
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  },
};

export interface PoolOptions {
  url: string;
  /** Connections per server; two servers with the default need 40 of PostgreSQL's 100. */
  max?: number;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 20,
    // When PostgreSQL is down, fail a request within seconds instead of queueing it forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement that hangs (a lock held by a stuck session) ends as a 503, not a hung request.
    statement_timeout: 15_000,
    application_name: 'koers',
    keepAlive: true,
    types,
  });
  // An idle connection dropped by a PostgreSQL restart emits 'error' on the pool; without a handler
  // that would end the process. The pool discards the connection; nothing else to do.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    translateError(error);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    if (isUnavailable(error)) broken = true;
    return translateError(error);
  } finally {
    client.release(broken);
  }
}

/** What runs a statement: the pool (autocommit) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** One statement outside an explicit transaction (autocommit). */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    return translateError(error);
  }
}
