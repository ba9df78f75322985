/**
 * Two real Koers servers on one real PostgreSQL 15:
 * 1. they answer as one: a response submitted to one is counted in results read from the other at
 *    once; a code used on one is refused on the other (the database decides, under concurrency);
 *    a retry after a lost reply is recognised across servers; organisations stay apart on both.
 * 2. PostgreSQL restarts (immediate shutdown = a crash) under load: the servers answer 503 while
 *    it is gone (never a 201 that is not stored, never a 500), recover by themselves when it is
 *    back, and every acknowledged response is stored exactly once.
 * This file starts its own cluster (it must restart it), so it needs the PostgreSQL binaries.
 */
import type { StoredResponse } from '../../core/response';
import { openPostgresStore } from '../../server/store/postgres/index';
import {
  findPostgresBin,
  SKIP_MESSAGE,
  startTestCluster,
  underCi,
  withDatabase,
  type TestCluster,
} from '../support/postgres';
import { AdminApi, HttpClient, killLeftoverServers, sleep, startServer, type ServerProcess } from './support/fixture';
import { canonical, makeSubmission, seededRandom, type Submission } from './support/respondents';
import pg from 'pg';
import type { CoarseCount } from '../../core/coarseCount';
import type { RoundResults } from '../../core/results';

const GROUPS = ['leraren', 'oop', 'directie'];
const seed = Number(process.env.ROBUST_SEED ?? Date.now() % 100_000);
const bin = findPostgresBin();
const describeCluster = bin ? describe : underCi() ? describe : describe.skip;
if (!bin && !underCi()) console.warn(`pgServers: ${SKIP_MESSAGE}`);

interface Koers {
  server: ServerProcess;
  client: HttpClient;
}

describeCluster('two Koers servers on one PostgreSQL', () => {
  let cluster: TestCluster;
  let url: string;
  const servers: Koers[] = [];
  let keys: { a: string; b: string };

  beforeAll(async () => {
    if (!bin) throw new Error('CI=true but the PostgreSQL binaries were not found');
    cluster = await startTestCluster({ bin });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE koers_robust');
    await admin.end();
    url = withDatabase(cluster.url, 'koers_robust');
    const store = await openPostgresStore({ url, poolSize: 2 });
    try {
      const a = await store.organisations.findOrCreateOrganisation('Twee Servers Lyceum');
      const b = await store.organisations.findOrCreateOrganisation('Buurschool');
      keys = { a: await store.organisations.createApiKey(a.id), b: await store.organisations.createApiKey(b.id) };
    } finally {
      await store.close();
    }
    // Both start at once: the migrations' advisory lock keeps them from racing (already applied here,
    // but the start-up path is the same).
    const started = await Promise.all(
      [1, 2].map(() =>
        startServer({
          dataDir: cluster.dir,
          entry: 'main',
          env: { KOERS_DATABASE_URL: url, KOERS_DATA_DIR: '/nonexistent' },
        }),
      ),
    );
    for (const server of started) servers.push({ server, client: new HttpClient(server.url) });
  }, 120_000);

  afterAll(async () => {
    for (const { client } of servers) client.close();
    await Promise.all(servers.map(({ server }) => server.stop()));
    await killLeftoverServers();
    cluster?.stop();
  });

  async function storedRows(roundId: string): Promise<StoredResponse[]> {
    const store = await openPostgresStore({ url, poolSize: 2 });
    try {
      const rows: StoredResponse[] = [];
      for await (const row of store.responses.readResponses(roundId)) rows.push(row);
      return rows;
    } finally {
      await store.close();
    }
  }

  test(`they answer as one (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    const [one, two] = servers as [Koers, Koers];
    const adminOne = new AdminApi(one.client, keys.a);
    const adminTwo = new AdminApi(two.client, keys.a);
    const round = await adminOne.createRound({ surveyId: 'shrm', groups: GROUPS, anonymityThreshold: 2 });
    const codes: string[] = [];
    for (const group of GROUPS) codes.push(...(await adminTwo.invite(round.id, group, 150)));

    let acknowledged = 0;
    const problems: string[] = [];
    const sent = new Map<string, Submission>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < codes.length) {
        const code = codes[next++]!;
        // The same code on both servers at once, as two different forms: exactly one may win.
        const first = makeSubmission(random, code, `two-${code}-1`);
        const second = makeSubmission(random, code, `two-${code}-2`);
        const [r1, r2] = await Promise.all([
          one.client.post('/api/responses', first.body),
          two.client.post('/api/responses', second.body),
        ]);
        const statuses = [r1.status, r2.status].sort();
        if (statuses[0] !== 201 || statuses[1] !== 409) problems.push(`${code}: ${r1.status} ${r2.status}`);
        const winner = r1.status === 201 ? first : second;
        sent.set(winner.comment, winner);
        acknowledged += 1;
        const mustSee = acknowledged;
        // Read on the server that did not take it: the response is counted at once.
        const other = r1.status === 201 ? adminTwo : adminOne;
        // During fieldwork only participation is released: its upper bound must include the response.
        const seen = (await other.getJson<{ responses: CoarseCount }>(`/api/rounds/${round.id}`)).responses;
        const upper = seen.exact ? seen.value : seen.below - 1;
        if (upper < mustSee) problems.push(`participation on the other server: ${upper} < ${mustSee}`);
        const form = await (r1.status === 201 ? two : one).client.get(`/api/form/${code}`);
        if ((form.json as { used?: boolean }).used !== true)
          problems.push(`form of ${code} on the other server not used`);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(problems).toEqual([]);

    // Retry after a lost reply, on the other server: recognised, stored once.
    const [spare] = await adminOne.invite(round.id, 'leraren', 1);
    const retry = makeSubmission(random, spare!, 'retry-across');
    expect((await one.client.post('/api/responses', retry.body)).status).toBe(201);
    const again = await two.client.post('/api/responses', retry.body);
    expect([again.status, again.json]).toEqual([201, expect.objectContaining({ status: 'repeated' })]);
    sent.set(retry.comment, retry);

    await adminOne.close(round.id);
    const [resultsOne, resultsTwo] = await Promise.all([
      adminOne.get(`/api/rounds/${round.id}/results`),
      adminTwo.get(`/api/rounds/${round.id}/results`),
    ]);
    expect(resultsOne.text).toBe(resultsTwo.text);
    expect((resultsOne.json as RoundResults).responses.shown).toBe(codes.length + 1);

    const rows = await storedRows(round.id);
    expect(rows).toHaveLength(sent.size);
    for (const row of rows) {
      const submission = sent.get(row.comment ?? '');
      expect(submission && canonical(submission.answers)).toBe(canonical(row.answers));
    }

    // Organisations stay apart on both servers.
    for (const { client } of servers) {
      const other = new AdminApi(client, keys.b);
      expect((await other.get(`/api/rounds/${round.id}/results`)).status).toBe(404);
      expect((await other.get(`/api/rounds/${round.id}`)).status).toBe(404);
      expect(await other.getJson<unknown[]>('/api/rounds')).toEqual([]);
    }
  });

  test(`PostgreSQL crash-restart under load: 503s, never a false 201, recovery without a restart (seed ${seed})`, async () => {
    const random = seededRandom(seed + 1);
    const admin = new AdminApi(servers[0]!.client, keys.a);
    const round = await admin.createRound({ surveyId: 'shrm', groups: GROUPS, anonymityThreshold: 2 });
    const codes: string[] = [];
    for (const group of GROUPS) codes.push(...(await admin.invite(round.id, group, 3000)));

    type Phase = 'before' | 'down' | 'after';
    let phase: Phase = 'before';
    const seen = new Map<string, number>();
    const byServerAfter = [0, 0];
    const unexpected: string[] = [];
    const pending: Submission[] = [];
    const acknowledged = new Map<string, Submission>();
    let stop = false;
    let next = 0;
    const worker = async (index: number): Promise<void> => {
      const which = index % 2;
      const { client } = servers[which]!;
      while (!stop && next < codes.length) {
        const submission = makeSubmission(random, codes[next++]!, `restart-${next}`);
        const res = await client.post('/api/responses', submission.body);
        const key = `${phase} ${res.status}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (res.status === 201) {
          acknowledged.set(submission.comment, submission);
          if (phase === 'after') byServerAfter[which] += 1;
        } else if (res.status === 503) {
          if ((res.json as { error?: { code?: string } }).error?.code !== 'storeUnavailable')
            unexpected.push(`503 without storeUnavailable: ${res.text.slice(0, 200)}`);
          pending.push(submission);
          await sleep(20);
        } else {
          unexpected.push(`${res.status}: ${res.text.slice(0, 200)}`);
        }
      }
    };
    const workers = Array.from({ length: 30 }, (_, i) => worker(i));
    while (acknowledged.size < 200) await sleep(20);
    cluster.stopServer('immediate');
    phase = 'down';
    await sleep(2_000);
    cluster.startServer();
    phase = 'after';
    const deadline = Date.now() + 60_000;
    while ((byServerAfter[0]! < 50 || byServerAfter[1]! < 50) && Date.now() < deadline) await sleep(50);
    stop = true;
    await Promise.all(workers);

    expect(unexpected).toEqual([]);
    expect(seen.get('down 503') ?? 0).toBeGreaterThan(0);
    expect(byServerAfter.every((n) => n >= 50)).toBe(true);
    for (const { server } of servers) expect(server.child.exitCode).toBeNull();

    // The form retries what got a 503 with the same submissionId: each ends stored exactly once.
    for (const submission of pending) {
      const res = await servers[1]!.client.post('/api/responses', submission.body);
      expect([res.status, res.text]).toEqual([201, expect.stringMatching(/"(created|repeated)"/)]);
      acknowledged.set(submission.comment, submission);
    }
    const rows = await storedRows(round.id);
    expect(rows).toHaveLength(acknowledged.size);
    const comments = new Set(rows.map((r) => r.comment));
    expect(comments.size).toBe(rows.length);
    for (const comment of acknowledged.keys()) expect(comments.has(comment)).toBe(true);
    await admin.close(round.id);
    const results = await admin.getJson<RoundResults>(`/api/rounds/${round.id}/results`);
    expect(results.responses.shown).toBe(acknowledged.size);
    console.log(
      `PostgreSQL restart: answers by phase ${JSON.stringify(Object.fromEntries(seen))}; ${pending.length} retried after a 503; ${rows.length} stored (seed ${seed})`,
    );
  });
});
