import { compareCodeUnits } from '../../core/compare';
import type { RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import { checkConnection, KoersApiError, normaliseServerUrl, type KoersClient } from '../api/client';
import type { RoundListItem } from '../api/contracts';
import { sheetTextsFor, type UiTextKey } from '../i18n';
import type { ExcelSupport } from '../excel/capabilities';
import { MIN_EXCEL_API } from '../excel/capabilities';
import type { PullInput, PullReport } from '../excel/pullRound';
import type { CredentialStore, SavedConnection } from './credentials';

/** A problem the task pane explains in its own words (not from the server or Excel). */
export class PaneError extends Error {
  constructor(
    readonly key: UiTextKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'PaneError';
  }
}

export interface ExcelAccess {
  support: ExcelSupport;
  pull: (input: PullInput, onProgress: (done: number, total: number) => void) => Promise<PullReport>;
}

export interface SessionDeps {
  language: Language;
  store: CredentialStore;
  /** Undefined outside Excel: connecting and listing work, writing sheets does not. */
  excel?: ExcelAccess;
  fetch?: typeof fetch;
  /** The task pane's own page is https: then the API must be https too (no mixed content). */
  pageIsHttps?: boolean;
  now?: () => Date;
}

export interface PullOutcome {
  results: RoundResults;
  report: PullReport;
}

/**
 * The task pane's flow without DOM or Office: connect (checked against the server, remembered
 * locally), list and choose rounds, pull a round's results into the workbook.
 */
export class TaskpaneSession {
  rounds: RoundListItem[] = [];
  selectedRoundId?: string;
  private client?: KoersClient;

  constructor(private readonly deps: SessionDeps) {}

  get serverUrl(): string | undefined {
    return this.client?.serverUrl;
  }

  savedConnection(): SavedConnection | undefined {
    return this.deps.store.load();
  }

  async connect(serverUrl: string, apiKey: string): Promise<RoundListItem[]> {
    if (!serverUrl.trim()) throw new PaneError('urlRequired');
    if (!apiKey.trim()) throw new PaneError('keyRequired');
    const url = normaliseServerUrl(serverUrl);
    if (this.deps.pageIsHttps && url.startsWith('http:')) throw new PaneError('errorInsecure');
    const { client, rounds } = await checkConnection(url, apiKey.trim(), {
      language: this.deps.language,
      fetch: this.deps.fetch,
    });
    this.client = client;
    this.deps.store.save({ serverUrl: client.serverUrl, apiKey: apiKey.trim() });
    this.setRounds(rounds);
    return this.rounds;
  }

  async refreshRounds(): Promise<RoundListItem[]> {
    this.setRounds(await this.requireClient().listRounds());
    return this.rounds;
  }

  disconnect(): void {
    this.client = undefined;
    this.rounds = [];
    this.selectedRoundId = undefined;
    this.deps.store.clear();
  }

  select(roundId: string): void {
    if (!this.rounds.some((round) => round.id === roundId)) throw new PaneError('errorNotFound');
    this.selectedRoundId = roundId;
  }

  /** Why pulling is impossible right now, if it is. */
  pullBlocker(): PaneError | undefined {
    if (!this.deps.excel) return new PaneError('errorNoExcel');
    if (!this.deps.excel.support.meetsMinimum) return new PaneError('errorExcelTooOld', { version: MIN_EXCEL_API });
    return undefined;
  }

  /** Fetches results and responses, then writes the sheets. Progress is over the whole write. */
  async pull(onProgress: (done: number, total: number) => void = () => {}): Promise<PullOutcome> {
    const blocker = this.pullBlocker();
    if (blocker) throw blocker;
    const excel = this.deps.excel!;
    const client = this.requireClient();
    const roundId = this.selectedRoundId;
    if (!roundId) throw new PaneError('chooseRoundFirst');
    const results = await client.getResults(roundId);
    const responses = await client.getResponses(roundId);
    const now = this.deps.now?.() ?? new Date();
    const report = await excel.pull(
      {
        results,
        responses,
        texts: sheetTextsFor(this.deps.language),
        retrievedOn: formatDay(now, this.deps.language),
        capabilities: excel.support,
      },
      onProgress,
    );
    return { results, report };
  }

  private setRounds(rounds: RoundListItem[]): void {
    // Newest first: the round being worked on is usually the latest. The server lists rounds in
    // creation order, which breaks ties between rounds made within the same millisecond.
    this.rounds = rounds
      .map((round, index) => ({ round, index }))
      .sort((a, b) => compareCodeUnits(b.round.createdAt, a.round.createdAt) || b.index - a.index)
      .map(({ round }) => round);
    if (this.selectedRoundId && !this.rounds.some((round) => round.id === this.selectedRoundId))
      this.selectedRoundId = undefined;
  }

  /** The connected client, for flows beside the pull (the Kies section). */
  requireClient(): KoersClient {
    if (!this.client) throw new KoersApiError('unauthorized', 'Not connected');
    return this.client;
  }

  /** The chosen round, or a message to choose one. */
  requireRound(): RoundListItem {
    const round = this.rounds.find((candidate) => candidate.id === this.selectedRoundId);
    if (!round) throw new PaneError('chooseRoundFirst');
    return round;
  }
}

export function formatDay(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}
