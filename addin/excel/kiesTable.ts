import { allSheetTexts } from '../i18n';
import { parseKiesRows, type ParsedKiesTable } from '../../core/sheets/kiesLayout';
import { LEVERS_TABLE } from '../../core/sheets/names';
import type { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import { findSheet, listSheetObjects, type FoundSheet, type SheetObjects } from './sheetAccess';

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

/** The Koers.Levers table among a sheet's tables, read in one request; undefined when it is gone. */
export async function readKiesTable(batch: ExcelBatch, tables: readonly Excel.Table[]): Promise<KiesTable | undefined> {
  const table = tables.find((candidate) => candidate.name.toLowerCase() === LEVERS_TABLE.toLowerCase());
  if (!table) return undefined;
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
  objects: SheetObjects;
  table: KiesTable;
}

/** The Kies sheet and its table, or undefined if either is missing. Creates nothing. */
export async function findKiesTable(batch: ExcelBatch, preferredName?: string): Promise<FoundKies | undefined> {
  const found = await findSheet(batch, kiesSheetNames(preferredName));
  if (!found) return undefined;
  const objects = await listSheetObjects(batch, found.sheet);
  const table = await readKiesTable(batch, objects.tables);
  return table ? { found, objects, table } : undefined;
}
