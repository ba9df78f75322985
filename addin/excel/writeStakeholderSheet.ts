import { columnLetter, formatGrid } from '../../core/sheets/cells';
import { estimateBytes } from '../../core/sheets/chunks';
import { STAKEHOLDER_INFLUENCE_CHART, STAKEHOLDER_TRUST_CHART, STAKEHOLDERS_TABLE } from '../../core/sheets/cycleNames';
import {
  buildStakeholderLayout,
  parseStakeholders,
  STAKEHOLDER_COLUMNS,
  stakeholderColumn,
  type HelperSeries,
  type StakeholderKey,
} from '../../core/sheets/stakeholderLayout';
import { SCORE_LIST_SOURCE } from '../../core/sheets/kiesLayout';
import { COLORS } from '../charts/palette';
import { ExcelBatch } from './batch';
import {
  addListRule,
  chartPosition,
  cycleSheetNames,
  openSheetForRewrite,
  sharedTexts,
  writeFormulaColumn,
  writeLines,
  type CycleSheetReport,
  type CycleWriteOptions,
} from './cycleTables';
import { finishSheetColumns } from './sheetWriting';
import { writeTableBlock } from './tableWriter';

export interface StakeholderReport extends CycleSheetReport {
  ownRows: number;
  /** Whether the charts' points got their labels (per-point label formulas, ExcelApi 1.8). */
  labelled: boolean;
}

const CHART_WIDTH = 8;
const CHART_HEIGHT = 20;

/**
 * Writes (or rewrites) the Stakeholders sheet: one table with drop-downs for the four scores, the
 * approach (Figuur 5) and category (Figuur 6) as live formulas, and two native scatter charts
 * (interest × influence, aligned interests × trust) with their borders and area labels drawn from a
 * small helper grid beside the table. Typed input and own rows are kept by row key.
 */
export async function writeStakeholderSheet(
  context: Excel.RequestContext,
  options: CycleWriteOptions,
): Promise<StakeholderReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const opened = await openSheetForRewrite(
    batch,
    cycleSheetNames((t) => t.stakeholderSheet, texts),
    [STAKEHOLDERS_TABLE],
  );
  const previous = opened.tables.get(STAKEHOLDERS_TABLE);
  const layout = buildStakeholderLayout({
    kept: previous ? parseStakeholders(previous.header, previous.rows) : [],
    texts,
  });
  const sheet = opened.found.sheet;
  const headerRow = (await writeLines(batch, sheet, layout.titleLines)) + 1;
  const written = await writeTableBlock(batch, sheet, layout.block, headerRow, sharedTexts(texts));
  for (const { column, formulas } of layout.formulas(written.headerRow)) {
    await writeFormulaColumn(batch, sheet, written, column, formulas);
  }
  const alert = { title: texts.scoreAlertTitle, message: texts.scoreAlert };
  for (const key of ['interest', 'influence', 'trust', 'aligned'] as const) {
    await addListRule(batch, sheet, written, stakeholderColumn(key), SCORE_LIST_SOURCE, alert);
  }
  await addListRule(batch, sheet, written, stakeholderColumn('kind'), layout.kindSource, {
    title: texts.planChoiceAlertTitle,
    message: texts.planChoiceAlert,
  });
  await finishSheetColumns(batch, sheet, [written], {
    hideIdColumn: true,
    lastColumnWide: true,
    wrappedColumns: [{ column: stakeholderColumn('role'), width: 220 }],
  });

  // The helper grid beside the table (the table grows downward when the adviser adds rows).
  const gridColumn = STAKEHOLDER_COLUMNS.length + 1;
  const grid = layout.charts.grid;
  const gridTitleRow = written.headerRow - 1;
  await batch.reserve(1, estimateBytes(texts.helperTitle) + 100);
  const title = sheet.getRangeByIndexes(gridTitleRow, gridColumn, 1, 1);
  title.numberFormat = [['@']];
  title.values = [[texts.helperTitle]];
  title.format.font.bold = true;
  await batch.reserve(grid.length * 3, estimateBytes(grid) + 200);
  const gridRange = sheet.getRangeByIndexes(written.headerRow, gridColumn, grid.length, 3);
  gridRange.numberFormat = formatGrid(grid.length, ['@', 'General', 'General']);
  gridRange.values = grid;

  const charts: string[] = [];
  const labelJobs: Array<() => void> = [];
  if (written.rowCount > 0) {
    await batch.reserve(0, 6000);
    const firstDataRow = written.headerRow + 1;
    const chartColumn = gridColumn + 4;
    const tableColumn = (key: StakeholderKey) =>
      sheet.getRangeByIndexes(written.headerRow + 1, stakeholderColumn(key), written.rowCount, 1);
    const scatter = (
      name: string,
      chartTitle: string,
      helper: HelperSeries[],
      x: StakeholderKey,
      y: StakeholderKey,
      top: number,
    ) => {
      const cellsOf = (series: HelperSeries) => ({
        labels: sheet.getRangeByIndexes(firstDataRow + series.first, gridColumn, series.count, 1),
        x: sheet.getRangeByIndexes(firstDataRow + series.first, gridColumn + 1, series.count, 1),
        y: sheet.getRangeByIndexes(firstDataRow + series.first, gridColumn + 2, series.count, 1),
        first: firstDataRow + series.first,
      });
      const [first, ...rest] = helper;
      const firstCells = cellsOf(first!);
      const chart = sheet.charts.add(
        'XYScatter',
        sheet.getRangeByIndexes(firstCells.first, gridColumn + 1, first!.count, 2),
        'Columns',
      );
      chart.name = name;
      chart.title.text = chartTitle;
      chart.legend.visible = false;
      const styleSeries = (series: Excel.ChartSeries, kind: HelperSeries['kind']) => {
        if (kind === 'border') {
          series.chartType = 'XYScatterLinesNoMarkers';
          series.markerStyle = 'None';
          series.format.line.color = COLORS.border;
          series.format.line.lineStyle = 'Dash';
        } else {
          series.chartType = 'XYScatter';
          series.markerStyle = 'None';
        }
      };
      const firstSeries = chart.series.getItemAt(0);
      firstSeries.name = first!.name;
      styleSeries(firstSeries, first!.kind);
      for (const one of rest) {
        const cells = cellsOf(one);
        const series = chart.series.add(one.name);
        series.setXAxisValues(cells.x);
        series.setValues(cells.y);
        styleSeries(series, one.kind);
        if (one.kind === 'labels') {
          labelJobs.push(() => labelPoints(series, opened.found.name, gridColumn, cells.first, one.count, 'Right'));
        }
      }
      const points = chart.series.add(texts.chartStakeholders);
      points.setXAxisValues(tableColumn(x));
      points.setValues(tableColumn(y));
      points.chartType = 'XYScatter';
      points.markerStyle = 'Circle';
      points.markerSize = 8;
      points.markerBackgroundColor = COLORS.adviser;
      points.markerForegroundColor = COLORS.adviser;
      labelJobs.push(() =>
        labelPoints(points, opened.found.name, stakeholderColumn('name'), firstDataRow, written.rowCount, 'Top'),
      );
      for (const [axis, axisTitle] of [
        [chart.axes.categoryAxis, texts.stakeholderHeaders[x]],
        [chart.axes.valueAxis, texts.stakeholderHeaders[y]],
      ] as const) {
        axis.minimum = 1;
        axis.maximum = 5;
        axis.majorUnit = 1;
        axis.title.text = axisTitle;
      }
      chartPosition(chart, top, chartColumn, top + CHART_HEIGHT, chartColumn + CHART_WIDTH);
      charts.push(name);
    };
    scatter(
      STAKEHOLDER_INFLUENCE_CHART,
      texts.influenceChartTitle,
      layout.charts.influence,
      'interest',
      'influence',
      gridTitleRow,
    );
    scatter(
      STAKEHOLDER_TRUST_CHART,
      texts.trustChartTitle,
      layout.charts.trust,
      'aligned',
      'trust',
      gridTitleRow + CHART_HEIGHT + 2,
    );
  }
  await batch.sync();
  let labelled = false;
  if (labelJobs.length > 0) {
    // Per-point labels in a request of their own: an Excel that refuses them keeps the charts.
    try {
      await batch.reserve(0, 300 * (written.rowCount * 2 + 10));
      for (const job of labelJobs) job();
      await batch.sync();
      labelled = true;
    } catch {
      labelled = false;
    }
  }
  return {
    sheetName: opened.found.name,
    tables: [STAKEHOLDERS_TABLE],
    charts,
    syncs: batch.syncs,
    rows: written.rowCount,
    kept: layout.kept,
    ownRows: layout.ownRows,
    labelled,
  };
}

/** Labels each point with the text of a cell in its row, through a formula, so labels follow edits. */
function labelPoints(
  series: Excel.ChartSeries,
  sheetName: string,
  column: number,
  firstRow: number,
  count: number,
  position: 'Right' | 'Top',
): void {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const letter = columnLetter(column);
  for (let index = 0; index < count; index += 1) {
    const point = series.points.getItemAt(index);
    point.hasDataLabel = true;
    point.dataLabel.formula = `=${quoted}!$${letter}$${firstRow + 1 + index}`;
    point.dataLabel.position = position;
  }
}
