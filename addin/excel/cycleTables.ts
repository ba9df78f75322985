import { blockAddress } from '../../core/sheets/cells';
import { estimateBytes, planRowChunks } from '../../core/sheets/chunks';
import { allCycleTexts, type CycleTexts } from '../../core/sheets/cycleTexts';
import type { TableBlock } from '../../core/sheets/tableBlock';
import { sheetTextsFor } from '../i18n';
import type { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import { findSheet, listSheetObjects, queueSheetReset, type FoundSheet, type SheetObjects } from './sheetAccess';
import type { RequestLimits } from '../../core/sheets/chunks';
import { TABLE_STYLE, writeBlockGrid, writeLine, type WrittenBlock } from './tableWriter';

/** Options of the Plan, Indicatoren, Vergelijking, Knelpunten and Stakeholders writers. */
export interface CycleWriteOptions {
  texts: CycleTexts;
  retrievedOn: string;
  capabilities: ExcelCapabilities;
  limits?: RequestLimits;
}

export interface CycleSheetReport {
  sheetName: string;
  tables: string[];
  charts: string[];
  syncs: number;
  rows: number;
  /** Rows whose typed input came over from the previous sheet. */
  kept: number;
}

export const TIMELINE_FILL = '#5B9BD5';
export const DONE_FORMAT = { fill: '#C6EFCE', font: '#006100' } as const;
export const STOPPED_FORMAT = { fill: '#EDEDED', font: '#595959' } as const;
export const URGENT_FORMAT = { fill: '#FFC7CE', font: '#9C0006' } as const;

/** Sheet names in both languages, the current one first. */
export function cycleSheetNames(pick: (texts: CycleTexts) => string, texts: CycleTexts): string[] {
  return [...new Set([pick(texts), ...allCycleTexts().map(pick)])];
}

/** The Excel texts the shared table writer needs (its yes/no for flag columns). */
export function sharedTexts(texts: CycleTexts) {
  return sheetTextsFor(texts.language);
}

export interface ReadTable {
  header: unknown[];
  rows: unknown[][];
}

/** A table's header and data rows among a sheet's tables, read in one request; undefined when absent. */
export async function readTable(
  batch: ExcelBatch,
  objects: SheetObjects,
  name: string,
): Promise<ReadTable | undefined> {
  const table = objects.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!table) return undefined;
  const header = table.getHeaderRowRange();
  header.load('values');
  const body = table.getDataBodyRange();
  body.load('values');
  await batch.sync();
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- batch.sync() is context.sync(); the rule knows only a variable named context
  return { header: header.values[0] ?? [], rows: body.values };
}

export interface InspectedSheet {
  names: readonly string[];
  existing?: { found: FoundSheet; objects: SheetObjects };
  /** The named tables as they are now (none for a missing sheet). */
  tables: Map<string, ReadTable>;
}

export interface OpenedSheet {
  found: FoundSheet;
  tables: Map<string, ReadTable>;
}

/** Reads a sheet's named tables, writing nothing (reads go before any write of the batch). */
export async function inspectSheet(
  batch: ExcelBatch,
  names: readonly string[],
  tableNames: readonly string[],
): Promise<InspectedSheet> {
  const found = await findSheet(batch, names);
  const tables = new Map<string, ReadTable>();
  if (!found) return { names, tables };
  const objects = await listSheetObjects(batch, found.sheet);
  for (const name of tableNames) {
    const read = await readTable(batch, objects, name);
    if (read) tables.set(name, read);
  }
  return { names, existing: { found, objects }, tables };
}

/**
 * Adds the sheet, or queues the reset of everything Koers wrote there (validation rules first: a new
 * rule may not overlap an old one).
 */
export function prepareSheet(batch: ExcelBatch, inspected: InspectedSheet): OpenedSheet {
  if (!inspected.existing) {
    const name = inspected.names[0]!;
    return {
      found: { sheet: batch.context.workbook.worksheets.add(name), name, existed: false },
      tables: inspected.tables,
    };
  }
  const { found, objects } = inspected.existing;
  found.sheet.getRange().dataValidation.clear();
  queueSheetReset(found.sheet, objects);
  return { found, tables: inspected.tables };
}

/** inspectSheet and prepareSheet for a writer that touches one sheet. */
export async function openSheetForRewrite(
  batch: ExcelBatch,
  names: readonly string[],
  tableNames: readonly string[],
): Promise<OpenedSheet> {
  return prepareSheet(batch, await inspectSheet(batch, names, tableNames));
}

/** Title and explanation lines from row 0 down; returns the first free row. */
export async function writeLines(batch: ExcelBatch, sheet: Excel.Worksheet, lines: readonly string[]): Promise<number> {
  for (const [row, line] of lines.entries()) {
    await batch.reserve(0, 200);
    await writeLine(batch, sheet, row, line, row === 0 ? { bold: true, size: 14 } : {});
    if (row > 0) sheet.getRangeByIndexes(row, 1, 1, 1).format.wrapText = false;
  }
  return lines.length;
}

/**
 * A table at any column (the shared writer always starts in column A): optional title, header and
 * rows in request-sized blocks with number formats first, then the table over them.
 */
export async function writeBlockAt(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: TableBlock,
  topRow: number,
  firstColumn: number,
): Promise<WrittenBlock & { firstColumn: number }> {
  let row = topRow;
  if (block.title !== undefined) {
    await batch.reserve(1, estimateBytes(block.title) + 100);
    const cell = sheet.getRangeByIndexes(row, firstColumn, 1, 1);
    cell.numberFormat = [['@']];
    cell.values = [[block.title]];
    cell.format.font.bold = true;
    row += 1;
  }
  const headerRow = row;
  const columnCount = block.columns.length;
  await writeBlockGrid(batch, sheet, block, headerRow, firstColumn);
  const rowCount = block.rows.length;
  const written = { headerRow, rowCount, columnCount, nextRow: headerRow + 1 + rowCount, firstColumn };
  if (rowCount === 0) return written;
  await batch.reserve(0, 200 + estimateBytes(block.tableName));
  const table = sheet.tables.add(sheet.getRangeByIndexes(headerRow, firstColumn, rowCount + 1, columnCount), true);
  table.name = block.tableName;
  table.style = TABLE_STYLE;
  return { ...written, table };
}

/** Formulas of one column of a written table, through range.formulas, in request-sized blocks. */
export async function writeFormulaColumn(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: { headerRow: number },
  column: number,
  formulas: string[][],
): Promise<void> {
  await writeFormulaGrid(batch, sheet, block.headerRow + 1, column, formulas);
}

/** A grid of formulas from a top-left cell, in request-sized row blocks. */
export async function writeFormulaGrid(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  formulas: string[][],
): Promise<void> {
  if (formulas.length === 0) return;
  const width = formulas[0]!.length;
  for (const chunk of planRowChunks(formulas, batch.limits)) {
    await batch.reserve(chunk.cells, chunk.bytes);
    sheet.getRangeByIndexes(row + chunk.start, column, chunk.end - chunk.start, width).formulas = formulas.slice(
      chunk.start,
      chunk.end,
    );
  }
}

/** A drop-down list on a table column's data cells, with a stop message for anything else. */
export async function addListRule(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: { headerRow: number; rowCount: number },
  column: number,
  source: string,
  alert: { title: string; message: string },
): Promise<void> {
  if (block.rowCount === 0) return;
  await batch.reserve(0, 300 + estimateBytes(source) + estimateBytes(alert));
  const validation = sheet.getRangeByIndexes(block.headerRow + 1, column, block.rowCount, 1).dataValidation;
  validation.rule = { list: { inCellDropDown: true, source } };
  validation.errorAlert = { showAlert: true, style: 'Stop', title: alert.title, message: alert.message };
}

/** Where a chart goes, as two cell addresses. */
export function chartPosition(
  chart: Excel.Chart,
  fromRow: number,
  fromColumn: number,
  toRow: number,
  toColumn: number,
) {
  chart.setPosition(blockAddress(fromRow, fromColumn), blockAddress(toRow, toColumn));
}
