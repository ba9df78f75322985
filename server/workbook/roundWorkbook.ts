/**
 * The second writer of the sheet layouts in core/sheets: the same Resultaten, Antwoorden,
 * Samenvatting and Kies sheets as the add-in writes through Office.js, as an .xlsx file made with
 * ExcelJS, for advisers whose school blocks custom add-ins (and for Power Query).
 *
 * Differences from the add-in, all on purpose: no charts (ExcelJS writes none; the tables they are
 * drawn from are there), and text is written as text cells, so the quote prefix the layouts add for
 * Excel's input parsing (textCell: "'=…", "''t …") is taken off again: a string cell in a file is
 * never parsed as a formula or a number.
 */
import ExcelJS from 'exceljs';
import type { RoundResults } from '../../core/results';
import type { CellValue } from '../../core/sheets/cells';
import { columnLetter } from '../../core/sheets/cells';
import type { RoundResponses, ScoringView, SuggestionWithLever } from '../../core/sheets/inputs';
import { buildKiesLayout, KIES_HEADER_ROW, kiesColumn, kiesValidationRules } from '../../core/sheets/kiesLayout';
import { buildResponsesBlock } from '../../core/sheets/responsesLayout';
import { buildResultsLayout } from '../../core/sheets/resultsLayout';
import { buildSummaryLayout } from '../../core/sheets/summaryLayout';
import { columnFormats, columnIndexes, type TableBlock } from '../../core/sheets/tableBlock';
import type { SheetTexts } from '../../core/sheets/texts';
import type { Lever } from '../../core/levers/lever';

/** The add-in's table style and colours (addin/excel/tableWriter.ts), as ARGB. */
const TABLE_STYLE = 'TableStyleMedium2';
const GAP_COLORS = ['FF63BE7B', 'FFFFEB84', 'FFF8696B'] as const;
const ACTION_NEEDED = { fill: 'FFFFC7CE', font: 'FF9C0006' } as const;
const CHOSEN = { fill: 'FFC6EFCE', font: 'FF006100' } as const;
/** Column widths in characters (the add-in's 330, 240 and 260 points). */
const TEXT_WIDTH = 60;
const ACTION_WIDTH = 44;
const WHY_WIDTH = 48;
const COMMENT_WIDTH = 55;

export interface RoundWorkbookInput {
  results: RoundResults;
  responses: RoundResponses;
  suggestions: readonly SuggestionWithLever[];
  levers: readonly Lever[];
  scoring?: ScoringView;
  texts: SheetTexts;
  /** The day of retrieval as people read it. */
  retrievedOn: string;
}

/** A layout's cell as a file cell: text without the quote prefix, '' as an empty cell. */
export function fileValue(value: CellValue): ExcelJS.CellValue {
  if (typeof value !== 'string') return value;
  if (value === '') return null;
  return value.startsWith("'") ? value.slice(1) : value;
}

function fileText(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

interface WrittenBlock {
  /** Zero-based sheet row of the header. */
  headerRow: number;
  rowCount: number;
  columnCount: number;
  nextRow: number;
}

function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function columnRange(block: WrittenBlock, column: number): string {
  const first = block.headerRow + 1;
  return `${address(first, column)}:${address(first + Math.max(block.rowCount, 1) - 1, column)}`;
}

function writeLine(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font> = {}): void {
  const cell = sheet.getCell(row + 1, 2);
  cell.value = fileText(text);
  cell.numFmt = '@';
  if (Object.keys(font).length > 0) cell.font = font;
}

/**
 * One layout block as an Excel table: title line, header and rows with the column's number format,
 * the gap colour scale and the action-needed highlight (like addin/excel/tableWriter.ts). A block
 * without rows gets one empty row, as a table in Excel always has one.
 */
function writeBlock(
  sheet: ExcelJS.Worksheet,
  block: TableBlock,
  topRow: number,
  texts: SheetTexts,
  formulaColumns: ReadonlyMap<number, string[]> = new Map(),
): WrittenBlock {
  let row = topRow;
  if (block.title !== undefined) {
    writeLine(sheet, row, block.title, { bold: true, size: 12 });
    row += 1;
  }
  const headerRow = row;
  const formats = columnFormats(block.columns);
  const rows: ExcelJS.CellValue[][] = (
    block.rows.length > 0 ? block.rows : [block.columns.map((): CellValue => '')]
  ).map((cells, index) =>
    cells.map((value, column) => {
      const formulas = formulaColumns.get(column);
      // ExcelJS wants formulas without the leading "=".
      return formulas ? { formula: formulas[index]!.replace(/^=/, '') } : fileValue(value);
    }),
  );
  sheet.addTable({
    name: block.tableName,
    ref: address(headerRow, 0),
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: block.columns.map((column) => ({ name: fileText(column.header), filterButton: true })),
    rows,
  });
  const written = {
    headerRow,
    rowCount: block.rows.length,
    columnCount: block.columns.length,
    nextRow: headerRow + 1 + rows.length,
  };
  formats.forEach((format, column) => {
    for (let r = 0; r <= rows.length; r += 1) {
      if (format !== 'General') sheet.getCell(headerRow + 1 + r, column + 1).numFmt = format;
    }
  });
  if (block.rows.length === 0) return written;
  for (const column of [...columnIndexes(block.columns, 'gap'), ...columnIndexes(block.columns, 'groupGap')]) {
    sheet.addConditionalFormatting({
      ref: columnRange(written, column),
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
          color: GAP_COLORS.map((argb) => ({ argb })),
        },
      ],
    });
  }
  for (const column of columnIndexes(block.columns, 'flag')) {
    addTextHighlight(sheet, columnRange(written, column), texts.yes, ACTION_NEEDED);
  }
  return written;
}

function addTextHighlight(
  sheet: ExcelJS.Worksheet,
  ref: string,
  text: string,
  colors: { fill: string; font: string },
): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'cellIs',
        priority: 1,
        operator: 'equal',
        formulae: [`"${text.replace(/"/g, '""')}"`],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colors.fill } },
          font: { color: { argb: colors.font }, bold: true },
        },
      },
    ],
  });
}

function finishColumns(
  sheet: ExcelJS.Worksheet,
  columnCount: number,
  widths: ReadonlyMap<number, number>,
  wrapped: readonly number[] = [],
  /** 1-based sheet row of the first table's header: wrapping starts below it. */
  firstTableRow = 1,
): void {
  for (let column = 0; column < columnCount; column += 1) {
    const sheetColumn = sheet.getColumn(column + 1);
    sheetColumn.width = widths.get(column) ?? 13;
  }
  sheet.getColumn(1).hidden = true;
  // Wrapped cells of the tables only (the lines above run on to the right), with a row height for
  // their lines: no engine grows rows on opening a file (the rendered sheets showed them overlapping).
  for (const column of wrapped) {
    const width = widths.get(column) ?? 13;
    sheet.getColumn(column + 1).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row <= firstTableRow || cell.type !== ExcelJS.ValueType.String) return;
      cell.alignment = { wrapText: true, vertical: 'top' };
      const lines = Math.ceil((cell.text ?? '').length / (width * 1.05));
      const sheetRow = sheet.getRow(row);
      sheetRow.height = Math.max(sheetRow.height ?? 15, 15 * Math.max(1, lines));
    });
  }
}

function titleFont(index: number): Partial<ExcelJS.Font> {
  return index === 0 ? { bold: true, size: 14 } : {};
}

function addResults(
  workbook: ExcelJS.Workbook,
  input: RoundWorkbookInput,
  context: { texts: SheetTexts; retrievedOn: string },
) {
  const sheet = workbook.addWorksheet(input.texts.resultsSheet);
  const layout = buildResultsLayout(input.results, context, new Map());
  layout.titleLines.forEach((line, index) => writeLine(sheet, index, line, titleFont(index)));
  let row = layout.titleLines.length;
  let columns = 0;
  for (const block of layout.blocks) {
    const written = writeBlock(sheet, block, row + 1, input.texts);
    row = written.nextRow;
    columns = Math.max(columns, written.columnCount);
  }
  finishColumns(
    sheet,
    columns,
    new Map([
      [1, TEXT_WIDTH],
      [columns - 1, ACTION_WIDTH],
    ]),
    [1, columns - 1],
    layout.titleLines.length + 1,
  );
}

function addResponses(workbook: ExcelJS.Workbook, input: RoundWorkbookInput) {
  const sheet = workbook.addWorksheet(input.texts.responsesSheet);
  const block = buildResponsesBlock(input.responses, input.results, input.texts);
  const written = writeBlock(sheet, block, 0, input.texts);
  finishColumns(sheet, written.columnCount, new Map([[written.columnCount - 1, COMMENT_WIDTH]]));
  // The group column is the first one shown here: the responses table starts at A1 with no id column.
  sheet.getColumn(1).hidden = false;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function addSummary(
  workbook: ExcelJS.Workbook,
  input: RoundWorkbookInput,
  context: { texts: SheetTexts; retrievedOn: string },
) {
  const sheet = workbook.addWorksheet(input.texts.summarySheet);
  const layout = buildSummaryLayout(input.results, context);
  layout.titleLines.forEach((line, index) => writeLine(sheet, index, line, titleFont(index)));
  let row = layout.titleLines.length;
  let columns = 0;
  for (const block of layout.blocks) {
    const written = writeBlock(sheet, block, row + 1, input.texts);
    row = written.nextRow;
    columns = Math.max(columns, written.columnCount);
  }
  if (!layout.topGaps) writeLine(sheet, row + 1, input.texts.noGaps);
  finishColumns(sheet, columns, new Map([[1, TEXT_WIDTH]]), [1], layout.titleLines.length + 1);
}

function addKies(workbook: ExcelJS.Workbook, input: RoundWorkbookInput) {
  const { texts } = input;
  const sheet = workbook.addWorksheet(texts.kiesSheet);
  const layout = buildKiesLayout({
    roundId: input.results.roundId,
    roundName: input.results.roundName,
    suggestions: input.suggestions,
    levers: input.levers,
    scoring: input.scoring,
    kept: new Map(),
    texts,
    retrievedOn: input.retrievedOn,
  });
  [...layout.titleLines, layout.amoLine, layout.mtLine].forEach((line, index) =>
    writeLine(sheet, index, line, titleFont(index)),
  );
  const formulas = new Map(
    layout.formulas(KIES_HEADER_ROW).map(({ column, formulas: cells }) => [column, cells.map((row) => row[0]!)]),
  );
  const written = writeBlock(sheet, layout.block, KIES_HEADER_ROW, texts, formulas);
  if (written.rowCount > 0) {
    const rules = kiesValidationRules(texts);
    for (const rule of rules) {
      for (let r = 0; r < written.rowCount; r += 1) {
        sheet.getCell(written.headerRow + 2 + r, rule.column + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${rule.source}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: rule.title,
          error: rule.message,
        };
      }
    }
    addTextHighlight(sheet, columnRange(written, kiesColumn('chosen')), texts.yes, CHOSEN);
    // The quadrant borders' grid under the table, as on the add-in's sheet (its chart reads it).
    const gridTitle = written.nextRow + 1;
    writeLine(sheet, gridTitle, layout.helper.title, { bold: true });
    layout.helper.grid.forEach((cells, r) =>
      cells.forEach((value, c) => {
        sheet.getCell(gridTitle + 2 + r, kiesColumn('title') + 1 + c).value = fileValue(value);
      }),
    );
  }
  finishColumns(
    sheet,
    written.columnCount,
    new Map([
      [kiesColumn('title'), TEXT_WIDTH],
      [kiesColumn('why'), WHY_WIDTH],
      [written.columnCount - 1, ACTION_WIDTH],
    ]),
    [kiesColumn('title'), kiesColumn('why')],
    KIES_HEADER_ROW + 1,
  );
}

/** The four sheets as an .xlsx file. Excel recalculates the Kies formulas when it opens the file. */
export async function buildRoundWorkbook(input: RoundWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Koers';
  workbook.calcProperties.fullCalcOnLoad = true;
  const context = { texts: input.texts, retrievedOn: input.retrievedOn };
  addResults(workbook, input, context);
  addResponses(workbook, input);
  addSummary(workbook, input, context);
  addKies(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
