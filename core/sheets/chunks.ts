import type { CellValue } from './cells';

/**
 * Excel on the web refuses a request over 5 MB, and large requests are slow everywhere. Writes are
 * split so that one request carries at most this many cells and (estimated) bytes: well under the
 * limit, since a request also carries number formats and Office's own envelope.
 */
export interface RequestLimits {
  maxCellsPerRequest: number;
  maxBytesPerRequest: number;
}

export const DEFAULT_LIMITS: RequestLimits = { maxCellsPerRequest: 100_000, maxBytesPerRequest: 1_000_000 };

export interface RowChunk {
  start: number;
  /** Exclusive. */
  end: number;
  cells: number;
  bytes: number;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON: what it adds to a request body. */
export function estimateBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Greedy row blocks within the limits. `extraBytesPerRow` covers what travels with each row besides
 * its values (number formats). A single row larger than the byte limit gets a block of its own:
 * it cannot be split further, and a row is at most a few hundred kB (comments are capped).
 */
export function planRowChunks(
  rows: readonly (readonly CellValue[])[],
  limits: RequestLimits,
  extraBytesPerRow = 0,
): RowChunk[] {
  const chunks: RowChunk[] = [];
  let current: RowChunk | undefined;
  rows.forEach((row, index) => {
    const cells = row.length;
    const bytes = estimateBytes(row) + extraBytesPerRow;
    if (
      current &&
      (current.cells + cells > limits.maxCellsPerRequest || current.bytes + bytes > limits.maxBytesPerRequest)
    ) {
      chunks.push(current);
      current = undefined;
    }
    current ??= { start: index, end: index, cells: 0, bytes: 0 };
    current.end = index + 1;
    current.cells += cells;
    current.bytes += bytes;
  });
  if (current) chunks.push(current);
  return chunks;
}
