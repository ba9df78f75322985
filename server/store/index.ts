import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { builtInSurveys } from '../../core/instruments';
import { acquireDataLock } from './dataLock';
import { syncDirectory } from './durableFile';
import { createFileStore, type FileStore } from './fileStores';
import { MetaDocument } from './metaDocument';
import { recoverRound, removeTempLeftovers } from './recovery';
import { RESPONSES_DIR, ResponseLogs, USED_CODES_DIR } from './responseLogs';
import { createStats } from './stats';
import { resolveLimits, type StoreLimits } from './limits';

export type { FileStore } from './fileStores';
export type { StoreStats, RecoveryReport } from './stats';
export * from './contract';
export { DEFAULT_LIMITS, resolveLimits, type StoreLimits } from './limits';

export interface OpenStoreOptions {
  /** The data folder: koers.json, responses/, used-codes/ and the lock. Created if missing. */
  dataDir: string;
  /** Clock for timestamps and the repeat memory; tests pass a fixed one. */
  now?: () => Date;
  /** Per-organisation limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<StoreLimits>;
}

/**
 * Opens (or creates) a data folder: takes the lock, reads koers.json, repairs the response logs after
 * a crash and rebuilds counts and tallies from them. Needs no database server: everything is plain
 * JSON files that can be read, copied and backed up (copy while Koers is stopped for a consistent set).
 */
export async function openStore(options: OpenStoreOptions): Promise<FileStore> {
  const dataDir = path.resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  const limits = resolveLimits(options.limits);
  const created = await mkdir(dataDir, { recursive: true });
  const stats = createStats();
  const lock = await acquireDataLock(dataDir, stats.recovery.repairs);
  try {
    const createdSubfolders = await Promise.all(
      [RESPONSES_DIR, USED_CODES_DIR].map((dir) => mkdir(path.join(dataDir, dir), { recursive: true })),
    );
    if (created !== undefined) await syncDirectory(path.dirname(dataDir), stats);
    if (created !== undefined || createdSubfolders.some((c) => c !== undefined)) await syncDirectory(dataDir, stats);
    await removeTempLeftovers(dataDir);

    const meta = await MetaDocument.open(dataDir, stats);
    const logs = new ResponseLogs(dataDir, stats);
    const store = createFileStore({ meta, logs, lock, stats, dataDir, now, builtIns: builtInSurveys(), limits });
    for (const round of meta.data.rounds) {
      const recovered = await recoverRound(dataDir, round.id, stats, (response) =>
        store.responses.tallyRecovered(response),
      );
      store.responses.loadRecoveredRound(round.id, recovered.usedCodes, recovered.responseCount);
      logs.setRecoveredLines(round.id, recovered.responseCount);
    }
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
