/**
 * A throwaway PostgreSQL 15 for tests, the bench and CI: a new cluster in a temp folder, on a free
 * loopback port, owned by an unprivileged user (PostgreSQL refuses to run as root; when we are root,
 * the user `koerspg` is created if missing). Stopped and removed by `stop()`.
 *
 * Where the tests find a database, in this order:
 * 1. KOERS_TEST_DATABASE_URL: an existing server (CI starts one with scripts/pg-test-cluster.sh);
 * 2. the PostgreSQL binaries (PG_BIN, else /usr/lib/postgresql/15/bin, else `pg_config --bindir`):
 *    Jest's global setup starts a cluster for the run;
 * 3. neither: the PostgreSQL tests are skipped with a message, except under CI=true, where that is a
 *    failure.
 * Every test file then gets its own database (`createTestDatabase`), so files can run in parallel.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const TEST_URL_VARIABLE = 'KOERS_TEST_DATABASE_URL';
const SYSTEM_USER = 'koerspg';
const SUPERUSER = 'koers';

export interface TestCluster {
  url: string;
  port: number;
  dir: string;
  /** pg_ctl restart-style helpers for the robustness tests. */
  stopServer(mode?: 'fast' | 'immediate'): void;
  startServer(): void;
  /** Stops the server and removes its folder. */
  stop(): void;
}

/** The folder with initdb, pg_ctl and postgres, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    // no pg_config on the PATH
  }
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'pg_ctl')));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function ensureSystemUser(): void {
  if (spawnSync('id', ['-u', SYSTEM_USER], { stdio: 'ignore' }).status === 0) return;
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', SYSTEM_USER], {
    encoding: 'utf8',
  });
  // Two processes may race to create it; only "still missing" is a failure.
  if (made.status !== 0 && spawnSync('id', ['-u', SYSTEM_USER], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`could not create the user ${SYSTEM_USER} for PostgreSQL: ${made.stderr}`);
  }
}

/** Runs a PostgreSQL binary, as the unprivileged user when we are root. */
function runPg(bin: string, tool: string, args: string[]): void {
  const command = path.join(bin, tool);
  const result = isRoot()
    ? spawnSync('su', [SYSTEM_USER, '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')], {
        encoding: 'utf8',
      })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * initdb + pg_ctl start in a new temp folder. Settings: trust on loopback only (a throwaway cluster),
 * fsync on (the bench compares durable stores), enough connections for two servers' pools plus tests.
 */
export async function startTestCluster(options: { bin?: string; port?: number } = {}): Promise<TestCluster> {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (set PG_BIN or install postgresql-15)');
  if (isRoot()) ensureSystemUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-pg-'));
  fs.chmodSync(dir, 0o755);
  if (isRoot()) execFileSync('chown', [SYSTEM_USER, dir]);
  const dataDir = path.join(dir, 'data');
  const port = options.port ?? (await freePort());
  runPg(bin, 'initdb', ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
  const logFile = path.join(dir, 'postgres.log');
  const startServer = (): void => runPg(bin, 'pg_ctl', ['-D', dataDir, '-o', settings, '-l', logFile, '-w', 'start']);
  const stopServer = (mode: 'fast' | 'immediate' = 'fast'): void =>
    runPg(bin, 'pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  startServer();
  let stopped = false;
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    startServer,
    stopServer,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        stopServer('fast');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The server the tests use, or undefined (the caller decides between skipping and failing). */
export function testServerUrl(): string | undefined {
  return process.env[TEST_URL_VARIABLE] || undefined;
}

export function underCi(): boolean {
  return /^(1|true|yes)$/i.test(process.env.CI ?? '');
}

/** Why PostgreSQL tests do not run here, printed once per file that skips them. */
export const SKIP_MESSAGE =
  'PostgreSQL tests skipped: no PostgreSQL found (set KOERS_TEST_DATABASE_URL, PG_BIN, or install PostgreSQL 15). Under CI=true this is a failure.';

/**
 * `describe` for PostgreSQL suites: runs them when a test server is known, skips them with a message
 * when not, and fails under CI.
 */
export function describePostgres(name: string, body: () => void): void {
  if (testServerUrl()) {
    describe(name, body);
    return;
  }
  if (underCi()) {
    describe(name, () => {
      test('PostgreSQL is available under CI', () => {
        throw new Error(`CI=true but no PostgreSQL: ${TEST_URL_VARIABLE} is not set and no binaries were found`);
      });
    });
    return;
  }
  console.warn(`${name}: ${SKIP_MESSAGE}`);
  describe.skip(name, body);
}

/** A server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh empty database on the test server; `drop()` removes it (terminating leftover sessions). */
export async function createTestDatabase(label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const server = testServerUrl();
  if (!server) throw new Error(`${TEST_URL_VARIABLE} is not set`);
  const name = `koers_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    // Identifiers cannot be parameters; the name is built from [a-z0-9_] above.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(server, name),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
