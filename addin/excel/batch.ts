import { DEFAULT_LIMITS, type RequestLimits } from '../../core/sheets/chunks';
import type { ExcelCapabilities } from './capabilities';

/**
 * Groups queued Excel commands into requests that stay within RequestLimits, and counts the
 * requests. Every write reserves its size first; a write that would overflow the current request
 * sends what is queued. Where the running Excel supports it, calculation is suspended for each
 * request that writes; screen updating is suspended once per Excel.run (one batch is one run), in
 * its first writing request: Microsoft advises against calling suspendScreenUpdatingUntilNextSync
 * repeatedly, which makes the window flicker.
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#suspend-screen-updating
 */
export class ExcelBatch {
  /** context.sync() calls made through this batch. */
  syncs = 0;
  private queuedCells = 0;
  private queuedBytes = 0;
  private suspended = false;
  private screenSuspended = false;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly capabilities: ExcelCapabilities,
    readonly limits: RequestLimits = DEFAULT_LIMITS,
  ) {}

  async reserve(cells: number, bytes: number): Promise<void> {
    const pending = this.queuedCells > 0 || this.queuedBytes > 0;
    const overflows =
      this.queuedCells + cells > this.limits.maxCellsPerRequest ||
      this.queuedBytes + bytes > this.limits.maxBytesPerRequest;
    if (pending && overflows) await this.sync();
    this.suspendForThisRequest();
    this.queuedCells += cells;
    this.queuedBytes += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs += 1;
    this.queuedCells = 0;
    this.queuedBytes = 0;
    this.suspended = false;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.queuedCells > 0 || this.queuedBytes > 0 || this.suspended) await this.sync();
  }

  private suspendForThisRequest(): void {
    if (this.suspended) return;
    const application = this.context.workbook.application;
    if (this.capabilities.suspendCalculation) application.suspendApiCalculationUntilNextSync();
    if (this.capabilities.suspendScreenUpdating && !this.screenSuspended) {
      application.suspendScreenUpdatingUntilNextSync();
      this.screenSuspended = true;
    }
    this.suspended = true;
  }
}
