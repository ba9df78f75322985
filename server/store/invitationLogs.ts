import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppendLog } from './appendLog';
import { scanJsonLines } from './jsonLines';
import { LOG_SUFFIX } from './responseLogs';
import type { StoreStats } from './stats';

export const INVITATIONS_DIR = 'invitations';

/** One line of invitations/<roundId>.jsonl: the code hashes one request made for a group. */
export interface InvitationLine {
  group: string;
  hashes: string[];
}

function isInvitationLine(value: unknown): value is InvitationLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.group === 'string' && Array.isArray(line.hashes) && line.hashes.every((h) => typeof h === 'string')
  );
}

export function invitationsPath(dataDir: string, roundId: string): string {
  return path.join(dataDir, INVITATIONS_DIR, roundId + LOG_SUFFIX);
}

/**
 * Invitation code hashes, one append-only log per round, like the responses: making codes appends
 * one line and fdatasyncs it, so an admin write costs the same however many codes exist (koers.json
 * is no longer rewritten with every hash in it). Codes are shown to the caller only after the line
 * is on disk, so a torn last line holds codes nobody ever saw and is cut off on open.
 */
export class InvitationLogs {
  private readonly open = new Map<string, AppendLog>();

  constructor(
    private readonly dataDir: string,
    private readonly stats: StoreStats,
  ) {}

  /** Reads every round's log (cutting a torn last line) and hands each line to `onLine`. */
  async load(onLine: (roundId: string, line: InvitationLine) => void): Promise<void> {
    const dir = path.join(this.dataDir, INVITATIONS_DIR);
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (!name.endsWith(LOG_SUFFIX)) continue;
      const roundId = name.slice(0, -LOG_SUFFIX.length);
      const filePath = path.join(dir, name);
      const scan = await scanJsonLines(filePath, isInvitationLine, (value) => onLine(roundId, value as InvitationLine));
      if (scan.tornTail) {
        const log = await AppendLog.open(filePath, this.stats);
        await log.truncateTo(scan.validBytes);
        await log.close();
        this.stats.recovery.tornLines += 1;
        this.stats.recovery.repairs.push(
          `${INVITATIONS_DIR}/${name}: cut off a torn last line (codes of a request that was never answered)`,
        );
      }
    }
  }

  /** Appends one request's hashes durably. Callers serialise appends per round. */
  async append(roundId: string, line: InvitationLine): Promise<void> {
    let log = this.open.get(roundId);
    if (!log) {
      log = await AppendLog.open(invitationsPath(this.dataDir, roundId), this.stats);
      this.open.set(roundId, log);
    }
    const before = log.durableBytes;
    try {
      await log.appendDurably(Buffer.from(JSON.stringify(line) + '\n', 'utf8'));
    } catch (error) {
      // Nobody saw these codes: take the partial line back so the next append starts clean.
      await log.truncateTo(before).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const logs = [...this.open.values()];
    this.open.clear();
    await Promise.all(logs.map((log) => log.close()));
  }
}

/**
 * Every invitation of a data folder as one table, read without changing anything: the per-round logs
 * plus what an older koers.json still holds (`legacy`), each hash once. For tools such as the
 * PostgreSQL import.
 */
export async function readInvitationTable(
  dataDir: string,
  legacy: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {},
): Promise<Record<string, Record<string, string[]>>> {
  const sets = new Map<string, Map<string, Set<string>>>();
  const add = (roundId: string, group: string, hashes: readonly string[]) => {
    let byGroup = sets.get(roundId);
    if (!byGroup) sets.set(roundId, (byGroup = new Map<string, Set<string>>()));
    let set = byGroup.get(group);
    if (!set) byGroup.set(group, (set = new Set<string>()));
    for (const hash of hashes) set.add(hash);
  };
  for (const [roundId, byGroup] of Object.entries(legacy)) {
    for (const [group, hashes] of Object.entries(byGroup)) add(roundId, group, hashes);
  }
  const dir = path.join(dataDir, INVITATIONS_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith(LOG_SUFFIX)) continue;
    const roundId = name.slice(0, -LOG_SUFFIX.length);
    // A torn last line is skipped (scanJsonLines reports it); damage elsewhere throws.
    await scanJsonLines(path.join(dir, name), isInvitationLine, (value) => {
      const line = value as InvitationLine;
      add(roundId, line.group, line.hashes);
    });
  }
  const table: Record<string, Record<string, string[]>> = {};
  for (const [roundId, byGroup] of sets) {
    table[roundId] = Object.fromEntries([...byGroup].map(([group, set]) => [group, [...set]]));
  }
  return table;
}
