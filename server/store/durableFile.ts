import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { StoreStats } from './stats';

/** Suffix of files being written; leftovers of a crash are removed on open. */
export const TEMP_SUFFIX = '.tmp';

/** FileHandle.write may write less than asked; loop until the whole buffer is out. */
export async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Makes a rename or a newly created file survive a power cut: on Linux the directory entry is only
 * durable once the directory itself is fsynced. Windows cannot open directories for syncing, and its
 * rename is already journaled, so it is skipped there.
 */
export async function syncDirectory(directory: string, stats: Pick<StoreStats, 'fsyncs'>): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
    stats.fsyncs += 1;
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a file so that after a crash either the old or the new content is there, complete:
 * write a temp file, fsync it, rename it over the old one, fsync the directory.
 * Callers must not run two writes to one path at the same time (they share the temp name).
 */
export async function writeFileDurably(
  filePath: string,
  content: string | Buffer,
  stats: Pick<StoreStats, 'fsyncs'>,
): Promise<void> {
  const tempPath = filePath + TEMP_SUFFIX;
  const handle = await open(tempPath, 'w');
  try {
    await writeAll(handle, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    await handle.sync();
    stats.fsyncs += 1;
  } catch (error) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  await rename(tempPath, filePath);
  await syncDirectory(path.dirname(filePath), stats);
}
