import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import type { MetaDocument } from './metaDocument';

/**
 * What the file store's per-aggregate stores share: the meta document (koers.json), the clock, the
 * built-in surveys and whether the store has been closed.
 */
export class StoreContext {
  private closed = false;

  constructor(
    readonly meta: MetaDocument,
    readonly now: () => Date,
    readonly builtIns: readonly Survey[],
  ) {}

  timestamp(): string {
    return this.now().toISOString();
  }

  /** Writes after close() are refused: the lock is gone, another process may own the folder. */
  assertOpen(): void {
    if (this.closed) throw new Error('The store is closed');
  }

  markClosed(): void {
    this.closed = true;
  }

  roundById(roundId: string): Round | undefined {
    return this.meta.data.rounds.find((r) => r.id === roundId);
  }

  surveyById(surveyId: string): Survey | undefined {
    return this.builtIns.find((s) => s.id === surveyId) ?? this.meta.data.surveys.find((s) => s.id === surveyId);
  }
}
