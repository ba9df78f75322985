import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '../../server/store/index';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

async function koers(dataDir: string, ...args: string[]) {
  return run(tsx, ['server/cli.ts', ...args], { env: { ...process.env, KOERS_DATA_DIR: dataDir } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('npm run koers -- key create', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('creates the organisation once and prints a working key on the last line', async () => {
    const first = await koers(dataDir, 'key', 'create', '--org', 'Stedelijk Lyceum');
    const second = await koers(dataDir, 'key', 'create', '--org', 'Stedelijk Lyceum');
    expect(first.code).toBe(0);
    const keys = [first, second].map((r) => r.stdout.trim().split('\n').pop()!);
    expect(keys[0]).toMatch(/^koers_[A-Za-z0-9_-]{32}$/);
    expect(keys[1]).not.toBe(keys[0]);

    const store = await openStore({ dataDir });
    try {
      const a = await store.organisations.organisationForKey(keys[0]!);
      const b = await store.organisations.organisationForKey(keys[1]!);
      expect(a?.name).toBe('Stedelijk Lyceum');
      expect(b?.id).toBe(a?.id);
      expect(fs.readFileSync(path.join(dataDir, 'koers.json'), 'utf8')).not.toContain(keys[0]!);
    } finally {
      await store.close();
    }
  }, 60_000);

  test('explains its usage for a missing organisation name', async () => {
    const res = await koers(dataDir, 'key', 'create');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/organisation name is empty/);
    expect(res.stderr).toMatch(/Usage/);
  }, 60_000);
});

describe('npm run koers -- key list / key revoke', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('lists keys by id without the key, and a revoked key stops working', async () => {
    const made = await koers(dataDir, 'key', 'create', '--org', 'Stedelijk Lyceum', '--label', 'excel');
    const key = made.stdout.trim().split('\n').pop()!;
    const listed = await koers(dataDir, 'key', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^[0-9a-f]{12} +active .*Stedelijk Lyceum \[excel\]$/m);
    expect(listed.stdout).not.toContain(key.slice('koers_'.length));
    const id = listed.stdout.trim().split(/\s+/)[0]!;

    const revoked = await koers(dataDir, 'key', 'revoke', id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked: .*revoked 20/);
    expect((await koers(dataDir, 'key', 'list')).stdout).toMatch(new RegExp(`^${id} +revoked`, 'm'));
    expect((await koers(dataDir, 'key', 'revoke', 'ffffffffffff')).code).toBe(1);

    const store = await openStore({ dataDir });
    try {
      expect(await store.organisations.organisationForKey(key)).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 90_000);
});
