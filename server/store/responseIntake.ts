import type { ResponseInput, StoredResponse } from '../../core/response';
import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import { GroupCommitter } from './groupCommit';
import type { LogEntry, ResponseLogs, UsedCodeLine } from './responseLogs';
import { StoreError, type SubmitOutcome } from './contract';
import { anonymousResponse, checkSubmission, checkToday, RecentContent } from './rules/responses';

/** The invitation a submission's code resolved to. */
export interface IntakeTarget {
  codeHash: string;
  round: Round;
  survey: Survey;
  group: string;
}

/** An accepted submission between its checks and the flush that makes it durable. */
interface PendingEntry extends LogEntry {
  codeHash: string;
  retry: string | null;
  content: string | undefined;
  response: StoredResponse;
}

interface InFlight {
  retry: string | null;
  content: string | undefined;
  durable: Promise<void>;
}

/**
 * Accepts submissions: decides synchronously whether a code may be used, queues the response for
 * group commit, and marks the code used once the flush carrying it is on disk. Holds the used codes
 * and the in-memory repeat memory, never the responses (each is handed to `onDurable` and dropped).
 */
export class ResponseIntake {
  /** codeHash → retry fingerprint (null without submissionId), for every durably used code. */
  private readonly usedCodes = new Map<string, string | null>();
  /** Codes whose submission is accepted but not yet durable: they count as used for everyone else. */
  private readonly inFlight = new Map<string, InFlight>();
  /** For repeats from clients without submissionId. */
  private readonly recentContent = new RecentContent();
  private readonly committer: GroupCommitter<PendingEntry>;

  constructor(
    private readonly logs: ResponseLogs,
    private readonly now: () => Date,
    private readonly onDurable: (response: StoredResponse) => void,
  ) {
    this.committer = new GroupCommitter((batch) => this.flush(batch));
  }

  loadUsedCodes(lines: UsedCodeLine[]): void {
    for (const { codeHash, retry } of lines) this.usedCodes.set(codeHash, retry);
  }

  isUsed(codeHash: string): boolean {
    return this.usedCodes.has(codeHash) || this.inFlight.has(codeHash);
  }

  /**
   * Every check runs synchronously before the first await, against state that includes submissions
   * still in flight, so of two concurrent submissions of one code exactly one gets past; the other
   * is a repeat of it (and waits for it) or is refused.
   */
  async submit(target: IntakeTarget, input: ResponseInput, today: string): Promise<SubmitOutcome> {
    checkToday(today);
    const { codeHash, round, survey, group } = target;
    const checked = checkSubmission(survey, input);
    const { retry, content } = checked;
    const isRepeatOf = (earlier: { retry: string | null; content: string | undefined }): boolean =>
      (retry !== null && earlier.retry === retry) || (content !== undefined && earlier.content === content);

    const inFlight = this.inFlight.get(codeHash);
    if (inFlight) {
      if (!isRepeatOf(inFlight)) throw new StoreError('codeUsed');
      await inFlight.durable;
      return 'repeated';
    }
    if (this.usedCodes.has(codeHash)) {
      const remembered = this.recentContent.recall(codeHash, this.now().getTime());
      if (isRepeatOf({ retry: this.usedCodes.get(codeHash)!, content: remembered })) return 'repeated';
      throw new StoreError('codeUsed');
    }
    if (round.status !== 'open') throw new StoreError('roundClosed');

    const response = anonymousResponse(round.id, group, today, checked);
    const usedCode: UsedCodeLine = { codeHash, retry };
    const durable = this.committer.submit({
      roundId: round.id,
      responseLine: JSON.stringify(response),
      usedCodeLine: JSON.stringify(usedCode),
      codeHash,
      retry,
      content,
      response,
    });
    this.inFlight.set(codeHash, { retry, content, durable });
    await durable;
    return 'created';
  }

  /** Resolves when every accepted submission has been written (or has failed). */
  drain(): Promise<void> {
    return this.committer.drain();
  }

  /** One group-commit flush; in-memory state changes only once the batch is on disk. */
  private async flush(batch: PendingEntry[]): Promise<void> {
    try {
      await this.logs.appendBatch(batch);
    } catch (error) {
      // The logs rolled the batch back, so its codes are free to be tried again.
      for (const entry of batch) this.inFlight.delete(entry.codeHash);
      throw error;
    }
    const at = this.now().getTime();
    for (const entry of batch) {
      this.usedCodes.set(entry.codeHash, entry.retry);
      this.inFlight.delete(entry.codeHash);
      if (entry.content !== undefined) this.recentContent.remember(entry.codeHash, entry.content, at);
    }
    for (const entry of batch) this.onDurable(entry.response);
  }
}
