/**
 * Bad input: more than 10 000 generated malformed and hostile requests against the real server.
 * Every one gets a 4xx with a JSON error message (no 5xx, no dropped connection), and the data
 * folder is byte for byte what it was before.
 */
import { snapshotDataDir } from '../server/testApp';
import { AdminApi, createOrganisations, killLeftoverServers, removeDir, serve, tempDataDir } from './support/fixture';
import { hostileCases, MAKERS, type HostileCase, type HostileContext } from './support/hostileCases';
import { makeSubmission, seededRandom } from './support/respondents';

const CASES = 10_400;
const PARALLEL = 12;
const seed = Number(process.env.ROBUST_SEED ?? 20261124);

let dataDir: string;
afterAll(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

test(`${CASES} malformed or hostile requests: all 4xx with a message, data unchanged (seed ${seed})`, async () => {
  dataDir = tempDataDir('bad-input');
  const [org] = await createOrganisations(dataDir, ['Fuzz Gymnasium']);
  const { server, client, stop } = await serve(dataDir);
  const admin = new AdminApi(client, org!.apiKey);
  const random = seededRandom(seed);

  // Interim releases, so its results can be read (and compared) while it stays open.
  const open = await admin.createRound({
    surveyId: 'shrm',
    groups: ['leraren', 'oop'],
    anonymityThreshold: 2,
    release: 'interim',
  });
  const openCodes = [...(await admin.invite(open.id, 'leraren', 60)), ...(await admin.invite(open.id, 'oop', 20))];
  const usedCodes = openCodes.slice(0, 12);
  for (const code of usedCodes) {
    const res = await client.post(
      '/api/responses',
      makeSubmission(random, code, `echte opmerking ${code.slice(0, 3)}`).body,
    );
    expect(res.status).toBe(201);
  }
  const closed = await admin.createRound({ surveyId: 'shrm', groups: ['leraren'], name: 'Gesloten ronde' });
  const closedCodes = await admin.invite(closed.id, 'leraren', 20);
  await admin.close(closed.id);

  const ctx: HostileContext = {
    unusedCodes: openCodes.slice(12),
    usedCodes,
    closedCodes,
    openRoundId: open.id,
    closedRoundId: closed.id,
    auth: admin.headers.authorization!,
  };
  const before = snapshotDataDir(dataDir);
  delete before['koers.lock'];
  // The PostgreSQL store keeps no arrival order, so there an interim round releases at closing: its
  // results answer 409 throughout. Either way the answer must not change.
  const readResults = async () => {
    const res = await admin.get(`/api/rounds/${open.id}/results`);
    return { status: res.status, body: res.json as unknown };
  };
  const resultsBefore = await readResults();
  expect(resultsBefore.status).toBe(process.env.KOERS_ROBUST_DATABASE_URL ? 409 : 200);

  const cases = [...hostileCases(random, ctx, CASES)];
  const failures: string[] = [];
  const byCategory = new Map<string, Map<number, number>>();
  const record = (hostile: HostileCase, status: number): void => {
    const statuses = byCategory.get(hostile.category) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    byCategory.set(hostile.category, statuses);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const hostile = cases[next]!;
      next += 1;
      const describe = (): string =>
        `${hostile.category}: ${hostile.method} ${hostile.path.slice(0, 80)} ${String(typeof hostile.body === 'string' ? hostile.body : (JSON.stringify(hostile.body) ?? '')).slice(0, 160)}`;
      try {
        const res = await client.request(hostile.method, hostile.path, {
          body: hostile.body,
          headers: hostile.headers,
        });
        record(hostile, res.status);
        const error = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        const problem =
          res.status < 400 || res.status >= 500
            ? `status ${res.status}`
            : !String(res.headers['content-type']).startsWith('application/json')
              ? `content-type ${res.headers['content-type']}`
              : typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.trim() === ''
                ? 'no error message'
                : /\{\w+\}/.test(error.message.replace(/unknown field .*|onbekend veld .*/, ''))
                  ? `unfilled placeholder in "${error.message}"`
                  : undefined;
        if (problem) failures.push(`${problem} — ${describe()} → ${res.text.slice(0, 200)}`);
      } catch (error) {
        record(hostile, -1);
        failures.push(`${String(error)} — ${describe()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, () => worker()));

  const summary = [...byCategory].map(
    ([category, statuses]) => `${category}: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`,
  );
  console.log(
    `bad input: ${cases.length} requests\n${summary.join('\n')}\nstale keep-alive retries: ${client.staleSocketRetries}`,
  );
  // Nothing changed: not the files, not what the API reports.
  const after = snapshotDataDir(dataDir);
  delete after['koers.lock'];
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const file of Object.keys(before)) expect([file, after[file] === before[file]]).toEqual([file, true]);
  expect(await readResults()).toEqual(resultsBefore);
  await stop();

  expect(failures.slice(0, 20)).toEqual([]);
  // Every maker ran; the admin maker splits its cases into finer categories of its own.
  expect(byCategory.size).toBeGreaterThanOrEqual(MAKERS.length);
  expect(server.stderr()).not.toMatch(/Unexpected error/);
});
