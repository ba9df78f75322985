import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'koers.lock';

/** A lock file without a readable pid this old is a leftover of a crash between create and write. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export interface DataLock {
  release(): Promise<void>;
}

/**
 * One process per data folder: two writers would interleave the logs and race on temp files.
 * The lock holds the owner's pid; a lock whose process is gone is taken over. (A pid reused by an
 * unrelated process after a crash keeps the lock held; the error message says which file to delete.)
 */
export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`, 'utf8');
      } finally {
        await handle.close();
      }
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!(await isStale(lockPath))) break;
    await rm(lockPath, { force: true });
  }
  const owner = (await readFile(lockPath, 'utf8').catch(() => '')).trim();
  throw new Error(
    `The data folder ${dataDir} is in use by another Koers process (pid ${owner || 'unknown'}). ` +
      `If no such process runs, delete ${lockPath}.`,
  );
}

async function isStale(lockPath: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    const { mtimeMs } = await stat(lockPath);
    return Date.now() - mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  }
  return !isProcessAlive(pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
