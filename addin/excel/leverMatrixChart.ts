import { SCORE_MAX, SCORE_MIN } from '../../core/levers/scoring';
import { COLORS } from '../charts/palette';
import type { SheetTexts } from '../i18n';
import { blockAddress, columnLetter } from '../../core/sheets/cells';
import { kiesColumn } from '../../core/sheets/kiesLayout';
import { LEVER_MATRIX_CHART } from '../../core/sheets/names';
import type { WrittenBlock } from './tableWriter';

export interface MatrixPlacement {
  /** The Koers.Levers table as written. */
  table: WrittenBlock;
  /** Zero-based sheet row of the border grid's header (quadrantBorderGrid); its four rows follow. */
  gridRow: number;
  /** Zero-based column of the grid's label column; x values are one to the right, y values two. */
  gridColumn: number;
  /** Top-left and bottom-right cells of the chart, zero-based. */
  from: { row: number; column: number };
  to: { row: number; column: number };
}

export interface MatrixChart {
  chart: Excel.Chart;
  adviser: Excel.ChartSeries;
  mt: Excel.ChartSeries;
}

/**
 * An XY scatter of impact (y) against feasibility (x), axes fixed at 1–5: the adviser's scores and
 * the MT means straight from the table's columns (so the chart follows what is typed), and the two
 * quadrant borders as dashed lines from the small grid under the table. The chart is made from the
 * first border's cells, which gives exactly one series (x = first column, y = second); the others
 * are added with explicit x and y ranges, as the score columns are not side by side in x, y order.
 */
export function addLeverMatrixChart(
  sheet: Excel.Worksheet,
  placement: MatrixPlacement,
  texts: SheetTexts,
): MatrixChart {
  const { table, gridRow, gridColumn } = placement;
  const borderCells = (first: number) => ({
    x: sheet.getRangeByIndexes(gridRow + first, gridColumn + 1, 2, 1),
    y: sheet.getRangeByIndexes(gridRow + first, gridColumn + 2, 2, 1),
  });
  const tableColumn = (key: Parameters<typeof kiesColumn>[0]) =>
    sheet.getRangeByIndexes(table.headerRow + 1, kiesColumn(key), table.rowCount, 1);

  const chart = sheet.charts.add('XYScatter', sheet.getRangeByIndexes(gridRow + 1, gridColumn + 1, 2, 2), 'Columns');
  chart.name = LEVER_MATRIX_CHART;
  chart.title.text = texts.kiesChartTitle;
  chart.legend.visible = true;
  chart.legend.position = 'Bottom';

  const vertical = chart.series.getItemAt(0);
  vertical.name = texts.kiesBorderFeasibility;
  styleBorder(vertical);
  const horizontal = chart.series.add(texts.kiesBorderImpact);
  const horizontalCells = borderCells(3);
  horizontal.setXAxisValues(horizontalCells.x);
  horizontal.setValues(horizontalCells.y);
  styleBorder(horizontal);

  const adviser = chart.series.add(texts.kiesChartYours);
  adviser.setXAxisValues(tableColumn('feasibility'));
  adviser.setValues(tableColumn('impact'));
  styleMarkers(adviser, 'Circle', COLORS.adviser);
  const mt = chart.series.add(texts.kiesChartMt);
  mt.setXAxisValues(tableColumn('mtFeasibility'));
  mt.setValues(tableColumn('mtImpact'));
  styleMarkers(mt, 'Diamond', COLORS.mt);

  for (const [axis, title] of [
    [chart.axes.categoryAxis, texts.kiesHeaders.feasibility],
    [chart.axes.valueAxis, texts.kiesHeaders.impact],
  ] as const) {
    axis.minimum = SCORE_MIN;
    axis.maximum = SCORE_MAX;
    axis.majorUnit = 1;
    axis.title.text = title;
  }
  chart.setPosition(
    blockAddress(placement.from.row, placement.from.column),
    blockAddress(placement.to.row, placement.to.column),
  );
  return { chart, adviser, mt };
}

/**
 * Labels each point with the lever's "Nr." through a formula pointing at that row's cell, so a label
 * stays right when the adviser sorts the table. Per-point labels need ExcelApi 1.8 and points that
 * exist, so the caller sends them in a request of their own, after the chart is made.
 */
export function queuePointLabels(series: Excel.ChartSeries, sheetName: string, table: WrittenBlock): void {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const numberColumn = columnLetter(kiesColumn('number'));
  for (let index = 0; index < table.rowCount; index += 1) {
    const point = series.points.getItemAt(index);
    point.hasDataLabel = true;
    point.dataLabel.formula = `=${quoted}!$${numberColumn}$${table.headerRow + 2 + index}`;
    point.dataLabel.position = 'Right';
  }
}

function styleBorder(series: Excel.ChartSeries): void {
  series.chartType = 'XYScatterLinesNoMarkers';
  series.markerStyle = 'None';
  series.format.line.color = COLORS.border;
  series.format.line.lineStyle = 'Dash';
}

function styleMarkers(series: Excel.ChartSeries, style: 'Circle' | 'Diamond', color: string): void {
  series.chartType = 'XYScatter';
  series.markerStyle = style;
  series.markerSize = 8;
  series.markerBackgroundColor = color;
  series.markerForegroundColor = color;
}
