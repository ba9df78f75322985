import type { AmoCoverage } from '../../core/levers/amo';
import type { Lever } from '../../core/levers/lever';
import type { ScoringView, SuggestionWithLever } from '../api/contracts';
import { estimateBytes, planRowChunks } from '../../core/sheets/chunks';
import { formatGrid, type CellValue } from '../../core/sheets/cells';
import {
  buildKiesLayout,
  KIES_HEADER_ROW,
  kiesColumn,
  kiesValidationRules,
  type KeptInput,
  type KiesSheetLever,
} from '../../core/sheets/kiesLayout';
import { LEVER_MATRIX_CHART } from '../../core/sheets/names';
import type { SheetTexts } from '../i18n';
import { ExcelBatch } from './batch';
import { kiesSheetNames, leversTableName, readKiesTable } from './kiesTable';
import { addLeverMatrixChart, queuePointLabels } from './leverMatrixChart';
import { findOrAddRoundSheet, listSheetObjects, queueSheetReset } from './sheetAccess';
import { finishSheetColumns, type SheetWriteOptions, type SheetWriteReport } from './sheetWriting';
import { addTextHighlight, writeLine, writeTableBlock, type WrittenBlock } from './tableWriter';

export interface KiesSheetInput {
  roundId: string;
  roundName: string;
  suggestions: readonly SuggestionWithLever[];
  levers: readonly Lever[];
  /** The round's latest MT session, if there is one: its figures fill the MT columns at once. */
  scoring?: ScoringView;
}

export interface KiesSheetReport extends SheetWriteReport {
  rows: number;
  suggested: number;
  /** Levers whose Impact, Haalbaarheid or Gekozen came over from the previous sheet. */
  kept: number;
  /** The levers as written, in sheet order. */
  levers: KiesSheetLever[];
  amo: AmoCoverage;
  /** Whether the chart's points got their "Nr." labels (ExcelApi 1.8 per-point labels). */
  labelled: boolean;
}

export const CHOSEN_FORMAT = { fill: '#C6EFCE', font: '#006100' } as const;
const WHY_COLUMN_WIDTH = 260;
const CHART_COLUMNS = 9;
const CHART_ROWS = 22;

/**
 * Writes (or rewrites) the Kies sheet: title lines, the AMO and MT lines, the Koers.Levers table
 * with drop-downs on Impact, Haalbaarheid and Gekozen and live formulas for Prioriteit and Kwadrant,
 * the quadrant-border grid and the native scatter chart. What the adviser had typed in the three
 * input columns is read first and put back next to the same lever id.
 */
export async function writeKiesSheet(
  context: Excel.RequestContext,
  input: KiesSheetInput,
  options: SheetWriteOptions,
): Promise<KiesSheetReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const found = await findOrAddRoundSheet(batch, {
    tableNames: [leversTableName(input.roundId)],
    sheetNames: kiesSheetNames(texts.kiesSheet),
    roundName: input.roundName,
  });
  let kept: ReadonlyMap<string, KeptInput> = new Map();
  if (found.existed) {
    const objects = await listSheetObjects(batch, found.sheet);
    const previous = found.tables[0];
    if (previous) kept = (await readKiesTable(batch, previous.table)).kept;
    // Validation rules would otherwise stay on cells that now hold other columns, and a new rule
    // may not overlap an old one.
    found.sheet.getRange().dataValidation.clear();
    queueSheetReset(found.sheet, objects, found);
  }

  const layout = buildKiesLayout({ ...input, kept, texts, retrievedOn: options.retrievedOn });
  const total = layout.block.rows.length;
  const written = await writeTableBlock(batch, found.sheet, layout.block, KIES_HEADER_ROW, texts, (rows) =>
    options.onProgress?.(rows, total),
  );

  let charts: string[] = [];
  let labelled = false;
  if (written.rowCount > 0) {
    for (const { column, formulas } of layout.formulas(written.headerRow)) {
      await writeFormulaColumn(batch, found.sheet, written, column, formulas);
    }
    await addDropDowns(batch, found.sheet, written, texts);
    await batch.reserve(0, 300);
    addTextHighlight(columnBody(found.sheet, written, kiesColumn('chosen')), texts.yes, CHOSEN_FORMAT);
  }
  await finishSheetColumns(batch, found.sheet, [written], {
    hideIdColumn: true,
    wideTextColumn: kiesColumn('title'),
    lastColumnWide: true,
    wrappedColumns: [{ column: kiesColumn('why'), width: WHY_COLUMN_WIDTH }],
  });
  // The lines above the table come after the autofit: Excel fits a column to everything in it, not
  // only to the range asked, so the long title in column B would make "Nr." as wide as the title.
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitcolumns-member(1)
  const lines = [...layout.titleLines, layout.amoLine, layout.mtLine];
  for (const [row, line] of lines.entries()) {
    await writeLine(batch, found.sheet, row, line, row === 0 ? { bold: true, size: 14 } : {});
  }

  if (written.rowCount > 0) {
    const gridRow = await writeBorderGrid(batch, found.sheet, written, layout.helper);
    await batch.reserve(0, 3000);
    const firstChartColumn = kiesColumn('impact');
    const matrix = addLeverMatrixChart(
      found.sheet,
      {
        table: written,
        gridRow,
        gridColumn: kiesColumn('title'),
        from: { row: gridRow - 1, column: firstChartColumn },
        to: { row: gridRow - 1 + CHART_ROWS, column: firstChartColumn + CHART_COLUMNS },
      },
      texts,
    );
    charts = [LEVER_MATRIX_CHART];
    await batch.sync();
    labelled = await labelPoints(batch, found.name, written, [matrix.adviser, matrix.mt]);
  }
  await batch.flush();
  options.onProgress?.(total, total);
  return {
    sheetName: found.name,
    tables: written.table ? [layout.block.tableName] : [],
    charts,
    syncs: batch.syncs,
    rows: total,
    suggested: layout.suggested,
    kept: layout.kept,
    levers: layout.levers,
    amo: layout.amo,
    labelled,
  };
}

function columnBody(sheet: Excel.Worksheet, block: WrittenBlock, column: number): Excel.Range {
  return sheet.getRangeByIndexes(block.headerRow + 1, column, block.rowCount, 1);
}

/** Formulas go through range.formulas, never values, in request-sized row blocks. */
async function writeFormulaColumn(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: WrittenBlock,
  column: number,
  formulas: string[][],
): Promise<void> {
  for (const chunk of planRowChunks(formulas, batch.limits)) {
    await batch.reserve(chunk.cells, chunk.bytes);
    sheet.getRangeByIndexes(block.headerRow + 1 + chunk.start, column, chunk.end - chunk.start, 1).formulas =
      formulas.slice(chunk.start, chunk.end);
  }
}

/** Drop-downs 1–5 on both scores and Ja/Nee on Gekozen, with a stop message for anything else. */
async function addDropDowns(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: WrittenBlock,
  texts: SheetTexts,
): Promise<void> {
  const rules = kiesValidationRules(texts);
  for (const rule of rules) {
    await batch.reserve(0, 300 + estimateBytes(rule));
    const validation = columnBody(sheet, block, rule.column).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source: rule.source } };
    validation.errorAlert = { showAlert: true, style: 'Stop', title: rule.title, message: rule.message };
  }
}

/** The quadrant borders' grid two rows under the table, in the title column and the two beside it. */
async function writeBorderGrid(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: WrittenBlock,
  helper: { title: string; grid: CellValue[][] },
): Promise<number> {
  const titleRow = block.nextRow + 1;
  await writeLine(batch, sheet, titleRow, helper.title, { bold: true });
  const gridRow = titleRow + 1;
  const column = kiesColumn('title');
  await batch.reserve(helper.grid.length * 3, estimateBytes(helper.grid) + 200);
  const range = sheet.getRangeByIndexes(gridRow, column, helper.grid.length, 3);
  range.numberFormat = formatGrid(helper.grid.length, ['@', 'General', 'General']);
  range.values = helper.grid;
  return gridRow;
}

/**
 * Per-point labels in a request of their own: if this Excel refuses them, the chart stays, without
 * labels, rather than the whole sheet failing.
 */
async function labelPoints(
  batch: ExcelBatch,
  sheetName: string,
  block: WrittenBlock,
  series: Excel.ChartSeries[],
): Promise<boolean> {
  try {
    await batch.reserve(0, 200 * block.rowCount * series.length);
    for (const one of series) queuePointLabels(one, sheetName, block);
    await batch.sync();
    return true;
  } catch {
    return false;
  }
}
