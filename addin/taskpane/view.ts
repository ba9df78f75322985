import { formatCoarseCount } from '../../core/coarseCount';
import type { Language } from '../../core/text';
import type { RoundListItem } from '../api/contracts';
import { uiText, type UiTextKey } from '../i18n';
import { element, MessageArea } from './messageArea';

/** The task pane's DOM: finding elements, showing states. No flow logic. */
export class PaneView {
  readonly app = element<HTMLElement>('app');
  readonly loading = element<HTMLElement>('loading');
  readonly message = element<HTMLElement>('message');
  readonly status = element<HTMLElement>('status');
  private readonly messages = new MessageArea(this.message, this.status);
  readonly connectSection = element<HTMLElement>('connect-section');
  readonly connectForm = element<HTMLFormElement>('connect-form');
  readonly serverUrl = element<HTMLInputElement>('server-url');
  readonly apiKey = element<HTMLInputElement>('api-key');
  readonly connectButton = element<HTMLButtonElement>('connect-button');
  readonly roundsSection = element<HTMLElement>('rounds-section');
  readonly connectedTo = element<HTMLElement>('connected-to');
  readonly disconnectButton = element<HTMLButtonElement>('disconnect-button');
  readonly roundList = element<HTMLUListElement>('round-list');
  readonly roundsEmpty = element<HTMLElement>('rounds-empty');
  readonly pullButton = element<HTMLButtonElement>('pull-button');
  readonly refreshButton = element<HTMLButtonElement>('refresh-button');
  readonly progress = element<HTMLElement>('progress');
  readonly progressBar = element<HTMLProgressElement>('progress-bar');
  readonly progressText = element<HTMLElement>('progress-text');
  readonly chartsSection = element<HTMLElement>('charts-section');

  constructor(private readonly language: Language) {}

  text(key: UiTextKey, params?: Record<string, string | number>): string {
    return uiText(this.language, key, params);
  }

  /** Fills every [data-i18n] element and sets the page language for screen readers. */
  translate(): void {
    document.documentElement.lang = this.language;
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      node.textContent = this.text(node.dataset.i18n as UiTextKey);
    }
  }

  ready(): void {
    this.loading.hidden = true;
    this.app.setAttribute('aria-busy', 'false');
  }

  showError(text: string): void {
    this.messages.showError(text);
  }

  showStatus(text: string): void {
    this.messages.showStatus(text);
  }

  clearMessages(): void {
    this.messages.clearMessages();
  }

  showConnect(serverUrl: string, apiKey = ''): void {
    this.connectSection.hidden = false;
    this.roundsSection.hidden = true;
    this.chartsSection.hidden = true;
    this.serverUrl.value = serverUrl;
    this.apiKey.value = apiKey;
  }

  showRounds(serverUrl: string, rounds: readonly RoundListItem[], selectedId: string | undefined): void {
    this.connectSection.hidden = true;
    this.roundsSection.hidden = false;
    this.connectedTo.textContent = this.text('connectedTo', { server: serverUrl });
    this.roundsEmpty.hidden = rounds.length > 0;
    this.roundList.replaceChildren(...rounds.map((round) => this.roundItem(round, round.id === selectedId)));
  }

  selectedRound(): string | undefined {
    return this.roundList.querySelector<HTMLInputElement>('input[name="round"]:checked')?.value;
  }

  /**
   * One thing at a time: every button of the pane (the Kies section's too) and the round choice are
   * disabled while a request or an Excel batch runs, so two batches never interleave.
   */
  setBusy(busy: boolean, busyButton?: HTMLButtonElement, busyLabel?: string): void {
    this.app.setAttribute('aria-busy', String(busy));
    for (const control of this.app.querySelectorAll<HTMLButtonElement>('button')) control.disabled = busy;
    for (const input of this.roundList.querySelectorAll<HTMLInputElement>('input')) input.disabled = busy;
    if (busyButton && busyLabel) busyButton.textContent = busyLabel;
    if (!busy) this.translateButtons();
  }

  showProgress(done: number, total: number): void {
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    this.progress.hidden = false;
    this.progressBar.value = percent;
    this.progressBar.setAttribute('aria-valuetext', `${percent}%`);
    this.progressText.textContent = `${percent}%`;
  }

  hideProgress(): void {
    this.progress.hidden = true;
  }

  private translateButtons(): void {
    for (const button of this.app.querySelectorAll<HTMLButtonElement>('button[data-i18n]')) {
      button.textContent = this.text(button.dataset.i18n as UiTextKey);
    }
  }

  private roundItem(round: RoundListItem, checked: boolean): HTMLLIElement {
    const item = document.createElement('li');
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'round';
    input.value = round.id;
    input.checked = checked;
    const text = document.createElement('span');
    text.className = 'round-text';
    const name = document.createElement('span');
    name.className = 'round-name ms-font-m';
    name.textContent = round.name;
    const meta = document.createElement('span');
    meta.className = 'round-meta ms-font-s';
    const parts = [
      round.surveyTitle?.[this.language],
      this.text('roundResponses', { count: formatCoarseCount(round.responses, this.language) }),
      this.text(round.status === 'open' ? 'roundOpen' : 'roundClosed'),
    ].filter((part): part is string => Boolean(part));
    meta.textContent = parts.join(' · ');
    text.append(name, meta);
    label.append(input, text);
    item.append(label);
    return item;
  }
}
