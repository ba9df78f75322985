import type { KiesSheetLever } from '../../core/sheets/kiesLayout';
import { ExcelBatch } from './batch';
import { findKiesTable, READ_ONLY } from './kiesTable';

export interface KiesSheetState {
  sheetName: string;
  /** In sheet order, as the adviser sees them (after any sorting). */
  levers: KiesSheetLever[];
}

/**
 * What the Kies sheet says now: per lever its number, title, the adviser's Impact and Haalbaarheid
 * (whole scores 1–5, else null), Gekozen, and the MT means. Columns are found by header in either
 * language, so moved columns and a workbook from Excel in the other language still read right.
 * Undefined when the workbook has no Kies sheet or its table is gone.
 */
export async function readKiesSheet(
  context: Excel.RequestContext,
  roundId: string,
): Promise<KiesSheetState | undefined> {
  const batch = new ExcelBatch(context, READ_ONLY);
  const kies = await findKiesTable(batch, roundId);
  return kies ? { sheetName: kies.found.name, levers: kies.table.levers } : undefined;
}
