/**
 * `npm run bench`: every benchmark figure of the issue in one run, against real server processes on
 * loopback. Prints tables (medians of repeats), ratios taken in this same run, and the targets; also
 * writes the figures to the temp folder (koers-bench-last.json / .txt) for BENCHMARKS.md.
 *
 * The levels (1k, 10k, 100k stored responses) are measured interleaved, repeat by repeat, so that
 * noise from other work on the machine lands on all of them alike and the ratios stay fair.
 *
 * Knobs (environment): BENCH_LEVELS=1000,10000,100000  BENCH_REPEATS=3  BENCH_QUICK=1 (smoke run).
 * Sections: `npm run bench -- --only=start,transfer` runs only the `npm start` and transfer-size
 * section (startAndTransfer.ts, about a minute); without --only everything runs, that section last.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../server/store/index';
import { measureExcelPull, type ExcelPullFigures } from './excelPull';
import { measureStartAndTransfer, reportStartAndTransfer } from './startAndTransfer';
import { submissionBodies } from './lib/bodies';
import { runIngest, type IngestRun } from './lib/ingest';
import { measureNaive, type NaiveResult } from './lib/naive';
import { runClosedLoop } from './lib/closedLoop';
import { runOpenLoop } from './lib/openLoop';
import { copyDataDir, folderBytes, prepareDataDir, type PreparedFolder } from './lib/prepare';
import { checkResultsCoverage, measureResults, type ResultsLatency } from './lib/resultsLatency';
import { startServer } from './lib/serverProcess';
import { runStoreComparison } from './stores';
import { median } from './lib/stats';
import { formatTable, mb, ms, num, ratio } from './lib/table';

const quick = process.env.BENCH_QUICK === '1';
const LEVELS = (process.env.BENCH_LEVELS ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? (quick ? 1 : 3));
const STARTS = quick ? 1 : 3;
const CONNECTIONS = [1, 50, 200] as const;
type Connections = (typeof CONNECTIONS)[number];
/** Requests per measured run: enough for a steady state, few enough to keep the run short. */
const AMOUNT: Record<Connections, number> = quick ? { 1: 300, 50: 2000, 200: 3000 } : { 1: 1500, 50: 6000, 200: 8000 };
const WARM_UP = 200;
/** Naive lowdb submissions per level: each rewrites the whole file, so few at 100k. */
const NAIVE_SUBMISSIONS: Record<number, number> = { 1000: 30, 10000: 10, 100000: 3 };
const EXCEL_ROWS = quick ? [1000, 10000] : [1000, 10000, 100000];
/**
 * Open-loop rate: 200 clients each sending about once a second. Far above a real survey (200 people
 * filling in a form of 36 statements submit a few times a minute), but below saturation, so the
 * figure shows the latency of a server that is busy without being overrun.
 */
const OPEN_LOOP_RATE = 200;

interface InProcessBuild {
  buildMs: number;
  stringifyMs: number;
  bytes: number;
}

interface LevelFigures {
  stored: number;
  prepareMs: number;
  folderBytes: number;
  startupMs: number[];
  modulesLoadedMs: number[];
  openStoreMs: number[];
  inProcessOpenMs: number[];
  rssAfterStartBytes: number[];
  rssAfterResultsBytes: number[];
  rssAfterIngestBytes: number[];
  results: ResultsLatency[];
  /** GET /api/rounds/:id/comments: grows with the comments, by design (not a target). */
  comments: ResultsLatency[];
  /** await store.responses.results() and await store.responses.comments() in-process, without HTTP. */
  inProcess: { results: InProcessBuild; comments: InProcessBuild & { count: number } };
  ingest: Record<Connections, IngestRun[]>;
  /** 200 connected clients sending at random moments, OPEN_LOOP_RATE per second in total. */
  openLoop: IngestRun[];
  /** 200 clients closed loop again, with Node's http client instead of autocannon. */
  nodeClient: IngestRun[];
  naive?: NaiveResult;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-bench-'));
const log = (text: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

interface Level {
  figures: LevelFigures;
  prepared: PreparedFolder;
  pristine: string;
  work: string;
  bodies: string[];
}

async function prepareLevel(stored: number): Promise<Level> {
  const pristine = path.join(scratch, `pristine-${stored}`);
  const spare = WARM_UP + 20 + Math.max(...Object.values(AMOUNT)) + 500;
  log(`level ${num(stored)}: preparing ${num(stored)} responses and ${num(spare)} spare codes`);
  const prepared = await prepareDataDir(pristine, { stored, spareCodes: spare });

  // Opened in-process first: the first open after writing sorts the used-codes log once (as any
  // restart does), so every later start reads the same files. Also gives the load time without
  // process start-up, and the cost of building results with and without comments.
  const inProcessOpenMs: number[] = [];
  let inProcess: LevelFigures['inProcess'] | undefined;
  for (let i = 0; i < 2; i += 1) {
    const began = performance.now();
    const store = await openStore({ dataDir: pristine });
    inProcessOpenMs.push(performance.now() - began);
    try {
      if ((await store.responses.responseCount(prepared.roundId)) !== stored)
        throw new Error('prepared folder does not load completely');
      const round = (await store.rounds.getRound(prepared.organisationId, prepared.roundId))!;
      inProcess = {
        results: timeBuild(() => store.responses.buildResults(round)),
        comments: {
          ...timeBuild(() => store.responses.buildComments(round)),
          count: store.responses.buildComments(round).length,
        },
      };
    } finally {
      await store.close();
    }
  }
  const figures: LevelFigures = {
    stored,
    prepareMs: prepared.prepareMs,
    folderBytes: folderBytes(pristine),
    startupMs: [],
    modulesLoadedMs: [],
    openStoreMs: [],
    inProcessOpenMs: inProcessOpenMs.slice(1),
    rssAfterStartBytes: [],
    rssAfterResultsBytes: [],
    rssAfterIngestBytes: [],
    results: [],
    comments: [],
    inProcess: inProcess!,
    ingest: { 1: [], 50: [], 200: [] },
    openLoop: [],
    nodeClient: [],
  };
  return {
    figures,
    prepared,
    pristine,
    work: path.join(scratch, `work-${stored}`),
    bodies: submissionBodies(prepared.spareCodes),
  };
}

function timeBuild(build: () => unknown): InProcessBuild {
  const builds: number[] = [];
  const stringifies: number[] = [];
  let bytes = 0;
  for (let k = 0; k < 60; k += 1) {
    const t0 = performance.now();
    const built = build();
    const t1 = performance.now();
    const text = JSON.stringify(built);
    const t2 = performance.now();
    if (k >= 10) {
      builds.push(t1 - t0);
      stringifies.push(t2 - t1);
    }
    bytes = Buffer.byteLength(text);
  }
  return { buildMs: median(builds), stringifyMs: median(stringifies), bytes };
}

/** Start-up time and memory of a fresh server on the folder, then results latency on it. */
async function measureStart(level: Level): Promise<void> {
  const { figures, prepared, pristine } = level;
  const server = await startServer({ dataDir: pristine });
  try {
    figures.startupMs.push(server.startupMs);
    figures.modulesLoadedMs.push(server.modulesLoadedMs ?? Number.NaN);
    figures.openStoreMs.push(server.openStoreMs ?? Number.NaN);
    figures.rssAfterStartBytes.push(server.rssBytes());
    const stats = (): ReturnType<typeof server.requestStats> => server.requestStats();
    const results = await measureResults(
      server.url,
      prepared.apiKey,
      `/api/rounds/${prepared.roundId}/results`,
      200,
      30,
      stats,
    );
    checkResultsCoverage(`level ${figures.stored}`, results.responseCount, figures.stored);
    figures.results.push(results);
    figures.comments.push(
      await measureResults(server.url, prepared.apiKey, `/api/rounds/${prepared.roundId}/comments`, 50, 10, stats),
    );
    figures.rssAfterResultsBytes.push(server.rssBytes());
  } finally {
    await server.stop();
  }
  log(
    `level ${num(figures.stored)}: started in ${ms(server.startupMs)} (openStore ${ms(server.openStoreMs ?? Number.NaN)}), results p50 ${ms(figures.results.at(-1)!.p50Ms)}`,
  );
}

/**
 * One measured ingest run on a fresh copy of the folder: warm-up, the run, then SIGKILL (not a clean
 * stop: whatever got a 2xx must already be on disk) and a count of what is on disk afterwards.
 */
type Load = { kind: 'autocannon' } | { kind: 'open loop'; rate: number } | { kind: 'node client' };

async function measureIngest(
  level: Level,
  label: string,
  connections: Connections,
  load: Load = { kind: 'autocannon' },
): Promise<IngestRun> {
  const { figures, prepared, pristine, work, bodies } = level;
  copyDataDir(pristine, work);
  const server = await startServer({ dataDir: work });
  let acknowledged = 0;
  let run: IngestRun;
  try {
    const warm = await runIngest(server.url, bodies.slice(0, WARM_UP + 20), 10, WARM_UP);
    const measured = bodies.slice(WARM_UP + 20);
    await server.requestStats();
    run =
      load.kind === 'open loop'
        ? await runOpenLoop(server.url, measured, connections, load.rate, openLoopAmount(load.rate), server.cpuMs)
        : load.kind === 'node client'
          ? await runClosedLoop(server.url, measured, connections, AMOUNT[connections], server.cpuMs)
          : await runIngest(server.url, measured, connections, AMOUNT[connections], server.cpuMs);
    const inServer = await server.requestStats();
    run.serverP50Ms = inServer.requests.p50;
    run.serverP99Ms = inServer.requests.p99;
    acknowledged = warm.created + run.created;
    if (connections === 200 && load.kind === 'autocannon') figures.rssAfterIngestBytes.push(server.rssBytes());
  } finally {
    await server.kill();
  }
  const check = await openStore({ dataDir: work });
  const onDisk = await check.responses.responseCount(prepared.roundId);
  await check.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (onDisk !== figures.stored + acknowledged) {
    throw new Error(
      `after SIGKILL ${onDisk} responses on disk, but ${figures.stored} stored + ${acknowledged} acknowledged`,
    );
  }
  log(
    `level ${num(figures.stored)}, ${label}: ${num(run.perSecond)}/s, p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)} ` +
      `(after 1st s ${ms(run.p99AfterFirstSecondMs)}; in the server p50 ${ms(run.serverP50Ms ?? Number.NaN)}, p99 ${ms(run.serverP99Ms ?? Number.NaN)}), server CPU ${ms(run.serverCpuMsPerRequest)}/req; ${acknowledged} acknowledged, all on disk` +
      (run.created !== run.requests || run.errors > 0
        ? `  (!) ${JSON.stringify({ other: run.otherStatus, errors: run.errors })}`
        : ''),
  );
  return run;
}

function openLoopAmount(rate: number): number {
  return Math.min(AMOUNT[200], Math.round(rate * (quick ? 3 : 6)));
}

/** `--only=start,transfer`: just the sections named (only that one exists as a separate section). */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);

async function startAndTransferSection(): Promise<string> {
  const figures = await measureStartAndTransfer(log, quick ? 2 : 3);
  const { text, checks } = reportStartAndTransfer(figures);
  fs.writeFileSync(path.join(os.tmpdir(), 'koers-bench-start.json'), JSON.stringify({ figures, checks }, null, 2));
  return text;
}

async function main(): Promise<void> {
  // BENCH_ONLY=stores: only the embedded vs PostgreSQL comparison (tests/bench/stores.ts).
  if (process.env.BENCH_ONLY === 'stores') {
    console.log('\n' + (await runStoreComparison()).text);
    return;
  }
  if (only) {
    const unknown = only.filter((name) => name !== 'start' && name !== 'transfer');
    if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}: use --only=start,transfer`);
    console.log('\n' + (await startAndTransferSection()));
    return;
  }
  const machine = machineInfo();
  const began = performance.now();
  const levels: Level[] = [];
  const openLoopRate = OPEN_LOOP_RATE;
  try {
    for (const stored of LEVELS) levels.push(await prepareLevel(stored));

    for (let r = 0; r < STARTS; r += 1) for (const level of levels) await measureStart(level);

    // Each kind of load REPEATS times over all levels, interleaved (see the top of this file).
    const interleaved = async (
      runsOf: (figures: LevelFigures) => IngestRun[],
      label: string,
      connections: Connections,
      load?: Load,
    ): Promise<void> => {
      for (let r = 0; r < REPEATS; r += 1) {
        for (const level of levels) {
          runsOf(level.figures).push(await measureIngest(level, `${label}, run ${r + 1}`, connections, load));
        }
      }
    };
    // The closed loop: in each repeat every client count over all levels (1, 50, 200 clients in run 1, then run 2, …).
    for (let r = 0; r < REPEATS; r += 1) {
      for (const connections of CONNECTIONS) {
        for (const level of levels) {
          level.figures.ingest[connections].push(
            await measureIngest(level, `${connections} clients, run ${r + 1}`, connections),
          );
        }
      }
    }
    await interleaved((f) => f.openLoop, `200 clients, open loop at ${openLoopRate}/s`, 200, {
      kind: 'open loop',
      rate: openLoopRate,
    });
    await interleaved((f) => f.nodeClient, '200 clients, Node http client', 200, { kind: 'node client' });

    for (const level of levels) {
      const submissions = NAIVE_SUBMISSIONS[level.figures.stored] ?? 5;
      log(`level ${num(level.figures.stored)}: naive lowdb baseline (${submissions} submissions)`);
      level.figures.naive = await measureNaive(path.join(scratch, 'naive'), level.figures.stored, submissions);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`Excel pull (${EXCEL_ROWS.map((n) => num(n)).join(', ')} rows)`);
  const excel = await measureExcelPull(EXCEL_ROWS);
  log('Stores side by side: embedded and PostgreSQL');
  const stores = await runStoreComparison();
  machine.loadAtEnd = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const figures = levels.map((l) => l.figures);
  const { text: mainText, checks } = report(figures, openLoopRate, excel, machine);
  const text = `${mainText}\n\n${stores.text}`;
  checks.push(...stores.checks);
  console.log('\n' + text);
  console.log('\n' + (await startAndTransferSection()));
  console.log(`\nTotal bench time ${Math.round((performance.now() - began) / 1000)} s`);
  const outFile = path.join(os.tmpdir(), 'koers-bench-last.json');
  fs.writeFileSync(
    outFile,
    JSON.stringify({ machine, openLoopRate, levels: figures, excel, stores: stores.figures, checks }, null, 2),
  );
  fs.writeFileSync(path.join(os.tmpdir(), 'koers-bench-last.txt'), text + '\n');
  console.log(`Figures also written to ${outFile} and koers-bench-last.txt`);
}

/** The latency and failure columns that every ingest table shows, after its throughput column. */
const LATENCY_COLUMNS = ['p50', 'p99', 'p99 after 1st s', 'in server p50', 'in server p99', 'non-2xx + errors'];

function latencyCells(m: Summary): string[] {
  return [ms(m.p50Ms), ms(m.p99Ms), ms(m.p99LateMs), ms(m.serverP50Ms), ms(m.serverP99Ms), String(m.failures)];
}

interface Summary {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  p99LateMs: number;
  serverP50Ms: number;
  serverP99Ms: number;
  failures: number;
  serverCpu: number;
  clientCpu: number;
}

function summarise(runs: IngestRun[]): Summary {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    p99LateMs: median(runs.map((r) => r.p99AfterFirstSecondMs)),
    serverP50Ms: median(runs.map((r) => r.serverP50Ms ?? Number.NaN)),
    serverP99Ms: median(runs.map((r) => r.serverP99Ms ?? Number.NaN)),
    failures: runs.reduce((sum, r) => sum + (r.requests - r.created) + r.errors, 0),
    serverCpu: median(runs.map((r) => r.serverCpuMsPerRequest)),
    clientCpu: median(runs.map((r) => r.clientCpuMsPerRequest)),
  };
}

interface Check {
  target: string;
  value: string;
  met: boolean;
}

function report(
  levels: LevelFigures[],
  openLoopRate: number,
  excel: ExcelPullFigures,
  machine: Record<string, string>,
): { text: string; checks: Check[] } {
  const lines: string[] = [];
  const out = (s = ''): void => void lines.push(s);
  const first = levels[0]!;
  const last = levels[levels.length - 1]!;
  const naiveRate = (l: LevelFigures): number => l.naive?.perSecond ?? Number.NaN;

  out(`Koers benchmarks — ${machine.date}`);
  out(
    `Machine: ${machine.cpus}; ${machine.memory}; ${machine.node}; load average ${machine.load} at start, ${machine.loadAtEnd} at end`,
  );
  out(`Medians of ${REPEATS} runs per ingest figure and ${STARTS} starts per level; levels measured interleaved.`);
  out();
  out('1. Ingest: POST /api/responses (SHRM, 36 statements), 201 only after fdatasync; autocannon on loopback;');
  out(
    `   ${AMOUNT[1]} / ${AMOUNT[50]} / ${AMOUNT[200]} requests per run after a ${WARM_UP}-request warm-up; server SIGKILLed after each run`,
  );
  out(
    '   and the folder reloaded: every 2xx was on disk. "In server" = from Node\'s request event to the last byte sent.',
  );
  out(
    formatTable(
      [
        'stored',
        'clients',
        'Koers /s',
        ...LATENCY_COLUMNS,
        'naive /s',
        'Koers ÷ naive',
        'server CPU/req',
        'autocannon CPU/req',
      ],
      levels.flatMap((l) =>
        CONNECTIONS.map((c) => {
          const m = summarise(l.ingest[c]);
          return [
            num(l.stored),
            String(c),
            num(m.perSecond),
            ...latencyCells(m),
            num(naiveRate(l), 2),
            ratio(m.perSecond / naiveRate(l)),
            ms(m.serverCpu),
            ms(m.clientCpu),
          ];
        }),
      ),
    ),
  );
  out();
  out(
    `   Open loop: 200 connected clients sending at random (Poisson) moments, ${num(openLoopRate)}/s in total (each client`,
  );
  out('   about once a second: busy, not overrun); latency counted from when each request was due.');
  out(
    formatTable(
      ['stored', 'offered /s', 'achieved /s', ...LATENCY_COLUMNS, 'server CPU/req'],
      levels.map((l) => {
        const m = summarise(l.openLoop);
        return [num(l.stored), num(openLoopRate), num(m.perSecond), ...latencyCells(m), ms(m.serverCpu)];
      }),
    ),
  );
  out();
  out("   The 200-client closed loop again with Node's own http client (a second opinion on autocannon's tails):");
  out(
    formatTable(
      ['stored', 'Koers /s', ...LATENCY_COLUMNS, 'server CPU/req', 'client CPU/req'],
      levels.map((l) => {
        const m = summarise(l.nodeClient);
        return [num(l.stored), num(m.perSecond), ...latencyCells(m), ms(m.serverCpu), ms(m.clientCpu)];
      }),
    ),
  );
  out();
  out(
    '   Naive baseline: lowdb JSONFile (pretty-printed, as lowdb writes it) holding all responses, one await db.write()',
  );
  out('   per submission, sequential, in-process.');
  out(
    formatTable(
      ['stored', 'file size', 'submissions', 'per second', 'median write'],
      levels.map((l) => [
        num(l.stored),
        mb(l.naive?.fileBytes ?? Number.NaN),
        String(l.naive?.submissions ?? 0),
        num(naiveRate(l), 2),
        ms(l.naive?.medianMs ?? Number.NaN),
      ]),
    ),
  );
  out();
  out(`   Throughput at ${num(last.stored)} ÷ throughput at ${num(first.stored)} stored (same run):`);
  out(
    formatTable(
      ['clients', `at ${num(first.stored)}`, `at ${num(last.stored)}`, 'ratio'],
      CONNECTIONS.map((c) => {
        const a = summarise(first.ingest[c]).perSecond;
        const b = summarise(last.ingest[c]).perSecond;
        return [String(c), num(a), num(b), ratio(b / a)];
      }),
    ),
  );
  out();
  out(
    '2. Results: GET /api/rounds/:id/results over HTTP, one request at a time after a warm-up (200 timed per start).',
  );
  out('   One in ten responses has a comment; comments are served apart, by GET /api/rounds/:id/comments (50 timed).');
  out(
    formatTable(
      [
        'stored',
        'results p50',
        'p99',
        'p50 ÷ p50 at first level',
        'in server p50',
        'in server p99',
        'body',
        'comments p50',
        'comments body',
        'comments',
      ],
      levels.map((l) => {
        const p50 = median(l.results.map((r) => r.p50Ms));
        return [
          num(l.stored),
          ms(p50),
          ms(median(l.results.map((r) => r.p99Ms))),
          ratio(p50 / median(first.results.map((r) => r.p50Ms))),
          ms(median(l.results.map((r) => r.serverP50Ms ?? Number.NaN))),
          ms(median(l.results.map((r) => r.serverP99Ms ?? Number.NaN))),
          mb(l.results[0]!.bodyBytes),
          ms(median(l.comments.map((r) => r.p50Ms))),
          mb(l.comments[0]!.bodyBytes),
          num(l.inProcess.comments.count),
        ];
      }),
    ),
  );
  out('   The same, built in-process (no HTTP):');
  out(
    formatTable(
      [
        'stored',
        'await store.responses.results()',
        'JSON.stringify',
        'bytes',
        'await store.responses.comments()',
        'JSON.stringify',
        'bytes',
      ],
      levels.map((l) => {
        const a = l.inProcess.results;
        const b = l.inProcess.comments;
        return [
          num(l.stored),
          ms(a.buildMs),
          ms(a.stringifyMs),
          mb(a.bytes),
          ms(b.buildMs),
          ms(b.stringifyMs),
          mb(b.bytes),
        ];
      }),
    ),
  );
  out();
  out('3. Start-up and memory: spawn of the server process until it listens; RSS from /proc; plain JSON files');
  out('   (koers.json through lowdb, responses as JSON lines).');
  out(
    formatTable(
      [
        'stored',
        'data folder',
        'spawn → listening',
        'of which node + tsx + imports',
        'openStore in the server',
        'openStore in-process',
        'RSS after start',
        'after results',
        'after ingest (200 clients)',
      ],
      levels.map((l) => [
        num(l.stored),
        mb(l.folderBytes),
        ms(median(l.startupMs)),
        ms(median(l.modulesLoadedMs)),
        ms(median(l.openStoreMs)),
        ms(median(l.inProcessOpenMs)),
        mb(median(l.rssAfterStartBytes)),
        mb(median(l.rssAfterResultsBytes)),
        mb(median(l.rssAfterIngestBytes)),
      ]),
    ),
  );
  out();
  out(`4. Excel pull: ${excel.method}`);
  out(
    formatTable(
      [
        'rows',
        'columns',
        'cells',
        'syncs (responses sheet)',
        'value blocks',
        '⌈cells ÷ 100k⌉',
        'syncs − blocks',
        'largest request',
        'most cells in one request',
        'syncs, whole pull',
        'time in the mock',
      ],
      excel.rows.map((r) => [
        num(r.rows),
        String(r.columns),
        num(r.cells),
        String(r.syncs),
        String(r.chunks),
        String(r.expectedChunks),
        String(r.syncs - r.chunks),
        mb(r.largestRequestBytes),
        num(r.largestRequestCells),
        String(r.totalSyncs),
        ms(r.ms),
      ]),
    ),
  );
  out();

  const checks: Check[] = [];
  const at100k = levels.find((l) => l.stored === 100_000);
  if (at100k) {
    for (const c of CONNECTIONS) {
      const k = summarise(at100k.ingest[c]).perSecond;
      checks.push({
        target: `ingest at 100k, ${c} client(s): ≥ 100× naive`,
        value: ratio(k / naiveRate(at100k)),
        met: k >= 100 * naiveRate(at100k),
      });
    }
    for (const c of CONNECTIONS) {
      const r = summarise(at100k.ingest[c]).perSecond / summarise(first.ingest[c]).perSecond;
      checks.push({
        target: `ingest at 100k ≥ 0.8× at ${num(first.stored)}, ${c} client(s)`,
        value: ratio(r),
        met: r >= 0.8,
      });
    }
    const p50 = median(at100k.results.map((r) => r.p50Ms));
    checks.push({ target: 'results p50 < 5 ms at 100k', value: ms(p50), met: p50 < 5 });
    const growth = p50 / median(first.results.map((r) => r.p50Ms));
    checks.push({
      target: `results cost flat (p50 at 100k ÷ at ${num(first.stored)} ≤ 1.5)`,
      value: ratio(growth),
      met: growth <= 1.5,
    });
    checks.push({
      target: 'start-up < 3 s at 100k (spawn → listening)',
      value: ms(median(at100k.startupMs)),
      met: median(at100k.startupMs) < 3000,
    });
    checks.push({
      target: 'RSS < 300 MB at 100k (after start)',
      value: mb(median(at100k.rssAfterStartBytes)),
      met: median(at100k.rssAfterStartBytes) < 300 * 1024 * 1024,
    });
  }
  for (const level of levels) {
    const loads: Array<[string, IngestRun[]]> = [
      ['closed loop', level.ingest[200]],
      ['closed loop (Node client)', level.nodeClient],
      [`open loop ${num(openLoopRate)}/s`, level.openLoop],
    ];
    for (const [load, runs] of loads) {
      const { p99Ms } = summarise(runs);
      checks.push({
        target: `p99 < 50 ms, 200 clients ${load}, ${num(level.stored)} stored`,
        value: ms(p99Ms),
        met: p99Ms < 50,
      });
    }
  }
  const allRuns = levels.flatMap((l) => [...CONNECTIONS.flatMap((c) => l.ingest[c]), ...l.openLoop, ...l.nodeClient]);
  checks.push({
    target: 'every 2xx on disk after SIGKILL; no non-2xx',
    value: `${allRuns.length} runs, ${num(allRuns.reduce((s, r) => s + r.created, 0))} acknowledged`,
    met: allRuns.every((r) => r.created === r.requests && r.errors === 0),
  });
  checks.push({
    target: 'Excel: no request over 5 MB',
    value: mb(Math.max(...excel.rows.map((r) => r.largestRequestBytes))),
    met: excel.rows.every((r) => r.largestRequestBytes <= 5 * 1024 * 1024),
  });
  const overhead = excel.rows.map((r) => r.syncs - r.expectedChunks);
  checks.push({
    target: 'Excel: syncs = ⌈cells ÷ chunk⌉ + small constant',
    value: `syncs − ⌈cells ÷ 100k⌉ = ${[...new Set(overhead)].join(', ')}`,
    met:
      excel.rows.every((r) => r.chunks === r.expectedChunks) &&
      Math.max(...overhead) - Math.min(...overhead) <= 2 &&
      Math.max(...overhead) <= 10,
  });
  out('Targets');
  out(
    formatTable(
      ['target', 'measured', 'met'],
      checks.map((c) => [c.target, c.value, c.met ? 'yes' : 'NO']),
    ),
  );
  return { text: lines.join('\n'), checks };
}

function machineInfo(): Record<string, string> {
  const sh = (cmd: string): string => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  return {
    date: sh('date'),
    cpus: `${sh('nproc')} cores (${os.cpus()[0]?.model ?? '?'})`,
    memory: `${sh('free -h | awk \'/^Mem:/ {print $2" RAM, "$7" available"}\'')}`,
    node: `Node ${process.version}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
