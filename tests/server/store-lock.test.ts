import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/store';
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
