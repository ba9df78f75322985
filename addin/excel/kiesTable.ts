import { allSheetTexts } from '../i18n';
import { parseKiesRows, type ParsedKiesTable } from '../../core/sheets/kiesLayout';
import { LEVERS_TABLE, roundTableName } from '../../core/sheets/names';
import type { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import { findRoundTables, type FoundSheet } from './sheetAccess';

/** "Kies" and "Choose": a workbook made in Dutch Excel may be opened in English Excel. */
export function kiesSheetNames(first?: string): string[] {
  return [...(first ? [first] : []), ...allSheetTexts().map((texts) => texts.kiesSheet)];
}

/** Reading needs no suspended calculation or screen updates: nothing is written. */
export const READ_ONLY: ExcelCapabilities = { suspendCalculation: false, suspendScreenUpdating: false };

export interface KiesTable extends ParsedKiesTable {
  table: Excel.Table;
  /** Zero-based sheet row and column of the table's header row and first column. */
  headerRow: number;
  firstColumn: number;
  header: unknown[];
  /** Lever id per data row, in sheet order ('' for rows someone added by hand). */
  rowIds: string[];
}

/** The name of a round's Kies table: each round has its own Kies sheet. */
export function leversTableName(roundId: string): string {
  return roundTableName(roundId, LEVERS_TABLE);
}

/** A round's Kies table, read in one request. */
export async function readKiesTable(batch: ExcelBatch, table: Excel.Table): Promise<KiesTable> {
  const header = table.getHeaderRowRange();
  header.load('values,rowIndex,columnIndex');
  const body = table.getDataBodyRange();
  body.load('values');
  await batch.sync();
  const headerValues = header.values[0] ?? [];
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- batch.sync() is context.sync(); the rule knows only a variable named context
  const parsed = parseKiesRows(headerValues, body.values);
  const idColumn = headerValues.findIndex((value) => String(value).trim().toLowerCase() === 'id');
  return {
    ...parsed,
    table,
    headerRow: header.rowIndex,
    firstColumn: header.columnIndex,
    header: headerValues,
    rowIds: body.values.map((row) => (idColumn < 0 ? '' : String(row[idColumn] ?? '').trim())),
  };
}

export interface FoundKies {
  found: FoundSheet;
  table: KiesTable;
}

/**
 * A round's Kies table by its name, on whatever sheet it is now (renamed, moved), and that sheet;
 * undefined when the table is gone. Creates nothing.
 */
export async function findKiesTable(batch: ExcelBatch, roundId: string): Promise<FoundKies | undefined> {
  const [found] = await findRoundTables(batch, [leversTableName(roundId)]);
  if (!found) return undefined;
  const table = await readKiesTable(batch, found.table);
  const sheet = batch.context.workbook.worksheets.getItem(found.sheetName);
  return { found: { sheet, name: found.sheetName, existed: true }, table };
}
