/** Finds an element of the task pane page, failing loudly when the page and the code disagree. */
export function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The task pane page lacks #${id}`);
  return found as T;
}

/** An alert line for errors and a status line for progress, of which at most one shows. */
export class MessageArea {
  constructor(
    private readonly message: HTMLElement,
    private readonly status: HTMLElement,
  ) {}

  showError(text: string): void {
    this.status.hidden = true;
    // Re-setting the text makes screen readers announce the alert again for a repeated error.
    this.message.textContent = '';
    this.message.hidden = false;
    this.message.textContent = text;
  }

  showStatus(text: string): void {
    this.message.hidden = true;
    this.status.hidden = false;
    this.status.textContent = text;
  }

  clearMessages(): void {
    this.message.hidden = true;
    this.status.hidden = true;
  }
}
