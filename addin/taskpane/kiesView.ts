import type { Language } from '../../core/text';
import { uiText, type UiTextKey } from '../i18n';
import { mtSessionText, type MtSessionTextKey } from '../text/mtSessions';
import { element, MessageArea } from './messageArea';

/** The Kies section's DOM: its buttons, messages, AMO line and the MT links. No flow logic. */
export class KiesView {
  readonly section = element<HTMLElement>('kies-section');
  readonly writeButton = element<HTMLButtonElement>('kies-write-button');
  readonly chartButton = element<HTMLButtonElement>('kies-chart-button');
  readonly message = element<HTMLElement>('kies-message');
  readonly status = element<HTMLElement>('kies-status');
  private readonly messages = new MessageArea(this.message, this.status);
  readonly amoHeading = element<HTMLElement>('amo-heading');
  readonly amoStatus = element<HTMLElement>('amo-status');
  readonly matrixFigure = element<HTMLElement>('matrix-figure');
  readonly raters = element<HTMLInputElement>('rater-count');
  readonly openButton = element<HTMLButtonElement>('mt-open-button');
  readonly pullButton = element<HTMLButtonElement>('mt-pull-button');
  readonly sessionSelect = element<HTMLSelectElement>('mt-session-select');
  readonly adviserButton = element<HTMLButtonElement>('mt-adviser-button');
  readonly links = element<HTMLElement>('mt-links');
  readonly linksHeading = element<HTMLElement>('mt-links-heading');
  readonly linkList = element<HTMLOListElement>('mt-link-list');
  readonly copyAllButton = element<HTMLButtonElement>('mt-copy-all-button');

  constructor(private readonly language: Language) {
    for (const node of document.querySelectorAll<HTMLElement>('[data-mt-session-text]')) {
      node.textContent = mtSessionText(language, node.dataset.mtSessionText as MtSessionTextKey);
    }
  }

  /** The session choice: "latest" first, then every session of the round, keeping the current choice. */
  showSessions(
    sessions: Array<{
      sessionId: string;
      createdAt: string;
      status: string;
      raters: { submitted: number; links: number };
    }>,
  ): void {
    const chosen = this.sessionSelect.value;
    const latest = document.createElement('option');
    latest.value = '';
    latest.textContent = mtSessionText(this.language, 'mtSessionLatest');
    const options = [latest];
    for (const session of sessions) {
      const option = document.createElement('option');
      option.value = session.sessionId;
      option.textContent = mtSessionText(this.language, 'mtSessionOption', {
        date: session.createdAt.slice(0, 16).replace('T', ' '),
        status: this.text(session.status === 'open' ? 'mtStatusOpen' : 'mtStatusClosed'),
        submitted: session.raters.submitted,
        links: session.raters.links,
      });
      options.push(option);
    }
    this.sessionSelect.replaceChildren(...options);
    this.sessionSelect.value = sessions.some((s) => s.sessionId === chosen) ? chosen : '';
  }

  text(key: UiTextKey, params?: Record<string, string | number>): string {
    return uiText(this.language, key, params);
  }

  show(visible: boolean): void {
    this.section.hidden = !visible;
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

  showAmo(message: string): void {
    this.amoHeading.hidden = false;
    this.amoStatus.hidden = false;
    this.amoStatus.textContent = message;
  }

  /** Forgets what belonged to the previous round: links, chart, AMO line, messages. */
  reset(): void {
    this.clearMessages();
    this.amoHeading.hidden = true;
    this.amoStatus.hidden = true;
    this.amoStatus.textContent = '';
    this.matrixFigure.hidden = true;
    this.links.hidden = true;
    this.linkList.replaceChildren();
    this.setReplaceMode(false);
  }

  /** After a warning about a running session, the open button asks for a deliberate second click. */
  setReplaceMode(replace: boolean): void {
    const key: UiTextKey = replace ? 'mtOpenReplaceButton' : 'mtOpenButton';
    this.openButton.dataset.i18n = key;
    this.openButton.textContent = this.text(key);
  }

  /** The personal links, each read-only with its own copy button. */
  showLinks(links: readonly string[], onCopy: (index: number) => void): void {
    this.linkList.replaceChildren(
      ...links.map((link, index) => {
        const number = index + 1;
        const item = document.createElement('li');
        const label = document.createElement('label');
        label.className = 'visually-hidden';
        label.htmlFor = `mt-link-${number}`;
        label.textContent = this.text('mtLinkLabel', { number });
        const row = document.createElement('div');
        row.className = 'link-row';
        const input = document.createElement('input');
        input.id = `mt-link-${number}`;
        input.type = 'text';
        input.readOnly = true;
        input.spellcheck = false;
        input.value = link;
        input.addEventListener('focus', () => input.select());
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button';
        button.textContent = this.text('mtCopyButton');
        button.setAttribute('aria-label', this.text('mtCopyLabel', { number }));
        button.addEventListener('click', () => onCopy(index));
        row.append(input, button);
        item.append(label, row);
        return item;
      }),
    );
    this.links.hidden = false;
  }

  linkInputs(): HTMLInputElement[] {
    return [...this.linkList.querySelectorAll<HTMLInputElement>('input')];
  }
}
