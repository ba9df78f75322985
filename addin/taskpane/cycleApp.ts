import type { RoundResults } from '../../core/results';
import { cycleTextsFor, schoolYearOf } from '../../core/sheets/cycleTexts';
import type { Language } from '../../core/text';
import { KoersApiError } from '../api/client';
import type { CycleWorkbook } from '../excel/cycleWorkbook';
import { cycleText, type CycleTextKey } from '../text/cycle';
import { describeError } from './errorText';
import { element, MessageArea } from './messageArea';
import { formatDay, PaneError, type TaskpaneSession } from './session';
import type { PaneView } from './view';

export interface CycleAppDeps {
  language: Language;
  pane: TaskpaneSession;
  paneView: PaneView;
  /** Undefined outside Excel. */
  workbook?: CycleWorkbook;
  now?: () => Date;
}

export interface CycleApp {
  roundChanged(roundId: string | undefined): void;
}

/**
 * The Doe / Ga door section: Plan and Indicatoren from the Kies sheet's chosen levers, the
 * Vergelijking sheet from GET /api/rounds/:id/comparison, and the Knelpunten and Stakeholders sheets.
 */
export function startCycleApp({ language, pane, paneView, workbook, now = () => new Date() }: CycleAppDeps): CycleApp {
  const section = element<HTMLElement>('cycle-section');
  const messages = new MessageArea(element('cycle-message'), element('cycle-status'));
  const text = (key: CycleTextKey, params?: Record<string, string | number>) => cycleText(language, key, params);
  const context = () => ({ texts: cycleTextsFor(language), retrievedOn: formatDay(now(), language) });
  const requireWorkbook = (): CycleWorkbook => {
    const blocker = pane.pullBlocker();
    if (blocker) throw blocker;
    if (!workbook) throw new PaneError('errorNoExcel');
    return workbook;
  };
  for (const node of section.querySelectorAll<HTMLElement>('[data-cycle-text]')) {
    node.textContent = text(node.dataset.cycleText as CycleTextKey);
  }
  const buttons: Array<[string, CycleTextKey]> = [
    ['plan-button', 'planButton'],
    ['compare-button', 'compareButton'],
    ['knelpunten-button', 'knelpuntenButton'],
    ['stakeholder-button', 'stakeholderButton'],
  ];
  const labelButtons = () => {
    for (const [id, key] of buttons) element<HTMLButtonElement>(id).textContent = text(key);
  };
  labelButtons();

  const act = (id: string, busyKey: CycleTextKey, action: () => Promise<string>) => {
    const button = element<HTMLButtonElement>(id);
    button.addEventListener('click', async () => {
      paneView.setBusy(true, button, text(busyKey));
      messages.clearMessages();
      try {
        const selected = paneView.selectedRound();
        if (selected) pane.select(selected);
        messages.showStatus(await action());
      } catch (error) {
        if (error instanceof KoersApiError && error.details.code === 'noBaseline')
          messages.showError(text('compareNoBaseline'));
        else messages.showError(describeError(error, language));
      } finally {
        paneView.setBusy(false);
        labelButtons();
      }
    });
  };

  act('plan-button', 'planWriting', async () => {
    const target = requireWorkbook();
    const client = pane.requireClient();
    const round = pane.requireRound();
    const [results, levers] = await Promise.all([
      optionalResults(() => client.getResults(round.id)),
      client.listLevers(),
    ]);
    const report = await target.writePlan(
      { roundId: round.id, results, levers, schoolYear: schoolYearOf(now()) },
      context(),
    );
    const parts = [
      text('planDone', {
        sheet: report.sheetName,
        rows: report.rows,
        chosen: report.chosen ?? 0,
        fresh: report.newLevers,
        indicators: report.indicatorsSheet,
        count: report.indicators,
      }),
    ];
    if (report.chosen === undefined) parts.push(text('planNoKies'));
    else if (report.chosen === 0) parts.push(text('planNoChosen'));
    return parts.join(' ');
  });

  act('compare-button', 'compareWriting', async () => {
    const target = requireWorkbook();
    const round = pane.requireRound();
    const comparison = await pane.requireClient().getComparison(round.id);
    const report = await target.writeComparison(comparison, context());
    return text('compareDone', { sheet: report.sheetName, ...report.counts });
  });

  act('knelpunten-button', 'knelpuntenWriting', async () => {
    const report = await requireWorkbook().writeKnelpunten(context());
    return text('knelpuntenDone', { sheet: report.sheetName, rows: report.rows, own: report.ownRows });
  });

  act('stakeholder-button', 'stakeholderWriting', async () => {
    const report = await requireWorkbook().writeStakeholders(context());
    return text('stakeholderDone', { sheet: report.sheetName, rows: report.rows });
  });

  return {
    roundChanged(roundId) {
      messages.clearMessages();
      section.hidden = roundId === undefined;
    },
  };
}

/** A round without figures yet still gets a plan, only without statements to pick from. */
async function optionalResults(fetch: () => Promise<RoundResults>): Promise<RoundResults | undefined> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof KoersApiError && error.kind === 'noResults') return undefined;
    throw error;
  }
}
