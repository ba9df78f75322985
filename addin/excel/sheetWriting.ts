import type { SheetTexts } from '../i18n';
import { columnLetter } from '../../core/sheets/cells';
import type { RequestLimits } from '../../core/sheets/chunks';
import type { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import type { WrittenBlock } from './tableWriter';

export interface SheetWriteOptions {
  texts: SheetTexts;
  /** The day of retrieval as people read it, written under the sheet title. */
  retrievedOn: string;
  capabilities: ExcelCapabilities;
  limits?: RequestLimits;
  /** Rows written so far out of the sheet's total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SheetWriteReport {
  sheetName: string;
  tables: string[];
  charts?: string[];
  /** context.sync() calls this write made. */
  syncs: number;
  /** Statements whose "Welke actie?" text was carried over from the previous pull. */
  keptActions?: number;
}

/** Points; about 55 characters of statement text per line. */
export const TEXT_COLUMN_WIDTH = 330;
export const ACTION_COLUMN_WIDTH = 240;

export interface ColumnFinish {
  /** Column A holds statement or section ids, for refreshes, not for reading. */
  hideIdColumn: boolean;
  /** Zero-based column of long texts: wide and wrapped. */
  wideTextColumn?: number;
  /** The last column is for the adviser's notes: wide and wrapped. */
  lastColumnWide?: boolean;
  /** Further zero-based columns of longer texts, each with its width in points, wrapped. */
  wrappedColumns?: ReadonlyArray<{ column: number; width: number }>;
}

/** Widths after the values are in: autofit the figures, fixed widths for the long texts. */
export async function finishSheetColumns(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  blocks: readonly WrittenBlock[],
  finish: ColumnFinish,
): Promise<void> {
  if (blocks.length === 0) return;
  await batch.reserve(0, 200 + blocks.length * 300 * (1 + (finish.wrappedColumns?.length ?? 0)));
  const columnCount = Math.max(...blocks.map((block) => block.columnCount));
  // Autofit on header and data only (the title lines above would make columns needlessly wide),
  // and not on the id column, which is hidden afterwards: autofit must not bring it back.
  const firstFitted = finish.hideIdColumn ? 1 : 0;
  for (const block of blocks) {
    sheet
      .getRangeByIndexes(block.headerRow, firstFitted, block.rowCount + 1, block.columnCount - firstFitted)
      .format.autofitColumns();
  }
  if (finish.wideTextColumn !== undefined) {
    setColumnWidth(sheet, finish.wideTextColumn, TEXT_COLUMN_WIDTH);
    for (const block of blocks) wrapDataColumn(sheet, block, finish.wideTextColumn);
  }
  for (const { column, width } of finish.wrappedColumns ?? []) {
    setColumnWidth(sheet, column, width);
    for (const block of blocks) wrapDataColumn(sheet, block, column);
  }
  if (finish.lastColumnWide) {
    setColumnWidth(sheet, columnCount - 1, ACTION_COLUMN_WIDTH);
    for (const block of blocks) wrapDataColumn(sheet, block, block.columnCount - 1);
  }
  for (const block of blocks) {
    if (block.rowCount === 0) continue;
    const range = sheet.getRangeByIndexes(block.headerRow, 0, block.rowCount + 1, block.columnCount);
    range.format.verticalAlignment = 'Top';
    range.format.autofitRows();
  }
  if (finish.hideIdColumn) sheet.getRange('A:A').columnHidden = true;
}

export function setColumnWidth(sheet: Excel.Worksheet, column: number, width: number): void {
  const letter = columnLetter(column);
  sheet.getRange(`${letter}:${letter}`).format.columnWidth = width;
}

function wrapDataColumn(sheet: Excel.Worksheet, block: WrittenBlock, column: number): void {
  if (block.rowCount === 0) return;
  sheet.getRangeByIndexes(block.headerRow + 1, column, block.rowCount, 1).format.wrapText = true;
}
