/**
 * Issue 8 items 5 and 7 against a real server process (server/main.ts):
 * - 2,000 keyless requests with client-controlled headers (Content-Encoding the body does not have,
 *   Range, If-Match, If-Unmodified-Since): no 5xx, the data folder unchanged, a bounded few lines of
 *   log, and no invitation code, scoring token, API key or answer anywhere in it;
 * - one guesser behind a school's NAT address (1,100 wrong codes in a minute) does not lock out the
 *   colleagues on that address: with the production limits they still get the form and submit, and
 *   every acknowledged response is there.
 */
import { snapshotDataDir } from '../server/testApp';
import {
  AdminApi,
  createOrganisations,
  HttpClient,
  killLeftoverServers,
  removeDir,
  sleep,
  startServer,
  tempDataDir,
  type ServerProcess,
} from './support/fixture';
import { hostileHeaders, type HostileContext } from './support/hostileCases';
import { makeSubmission, seededRandom } from './support/respondents';

const seed = Number(process.env.ROBUST_SEED ?? 20261201);
const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  await killLeftoverServers();
  for (const dir of dirs) removeDir(dir);
});

async function start(label: string, env: Record<string, string>) {
  const dataDir = tempDataDir(label);
  dirs.push(dataDir);
  const [org] = await createOrganisations(dataDir, ['Kopregel College']);
  const server = await startServer({ dataDir, entry: 'main', env: { KOERS_LOG_INTERVAL_S: '1', ...env } });
  servers.push(server);
  const client = new HttpClient(server.url);
  return { dataDir, server, client, admin: new AdminApi(client, org!.apiKey), apiKey: org!.apiKey };
}

test(`2,000 keyless requests with hostile headers: no 5xx, data unchanged, a few log lines without secrets (seed ${seed})`, async () => {
  const { dataDir, server, client, admin, apiKey } = await start('headers', {});
  const random = seededRandom(seed);
  const round = await admin.createRound({ surveyId: 'shrm', groups: ['leraren'], anonymityThreshold: 2 });
  const codes = await admin.invite(round.id, 'leraren', 40);
  const usedCodes = codes.slice(0, 5);
  const comments: string[] = [];
  for (const code of usedCodes) {
    const submission = makeSubmission(random, code, `antwoord-${code.slice(0, 4)}-geheim`);
    comments.push(submission.comment);
    expect((await client.post('/api/responses', submission.body)).status).toBe(201);
  }
  const scoring = await admin.expectStatus(
    client.post(`/api/rounds/${round.id}/scoring`, { leverIds: ['intervisie'], raters: 3 }, admin.headers),
    201,
    'open scoring',
  );
  const tokens = (scoring.json as { links: string[] }).links.map((link) => link.slice(link.lastIndexOf('/s/') + 3));
  const ctx: HostileContext = {
    unusedCodes: codes.slice(5),
    usedCodes,
    closedCodes: [],
    openRoundId: round.id,
    closedRoundId: round.id,
    auth: admin.headers.authorization!,
  };
  const before = snapshotDataDir(dataDir);
  const stderrBefore = server.stderr().length;

  const CASES = 2000;
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const cases = Array.from({ length: CASES }, (_, i) => {
    const hostile = hostileHeaders(random, ctx);
    // Keyless: the point is what anyone on the internet can do.
    const headers = { ...hostile.headers };
    delete headers.authorization;
    // Some requests go to real scoring pages, so their tokens are in play too.
    const path = hostile.path.startsWith('/s/') && i % 2 === 0 ? `/s/${tokens[i % tokens.length]}` : hostile.path;
    return { ...hostile, headers, path };
  });
  let next = 0;
  const began = Date.now();
  await Promise.all(
    Array.from({ length: 12 }, async () => {
      while (next < cases.length) {
        const hostile = cases[next++]!;
        try {
          const res = await client.request(hostile.method, hostile.path, {
            body: hostile.body,
            headers: hostile.headers,
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const error = (res.json as { error?: { message?: unknown } } | undefined)?.error;
          const badError =
            res.status >= 400 &&
            hostile.method !== 'HEAD' &&
            (typeof error?.message !== 'string' || !String(res.headers['content-type']).startsWith('application/json'));
          if (res.status >= 500 || badError) {
            failures.push(
              `${res.status} ${hostile.method} ${hostile.path} ${JSON.stringify(hostile.headers)} ${res.text.slice(0, 120)}`,
            );
          }
        } catch (error) {
          failures.push(`${String(error)} ${hostile.method} ${hostile.path}`);
        }
      }
    }),
  );
  const tookMs = Date.now() - began;
  // Let the one-second log interval end so the summary line is written.
  await sleep(2500);
  const log = server.stderr().slice(stderrBefore);
  const lines = log.split('\n').filter((line) => line.trim() !== '');
  console.log(
    `hostile headers: ${CASES} requests in ${tookMs} ms; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}; ` +
      `log ${log.length} bytes in ${lines.length} lines:\n${lines.join('\n')}`,
  );

  expect(failures.slice(0, 20)).toEqual([]);
  expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  expect(snapshotDataDir(dataDir)).toEqual(before);
  // A bounded few lines: one summary per log interval (the run takes a few seconds), no stack traces.
  expect(lines.length).toBeLessThanOrEqual(Math.ceil(tookMs / 1000) + 3);
  expect(log.length).toBeLessThan(4000);
  expect(log).not.toMatch(/^\s+at /m);
  for (const secret of [...codes, ...tokens, apiKey, ...comments]) expect(log).not.toContain(secret);
  client.close();
});

test('1,100 wrong codes in a minute from one IP: colleagues on that IP still get the form and submit, nothing lost', async () => {
  // The production defaults, stated here so the bench's generous limits do not apply.
  const { client, admin, server } = await start('guesser', {
    KOERS_RATE_PER_IP: '1200',
    KOERS_RATE_PER_CODE: '10',
    KOERS_FAILED_CODES_PER_IP: '30',
  });
  const random = seededRandom(seed + 1);
  const round = await admin.createRound({ surveyId: 'shrm', groups: ['leraren'], anonymityThreshold: 2 });
  const codes = await admin.invite(round.id, 'leraren', 60);

  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const guess = (): string =>
    Array.from({ length: 10 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const guesser = new Map<string, number>();
  let next = 0;
  const GUESSES = 1100;
  const began = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < GUESSES) {
        const i = next++;
        const res =
          i % 2 === 0
            ? await client.get(`/api/form/${guess()}`)
            : await client.post('/api/responses', makeSubmission(random, guess(), 'gok').body);
        const key = `${res.status} ${(res.json as { error?: { code?: string } } | undefined)?.error?.code}`;
        guesser.set(key, (guesser.get(key) ?? 0) + 1);
      }
    }),
  );
  const guessMs = Date.now() - began;

  const colleagues = new Map<string, number>();
  const count = (key: string): void => void colleagues.set(key, (colleagues.get(key) ?? 0) + 1);
  for (const code of codes) {
    count(`page ${(await client.get(`/r/${code}`)).status}`);
    count(`form ${(await client.get(`/api/form/${code}`)).status}`);
    count(
      `submit ${(await client.post('/api/responses', makeSubmission(random, code, `collega ${code}`).body)).status}`,
    );
  }
  console.log(
    `guesser: ${GUESSES} wrong codes in ${guessMs} ms → ${[...guesser].map(([k, n]) => `${k}×${n}`).join(', ')}; ` +
      `colleagues: ${[...colleagues].map(([k, n]) => `${k}×${n}`).join(', ')}`,
  );
  expect(guessMs).toBeLessThan(60_000);
  expect(Object.fromEntries(guesser)).toEqual({ '404 unknownCode': 30, '429 tooManyWrongCodes': GUESSES - 30 });
  // The page itself is served from dist/ (built by `npm test` before the robust suite runs).
  expect(colleagues.get('form 200')).toBe(codes.length);
  expect(colleagues.get('submit 201')).toBe(codes.length);
  expect(
    [...colleagues.keys()].filter((key) => key.startsWith('page ') && key !== 'page 200' && key !== 'page 404'),
  ).toEqual([]);
  // Every acknowledged response is in the results, released at closing.
  await admin.close(round.id);
  const results = await admin.getJson<{ responses: { total: unknown } }>(`/api/rounds/${round.id}/results`);
  expect(results.responses.total).toEqual({ exact: true, value: codes.length });
  expect(server.stderr()).not.toMatch(/Unexpected error/);
  client.close();
});
