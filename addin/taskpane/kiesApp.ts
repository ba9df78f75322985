import type { Language } from '../../core/text';
import type { KiesSheetLever } from '../../core/sheets/kiesLayout';
import { describeError } from './errorText';
import type { KiesSession, KiesSheetOutcome } from './kiesSession';
import { PaneError, type TaskpaneSession } from './session';
import type { PaneView } from './view';
import type { KiesView } from './kiesView';

export interface KiesAppDeps {
  language: Language;
  kies: KiesSession;
  pane: TaskpaneSession;
  paneView: PaneView;
  view: KiesView;
  /** Draws the matrix in the pane; resolves to the number of scored levers once it is drawn. */
  renderMatrix: (levers: readonly KiesSheetLever[], language: Language) => Promise<number>;
  /** Puts text on the clipboard; false when the browser refused. */
  copyText?: (text: string) => Promise<boolean>;
}

export interface KiesApp {
  /** Called by the main flow when a round is chosen (or none is, after disconnecting). */
  roundChanged(roundId: string | undefined): void;
}

/** Wires the Kies section: sheet, chart and AMO check, MT session, MT scores, the adviser's own scores. */
export function startKiesApp({
  language,
  kies,
  pane,
  paneView,
  view,
  renderMatrix,
  copyText = copyToClipboard,
}: KiesAppDeps): KiesApp {
  let currentRound: string | undefined;
  let replaceOpen = false;

  const showSheet = (sheet: KiesSheetOutcome): Promise<number> => {
    view.showAmo(sheet.amo.message[language]);
    return renderMatrix(sheet.levers, language);
  };

  /**
   * Shows what an action did, then the matrix of the sheet: when the matrix cannot be drawn (chart.js
   * could not be fetched), the message says both what was done and why the chart is missing.
   */
  const reportAndShowSheet = async (done: string, sheet: KiesSheetOutcome): Promise<void> => {
    view.showStatus(done);
    try {
      await showSheet(sheet);
    } catch (error) {
      view.showError(`${done} ${describeError(error, language)}`);
    }
  };

  /** Runs one Kies action with the pane busy, its own button showing what happens, errors in words. */
  const act = (button: HTMLButtonElement, busyKey: Parameters<KiesView['text']>[0], action: () => Promise<void>) => {
    button.addEventListener('click', async () => {
      paneView.setBusy(true, button, view.text(busyKey));
      view.clearMessages();
      try {
        const id = paneView.selectedRound();
        if (id) {
          pane.select(id);
          api.roundChanged(id);
        }
        await action();
      } catch (error) {
        if (error instanceof PaneError && error.key === 'mtAlreadyOpen') {
          replaceOpen = true;
          view.showError(describeError(error, language));
          // setBusy(false) below translates the buttons: the open button's key is switched first.
          view.setReplaceMode(true);
        } else {
          view.showError(describeError(error, language));
        }
      } finally {
        paneView.setBusy(false);
      }
    });
  };

  act(view.writeButton, 'kiesWriting', async () => {
    const outcome = await kies.writeSheet();
    const parts = [
      view.text('kiesWriteDone', {
        sheet: outcome.sheetName,
        count: outcome.report.rows,
        suggested: outcome.report.suggested,
      }),
    ];
    if (outcome.report.suggested === 0) parts.push(view.text('kiesNoSuggestions'));
    await reportAndShowSheet(parts.join(' '), outcome);
  });

  act(view.chartButton, 'kiesReading', async () => {
    const sheet = await kies.readSheet();
    const scored = await showSheet(sheet);
    view.showStatus(
      view.text(scored > 0 ? 'kiesChartDone' : 'kiesChartEmpty', { count: scored, sheet: sheet.sheetName }),
    );
  });

  act(view.openButton, 'mtOpening', async () => {
    const outcome = await kies.openSession(Number(view.raters.value), { replaceOpen });
    replaceOpen = false;
    view.setReplaceMode(false);
    view.showSessions(await kies.scoringSessions());
    view.showLinks(outcome.created.links, (index) => void copy([outcome.created.links[index]!], index + 1));
    view.linksHeading.tabIndex = -1;
    view.linksHeading.focus();
    await reportAndShowSheet(
      view.text('mtOpenDone', {
        count: outcome.created.levers.length,
        source: view.text(outcome.source === 'chosen' ? 'mtSourceChosen' : 'mtSourceSuggested'),
      }),
      outcome.sheet,
    );
  });

  act(view.pullButton, 'mtPulling', async () => {
    const { view: session, report } = await kies.pullMtScores(view.sessionSelect.value || undefined);
    view.showSessions(await kies.scoringSessions());
    const status = view.text(session.status === 'open' ? 'mtStatusOpen' : 'mtStatusClosed');
    const scoredAny = session.raters.submitted > 0 || session.raters.adviser;
    let text = scoredAny
      ? view.text('mtPullDone', {
          submitted: session.raters.submitted,
          links: session.raters.links,
          adviser: session.raters.adviser ? view.text('mtAdviserCounted') : '',
          status,
        })
      : view.text('mtPullNone', { links: session.raters.links, status });
    if (report.notOnSheet.length > 0) text += view.text('mtNotOnSheet', { count: report.notOnSheet.length });
    view.showStatus(text);
    await reportAndShowSheet(text, await kies.readSheet());
  });

  act(view.adviserButton, 'adviserSending', async () => {
    const outcome = await kies.sendAdviserScores();
    let text = view.text('adviserDone', { count: outcome.sent });
    if (outcome.missing > 0) text += view.text('adviserMissing', { count: outcome.missing });
    view.showStatus(text);
    await reportAndShowSheet(text, await kies.readSheet());
  });

  view.copyAllButton.addEventListener('click', () => {
    void copy(view.linkInputs().map((input) => input.value));
  });

  async function copy(links: string[], number?: number): Promise<void> {
    const ok = await copyText(links.join('\n'));
    if (!ok) view.showError(view.text('mtCopyFailed'));
    else
      view.showStatus(
        number === undefined ? view.text('mtCopiedAll', { count: links.length }) : view.text('mtCopied', { number }),
      );
  }

  const api: KiesApp = {
    roundChanged(roundId) {
      if (roundId === currentRound) return;
      currentRound = roundId;
      replaceOpen = false;
      view.reset();
      view.show(roundId !== undefined);
    },
  };
  return api;
}

/**
 * The asynchronous clipboard where the host allows it; otherwise the older copy command on a
 * temporary text field, which Office's web views have long supported. Focus returns where it was.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back to the copy command below
  }
  const previous = document.activeElement as HTMLElement | null;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'visually-hidden';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    previous?.focus();
  }
}
