/**
 * One process per data folder (issue 8, items 2 and 3): several real servers started at the same
 * moment on a folder with a stale lock (dead pid). Exactly one may listen, every time; the others
 * stop with a message, and the CLI takes the same lock.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../bench/lib/repo';
import { killLeftoverServers, removeDir, startServer, tempDataDir, type ServerProcess } from './support/fixture';

const TRIALS = 5;
const SERVERS = 4;

let dataDir: string;
afterEach(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

test(`${SERVERS} servers started at once on a folder with a stale lock: exactly one listens (${TRIALS} trials)`, async () => {
  dataDir = tempDataDir('lock');
  const lockPath = path.join(dataDir, 'koers.lock');
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const dead = spawnSync(process.execPath, ['-e', '']);
    fs.writeFileSync(lockPath, `${dead.pid}\n`);
    const outcomes = await Promise.allSettled(
      Array.from({ length: SERVERS }, () => startServer({ dataDir, entry: 'bench', timeoutMs: 120_000 })),
    );
    const listening = outcomes
      .filter((o): o is PromiseFulfilledResult<ServerProcess> => o.status === 'fulfilled')
      .map((o) => o.value);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    try {
      expect(listening).toHaveLength(1);
      for (const failure of refused) expect(String(failure.reason)).toMatch(/in use by another Koers process/);
      expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid).toBe(listening[0]!.pid);

      // The CLI respects the lock of the running server.
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot(), 'server', 'cli.ts'), 'key', 'list'],
        { cwd: repoRoot(), env: { ...process.env, KOERS_DATA_DIR: dataDir }, encoding: 'utf8' },
      );
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toMatch(/in use by another Koers process/);
    } finally {
      await Promise.all(listening.map((server) => server.stop()));
    }
    expect(fs.existsSync(lockPath)).toBe(false);
  }
});
