/**
 * Start-up recovery never deletes acknowledged answers (issue 8, item 1). A real server stores
 * responses over HTTP and stops cleanly; then the folder is damaged the way a person or a backup
 * restore damages it, not the way a crash does. The server must refuse to start, naming the file
 * and what to do, and leave every byte of the responses as it was. A genuinely torn write is still
 * repaired, and the repair is printed at start-up.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../bench/lib/repo';
import { AdminApi, createOrganisations, killLeftoverServers, removeDir, serve, tempDataDir } from './support/fixture';
import { makeSubmission, seededRandom } from './support/respondents';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts server/main.ts and reports how it ended: killed once it listens, or its own exit. */
function startMain(dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'server', 'main.ts')], {
      cwd: repoRoot(),
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KOERS_HTTPS: 'off', KOERS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/listens on/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dataDir: string;
afterEach(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

/** A round with `count` acknowledged responses, stored through a real server; returns the log paths. */
async function roundWithResponses(count: number, snapshotAfter?: number) {
  dataDir = tempDataDir('recovery');
  const [org] = await createOrganisations(dataDir, ['Herstel College']);
  const { client, stop } = await serve(dataDir);
  const admin = new AdminApi(client, org!.apiKey);
  const round = await admin.createRound({ surveyId: 'shrm', groups: ['leraren'], anonymityThreshold: 2 });
  const codes = await admin.invite(round.id, 'leraren', count);
  const responses = path.join(dataDir, 'responses', `${round.id}.jsonl`);
  const used = path.join(dataDir, 'used-codes', `${round.id}.jsonl`);
  const random = seededRandom(8);
  let snapshot: Buffer | undefined;
  for (let i = 0; i < count; i += 1) {
    const res = await client.post('/api/responses', makeSubmission(random, codes[i]!, `opmerking ${i}`).body);
    if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${res.text}`);
    if (i + 1 === snapshotAfter) snapshot = fs.readFileSync(used);
  }
  await stop();
  return { roundId: round.id, responses, used, snapshot, apiKey: org!.apiKey };
}

test('a deleted used-codes log stops the start-up instead of emptying the responses log', async () => {
  const { responses, used } = await roundWithResponses(30);
  const before = fs.readFileSync(responses);
  fs.rmSync(used);

  const run = await startMain(dataDir);
  expect(run.code).not.toBe(0);
  expect(run.stdout).not.toMatch(/listens on/);
  expect(run.stderr).toContain(responses);
  expect(run.stderr).toMatch(/is missing/);
  expect(run.stderr).toMatch(/Restore both files from one and the same backup/);
  expect(fs.readFileSync(responses).equals(before)).toBe(true);
  expect(fs.existsSync(used)).toBe(false);
});

test('a used-codes log restored from an older backup than the responses stops the start-up, nothing cut', async () => {
  const { responses, used, snapshot } = await roundWithResponses(30, 10);
  const before = fs.readFileSync(responses);
  fs.writeFileSync(used, snapshot!);

  const run = await startMain(dataDir);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/holds 30 lines but .*used-codes.* holds 10 lines/);
  expect(fs.readFileSync(responses).equals(before)).toBe(true);
  expect(fs.readFileSync(used).equals(snapshot!)).toBe(true);
});

test('an older responses log beside a newer used-codes log is refused too', async () => {
  const { responses, used } = await roundWithResponses(12);
  const lines = fs.readFileSync(responses, 'utf8').split('\n').filter(Boolean);
  fs.writeFileSync(responses, lines.slice(0, 4).join('\n') + '\n');
  const usedBefore = fs.readFileSync(used);
  const run = await startMain(dataDir);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/holds 4 lines but .*holds 12 lines/);
  expect(fs.readFileSync(used).equals(usedBefore)).toBe(true);
});

test('a torn last write is still repaired, and the start-up says what it repaired', async () => {
  const { responses, roundId } = await roundWithResponses(5);
  const intact = fs.readFileSync(responses);
  fs.appendFileSync(responses, `{"roundId":"${roundId}","group":"ler`);

  const run = await startMain(dataDir);
  expect(run.stdout).toMatch(/listens on/);
  expect(run.stdout).toMatch(/Repaired on start-up: responses\/round-\w+\.jsonl: cut off a torn last line/);
  expect(fs.readFileSync(responses).equals(intact)).toBe(true);

  const clean = await startMain(dataDir);
  expect(clean.stdout).toMatch(/nothing to repair/);
});
