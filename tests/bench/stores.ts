/**
 * The embedded store and the PostgreSQL store side by side, in one run, on the same data:
 * - results: GET /api/rounds/:id/results at 100k stored responses (p50, one request at a time);
 * - ingest: POST /api/responses at 1 and 50 clients (autocannon), 201 only after the commit /
 *   fdatasync; after each run the server is SIGKILLed and the stored count checked.
 * The data is made once: an embedded folder through the store API (as the main bench does), copied
 * into PostgreSQL with `migrate --to` (its multi-row inserts take seconds for 100k), so both stores
 * hold exactly the same responses and the same unused codes.
 *
 * Part of `npm run bench`; alone: `npm run bench:stores` (or BENCH_ONLY=stores npm run bench).
 * Knobs: BENCH_STORES_LEVEL (default 100000), BENCH_REPEATS, BENCH_QUICK=1, KOERS_BENCH_DATABASE_URL
 * (an existing server; otherwise a throwaway PostgreSQL 15 is started, as for the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '../../server/store/index';
import { copyEmbeddedToPostgres } from '../../server/store/postgres/importEmbedded';
import { findPostgresBin, startTestCluster, withDatabase, type TestCluster } from '../support/postgres';
import { submissionBodies } from './lib/bodies';
import { runIngest, type IngestRun } from './lib/ingest';
import { copyDataDir, prepareDataDir, type PreparedFolder } from './lib/prepare';
import { checkResultsCoverage, measureResults, type ResultsLatency } from './lib/resultsLatency';
import { startServer, type ServerProcess } from './lib/serverProcess';
import { median } from './lib/stats';
import { formatTable, ms, num, ratio } from './lib/table';

const quick = process.env.BENCH_QUICK === '1';
const LEVEL = Number(process.env.BENCH_STORES_LEVEL ?? (quick ? 10_000 : 100_000));
const REPEATS = Number(process.env.BENCH_REPEATS ?? (quick ? 1 : 3));
const CLIENTS = [1, 50] as const;
const AMOUNT: Record<(typeof CLIENTS)[number], number> = quick ? { 1: 300, 50: 2000 } : { 1: 1000, 50: 4000 };
const WARM_UP = 200;
/** Results p50 of PostgreSQL at most this many times the embedded store's (issue 14). */
const RESULTS_TARGET = 3;

type Kind = 'embedded' | 'postgres';

export interface StoreFigures {
  level: number;
  prepareMs: number;
  migrateMs: number;
  results: Record<Kind, ResultsLatency[]>;
  ingest: Record<Kind, Record<number, IngestRun[]>>;
}

export interface StoreComparison {
  figures: StoreFigures;
  text: string;
  checks: Array<{ target: string; value: string; met: boolean }>;
}

const log = (text: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function storedCount(url: string, roundId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE round_id = $1', [
      roundId,
    ]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** A copy of the prepared folder with its round closed, for reading final results. */
async function closedCopy(from: string, to: string, prepared: PreparedFolder): Promise<void> {
  copyDataDir(from, to);
  const store = await openStore({ dataDir: to });
  try {
    if (!(await store.rounds.closeRound(prepared.organisationId, prepared.roundId)))
      throw new Error('stores: the prepared round could not be closed');
  } finally {
    await store.close();
  }
}

export async function runStoreComparison(): Promise<StoreComparison> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-bench-stores-'));
  let cluster: TestCluster | undefined;
  try {
    let serverUrl = process.env.KOERS_BENCH_DATABASE_URL;
    if (!serverUrl) {
      const bin = findPostgresBin();
      if (!bin) throw new Error('no PostgreSQL: set KOERS_BENCH_DATABASE_URL or install PostgreSQL 15');
      cluster = await startTestCluster({ bin });
      serverUrl = cluster.url;
    }
    const database = `koers_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // Results are read from a closed copy of the round (advisers read them after closing), ingest goes
    // into the open one.
    const closedDatabase = `${database}_closed`;
    for (const name of [database, closedDatabase]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await admin.end();
    const dbUrl = withDatabase(serverUrl, database);
    const closedDbUrl = withDatabase(serverUrl, closedDatabase);

    const perRun = WARM_UP + 20 + Math.max(...Object.values(AMOUNT)) + 200;
    const spare = perRun * CLIENTS.length * REPEATS + 500;
    const pristine = path.join(scratch, 'pristine');
    log(`stores: preparing ${num(LEVEL)} responses and ${num(spare)} spare codes (embedded folder)`);
    // Released at closing: results are read from a closed copy, where both stores publish the tally of
    // every response (PostgreSQL keeps no interim release history, so an interim round would differ).
    const prepared = await prepareDataDir(pristine, { stored: LEVEL, spareCodes: spare, release: 'atClose' });
    // The embedded store sorts its used-codes log on the first open after writing; migrate opens it
    // the same way, so both measured stores start from the same, settled data.
    const migrateBegan = performance.now();
    const report = await copyEmbeddedToPostgres(pristine, dbUrl);
    const migrateMs = performance.now() - migrateBegan;
    log(`stores: copied into PostgreSQL in ${ms(migrateMs)} (${num(report.responses)} responses)`);
    const closed = path.join(scratch, 'closed');
    await closedCopy(pristine, closed, prepared);
    await copyEmbeddedToPostgres(closed, closedDbUrl);
    for (const url of [dbUrl, closedDbUrl]) {
      const vacuum = new pg.Client({ connectionString: url });
      await vacuum.connect();
      await vacuum.query('VACUUM ANALYZE');
      await vacuum.end();
    }

    const figures: StoreFigures = {
      level: LEVEL,
      prepareMs: prepared.prepareMs,
      migrateMs,
      results: { embedded: [], postgres: [] },
      ingest: { embedded: { 1: [], 50: [] }, postgres: { 1: [], 50: [] } },
    };
    const env = (kind: Kind): Record<string, string> => (kind === 'postgres' ? { KOERS_DATABASE_URL: dbUrl } : {});
    const work = path.join(scratch, 'work');
    let codeOffset = 0;

    for (let r = 0; r < REPEATS; r += 1) {
      for (const kind of ['embedded', 'postgres'] as const) {
        const server = await startServer({
          dataDir: closed,
          env: kind === 'postgres' ? { KOERS_DATABASE_URL: closedDbUrl } : {},
        });
        try {
          const results = await measureResults(
            server.url,
            prepared.apiKey,
            `/api/rounds/${prepared.roundId}/results`,
            200,
            30,
            () => server.requestStats(),
          );
          checkResultsCoverage(kind, results.responseCount, LEVEL);
          figures.results[kind].push(results);
          log(`stores: ${kind} results p50 ${ms(results.p50Ms)} (in server ${ms(results.serverP50Ms ?? NaN)})`);
        } finally {
          await server.stop();
        }
      }
    }

    for (let r = 0; r < REPEATS; r += 1) {
      for (const clients of CLIENTS) {
        // Fresh codes for each pair of runs; the embedded run gets a fresh copy of the folder, the
        // PostgreSQL run the same database (its earlier runs' responses stay, a few thousand more).
        const codes = prepared.spareCodes.slice(codeOffset, codeOffset + perRun);
        codeOffset += perRun;
        const bodies = submissionBodies(codes, 1000 + codeOffset);
        for (const kind of ['embedded', 'postgres'] as const) {
          let dataDir = pristine;
          if (kind === 'embedded') {
            copyDataDir(pristine, work);
            dataDir = work;
          }
          const before = kind === 'postgres' ? await storedCount(dbUrl, prepared.roundId) : LEVEL;
          const server: ServerProcess = await startServer({ dataDir, env: env(kind) });
          let acknowledged = 0;
          let run: IngestRun;
          try {
            const warm = await runIngest(server.url, bodies.slice(0, WARM_UP + 20), 10, WARM_UP);
            await server.requestStats();
            run = await runIngest(server.url, bodies.slice(WARM_UP + 20), clients, AMOUNT[clients], server.cpuMs);
            const inServer = await server.requestStats();
            run.serverP50Ms = inServer.requests.p50;
            run.serverP99Ms = inServer.requests.p99;
            acknowledged = warm.created + run.created;
          } finally {
            await server.kill();
          }
          if (kind === 'postgres') {
            const after = await storedCount(dbUrl, prepared.roundId);
            if (after !== before + acknowledged)
              throw new Error(`postgres: ${after} stored after SIGKILL, expected ${before} + ${acknowledged}`);
          } else {
            fs.rmSync(work, { recursive: true, force: true });
          }
          figures.ingest[kind][clients]!.push(run);
          log(
            `stores: ${kind} ingest ${clients} client(s), run ${r + 1}: ${num(run.perSecond)}/s, p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)}, ${acknowledged} acknowledged, all stored`,
          );
        }
      }
    }
    return { figures, ...storeReport(figures) };
  } finally {
    cluster?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function storeReport(figures: StoreFigures): Pick<StoreComparison, 'text' | 'checks'> {
  const lines: string[] = [];
  const out = (s = ''): void => void lines.push(s);
  const kinds = ['embedded', 'postgres'] as const;
  out(`Stores side by side: embedded (files) and PostgreSQL 15, ${num(figures.level)} stored responses, same data.`);
  out(
    `   PostgreSQL data made by \`migrate --to\` from the embedded folder in ${ms(figures.migrateMs)}; medians of ${REPEATS} runs.`,
  );
  out(
    formatTable(
      ['store', 'results p50', 'results p99', 'in server p50', 'body'],
      kinds.map((kind) => {
        const runs = figures.results[kind];
        return [
          kind,
          ms(median(runs.map((r) => r.p50Ms))),
          ms(median(runs.map((r) => r.p99Ms))),
          ms(median(runs.map((r) => r.serverP50Ms ?? Number.NaN))),
          `${(median(runs.map((r) => r.bodyBytes)) / 1000).toFixed(1)} kB`,
        ];
      }),
    ),
  );
  out();
  out(
    formatTable(
      ['store', 'clients', 'submissions /s', 'p50', 'p99', 'in server p50', 'server CPU/req', 'non-2xx + errors'],
      kinds.flatMap((kind) =>
        CLIENTS.map((clients) => {
          const runs = figures.ingest[kind][clients]!;
          return [
            kind,
            String(clients),
            num(median(runs.map((r) => r.perSecond))),
            ms(median(runs.map((r) => r.p50Ms))),
            ms(median(runs.map((r) => r.p99Ms))),
            ms(median(runs.map((r) => r.serverP50Ms ?? Number.NaN))),
            ms(median(runs.map((r) => r.serverCpuMsPerRequest))),
            String(runs.reduce((sum, r) => sum + (r.requests - r.created) + r.errors, 0)),
          ];
        }),
      ),
    ),
  );
  const embedded = median(figures.results.embedded.map((r) => r.p50Ms));
  const postgres = median(figures.results.postgres.map((r) => r.p50Ms));
  const checks = [
    {
      target: `results p50 at ${num(figures.level)}: PostgreSQL ≤ ${RESULTS_TARGET}× embedded`,
      value: `${ms(postgres)} vs ${ms(embedded)} = ${ratio(postgres / embedded)}`,
      met: postgres <= RESULTS_TARGET * embedded,
    },
    ...kinds.flatMap((kind) =>
      CLIENTS.map((clients) => {
        const failures = figures.ingest[kind][clients]!.reduce((s, r) => s + (r.requests - r.created) + r.errors, 0);
        return {
          target: `${kind} ingest, ${clients} client(s): every request 201`,
          value: `${failures} failures`,
          met: failures === 0,
        };
      }),
    ),
  ];
  out();
  out(
    formatTable(
      ['target', 'measured', 'met'],
      checks.map((c) => [c.target, c.value, c.met ? 'yes' : 'NO']),
    ),
  );
  return { text: lines.join('\n'), checks };
}

/** Run alone: `npm run bench:stores`. */
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  runStoreComparison().then(
    ({ text }) => {
      console.log('\n' + text);
      process.exit(0);
    },
    (error: unknown) => {
      console.error((error as Error).stack ?? error);
      process.exit(1);
    },
  );
}
