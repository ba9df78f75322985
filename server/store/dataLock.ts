import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'koers.lock';
/** Only the process holding this file may remove a stale lock: check-stale-delete-create is a race otherwise. */
const BREAK_FILE = 'koers.lock.break';

/** The holder touches the lock this often, so a lock of a process on another host (or container) can age. */
const HEARTBEAT_MS = 10_000;
/** A lock not touched for this long is abandoned, whoever wrote it. */
export const ABANDONED_AFTER_MS = 3 * HEARTBEAT_MS;
/** A lock or break file without readable content this old is a leftover of a crash between create and write. */
const UNREADABLE_GRACE_MS = 10_000;
/** Breaking a stale lock takes milliseconds; a break file older than this was left by a crash. */
const BREAK_GRACE_MS = 10_000;

export interface DataLock {
  release(): Promise<void>;
}

/** What the lock file holds: enough to tell the live owner from a dead one that had the same pid. */
interface LockOwner {
  pid: number;
  /** Random per acquisition: two acquisitions never look alike, even with one pid. */
  token: string;
  host: string;
  /** Start time of the process in clock ticks since boot (Linux), so a reused pid is recognised. */
  processStart: string | null;
  acquiredAt: string;
}

/** Locks this process holds now, by path: an own pid in a lock file is stale unless listed here. */
const heldHere = new Map<string, string>();

/** Field 22 of /proc/<pid>/stat: when the process started. Null where there is no /proc. */
export function processStartTime(pid: number | 'self'): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the fields after it do not.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string') {
      return {
        pid: value.pid,
        token: value.token,
        host: value.host,
        processStart: typeof value.processStart === 'string' ? value.processStart : null,
        acquiredAt: String(value.acquiredAt ?? ''),
      };
    }
  } catch {
    // Older Koers wrote the bare pid.
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (/^\d+\s*$/.test(text) && pid > 0)
    return { pid, token: '', host: os.hostname(), processStart: null, acquiredAt: '' };
  return undefined;
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

type Verdict = { stale: true; why: string } | { stale: false; owner: string };

/**
 * Whether a lock's owner is gone. Same host: the pid must run and have the recorded start time, and a
 * lock naming this very process (pid 1 in a container, restarted) is stale unless this process holds
 * it now. Another host or container: only the heartbeat tells, so it is stale once not touched for
 * ABANDONED_AFTER_MS.
 */
async function judge(lockPath: string, text: string, mtimeMs: number): Promise<Verdict> {
  const age = Date.now() - mtimeMs;
  const owner = parseOwner(text);
  if (!owner) {
    return age > UNREADABLE_GRACE_MS
      ? { stale: true, why: 'an unreadable lock file' }
      : { stale: false, owner: 'a process that is just starting' };
  }
  if (owner.host !== os.hostname()) {
    if (age > ABANDONED_AFTER_MS)
      return { stale: true, why: `a lock of host ${owner.host} not refreshed for ${Math.round(age / 1000)} s` };
    return {
      stale: false,
      owner:
        `pid ${owner.pid} on host ${owner.host}, refreshed ${Math.round(age / 1000)} s ago; it counts as ` +
        `abandoned ${ABANDONED_AFTER_MS / 1000} s after its last refresh`,
    };
  }
  if (owner.pid === process.pid) {
    return heldHere.has(lockPath)
      ? { stale: false, owner: `this process (pid ${owner.pid})` }
      : { stale: true, why: `a lock of an earlier process with this process's pid ${owner.pid}` };
  }
  if (!isProcessAlive(owner.pid)) return { stale: true, why: `a lock of pid ${owner.pid}, which no longer runs` };
  const start = processStartTime(owner.pid);
  if (owner.processStart !== null && start !== null && start !== owner.processStart) {
    return { stale: true, why: `a lock of pid ${owner.pid}, now reused by another process` };
  }
  return { stale: false, owner: `pid ${owner.pid}` };
}

async function readLock(lockPath: string): Promise<{ text: string; mtimeMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Exclusive create: of several processes creating one path at once, exactly one succeeds. */
async function createExclusive(filePath: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(filePath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One process per data folder: two writers would interleave the logs and overwrite each other's
 * koers.json. The lock is created exclusively ('wx'). A stale lock is removed only by the process
 * that exclusively created the break file, after checking again that the lock is still the same
 * stale one, so of several processes starting at once on a folder with a stale lock exactly one wins.
 * `repairs` receives a sentence when a stale lock was taken over.
 */
export async function acquireDataLock(dataDir: string, repairs: string[] = []): Promise<DataLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const breakPath = path.join(dataDir, BREAK_FILE);
  const token = randomBytes(12).toString('hex');
  const owner: LockOwner = {
    pid: process.pid,
    token,
    host: os.hostname(),
    processStart: processStartTime('self'),
    acquiredAt: new Date().toISOString(),
  };
  const content = JSON.stringify(owner) + '\n';
  let lastVerdict = 'another process';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await createExclusive(lockPath, content)) return held(lockPath, token);
    const seen = await readLock(lockPath);
    if (!seen) continue;
    const verdict = await judge(lockPath, seen.text, seen.mtimeMs);
    if (!verdict.stale) {
      lastVerdict = verdict.owner;
      break;
    }
    if (!(await createExclusive(breakPath, content))) {
      await removeAbandonedBreakFile(breakPath);
      await sleep(20 + Math.random() * 30);
      continue;
    }
    try {
      // Still the same stale lock? Another process may have broken it and taken the folder meanwhile.
      const again = await readLock(lockPath);
      if (again && again.text === seen.text) {
        await rm(lockPath, { force: true });
        repairs.push(`${LOCK_FILE}: took over ${verdict.why}`);
      }
    } finally {
      await rm(breakPath, { force: true });
    }
  }
  throw new Error(
    `The data folder ${dataDir} is in use by another Koers process (${lastVerdict}). ` +
      `Stop that process first. If it no longer runs, delete ${lockPath}.`,
  );
}

async function removeAbandonedBreakFile(breakPath: string): Promise<void> {
  try {
    const { mtimeMs } = await stat(breakPath);
    if (Date.now() - mtimeMs > BREAK_GRACE_MS) await rm(breakPath, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function held(lockPath: string, token: string): DataLock {
  heldHere.set(lockPath, token);
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= (async () => {
        clearInterval(heartbeat);
        heldHere.delete(lockPath);
        // Only our own lock is removed: never one another process took over meanwhile.
        const seen = await readLock(lockPath);
        if (seen && parseOwner(seen.text)?.token === token) await rm(lockPath, { force: true });
      })();
      return released;
    },
  };
}
