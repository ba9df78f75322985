import type { SheetTexts } from '../i18n';
import { AMO_LINE_ABOVE_HEADER } from '../../core/sheets/kiesLayout';
import { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import { findKiesTable, type FoundKies } from './kiesTable';
import { writeLine } from './tableWriter';

/**
 * Rewrites one of the lines above the Kies table (AMO check, MT status). They are found from the
 * table's header row rather than at fixed rows, so rows the adviser inserted above do not matter.
 */
export async function writeLineAboveKiesTable(
  batch: ExcelBatch,
  kies: FoundKies,
  rowsAboveHeader: number,
  text: string,
): Promise<boolean> {
  const row = kies.table.headerRow - rowsAboveHeader;
  if (row < 0) return false;
  await writeLine(batch, kies.found.sheet, row, text);
  return true;
}

/** The AMO check's message on the Kies sheet itself; false when there is no Kies sheet. */
export async function writeAmoLine(
  context: Excel.RequestContext,
  line: string,
  options: { roundId: string; texts: SheetTexts; capabilities: ExcelCapabilities },
): Promise<boolean> {
  const batch = new ExcelBatch(context, options.capabilities);
  const kies = await findKiesTable(batch, options.roundId);
  if (!kies) return false;
  const written = await writeLineAboveKiesTable(batch, kies, AMO_LINE_ABOVE_HEADER, line);
  await batch.flush();
  return written;
}
