import type { MessageCode } from './messages';

/** An error that ends a request with a 4xx (or 5xx) and a message from messages.ts. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}
