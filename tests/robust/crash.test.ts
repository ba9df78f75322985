/**
 * Crash safety: the server is killed with SIGKILL at random moments while clients submit. After every
 * restart the data folder loads, every submission that got a 2xx is there exactly once, and every
 * stored row is one that a client really sent, complete (nothing half-written is ever read).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../../server/store/index';
import {
  AdminApi,
  createOrganisations,
  killLeftoverServers,
  openTestStore,
  removeDir,
  serve,
  sleep,
  tempDataDir,
  type HttpClient,
} from './support/fixture';
import { canonical, makeSubmission, seededRandom, type Submission } from './support/respondents';
import { lowestValue, type CoarseCount } from '../../core/coarseCount';
import type { RoundResults } from '../../core/results';
import { responsesPath } from '../../server/store/responseLogs';
import pg from 'pg';

const CYCLES = 6;
const CLIENTS = 40;
const GROUPS = ['leraren', 'oop', 'directie'];
const seed = Number(process.env.ROBUST_SEED ?? Date.now() % 100_000);

type Outcome = 'acknowledged' | 'unknown' | 'refused';

interface Ledger {
  /** comment → what was sent and what the client learned about it. */
  sent: Map<string, { submission: Submission; outcome: Outcome; status?: number }>;
}

interface Row {
  group: string;
  answers: Record<string, [number | null, number | null]>;
  comment?: string;
}

let dataDir: string;
afterAll(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

test(`SIGKILL during concurrent ingest loses nothing acknowledged (seed ${seed})`, async () => {
  const random = seededRandom(seed);
  dataDir = tempDataDir('crash');
  const [org] = await createOrganisations(dataDir, ['Crash College']);
  const ledger: Ledger = { sent: new Map() };

  let { server, client, stop } = await serve(dataDir);
  const admin = new AdminApi(client, org!.apiKey);
  const round = await admin.createRound({ surveyId: 'shrm', groups: GROUPS, anonymityThreshold: 2 });
  const codes: string[] = [];
  for (const group of GROUPS) codes.push(...(await admin.invite(round.id, group, 5000)));
  let nextCode = 0;
  let torn = 0;

  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    let killed = false;
    const clientLoop = async (c: HttpClient): Promise<void> => {
      while (!killed && nextCode < codes.length) {
        const index = nextCode;
        nextCode += 1;
        const submission = makeSubmission(random, codes[index]!, `crash-${cycle}-${index}`);
        const entry = { submission, outcome: 'unknown' as Outcome, status: undefined as number | undefined };
        ledger.sent.set(submission.comment, entry);
        try {
          const res = await c.post('/api/responses', submission.body);
          entry.status = res.status;
          entry.outcome = res.status === 201 ? 'acknowledged' : 'refused';
        } catch {
          // Connection reset by the kill: the client cannot know whether it was stored.
          return;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, () => clientLoop(client));
    // Random moment, but only after some submissions got through, so each kill hits a busy server.
    await sleep(150 + Math.floor(random() * 1200));
    const ackedBefore = [...ledger.sent.values()].filter((e) => e.outcome === 'acknowledged').length;
    const deadline = Date.now() + 30_000;
    while ([...ledger.sent.values()].filter((e) => e.outcome === 'acknowledged').length === ackedBefore) {
      if (Date.now() > deadline) throw new Error(`no submission acknowledged within 30 s\n${server.stderr()}`);
      await sleep(5);
    }
    await server.kill();
    killed = true;
    await Promise.all(clients);
    client.close();

    // (Embedded store only: with PostgreSQL there is no log to tear.)
    const logDir = path.join(dataDir, 'responses');
    const log = fs.existsSync(logDir) ? fs.readdirSync(logDir)[0] : undefined;
    if (
      log &&
      !fs
        .readFileSync(path.join(dataDir, 'responses', log))
        .subarray(-1)
        .equals(Buffer.from('\n'))
    )
      torn += 1;

    ({ server, client, stop } = await serve(dataDir));
    // While open only participation is released: check the stored rows in the log itself.
    await verify(new AdminApi(client, org!.apiKey), round.id, ledger, 'log');
  }

  // Submissions whose fate the client could not know are retried with the same submissionId, as the
  // form does: each ends stored exactly once, whether or not the first attempt had made it.
  const unknown = [...ledger.sent.values()].filter((e) => e.outcome === 'unknown');
  for (const entry of unknown) {
    const res = await client.post('/api/responses', entry.submission.body);
    expect([res.status, res.text]).toEqual([201, expect.stringMatching(/"(created|repeated)"/)]);
    entry.outcome = 'acknowledged';
  }
  await new AdminApi(client, org!.apiKey).close(round.id);
  const rows = await verify(new AdminApi(client, org!.apiKey), round.id, ledger, 'api');
  expect(rows).toBe([...ledger.sent.values()].filter((e) => e.outcome === 'acknowledged').length);

  // Acknowledged codes stay used across all those crashes.
  const acked = [...ledger.sent.values()].filter((e) => e.outcome === 'acknowledged').slice(0, 50);
  for (const entry of acked) {
    const again = await client.post('/api/responses', {
      ...entry.submission.body,
      submissionId: 'different-attempt-id',
      comment: 'x',
    });
    expect(again.status).toBe(409);
  }
  await stop();

  // The files themselves, read back through the store after a clean stop, agree.
  const store = await openTestStore(dataDir);
  let onDisk = 0;
  for await (const response of store.responses.readResponses(round.id)) {
    onDisk += 1;
    expect(ledger.sent.has(response.comment ?? '')).toBe(true);
  }
  expect(onDisk).toBe(rows);
  if ('stats' in store)
    expect((store as FileStore).stats().recovery).toEqual({ tornLines: 0, unacknowledgedLines: 0, repairs: [] });
  await store.close();
  console.log(
    `crash test: ${CYCLES} kills, ${rows} stored, ${unknown.length} retried after a kill, ${torn} kills left a torn last line (seed ${seed})`,
  );
});

/** The stored rows themselves, bypassing the release rule: the log file, or the PostgreSQL table. */
async function storedRows(roundId: string): Promise<Row[]> {
  const databaseUrl = process.env.KOERS_ROBUST_DATABASE_URL;
  if (!databaseUrl) {
    return fs
      .readFileSync(responsesPath(dataDir, roundId), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Row);
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ group_id: string; answers: Row['answers']; comment: string | null }>(
      'SELECT group_id, answers, comment FROM responses WHERE round_id = $1',
      [roundId],
    );
    return rows.map(
      (row) => ({ answers: row.answers, ...(row.comment === null ? {} : { comment: row.comment }) }) as Row,
    );
  } finally {
    await db.end();
  }
}

/** Every acknowledged submission present once; every row one that was sent, complete. Returns the row count. */
async function verify(admin: AdminApi, roundId: string, ledger: Ledger, from: 'log' | 'api'): Promise<number> {
  const rows: Row[] =
    from === 'api'
      ? (await admin.getJson<{ rows: Row[] }>(`/api/rounds/${roundId}/responses`)).rows
      : await storedRows(roundId);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const comment = row.comment ?? '';
    const sent = ledger.sent.get(comment);
    if (!sent) throw new Error(`a stored row was never sent: ${JSON.stringify(row).slice(0, 200)}`);
    expect(canonical(row.answers)).toBe(canonical(sent.submission.answers));
    seen.set(comment, (seen.get(comment) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1);
  expect(duplicates).toEqual([]);
  const missing = [...ledger.sent.values()].filter(
    (e) => e.outcome === 'acknowledged' && !seen.has(e.submission.comment),
  );
  expect(missing.map((e) => e.submission.comment)).toEqual([]);
  const refused = [...ledger.sent.values()].filter((e) => e.outcome === 'refused');
  expect(refused.map((e) => e.status)).toEqual([]);
  if (from === 'api') {
    const results = await admin.getJson<RoundResults>(`/api/rounds/${roundId}/results`);
    expect(results.responses.shown).toBe(rows.length);
  } else {
    const round = await admin.getJson<{ responses: CoarseCount }>(`/api/rounds/${roundId}`);
    expect(lowestValue(round.responses)).toBeLessThanOrEqual(rows.length);
  }
  return rows.length;
}
