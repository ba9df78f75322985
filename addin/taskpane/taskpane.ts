import './taskpane.css';
import { cycleWorkbook } from '../excel/cycleWorkbook';
import { kiesWorkbook } from '../excel/kiesWorkbook';
import { connectToOffice } from '../excel/officeHost';
import { pullRoundIntoWorkbook } from '../excel/pullRound';
import { languageFromLocale } from '../i18n';
import { officeLoadingText } from '../text/officeLoading';
import { startApp } from './app';
import { renderCharts } from './chartsView';
import { startCycleApp } from './cycleApp';
import { CredentialStore, type KeyValueStorage } from './credentials';
import { startKiesApp } from './kiesApp';
import { roundWorkbook } from '../excel/roundSheets';
import { startRoundsApp } from './roundsApp';
import { renderMatrix } from './kiesChartView';
import { KiesSession } from './kiesSession';
import { KiesView } from './kiesView';
import { TaskpaneSession } from './session';
import { PaneView } from './view';

function localStorageOrNothing(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The API lives at the root the task pane was served from: /addin/taskpane.html → /. */
function ownServerUrl(): string {
  try {
    const root = new URL('../', window.location.href);
    return root.protocol.startsWith('http') ? root.href.replace(/\/+$/, '') : '';
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const host = await connectToOffice();
  const language = languageFromLocale(host.displayLanguage ?? navigator.language);
  const session = new TaskpaneSession({
    language,
    store: new CredentialStore(localStorageOrNothing(), host.partitionKey),
    excel: host.inExcel
      ? { support: host.support, pull: (input, onProgress) => pullRoundIntoWorkbook(input, onProgress) }
      : undefined,
    pageIsHttps: window.location.protocol === 'https:',
  });
  const view = new PaneView(language);
  const kies = startKiesApp({
    language,
    kies: new KiesSession({ language, pane: session, workbook: host.inExcel ? kiesWorkbook(host.support) : undefined }),
    pane: session,
    paneView: view,
    view: new KiesView(language),
    renderMatrix,
  });
  const cycle = startCycleApp({
    language,
    pane: session,
    paneView: view,
    workbook: host.inExcel ? cycleWorkbook(host.support) : undefined,
  });
  const rounds = startRoundsApp({
    language,
    session,
    paneView: view,
    workbook: host.inExcel ? roundWorkbook({ language, capabilities: host.support }) : undefined,
    roundsUpdated: () => {
      view.showRounds(session.serverUrl ?? ownServerUrl(), session.rounds, session.selectedRoundId);
      kies.roundChanged(session.selectedRoundId);
      cycle.roundChanged(session.selectedRoundId);
      rounds.roundChanged(session.selectedRoundId);
    },
  });
  await startApp({
    language,
    session,
    view,
    defaultServerUrl: ownServerUrl(),
    renderCharts,
    onRoundChanged: (roundId) => {
      kies.roundChanged(roundId);
      cycle.roundChanged(roundId);
      rounds.roundChanged(roundId);
    },
  });
  if (host.officeTimedOut) {
    const note = officeLoadingText(language, host.officeSource === 'local-after-timeout');
    view.showStatus(host.inExcel ? note : `${note} ${view.text('errorNoExcel')}`);
  }
}

void main();
