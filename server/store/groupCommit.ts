interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items that arrive while a flush runs wait and go out together in the next one, so
 * the cost of a write + fsync is shared by everyone who arrived in the meantime. Each submit()
 * resolves when the flush that carried its item has finished, and rejects if that flush failed.
 */
export class GroupCommitter<T> {
  private waiting: Array<Waiting<T>> = [];
  private running: Promise<void> | undefined;

  constructor(private readonly flush: (batch: T[]) => Promise<void>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Resolves when nothing is waiting and no flush runs. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // Yield once so submissions made in the same turn of the event loop (and I/O callbacks already
    // queued) join the first flush instead of each starting their own.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.flush(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.running = undefined;
  }
}
