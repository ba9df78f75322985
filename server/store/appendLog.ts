import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeAll } from './durableFile';
import type { StoreStats } from './stats';

/**
 * One append-only file, kept open. `durableBytes` is the length known to be on disk: readers stop
 * there, so they never see a line of a flush that is still running, and a failed append is cut back
 * to it so the next flush does not land behind half a batch.
 */
export class AppendLog {
  private constructor(
    readonly filePath: string,
    private readonly handle: FileHandle,
    private size: number,
    private readonly stats: Pick<StoreStats, 'fsyncs'>,
  ) {}

  static async open(filePath: string, stats: Pick<StoreStats, 'fsyncs'>): Promise<AppendLog> {
    const handle = await open(filePath, 'a');
    try {
      const { size } = await handle.stat();
      // A new file's directory entry must be durable too, or a crash could lose the whole file.
      if (size === 0) await syncDirectory(path.dirname(filePath), stats);
      return new AppendLog(filePath, handle, size, stats);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  get durableBytes(): number {
    return this.size;
  }

  /** Appends and fdatasyncs; resolves once the bytes are on disk. */
  async appendDurably(buffer: Buffer): Promise<void> {
    await writeAll(this.handle, buffer);
    await this.handle.datasync();
    this.stats.fsyncs += 1;
    this.size += buffer.length;
  }

  /**
   * Cuts the file back to `length` (a durableBytes value taken earlier), removing what a failed
   * batch left behind, including parts of it that did reach the disk.
   */
  async truncateTo(length: number): Promise<void> {
    await this.handle.truncate(length);
    await this.handle.datasync();
    this.stats.fsyncs += 1;
    this.size = length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
