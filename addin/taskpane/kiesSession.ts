import type { AmoCoverage } from '../../core/levers/amo';
import type { Lever } from '../../core/levers/lever';
import type { ScoreInput } from '../../core/levers/scoring';
import { MAX_SESSION_LEVERS, MAX_SESSION_RATERS } from '../../core/levers/scoringSession';
import type { Language } from '../../core/text';
import { KoersApiError, type KoersClient } from '../api/client';
import type { ScoringCreated, ScoringView } from '../api/contracts';
import type { KiesWorkbook, KiesWriteContext } from '../excel/kiesWorkbook';
import type { KiesSheetReport } from '../excel/writeKiesSheet';
import type { MtWriteReport } from '../excel/writeMtScores';
import { sheetTextsFor } from '../i18n';
import { amoForChosen, amoLine, type KiesSheetLever } from '../../core/sheets/kiesLayout';
import { formatDay, PaneError, type TaskpaneSession } from './session';

export interface KiesSessionDeps {
  language: Language;
  /** The connection and the chosen round. */
  pane: TaskpaneSession;
  /** Undefined outside Excel. */
  workbook?: KiesWorkbook;
  now?: () => Date;
}

/** What the sheet says now, and the AMO check over its chosen levers. */
export interface KiesSheetOutcome {
  sheetName: string;
  levers: KiesSheetLever[];
  amo: AmoCoverage;
}

export interface KiesWriteOutcome extends KiesSheetOutcome {
  report: KiesSheetReport;
}

export interface OpenSessionOutcome {
  created: ScoringCreated;
  /** Which levers went into the session: the ones marked Gekozen, or (none chosen) the suggested ones. */
  source: 'chosen' | 'suggested';
  mt?: MtWriteReport;
  sheet: KiesSheetOutcome;
}

export interface MtOutcome {
  view: ScoringView;
  report: MtWriteReport;
}

export interface AdviserOutcome extends MtOutcome {
  /** Levers whose scores were sent, and session levers the adviser has not fully scored. */
  sent: number;
  missing: number;
  sheet: KiesSheetOutcome;
}

/**
 * The Kies flow without DOM or Office: write the Kies sheet from the round's suggestions and the
 * organisation's levers, read it back (for the chart and the AMO check), open an MT scoring session,
 * pull the MT scores into the sheet, and count the adviser's own scores as one more rater.
 */
export class KiesSession {
  private levers?: { client: KoersClient; list: Lever[] };

  constructor(private readonly deps: KiesSessionDeps) {}

  /** Why the Kies flow cannot write to a workbook now, if it cannot. */
  blocker(): PaneError | undefined {
    return this.deps.pane.pullBlocker() ?? (this.deps.workbook ? undefined : new PaneError('errorNoExcel'));
  }

  /** Fetches suggestions, levers and any MT session, then (re)writes the Kies sheet. */
  async writeSheet(): Promise<KiesWriteOutcome> {
    const workbook = this.requireWorkbook();
    const client = this.deps.pane.requireClient();
    const round = this.deps.pane.requireRound();
    const [suggestions, levers, scoring] = await Promise.all([
      client.getSuggestions(round.id),
      client.listLevers(),
      this.optionalScoring(client, round.id),
    ]);
    this.levers = { client, list: levers };
    const report = await workbook.writeSheet(
      { roundId: round.id, roundName: round.name, suggestions: suggestions.suggestions, levers, scoring },
      this.writeContext(),
    );
    return { sheetName: report.sheetName, levers: report.levers, amo: report.amo, report };
  }

  /** Reads the sheet as the adviser left it, checks AMO over the chosen levers and notes it on the sheet. */
  async readSheet(): Promise<KiesSheetOutcome> {
    const workbook = this.requireWorkbook();
    const round = this.deps.pane.requireRound();
    const state = await workbook.readSheet(round.id);
    if (!state) throw new PaneError('kiesSheetMissing');
    const texts = sheetTextsFor(this.deps.language);
    const amo = amoForChosen(
      state.levers.filter((lever) => lever.chosen).map((lever) => lever.leverId),
      await this.organisationLevers(),
    );
    await workbook.writeAmoLine(round.id, amoLine(amo, texts), texts);
    return { sheetName: state.sheetName, levers: state.levers, amo };
  }

  /**
   * Opens an MT session for the levers marked Gekozen (or, none chosen, the suggested ones) with
   * `raters` personal links. A running session that already has scores is only replaced when asked.
   */
  async openSession(raters: number, options: { replaceOpen?: boolean } = {}): Promise<OpenSessionOutcome> {
    if (!Number.isInteger(raters) || raters < 1 || raters > MAX_SESSION_RATERS) {
      throw new PaneError('ratersInvalid', { max: MAX_SESSION_RATERS });
    }
    const workbook = this.requireWorkbook();
    const client = this.deps.pane.requireClient();
    const round = this.deps.pane.requireRound();
    const sheet = await this.readSheet();
    let leverIds = sheet.levers.filter((lever) => lever.chosen).map((lever) => lever.leverId);
    let source: OpenSessionOutcome['source'] = 'chosen';
    if (leverIds.length === 0) {
      leverIds = (await client.getSuggestions(round.id)).suggestions.map((suggestion) => suggestion.leverId);
      source = 'suggested';
    }
    if (leverIds.length === 0) throw new PaneError('mtNothingToScore');
    if (leverIds.length > MAX_SESSION_LEVERS)
      throw new PaneError('mtTooManyLevers', { max: MAX_SESSION_LEVERS, count: leverIds.length });
    if (!options.replaceOpen) {
      const running = await this.optionalScoring(client, round.id);
      if (running?.status === 'open' && (running.raters.submitted > 0 || running.raters.adviser)) {
        throw new PaneError('mtAlreadyOpen', { submitted: running.raters.submitted, links: running.raters.links });
      }
    }
    const created = await client.openScoring(round.id, { leverIds, raters });
    const mt = await workbook.writeMtScores(created, this.writeContext());
    return { created, source, mt, sheet };
  }

  /** The chosen session of the round (default the latest), written into the MT columns. */
  async pullMtScores(sessionId?: string): Promise<MtOutcome> {
    const workbook = this.requireWorkbook();
    const client = this.deps.pane.requireClient();
    const round = this.deps.pane.requireRound();
    const view = await client.getScoring(round.id, sessionId);
    const report = await workbook.writeMtScores(view, this.writeContext());
    if (!report) throw new PaneError('kiesSheetMissing');
    return { view, report };
  }

  /**
   * Sends the adviser's whole scores (Impact and Haalbaarheid both 1–5) for the session's levers as
   * one more rater, then writes the new aggregate into the sheet.
   */
  async sendAdviserScores(): Promise<AdviserOutcome> {
    const workbook = this.requireWorkbook();
    const client = this.deps.pane.requireClient();
    const round = this.deps.pane.requireRound();
    const sheet = await this.readSheet();
    const session = await client.getScoring(round.id);
    const inSession = new Set(session.levers.map((entry) => entry.leverId));
    const scores: ScoreInput[] = sheet.levers.flatMap((lever) =>
      inSession.has(lever.leverId) && lever.impact !== null && lever.feasibility !== null
        ? [{ leverId: lever.leverId, impact: lever.impact, feasibility: lever.feasibility }]
        : [],
    );
    if (scores.length === 0) throw new PaneError('adviserNoScores');
    const view = await client.sendAdviserScores(round.id, scores);
    const report = await workbook.writeMtScores(view, this.writeContext());
    if (!report) throw new PaneError('kiesSheetMissing');
    return { view, report, sent: scores.length, missing: inSession.size - scores.length, sheet };
  }

  /** The round's sessions, oldest first, for the session choice. */
  async scoringSessions(): Promise<ScoringView[]> {
    return this.deps.pane.requireClient().listScoringSessions(this.deps.pane.requireRound().id);
  }

  private requireWorkbook(): KiesWorkbook {
    const blocker = this.blocker();
    if (blocker) throw blocker;
    return this.deps.workbook!;
  }

  private writeContext(): KiesWriteContext {
    return {
      texts: sheetTextsFor(this.deps.language),
      retrievedOn: formatDay(this.deps.now?.() ?? new Date(), this.deps.language),
    };
  }

  /** The organisation's levers, fetched once per connection. */
  private async organisationLevers(): Promise<Lever[]> {
    const client = this.deps.pane.requireClient();
    if (this.levers?.client !== client) this.levers = { client, list: await client.listLevers() };
    return this.levers.list;
  }

  /** The round's latest session, or undefined when none was ever opened (any other failure is thrown). */
  private async optionalScoring(client: KoersClient, roundId: string): Promise<ScoringView | undefined> {
    try {
      return await client.getScoring(roundId);
    } catch (error) {
      if (
        error instanceof KoersApiError &&
        error.kind === 'notFound' &&
        error.details.code === 'scoringSessionNotFound'
      )
        return undefined;
      throw error;
    }
  }
}
