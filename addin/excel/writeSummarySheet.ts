import type { RoundResults } from '../../core/results';
import { allSheetTexts } from '../i18n';
import { blockAddress } from '../../core/sheets/cells';
import {
  roundTableName,
  SUMMARY_SECTIONS_TABLE,
  SUMMARY_TOP_GAPS_TABLE,
  TOP_GAPS_CHART,
} from '../../core/sheets/names';
import { buildSummaryLayout } from '../../core/sheets/summaryLayout';
import { ExcelBatch } from './batch';
import { findOrAddRoundSheet, listSheetObjects, queueSheetReset } from './sheetAccess';
import { finishSheetColumns, type SheetWriteOptions, type SheetWriteReport } from './sheetWriting';
import { writeLine, writeTableBlock, type WrittenBlock } from './tableWriter';

/** Where the chart sits: right of the top-gaps table, about 20 rows high. */
const CHART_FIRST_COLUMN = 7;
const CHART_LAST_COLUMN = 15;
const CHART_ROWS = 20;

/**
 * Writes (or rewrites) the summary sheet: per section the figures of all shown groups and of each
 * group, the statements with the largest gaps, and a native bar chart of those gaps.
 */
export async function writeSummarySheet(
  context: Excel.RequestContext,
  results: RoundResults,
  options: SheetWriteOptions,
): Promise<SheetWriteReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const found = await findOrAddRoundSheet(batch, {
    tableNames: [SUMMARY_SECTIONS_TABLE, SUMMARY_TOP_GAPS_TABLE].map((base) => roundTableName(results.roundId, base)),
    sheetNames: [texts.summarySheet, ...allSheetTexts().map((t) => t.summarySheet)],
    roundName: results.roundName,
  });
  if (found.existed) queueSheetReset(found.sheet, await listSheetObjects(batch, found.sheet), found);

  const layout = buildSummaryLayout(results, options);
  let row = 0;
  for (const [index, line] of layout.titleLines.entries()) {
    await writeLine(batch, found.sheet, row, line, index === 0 ? { bold: true, size: 14 } : {});
    row += 1;
  }
  const written: WrittenBlock[] = [];
  let topGaps: WrittenBlock | undefined;
  for (const block of layout.blocks) {
    row += 1;
    const result = await writeTableBlock(batch, found.sheet, block, row, texts);
    written.push(result);
    if (block === layout.topGaps) topGaps = result;
    row = result.nextRow;
  }
  if (!layout.topGaps) await writeLine(batch, found.sheet, row + 1, texts.noGaps);
  await finishSheetColumns(batch, found.sheet, written, { hideIdColumn: true, wideTextColumn: 1 });

  const charts: string[] = [];
  if (topGaps && topGaps.rowCount > 0) {
    await batch.reserve(0, 500);
    addTopGapsChart(found.sheet, topGaps, texts.topGapsChartTitle);
    charts.push(TOP_GAPS_CHART);
  }
  await batch.flush();
  options.onProgress?.(1, 1);
  return { sheetName: found.name, tables: layout.blocks.map((block) => block.tableName), charts, syncs: batch.syncs };
}

/** Statement labels (column B) against gaps (column C), largest at the top. */
function addTopGapsChart(sheet: Excel.Worksheet, block: WrittenBlock, title: string): void {
  const source = sheet.getRangeByIndexes(block.headerRow, 1, block.rowCount + 1, 2);
  const chart = sheet.charts.add('BarClustered', source, 'Columns');
  chart.name = TOP_GAPS_CHART;
  chart.title.text = title;
  chart.legend.visible = false;
  // Bar charts draw the first category at the bottom; the largest gap belongs on top.
  chart.axes.categoryAxis.reversePlotOrder = true;
  const top = Math.max(0, block.headerRow - 1);
  chart.setPosition(blockAddress(top, CHART_FIRST_COLUMN), blockAddress(top + CHART_ROWS, CHART_LAST_COLUMN));
}
