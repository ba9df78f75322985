import { estimateBytes, planRowChunks } from '../../core/sheets/chunks';
import { formatGrid, type CellValue } from '../../core/sheets/cells';
import { columnFormats, columnIndexes, type TableBlock } from '../../core/sheets/tableBlock';
import type { SheetTexts } from '../i18n';
import type { ExcelBatch } from './batch';

export const TABLE_STYLE = 'TableStyleMedium2';
/** Green for no gap, yellow in the middle, red for the largest gaps (Excel's own traffic-light scale). */
export const GAP_COLORS = { low: '#63BE7B', middle: '#FFEB84', high: '#F8696B' } as const;
export const ACTION_NEEDED_FORMAT = { fill: '#FFC7CE', font: '#9C0006' } as const;

export interface WrittenBlock {
  table?: Excel.Table;
  /** Zero-based sheet row of the table's header row. */
  headerRow: number;
  rowCount: number;
  columnCount: number;
  /** First free row below the block. */
  nextRow: number;
}

/**
 * A block's header and rows from (headerRow, firstColumn) down, in request-sized row chunks, each
 * with its number formats set before its values. `onRows` reports data rows written so far.
 */
export async function writeBlockGrid(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: TableBlock,
  headerRow: number,
  firstColumn: number,
  onRows?: (rowsWritten: number) => void,
): Promise<void> {
  const formats = columnFormats(block.columns);
  const grid: CellValue[][] = [block.columns.map((column) => column.header), ...block.rows];
  for (const chunk of planRowChunks(grid, batch.limits, estimateBytes(formats))) {
    await batch.reserve(chunk.cells, chunk.bytes);
    const rows = chunk.end - chunk.start;
    const range = sheet.getRangeByIndexes(headerRow + chunk.start, firstColumn, rows, block.columns.length);
    range.numberFormat = formatGrid(rows, formats);
    range.values = grid.slice(chunk.start, chunk.end);
    onRows?.(Math.max(0, chunk.end - 1));
  }
}

/**
 * Writes a title line (optional), then header and rows in request-sized row blocks (number formats
 * first, so text stays text), then makes an Excel table over the written values, then conditional
 * formats on the data rows only. `onRows` reports data rows written so far.
 */
export async function writeTableBlock(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: TableBlock,
  topRow: number,
  texts: SheetTexts,
  onRows?: (rowsWritten: number) => void,
): Promise<WrittenBlock> {
  let row = topRow;
  if (block.title !== undefined) {
    await writeLine(batch, sheet, row, block.title, { bold: true, size: 12 });
    row += 1;
  }
  const headerRow = row;
  const columnCount = block.columns.length;
  await writeBlockGrid(batch, sheet, block, headerRow, 0, onRows);
  const rowCount = block.rows.length;
  const written: WrittenBlock = { headerRow, rowCount, columnCount, nextRow: headerRow + 1 + Math.max(rowCount, 1) };

  // Without data rows the table still goes in, over the header and one empty row (a table always
  // has a data row in Excel): its name is how the next pull finds this round's sheet again.
  await batch.reserve(0, 200 + estimateBytes(block.tableName));
  const table = sheet.tables.add(
    sheet.getRangeByIndexes(headerRow, 0, rowCount + 1 + (rowCount === 0 ? 1 : 0), columnCount),
    true,
  );
  table.name = block.tableName;
  table.style = TABLE_STYLE;
  written.table = table;
  if (rowCount === 0) return written;

  for (const column of [...columnIndexes(block.columns, 'gap'), ...columnIndexes(block.columns, 'groupGap')]) {
    await batch.reserve(0, 300);
    addGapColorScale(sheet.getRangeByIndexes(headerRow + 1, column, rowCount, 1));
  }
  for (const column of columnIndexes(block.columns, 'flag')) {
    await batch.reserve(0, 300);
    addActionNeededHighlight(sheet.getRangeByIndexes(headerRow + 1, column, rowCount, 1), texts.yes);
  }
  return written;
}

/** Three-colour scale: the adviser sees at a glance where desired and current lie furthest apart. */
export function addGapColorScale(range: Excel.Range): void {
  const format = range.conditionalFormats.add('ColorScale');
  format.colorScale.criteria = {
    minimum: { type: 'LowestValue', color: GAP_COLORS.low },
    midpoint: { type: 'Percentile', formula: '50', color: GAP_COLORS.middle },
    maximum: { type: 'HighestValue', color: GAP_COLORS.high },
  };
}

/** "Ja"/"Yes" in the action-needed column stands out in bold on red, and stays so when sorted. */
export function addActionNeededHighlight(range: Excel.Range, yes: string): void {
  addTextHighlight(range, yes, ACTION_NEEDED_FORMAT);
}

/** Cells equal to `text` get this fill and bold font colour, through a conditional format. */
export function addTextHighlight(range: Excel.Range, text: string, colors: { fill: string; font: string }): void {
  const format = range.conditionalFormats.add('CellValue');
  format.cellValue.format.fill.color = colors.fill;
  format.cellValue.format.font.color = colors.font;
  format.cellValue.format.font.bold = true;
  format.cellValue.rule = { formula1: `="${text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
}

/** One line of text in column B (column A holds the hidden ids). */
export async function writeLine(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  row: number,
  text: string,
  font: { bold?: boolean; size?: number } = {},
): Promise<void> {
  await batch.reserve(1, estimateBytes(text) + 100);
  const cell = sheet.getRangeByIndexes(row, 1, 1, 1);
  cell.numberFormat = [['@']];
  cell.values = [[text]];
  if (font.bold) cell.format.font.bold = true;
  if (font.size) cell.format.font.size = font.size;
}
