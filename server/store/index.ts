import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { builtInSurveys } from '../../core/instruments';
import { acquireDataLock } from './dataLock';
import { syncDirectory } from './durableFile';
import { createFileStore, type FileStore } from './fileStores';
import { INVITATIONS_DIR, InvitationLogs } from './invitationLogs';
import { MetaDocument } from './metaDocument';
import { recoverRound, removeTempLeftovers } from './recovery';
import { RESPONSES_DIR, ResponseLogs, USED_CODES_DIR } from './responseLogs';
import { createStats, type StoreStats } from './stats';
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
      [RESPONSES_DIR, USED_CODES_DIR, INVITATIONS_DIR].map((dir) =>
        mkdir(path.join(dataDir, dir), { recursive: true }),
      ),
    );
    if (created !== undefined) await syncDirectory(path.dirname(dataDir), stats);
    if (created !== undefined || createdSubfolders.some((c) => c !== undefined)) await syncDirectory(dataDir, stats);
    await removeTempLeftovers(dataDir);

    const meta = await MetaDocument.open(dataDir, stats);
    const logs = new ResponseLogs(dataDir, stats);
    const invitationLogs = new InvitationLogs(dataDir, stats);
    const store = createFileStore({
      meta,
      logs,
      invitationLogs,
      lock,
      stats,
      dataDir,
      now,
      builtIns: builtInSurveys(),
      limits,
    });
    await invitationLogs.load((roundId, line) => store.rounds.indexInvitationLine(roundId, line));
    await moveInvitationsOutOfMeta(meta, invitationLogs, store, stats);
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

/**
 * Files of older versions keep invitation hashes in koers.json: they move to the per-round logs
 * (written and fsynced first), then koers.json is rewritten without them. A crash in between only
 * repeats the move on the next open; the index ignores the duplicate lines.
 */
async function moveInvitationsOutOfMeta(
  meta: MetaDocument,
  invitationLogs: InvitationLogs,
  store: FileStore,
  stats: StoreStats,
): Promise<void> {
  const table = meta.data.invitations;
  let moved = 0;
  for (const [roundId, byGroup] of Object.entries(table)) {
    for (const [group, hashes] of Object.entries(byGroup)) {
      if (hashes.length === 0) continue;
      const line = { group, hashes };
      await invitationLogs.append(roundId, line);
      store.rounds.indexInvitationLine(roundId, line);
      moved += hashes.length;
    }
  }
  if (Object.keys(table).length === 0) return;
  await meta.update((draft) => {
    draft.invitations = {};
  });
  stats.recovery.repairs.push(`koers.json: moved ${moved} invitation code hashes to invitations/<round>.jsonl`);
}
