import type { RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import { KoersApiError } from '../api/client';
import { describeError } from './errorText';
import { PaneError, type TaskpaneSession } from './session';
import type { PaneView } from './view';

export interface AppDeps {
  language: Language;
  session: TaskpaneSession;
  view: PaneView;
  /** The server the task pane came from: the usual answer to "which server?". */
  defaultServerUrl: string;
  /** Draws the charts after a pull; rejects (with a PaneError) when chart.js could not be fetched. */
  renderCharts: (results: RoundResults, language: Language) => Promise<void>;
  /** Told which round is chosen (undefined: none, or disconnected), e.g. by the Kies section. */
  onRoundChanged?: (roundId: string | undefined) => void;
}

/** Wires the page to the session: connect → choose a round → pull, with messages for every failure. */
export async function startApp({
  language,
  session,
  view,
  defaultServerUrl,
  renderCharts,
  onRoundChanged = () => {},
}: AppDeps): Promise<void> {
  view.translate();

  const showRounds = () => {
    view.showRounds(session.serverUrl ?? defaultServerUrl, session.rounds, session.selectedRoundId);
    onRoundChanged(session.selectedRoundId);
  };

  const fail = (error: unknown) => {
    view.showError(describeError(error, language));
    const field = fieldFor(error);
    if (field === 'url' && !view.connectSection.hidden) view.serverUrl.focus();
    if (field === 'key' && !view.connectSection.hidden) view.apiKey.focus();
  };

  const connect = async (serverUrl: string, apiKey: string): Promise<boolean> => {
    view.setBusy(true, view.connectButton, view.text('connecting'));
    try {
      await session.connect(serverUrl, apiKey);
      view.clearMessages();
      showRounds();
      focusHeading('rounds-heading');
      const blocker = session.pullBlocker();
      if (blocker) view.showStatus(describeError(blocker, language));
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      view.setBusy(false);
    }
  };

  view.connectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void connect(view.serverUrl.value, view.apiKey.value);
  });

  view.disconnectButton.addEventListener('click', () => {
    const current = session.serverUrl ?? defaultServerUrl;
    session.disconnect();
    onRoundChanged(undefined);
    view.clearMessages();
    view.showConnect(current);
    view.apiKey.focus();
  });

  view.refreshButton.addEventListener('click', async () => {
    view.setBusy(true);
    try {
      await session.refreshRounds();
      view.clearMessages();
      showRounds();
    } catch (error) {
      fail(error);
    } finally {
      view.setBusy(false);
    }
  });

  view.roundList.addEventListener('change', () => {
    const id = view.selectedRound();
    if (id) session.select(id);
    onRoundChanged(session.selectedRoundId);
  });

  view.pullButton.addEventListener('click', async () => {
    const id = view.selectedRound();
    if (id) session.select(id);
    onRoundChanged(session.selectedRoundId);
    view.setBusy(true, view.pullButton, view.text('pulling'));
    view.clearMessages();
    view.showProgress(0, 1);
    try {
      const { results, report } = await session.pull((done, total) => view.showProgress(done, total));
      const sheets = [report.results.sheetName, report.responses.sheetName, report.summary.sheetName]
        .map((s) => `"${s}"`)
        .join(', ');
      const done = view.text('pullDone', { sheets });
      view.showStatus(done);
      try {
        await renderCharts(results, language);
      } catch (error) {
        // The sheets are written: say so, and why the charts are missing.
        view.showError(`${done} ${describeError(error, language)}`);
      }
    } catch (error) {
      view.hideProgress();
      fail(error);
    } finally {
      view.setBusy(false);
    }
  });

  view.ready();
  const saved = session.savedConnection();
  view.showConnect(saved?.serverUrl ?? defaultServerUrl, saved?.apiKey ?? '');
  if (saved) {
    // A remembered connection is tried at once; if it fails, the form is there with the message.
    await connect(saved.serverUrl, saved.apiKey);
  } else {
    const blocker = session.pullBlocker();
    if (blocker) view.showStatus(describeError(blocker, language));
  }
}

function fieldFor(error: unknown): 'url' | 'key' | undefined {
  if (error instanceof PaneError) {
    if (error.key === 'keyRequired') return 'key';
    if (error.key === 'urlRequired' || error.key === 'errorInsecure') return 'url';
  }
  if (error instanceof KoersApiError) {
    if (error.kind === 'unauthorized') return 'key';
    if (['invalidUrl', 'unreachable', 'notKoers'].includes(error.kind)) return 'url';
  }
  return undefined;
}

function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}
