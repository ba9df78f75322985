import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from '../../core/compare';
import type { StoredResponse } from '../../core/response';
import { TEMP_SUFFIX, writeFileDurably } from './durableFile';
import { scanJsonLines } from './jsonLines';
import { responsesPath, usedCodesPath, USED_CODES_DIR, type UsedCodeLine } from './responseLogs';
import type { StoreStats } from './stats';

export interface RecoveredRound {
  /** Used codes of the round, sorted by hash. */
  usedCodes: UsedCodeLine[];
  responseCount: number;
}

/**
 * The shape of a response line, checked by hand: the zod schema costs more than parsing the line,
 * and this runs for every stored response on every start. The tally itself ignores statements it
 * does not know and ratings off the scale.
 */
function isStoredResponse(value: unknown): value is StoredResponse {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  if (typeof line.roundId !== 'string' || typeof line.group !== 'string' || typeof line.day !== 'string') return false;
  if (line.comment !== undefined && typeof line.comment !== 'string') return false;
  const answers = line.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return false;
  for (const pair of Object.values(answers)) {
    if (!Array.isArray(pair) || pair.length !== 2) return false;
    for (const rating of pair) if (rating !== null && typeof rating !== 'number') return false;
  }
  return true;
}

function isUsedCodeLine(value: unknown): value is UsedCodeLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return typeof line.codeHash === 'string' && (line.retry === null || typeof line.retry === 'string');
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function truncateDurably(filePath: string, length: number, stats: Pick<StoreStats, 'fsyncs'>): Promise<void> {
  const handle = await open(filePath, 'r+');
  try {
    await handle.truncate(length);
    await handle.datasync();
    stats.fsyncs += 1;
  } finally {
    await handle.close();
  }
}

/** Temp files are only ever half-written replacements; the real file next to them is intact. */
export async function removeTempLeftovers(dataDir: string): Promise<void> {
  for (const dir of [dataDir, path.join(dataDir, USED_CODES_DIR)]) {
    for (const name of await readdir(dir)) {
      if (name.endsWith(TEMP_SUFFIX)) await rm(path.join(dir, name), { force: true });
    }
  }
}

/** Where a line sits in its flush: `[linesBefore, linesInFlush]`, as ResponseLogs appends it. */
type FlushMark = [number, number];

function flushMarkOf(value: unknown): FlushMark | undefined {
  const mark = (value as { flush?: unknown }).flush;
  return Array.isArray(mark) && mark.length === 2 && mark.every((n) => Number.isInteger(n) && n >= 0)
    ? (mark as FlushMark)
    : undefined;
}

/** The trailing run of lines of a log that carry one and the same flush mark. */
interface LogTail {
  lines: number;
  mark: FlushMark | undefined;
  /** Index of the first line of that run. */
  start: number;
}

function trackTail(tail: LogTail, value: unknown, index: number): void {
  const mark = flushMarkOf(value);
  const same = mark && tail.mark && mark[0] === tail.mark[0] && mark[1] === tail.mark[1];
  if (!same) {
    tail.mark = mark;
    tail.start = index;
  }
  tail.lines = index + 1;
}

/** The two logs of a round disagree in a way no crash can leave behind: Koers will not guess. */
export class LogMismatchError extends Error {
  constructor(dataDir: string, roundId: string, responses: number | 'missing', used: number | 'missing') {
    const r = path.join(dataDir, 'responses', `${roundId}.jsonl`);
    const u = path.join(dataDir, USED_CODES_DIR, `${roundId}.jsonl`);
    const count = (n: number | 'missing') => (n === 'missing' ? 'is missing' : `holds ${n} lines`);
    super(
      `${r} ${count(responses)} but ${u} ${count(used)}. A crash can only leave the lines of one unfinished ` +
        'write behind, and this difference is more than that, so Koers will not cut either file (it would ' +
        'delete answers that were confirmed to respondents). Restore both files from one and the same backup ' +
        '(copied while Koers was stopped), then start again. Nothing has been changed.',
    );
    this.name = 'LogMismatchError';
  }
}

/**
 * Whether the longer log's extra lines are exactly what one torn flush can leave: all of them belong
 * to the log's last flush, which started at or before the shorter log's end, and the shorter log's
 * lines of that flush (if any) carry the same mark.
 */
function tornFlushExplains(longer: LogTail, shorter: LogTail): boolean {
  const mark = longer.mark;
  if (!mark) return false;
  const [before, size] = mark;
  if (longer.start !== before || before > shorter.lines || longer.lines > before + size) return false;
  if (shorter.lines === before) return true;
  return shorter.mark?.[0] === before && shorter.mark[1] === size && shorter.start === before;
}

/**
 * Brings a round's two logs back to a state where every line has its partner, streaming both files,
 * and hands each kept response to `onResponse` (for the tally; nothing is kept in memory).
 *
 * A flush appends the same submissions in the same order to responses/<id>.jsonl and
 * used-codes/<id>.jsonl, each line marked with `flush: [linesBefore, linesInFlush]`, and acknowledges
 * nobody until both files are fdatasynced; flushes run one after another. So after a crash both files
 * hold every acknowledged line plus, at most, a prefix of the one unfinished flush, possibly ending in
 * a torn line. Recovery cuts a torn last line, and cuts the longer file down to the shorter one only
 * when the marks show that the difference lies within that last flush. Any other difference (a file
 * deleted, or restored from another backup than its partner) is refused with LogMismatchError:
 * cutting there would delete acknowledged answers.
 *
 * Afterwards the used-codes file is rewritten sorted by hash and without marks (atomically). Appends
 * mirror submission order, so line n of one file belongs to line n of the other; sorting breaks that
 * link for everything already on disk. Each repair is added to `stats.recovery.repairs`.
 */
export async function recoverRound(
  dataDir: string,
  roundId: string,
  stats: StoreStats,
  onResponse: (response: StoredResponse) => void,
): Promise<RecoveredRound> {
  const report = stats.recovery;
  const usedPath = usedCodesPath(dataDir, roundId);
  const responsePath = responsesPath(dataDir, roundId);
  const [usedExists, responsesExist] = await Promise.all([exists(usedPath), exists(responsePath)]);
  if (!usedExists && !responsesExist) return { usedCodes: [], responseCount: 0 };

  const usedInFileOrder: UsedCodeLine[] = [];
  const usedTail: LogTail = { lines: 0, mark: undefined, start: 0 };
  let marked = false;
  const used = usedExists
    ? await scanJsonLines(usedPath, isUsedCodeLine, (line, index) => {
        const { codeHash, retry } = line as UsedCodeLine;
        usedInFileOrder.push({ codeHash, retry });
        if ((line as { flush?: unknown }).flush !== undefined) marked = true;
        trackTail(usedTail, line, index);
      })
    : { validLines: 0, validBytes: 0, tornTail: false };

  // Only responses with a used-code partner reach the tally; the offset after the last of them is
  // where the file is cut if it is the longer one.
  let pairedEnd = 0;
  const responseTail: LogTail = { lines: 0, mark: undefined, start: 0 };
  const responses = responsesExist
    ? await scanJsonLines(responsePath, isStoredResponse, (value, index, endOffset) => {
        trackTail(responseTail, value, index);
        if (index >= used.validLines) return;
        onResponse(value as StoredResponse);
        pairedEnd = endOffset;
      })
    : { validLines: 0, validBytes: 0, tornTail: false };

  const kept = Math.min(used.validLines, responses.validLines);
  if (used.validLines !== responses.validLines) {
    const missing = (!usedExists && responses.validLines > 0) || (!responsesExist && used.validLines > 0);
    const explained =
      !missing &&
      (responses.validLines > used.validLines
        ? tornFlushExplains(responseTail, usedTail)
        : tornFlushExplains(usedTail, responseTail));
    if (!explained) {
      throw new LogMismatchError(
        dataDir,
        roundId,
        responsesExist ? responses.validLines : 'missing',
        usedExists ? used.validLines : 'missing',
      );
    }
  }

  const relative = (filePath: string) => path.relative(dataDir, filePath);
  for (const [torn, filePath] of [
    [responses.tornTail, responsePath],
    [used.tornTail, usedPath],
  ] as const) {
    if (!torn) continue;
    report.tornLines += 1;
    report.repairs.push(`${relative(filePath)}: cut off a torn last line (a write cut short by a crash)`);
  }
  for (const [lines, filePath] of [
    [responses.validLines - kept, responsePath],
    [used.validLines - kept, usedPath],
  ] as const) {
    if (lines === 0) continue;
    report.unacknowledgedLines += lines;
    report.repairs.push(
      `${relative(filePath)}: rolled back ${lines} line(s) of a write that a crash interrupted before it was confirmed`,
    );
  }

  if (responsesExist && (responses.tornTail || responses.validLines > kept)) {
    await truncateDurably(responsePath, kept === responses.validLines ? responses.validBytes : pairedEnd, stats);
  }
  const keptUsed = usedInFileOrder.slice(0, kept);
  const sorted = [...keptUsed].sort((a, b) => compareCodeUnits(a.codeHash, b.codeHash));
  const alreadySorted = keptUsed.every((line, i) => line === sorted[i]);
  if (!usedExists || marked || used.tornTail || used.validLines > kept || !alreadySorted) {
    await writeFileDurably(usedPath, sorted.map((line) => JSON.stringify(line) + '\n').join(''), stats);
  }
  return { usedCodes: sorted, responseCount: kept };
}
