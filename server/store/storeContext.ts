import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import { jsonBytes, type StoreLimits } from './limits';
import type { MetaData, MetaDocument } from './metaDocument';

/**
 * What the file store's per-aggregate stores share: the meta document (koers.json), the clock, the
 * built-in surveys and whether the store has been closed.
 */
export class StoreContext {
  private closed = false;
  /** Committed bytes of each organisation's surveys, rounds and own levers; filled on first use. */
  private readonly dataBytes = new Map<string, number>();

  constructor(
    readonly meta: MetaDocument,
    readonly now: () => Date,
    readonly builtIns: readonly Survey[],
    readonly limits: StoreLimits,
  ) {}

  /**
   * The size the organisation's data has in the committed document. Counted once per organisation
   * (one pass over its items), then kept up to date by `addDataBytes` after each commit, so the
   * check before a write costs nothing however large the document is. Call only inside the write
   * queue (or before it), where committed data cannot change underneath.
   */
  organisationBytes(organisationId: string): number {
    let bytes = this.dataBytes.get(organisationId);
    if (bytes === undefined) {
      bytes = organisationBytesIn(this.meta.data, organisationId);
      this.dataBytes.set(organisationId, bytes);
    }
    return bytes;
  }

  /** After a commit: the organisation's data grew (or shrank) by `delta` bytes. */
  addDataBytes(organisationId: string, delta: number): void {
    this.dataBytes.set(organisationId, this.organisationBytes(organisationId) + delta);
  }

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

/** One organisation's surveys, rounds and own levers as JSON bytes. */
export function organisationBytesIn(data: Readonly<MetaData>, organisationId: string): number {
  let bytes = 0;
  for (const list of [data.surveys, data.rounds, data.levers] as const) {
    for (const item of list) if (item.organisationId === organisationId) bytes += jsonBytes(item);
  }
  return bytes;
}
