import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StoredResponse } from '../../core/response';
import { TEMP_SUFFIX, writeFileDurably } from './durableFile';
import { scanJsonLines } from './jsonLines';
import { responsesPath, usedCodesPath, USED_CODES_DIR, type UsedCodeLine } from './responseLogs';
import type { RecoveryReport, StoreStats } from './stats';

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

/**
 * Brings a round's two logs back to a state where every line has its partner, streaming both files,
 * and hands each kept response to `onResponse` (for the tally; nothing is kept in memory).
 *
 * Why this is sound: a flush appends the same submissions in the same order to responses/<id>.jsonl
 * and used-codes/<id>.jsonl and acknowledges nobody until both are fdatasynced, and flushes run one
 * after another. So after a crash both files hold every acknowledged line plus, at most, a prefix of
 * the one unfinished flush, possibly ending in a torn line. Cutting the torn line and then the longer
 * file down to the shorter file's count leaves pairs only, and removes only unacknowledged lines.
 * Those respondents got no answer and will retry.
 *
 * Afterwards the used-codes file is rewritten sorted by hash (atomically). Appends mirror submission
 * order, so line n of one file belongs to line n of the other; sorting breaks that link between a
 * code and its response for everything already on disk. New appends until the next open are again
 * in submission order, which the next open sorts away.
 */
export async function recoverRound(
  dataDir: string,
  roundId: string,
  stats: StoreStats,
  onResponse: (response: StoredResponse) => void,
): Promise<RecoveredRound> {
  const report: RecoveryReport = stats.recovery;
  const usedPath = usedCodesPath(dataDir, roundId);
  const responsePath = responsesPath(dataDir, roundId);
  const [usedExists, responsesExist] = await Promise.all([exists(usedPath), exists(responsePath)]);
  if (!usedExists && !responsesExist) return { usedCodes: [], responseCount: 0 };

  const usedInFileOrder: UsedCodeLine[] = [];
  const used = usedExists
    ? await scanJsonLines(usedPath, isUsedCodeLine, (line) => {
        const { codeHash, retry } = line as UsedCodeLine;
        usedInFileOrder.push({ codeHash, retry });
      })
    : { validLines: 0, validBytes: 0, tornTail: false };

  // Only responses with a used-code partner reach the tally; the offset after the last of them is
  // where the file is cut if it is the longer one.
  let pairedEnd = 0;
  const responses = responsesExist
    ? await scanJsonLines(responsePath, isStoredResponse, (value, index, endOffset) => {
        if (index >= used.validLines) return;
        onResponse(value as StoredResponse);
        pairedEnd = endOffset;
      })
    : { validLines: 0, validBytes: 0, tornTail: false };

  report.tornLines += Number(used.tornTail) + Number(responses.tornTail);
  const kept = Math.min(used.validLines, responses.validLines);
  report.unacknowledgedLines += used.validLines - kept + (responses.validLines - kept);

  if (responsesExist && (responses.tornTail || responses.validLines > kept)) {
    await truncateDurably(responsePath, kept === responses.validLines ? responses.validBytes : pairedEnd, stats);
  }
  const keptUsed = usedInFileOrder.slice(0, kept);
  const sorted = [...keptUsed].sort((a, b) => (a.codeHash < b.codeHash ? -1 : a.codeHash > b.codeHash ? 1 : 0));
  const alreadySorted = keptUsed.every((line, i) => line === sorted[i]);
  if (!usedExists || used.tornTail || used.validLines > kept || !alreadySorted) {
    await writeFileDurably(usedPath, sorted.map((line) => JSON.stringify(line) + '\n').join(''), stats);
  }
  return { usedCodes: sorted, responseCount: kept };
}
