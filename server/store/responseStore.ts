import { stat } from 'node:fs/promises';
import { addToTally, buildComments, buildResults, createTally, type RoundTally } from '../../core/aggregation';
import type { PublishedComment } from '../../core/anonymity';
import type { ResponseInput, StoredResponse } from '../../core/response';
import type { RoundResults } from '../../core/results';
import type { Round } from '../../core/round';
import { hashCode } from './codes';
import { StoreError, type ResponseStore, type SubmitOutcome } from './contract';
import { CorruptLogError, parseJsonLine, readLines } from './jsonLines';
import { ResponseIntake } from './responseIntake';
import { responsesPath, type ResponseLogs, type UsedCodeLine } from './responseLogs';
import type { Invitation } from './roundStore';
import type { StoreStats } from './stats';
import type { StoreContext } from './storeContext';

interface CachedResults {
  key: string;
  results: RoundResults;
  json?: string;
}

/**
 * Responses: submissions go through the intake to append-only logs; in memory are the per-round
 * counts and tallies, never the responses themselves. Results are derived from the tally and cached
 * per round until a response is stored or the round changes, which only this store knows.
 */
export class FileResponseStore implements ResponseStore {
  private readonly intake: ResponseIntake;
  private readonly responseCounts = new Map<string, number>();
  private readonly tallies = new Map<string, RoundTally>();
  private readonly resultsCache = new Map<string, CachedResults>();

  constructor(
    private readonly ctx: StoreContext,
    private readonly logs: ResponseLogs,
    private readonly counters: StoreStats,
    private readonly dataDir: string,
    private readonly invitationFor: (codeHash: string) => Invitation | undefined,
  ) {
    this.intake = new ResponseIntake(logs, ctx.now, (response) => this.countDurable(response));
  }

  /** Called by openStore for each recovered round before the store is handed out. */
  loadRecoveredRound(roundId: string, usedCodes: UsedCodeLine[], responseCount: number): void {
    this.intake.loadUsedCodes(usedCodes);
    this.responseCounts.set(roundId, responseCount);
  }

  /** Feeds one recovered response into its round's tally. */
  tallyRecovered(response: StoredResponse): void {
    const tally = this.tallyFor(response.roundId);
    if (tally) addToTally(tally, response);
  }

  isCodeUsed(codeHash: string): boolean {
    return this.intake.isUsed(codeHash);
  }

  /** Resolves the code to its invitation here; the intake does the rest, synchronously up to the write. */
  async submitResponse(input: ResponseInput, today: string): Promise<SubmitOutcome> {
    this.ctx.assertOpen();
    const codeHash = hashCode(input.code, this.ctx.meta.data.secret);
    const invitation = this.invitationFor(codeHash);
    const round = invitation && this.ctx.roundById(invitation.roundId);
    const survey = round && this.ctx.surveyById(round.surveyId);
    if (!invitation || !round || !survey) throw new StoreError('unknownCode');
    return this.intake.submit({ codeHash, round, survey, group: invitation.group }, input, today);
  }

  async responsesByGroup(roundId: string): Promise<Record<string, number>> {
    return { ...(this.tallyFor(roundId)?.responsesByGroup ?? {}) };
  }

  async responseCount(roundId: string): Promise<number> {
    return this.countOf(roundId);
  }

  async results(round: Round): Promise<RoundResults> {
    return this.cachedResults(round).results;
  }

  async resultsJson(round: Round): Promise<string> {
    const cached = this.cachedResults(round);
    cached.json ??= JSON.stringify(cached.results);
    return cached.json;
  }

  async comments(round: Round): Promise<PublishedComment[]> {
    return this.buildComments(round);
  }

  /**
   * Streams the round's log up to the last acknowledged flush, so a reader never sees a response
   * whose flush is still running or might be rolled back.
   */
  async *readResponses(roundId: string): AsyncGenerator<StoredResponse> {
    // Only ids of known rounds become file names: the id may come straight from a URL.
    if (!this.ctx.roundById(roundId)) return;
    const filePath = responsesPath(this.dataDir, roundId);
    const acknowledged = this.logs.acknowledgedResponseBytes(roundId);
    let size: number;
    try {
      ({ size } = await stat(filePath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // A log no flush has opened yet holds only recovered, acknowledged lines: read what is there now.
    const end = acknowledged ?? size;
    let lineNumber = 0;
    for await (const line of readLines(filePath, end)) {
      lineNumber += 1;
      if (!line.complete) return;
      const value = parseJsonLine(line.text);
      if (value === undefined) throw new CorruptLogError(filePath, lineNumber, 'after the last repair on open');
      // The flush mark is bookkeeping for recovery, not part of the response.
      const response = value as StoredResponse & { flush?: unknown };
      delete response.flush;
      yield response;
    }
  }

  /** Resolves when every accepted submission has been written (or has failed). */
  drain(): Promise<void> {
    return this.intake.drain();
  }

  /**
   * Results change only when a response is stored or the round itself changes (closed, edited), so
   * they are kept per round under a key of both: serialising ~100 kB was most of a request's cost.
   */
  private cachedResults(round: Round): CachedResults {
    const current = this.ctx.roundById(round.id) ?? round;
    const key = `${this.countOf(current.id)}:${JSON.stringify(current)}`;
    const cached = this.resultsCache.get(current.id);
    if (cached?.key === key) return cached;
    const fresh: CachedResults = { key, results: this.buildResults(current) };
    // Only rounds the store knows are cached, so a caller's made-up round cannot grow the cache.
    if (this.ctx.roundById(round.id)) this.resultsCache.set(current.id, fresh);
    return fresh;
  }

  /** The results computed from the tally, bypassing the cache (benchmarks time this). */
  buildResults(round: Round): RoundResults {
    const current = this.ctx.roundById(round.id) ?? round;
    const survey = this.ctx.surveyById(current.surveyId);
    if (!survey) throw new StoreError('unknownSurvey', { surveyId: current.surveyId });
    const tally = this.tallyFor(current.id) ?? createTally(survey, current.groups, current);
    return buildResults({ tally, survey, round: current });
  }

  /** The comments computed from the tally (benchmarks time this). */
  buildComments(round: Round): PublishedComment[] {
    const current = this.ctx.roundById(round.id) ?? round;
    const tally = this.tallyFor(current.id);
    return tally ? buildComments({ tally, round: current }) : [];
  }

  private countOf(roundId: string): number {
    return this.responseCounts.get(roundId) ?? 0;
  }

  /** Called for each response once the flush that carried it is on disk. */
  private countDurable(response: StoredResponse): void {
    this.responseCounts.set(response.roundId, this.countOf(response.roundId) + 1);
    this.counters.committedResponses += 1;
    const tally = this.tallyFor(response.roundId);
    if (tally) addToTally(tally, response);
  }

  private tallyFor(roundId: string): RoundTally | undefined {
    let tally = this.tallies.get(roundId);
    if (!tally) {
      const round = this.ctx.roundById(roundId);
      const survey = round && this.ctx.surveyById(round.surveyId);
      if (!round || !survey) return undefined;
      tally = createTally(survey, round.groups, round);
      this.tallies.set(roundId, tally);
    }
    return tally;
  }
}
