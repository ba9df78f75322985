import type { RoundComparison } from '../../core/comparison';
import { buildComparisonLayout, comparisonColumn, parseComparisonRows } from '../../core/sheets/comparisonLayout';
import {
  COMPARISON_CHART,
  COMPARISON_INDICATORS_TABLE,
  COMPARISON_SECTIONS_TABLE,
  COMPARISON_TABLE,
  COMPARISON_TREND_TABLE,
  INDICATORS_TABLE,
} from '../../core/sheets/cycleNames';
import { indicatorsFromRows, parseIndicatorRows, type PlanIndicator } from '../../core/sheets/planLayout';
import { ExcelBatch } from './batch';
import {
  chartPosition,
  cycleSheetNames,
  DONE_FORMAT,
  inspectSheet,
  prepareSheet,
  sharedTexts,
  URGENT_FORMAT,
  writeLines,
  type CycleSheetReport,
  type CycleWriteOptions,
} from './cycleTables';
import { finishSheetColumns } from './sheetWriting';
import { addTextHighlight, writeLine, writeTableBlock, type WrittenBlock } from './tableWriter';

export interface ComparisonReport extends CycleSheetReport {
  indicators: number;
  trend: boolean;
  counts: { shown: number; hidden: number; shrank: number; grew: number };
}

/**
 * Ga door: writes the Vergelijking sheet from GET /api/rounds/:id/comparison: the method in words,
 * the change per section with a native column chart, the plan's indicators (read from the
 * Indicatoren sheet) with their target and the new measurement, a trend per statement when the
 * chain holds three or more rounds, and every statement, section and group with both rounds'
 * figures, the change and the Welch verdict. The adviser's conclusions are kept by row key.
 */
export async function writeComparisonSheet(
  context: Excel.RequestContext,
  comparison: RoundComparison,
  options: CycleWriteOptions,
): Promise<ComparisonReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const plan = await inspectSheet(
    batch,
    cycleSheetNames((t) => t.indicatorsSheet, texts),
    [INDICATORS_TABLE],
  );
  const indicatorTable = plan.tables.get(INDICATORS_TABLE);
  const indicators: PlanIndicator[] = indicatorTable
    ? indicatorsFromRows(parseIndicatorRows(indicatorTable.header, indicatorTable.rows))
    : [];
  const inspected = await inspectSheet(
    batch,
    cycleSheetNames((t) => t.comparisonSheet, texts),
    [COMPARISON_TABLE],
  );
  const opened = prepareSheet(batch, inspected);
  const previous = opened.tables.get(COMPARISON_TABLE);
  const layout = buildComparisonLayout({
    comparison,
    kept: previous ? parseComparisonRows(previous.header, previous.rows) : [],
    indicators,
    texts,
    retrievedOn: options.retrievedOn,
  });
  const sheet = opened.found.sheet;
  const shared = sharedTexts(texts);
  let row = (await writeLines(batch, sheet, layout.titleLines)) + 1;

  const sections = await writeTableBlock(batch, sheet, layout.sections, row, shared);
  const charts: string[] = [];
  if (sections.rowCount > 0) {
    await batch.reserve(0, 3000);
    // Titles and changes side by side: Excel takes the text column as categories, the numbers as the series.
    const source = sheet.getRangeByIndexes(sections.headerRow, layout.sectionTitleColumn, sections.rowCount + 1, 2);
    const chart = sheet.charts.add('BarClustered', source, 'Columns');
    chart.name = COMPARISON_CHART;
    chart.title.text = texts.sectionsChartTitle;
    chart.legend.visible = false;
    chart.axes.categoryAxis.reversePlotOrder = true;
    chartPosition(chart, sections.headerRow - 1, 7, sections.headerRow + Math.max(14, sections.rowCount + 4), 15);
    charts.push(COMPARISON_CHART);
    row = Math.max(sections.nextRow, sections.headerRow + 15) + 1;
  } else row = sections.nextRow + 1;
  await highlightVerdicts(batch, sheet, sections, 5, texts);

  const blocks: WrittenBlock[] = [sections];
  if (layout.indicators) {
    const written = await writeTableBlock(batch, sheet, layout.indicators, row, shared);
    await batch.reserve(0, 600);
    if (written.rowCount > 0) {
      const met = sheet.getRangeByIndexes(written.headerRow + 1, 6, written.rowCount, 1);
      addTextHighlight(met, texts.yes, DONE_FORMAT);
      addTextHighlight(met, texts.no, URGENT_FORMAT);
    }
    blocks.push(written);
    row = written.nextRow + 1;
  } else {
    await writeLine(batch, sheet, row, texts.indicatorResultsHeading, { bold: true });
    await writeLine(batch, sheet, row + 1, layout.indicatorsNone ?? '');
    row += 3;
  }
  if (layout.trend) {
    const written = await writeTableBlock(batch, sheet, layout.trend, row, shared);
    blocks.push(written);
    row = written.nextRow + 1;
  } else {
    await writeLine(batch, sheet, row, texts.trendHeading, { bold: true });
    await writeLine(batch, sheet, row + 1, layout.trendNone ?? '');
    row += 3;
  }
  const cells = await writeTableBlock(batch, sheet, layout.cells, row, shared);
  await highlightVerdicts(batch, sheet, cells, comparisonColumn('verdict'), texts);
  blocks.push(cells);
  await finishSheetColumns(batch, sheet, blocks, {
    hideIdColumn: true,
    wideTextColumn: comparisonColumn('statement'),
    lastColumnWide: true,
  });
  await batch.flush();
  return {
    sheetName: opened.found.name,
    tables: [
      COMPARISON_SECTIONS_TABLE,
      ...(layout.indicators ? [COMPARISON_INDICATORS_TABLE] : []),
      ...(layout.trend ? [COMPARISON_TREND_TABLE] : []),
      COMPARISON_TABLE,
    ],
    charts,
    syncs: batch.syncs,
    rows: cells.rowCount,
    kept: layout.kept,
    indicators: layout.indicators?.rows.length ?? 0,
    trend: layout.trend !== undefined,
    counts: layout.counts,
  };
}

/** Shrunk beyond chance in green, grown beyond chance in red. */
async function highlightVerdicts(
  batch: ExcelBatch,
  sheet: Excel.Worksheet,
  block: WrittenBlock,
  column: number,
  texts: CycleWriteOptions['texts'],
): Promise<void> {
  if (block.rowCount === 0) return;
  await batch.reserve(0, 600);
  const range = sheet.getRangeByIndexes(block.headerRow + 1, column, block.rowCount, 1);
  addTextHighlight(range, texts.verdictShrank, DONE_FORMAT);
  addTextHighlight(range, texts.verdictGrew, URGENT_FORMAT);
}
