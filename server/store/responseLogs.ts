import path from 'node:path';
import { AppendLog } from './appendLog';
import type { StoreStats } from './stats';

export const RESPONSES_DIR = 'responses';
export const USED_CODES_DIR = 'used-codes';
export const LOG_SUFFIX = '.jsonl';

/** One line of used-codes/<roundId>.jsonl. `retry` is set only when the client sent a submissionId. */
export interface UsedCodeLine {
  codeHash: string;
  retry: string | null;
}

/** One accepted submission on its way to disk: a line for each of the round's two logs. */
export interface LogEntry {
  roundId: string;
  responseLine: string;
  usedCodeLine: string;
}

export function responsesPath(dataDir: string, roundId: string): string {
  return path.join(dataDir, RESPONSES_DIR, roundId + LOG_SUFFIX);
}

export function usedCodesPath(dataDir: string, roundId: string): string {
  return path.join(dataDir, USED_CODES_DIR, roundId + LOG_SUFFIX);
}

interface RoundLogs {
  responses: AppendLog;
  usedCodes: AppendLog;
  /** Length of the response log up to the last fully acknowledged flush. */
  acknowledgedBytes: number;
  /** Lines in each of the two files after the last acknowledged flush. */
  lines: number;
}

/**
 * Adds `"flush":[linesBefore,linesInFlush]` to a line (a JSON object). The mark tells recovery which
 * lines one flush wrote, so it can tell a flush torn by a crash from a file lost or restored apart.
 */
function withFlushMark(line: string, before: number, size: number): string {
  return `${line.slice(0, -1)},"flush":[${before},${size}]}`;
}

/**
 * The per-round append-only logs. A batch writes each touched file once and fdatasyncs it once;
 * within a round both files get their lines in the same order, which is what lets recovery pair
 * them up by count after a crash.
 */
export class ResponseLogs {
  private readonly open = new Map<string, RoundLogs>();
  /** Line counts of the rounds' logs as recovery left them. */
  private readonly recoveredLines = new Map<string, number>();
  private broken: Error | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly stats: StoreStats,
  ) {}

  /**
   * Readers stop here: every byte before it belongs to an acknowledged submission. Undefined when the
   * log is not open, which means no flush has touched it since recovery and the whole file counts.
   */
  acknowledgedResponseBytes(roundId: string): number | undefined {
    return this.open.get(roundId)?.acknowledgedBytes;
  }

  /** Called by openStore with each round's line count after recovery. */
  setRecoveredLines(roundId: string, lines: number): void {
    this.recoveredLines.set(roundId, lines);
  }

  /** Must not run concurrently with itself (the group committer runs one flush at a time). */
  async appendBatch(entries: LogEntry[]): Promise<void> {
    if (this.broken) throw this.broken;
    const byRound = new Map<string, LogEntry[]>();
    for (const entry of entries) {
      const list = byRound.get(entry.roundId);
      if (list) list.push(entry);
      else byRound.set(entry.roundId, [entry]);
    }
    const writes: Array<{ log: AppendLog; buffer: Buffer; before: number }> = [];
    for (const [roundId, list] of byRound) {
      const logs = await this.logsFor(roundId);
      const mark = (line: string) => withFlushMark(line, logs.lines, list.length) + '\n';
      const responses = Buffer.from(list.map((e) => mark(e.responseLine)).join(''), 'utf8');
      const usedCodes = Buffer.from(list.map((e) => mark(e.usedCodeLine)).join(''), 'utf8');
      writes.push({ log: logs.responses, buffer: responses, before: logs.responses.durableBytes });
      writes.push({ log: logs.usedCodes, buffer: usedCodes, before: logs.usedCodes.durableBytes });
    }
    const outcomes = await Promise.allSettled(writes.map(({ log, buffer }) => log.appendDurably(buffer)));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) {
      await this.rollback(writes, failure.reason);
      throw failure.reason;
    }
    for (const [roundId, list] of byRound) {
      const logs = this.open.get(roundId)!;
      logs.acknowledgedBytes = logs.responses.durableBytes;
      logs.lines += list.length;
    }
    this.stats.flushes += 1;
  }

  async close(): Promise<void> {
    const logs = [...this.open.values()].flatMap((l) => [l.responses, l.usedCodes]);
    this.open.clear();
    await Promise.all(logs.map((log) => log.close()));
  }

  private async logsFor(roundId: string): Promise<RoundLogs> {
    let logs = this.open.get(roundId);
    if (!logs) {
      const responses = await AppendLog.open(responsesPath(this.dataDir, roundId), this.stats);
      const usedCodes = await AppendLog.open(usedCodesPath(this.dataDir, roundId), this.stats).catch(
        async (error: unknown) => {
          await responses.close();
          throw error;
        },
      );
      logs = {
        responses,
        usedCodes,
        acknowledgedBytes: responses.durableBytes,
        lines: this.recoveredLines.get(roundId) ?? 0,
      };
      this.open.set(roundId, logs);
    }
    return logs;
  }

  /**
   * Cuts every file of a failed batch back to its last durable length. If even that fails, the files
   * may hold half a batch that later lines would land behind, so the logs refuse all further writes;
   * recovery on the next open repairs them.
   */
  private async rollback(writes: Array<{ log: AppendLog; before: number }>, cause: unknown): Promise<void> {
    const outcomes = await Promise.allSettled(writes.map(({ log, before }) => log.truncateTo(before)));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) {
      this.broken = new Error(
        `Response logs could not be repaired after a failed write; restart Koers (${String(failure.reason)})`,
        { cause },
      );
    }
  }
}
