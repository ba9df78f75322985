import type { ScoringView } from '../api/contracts';
import { estimateBytes } from '../../core/sheets/chunks';
import { mapKiesHeader, MT_KEYS, MT_LINE_ABOVE_HEADER, mtCells, mtLine } from '../../core/sheets/kiesLayout';
import { ExcelBatch } from './batch';
import { findKiesTable } from './kiesTable';
import { writeLineAboveKiesTable } from './kiesLines';
import type { SheetWriteOptions } from './sheetWriting';

export interface MtWriteReport {
  sheetName: string;
  /** Session levers found on the sheet, and how many of those have scores. */
  onSheet: number;
  scored: number;
  /** Session levers the sheet lacks (added to the session after the sheet was made). */
  notOnSheet: string[];
  syncs: number;
}

/**
 * Writes a scoring session's aggregate into the MT columns of the Kies table, row by row by lever
 * id, so it lands beside the adviser's own scores wherever sorting moved the rows. Only the MT
 * columns and the MT line change: the adviser's input, widths and filters stay as they are.
 * Undefined when the workbook has no Kies sheet (or its table is gone).
 */
export async function writeMtScores(
  context: Excel.RequestContext,
  view: ScoringView,
  options: Pick<SheetWriteOptions, 'texts' | 'retrievedOn' | 'capabilities' | 'limits'>,
): Promise<MtWriteReport | undefined> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const kies = await findKiesTable(batch, view.roundId);
  if (!kies) return undefined;
  const { table } = kies;
  const columns = mapKiesHeader(table.header);
  const byId = new Map(view.levers.map((entry) => [entry.leverId, entry]));
  const cells = table.rowIds.map((id) => mtCells(byId.get(id), texts));

  if (table.rowIds.length > 0) {
    for (const [index, key] of MT_KEYS.entries()) {
      const column = columns[key];
      if (column === undefined) continue;
      const values = cells.map((row) => [row[index]!]);
      await batch.reserve(values.length, estimateBytes(values) + 100);
      kies.found.sheet.getRangeByIndexes(table.headerRow + 1, table.firstColumn + column, values.length, 1).values =
        values;
    }
  }
  await writeLineAboveKiesTable(batch, kies, MT_LINE_ABOVE_HEADER, mtLine(view, texts, options.retrievedOn));
  await batch.flush();

  const onSheet = new Set(table.rowIds);
  const inSession = view.levers.filter((entry) => onSheet.has(entry.leverId));
  return {
    sheetName: kies.found.name,
    onSheet: inSession.length,
    scored: inSession.filter((entry) => entry.summary !== null).length,
    notOnSheet: view.levers.filter((entry) => !onSheet.has(entry.leverId)).map((entry) => entry.leverId),
    syncs: batch.syncs,
  };
}
