import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../server/store';
import { ABANDONED_AFTER_MS, acquireDataLock, processStartTime, type DataLock } from '../../server/store/dataLock';
import { makeTempDir, removeDir } from './storeFixtures';

describe('file store: one process per data folder', () => {
  let dir: string;

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('refuses a second open of the same folder until the first is closed', async () => {
    const first = await openStore({ dataDir: dir });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'koers.lock'), 'utf8')).pid).toBe(process.pid);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/in use by another Koers process/);
    await first.close();
    expect(fs.existsSync(path.join(dir, 'koers.lock'))).toBe(false);

    const second = await openStore({ dataDir: dir });
    await second.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const finished = spawnSync(process.execPath, ['-e', '']);
    fs.writeFileSync(path.join(dir, 'koers.lock'), `${finished.pid}\n`);
    const store = await openStore({ dataDir: dir });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'koers.lock'), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('creates a missing data folder with its subfolders', async () => {
    const nested = path.join(dir, 'a', 'data');
    const store = await openStore({ dataDir: nested });
    expect(fs.existsSync(path.join(nested, 'koers.json'))).toBe(true);
    expect(fs.existsSync(path.join(nested, 'responses'))).toBe(true);
    expect(fs.existsSync(path.join(nested, 'used-codes'))).toBe(true);
    await store.close();
  });
});

describe('file store: the lock survives pid reuse and containers', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  const lockPath = () => path.join(dir, 'koers.lock');
  const owner = (fields: Record<string, unknown>) =>
    JSON.stringify({ token: 'feedc0de', host: os.hostname(), acquiredAt: '2026-01-01T00:00:00Z', ...fields });

  it('takes over a lock naming its own pid that it does not hold (pid 1 of a restarted container)', async () => {
    fs.writeFileSync(lockPath(), owner({ pid: process.pid, processStart: processStartTime('self') }));
    const store = await openStore({ dataDir: dir });
    expect(store.stats().recovery.repairs).toEqual([expect.stringMatching(/earlier process with this process's pid/)]);
    expect(JSON.parse(fs.readFileSync(lockPath(), 'utf8')).token).not.toBe('feedc0de');
    await store.close();
  });

  it('takes over a lock whose pid now belongs to another process (different start time)', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      fs.writeFileSync(lockPath(), owner({ pid: other.pid, processStart: '1' }));
      const store = await openStore({ dataDir: dir });
      expect(store.stats().recovery.repairs).toEqual([expect.stringMatching(/now reused by another process/)]);
      await store.close();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('keeps a lock of a live process with its recorded start time, naming it in the refusal', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const start = processStartTime(other.pid!);
      fs.writeFileSync(lockPath(), owner({ pid: other.pid, processStart: start }));
      await expect(openStore({ dataDir: dir })).rejects.toThrow(new RegExp(`in use .*pid ${other.pid}`));
      expect(JSON.parse(fs.readFileSync(lockPath(), 'utf8')).token).toBe('feedc0de');
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('treats a lock of another host as held until its heartbeat is old', async () => {
    fs.writeFileSync(lockPath(), owner({ pid: 4242, host: 'other-container', processStart: null }));
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/on host other-container/);
    const old = new Date(Date.now() - ABANDONED_AFTER_MS - 5_000);
    fs.utimesSync(lockPath(), old, old);
    const store = await openStore({ dataDir: dir });
    expect(store.stats().recovery.repairs).toEqual([expect.stringMatching(/not refreshed for/)]);
    await store.close();
  });

  it('lets exactly one of many concurrent opens on a folder with a stale lock win', async () => {
    const finished = spawnSync(process.execPath, ['-e', '']);
    fs.writeFileSync(lockPath(), `${finished.pid}\n`);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => acquireDataLock(dir)));
    const won = outcomes.filter((o): o is PromiseFulfilledResult<DataLock> => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    await won[0]!.value.release();
    expect(fs.existsSync(lockPath())).toBe(false);
  });
});
