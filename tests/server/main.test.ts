import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../server/store/index';

/** Starts the real entry (as `npm start` does, without the build) and collects its output. */
function startServer(dataDir: string) {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server/main.ts', '--demo'], {
    env: { ...process.env, KOERS_DATA_DIR: dataDir, KOERS_HTTPS: 'off', PORT: '0', HOST: '127.0.0.1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /listens on (http:\/\/\S+)/.exec(output)?.[1];
      const apiKey = /^(koers_\S+)$/m.exec(output)?.[1];
      if (url && apiKey) {
        clearInterval(timer);
        resolve({ url, apiKey });
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited early:\n${output}`));
    });
  });
  return { child, ready, exited, output: () => output };
}

describe('server entry', () => {
  test('starts with demo data, serves it, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-main-'));
    try {
      const server = startServer(dataDir);
      const { url, apiKey } = await server.ready;
      const rounds = await (
        await fetch(`${url}/api/rounds`, { headers: { Authorization: `Bearer ${apiKey}` } })
      ).json();
      // A closed round with results and an open one in fieldwork.
      expect(rounds.map((r: { status: string }) => r.status)).toEqual(['closed', 'open']);
      expect(rounds[0].responses).toEqual({ exact: false, atLeast: 48, below: 53 });
      const results = await (
        await fetch(`${url}/api/rounds/${rounds[0].id}/results`, { headers: { Authorization: `Bearer ${apiKey}` } })
      ).json();
      expect(results.groups.find((g: { id: string }) => g.id === 'po-hr')).toMatchObject({
        status: 'suppressed',
        reason: { code: 'belowThreshold' },
      });
      expect(results.groups.find((g: { id: string }) => g.id === 'leidinggevenden')).toMatchObject({
        status: 'shown',
        responses: 7,
      });
      const fieldwork = await fetch(`${url}/api/rounds/${rounds[1].id}/results`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      });
      expect(fieldwork.status).toBe(409);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/stopped cleanly/);
      expect(fs.existsSync(path.join(dataDir, 'koers.lock'))).toBe(false);

      // A second start finds the seeded round instead of seeding again.
      const again = startServer(dataDir);
      const second = await again.ready;
      const roundsAgain = await (
        await fetch(`${second.url}/api/rounds`, { headers: { Authorization: `Bearer ${second.apiKey}` } })
      ).json();
      expect(roundsAgain).toHaveLength(2);
      expect(roundsAgain[0].responses).toEqual(rounds[0].responses);
      // The same demo key and the same unused code: no new permanent key, no new codes per start.
      expect(second.apiKey).toBe(apiKey);
      const codeOf = (text: string) => /\/r\/([A-Z0-9]+)/.exec(text)?.[1];
      expect(codeOf(again.output())).toBe(codeOf(server.output()));
      expect(again.output()).toMatch(/the same as on earlier starts/);
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
      const store = await openStore({ dataDir });
      try {
        expect(await store.organisations.listApiKeys()).toHaveLength(1);
        expect((await store.rounds.lookupCode(codeOf(server.output())!))?.used).toBe(false);
      } finally {
        await store.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
