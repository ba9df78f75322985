import type { Chart } from 'chart.js';
import type { Language } from '../../core/text';
import { buildLeverMatrixChart, type LeverMatrixData, type MatrixPoint } from '../charts/leverMatrixChart';
import { sheetTextsFor, uiText } from '../i18n';
import type { KiesSheetLever } from '../../core/sheets/kiesLayout';
import { loadChartDrawing } from './charts';

let matrix: Chart<'scatter', MatrixPoint[]> | undefined;
/** Counts the calls of renderMatrix, so that only the newest one draws. */
let drawings = 0;

/**
 * Draws the impact × feasibility matrix from the levers as read from the Kies sheet, with the list
 * of plotted levers under it (the points are labelled with their numbers). Returns how many levers
 * the adviser has scored, once the matrix is drawn (chart.js is fetched the first time; rejects with a
 * PaneError when it cannot be).
 */
export async function renderMatrix(levers: readonly KiesSheetLever[], language: Language): Promise<number> {
  const texts = sheetTextsFor(language);
  const title = uiText(language, 'kiesChartTitle');
  const data = buildLeverMatrixChart(levers, language, {
    title,
    yours: uiText(language, 'kiesChartYours'),
    mt: uiText(language, 'kiesChartMt'),
    border: uiText(language, 'kiesChartBorder'),
    impact: texts.kiesHeaders.impact,
    feasibility: texts.kiesHeaders.feasibility,
  });
  const figure = document.getElementById('matrix-figure');
  const canvas = document.getElementById('matrix-chart') as HTMLCanvasElement | null;
  const caption = document.getElementById('matrix-chart-caption');
  const table = document.getElementById('matrix-table') as HTMLTableElement | null;
  const drawing = ++drawings;
  destroyMatrix();
  if (!figure || !canvas) return data.rows.length;
  figure.hidden = data.rows.length === 0;
  if (caption) caption.textContent = title;
  canvas.setAttribute('aria-label', title);
  if (table) fillTable(table, data, title, language);
  if (data.rows.length === 0) return 0;
  const { drawChart } = await loadChartDrawing();
  // A later reading of the sheet, started while chart.js was being fetched, has the newer levers.
  if (drawing === drawings) matrix = drawChart(canvas, data.config);
  return data.rows.length;
}

function destroyMatrix(): void {
  matrix?.destroy();
  matrix = undefined;
}

/**
 * The plotted levers under the chart: number (the point labels), title with its quadrant, and the
 * two scores. Narrow enough for a task pane; chosen levers are marked in words, not by weight alone.
 */
function fillTable(table: HTMLTableElement, data: LeverMatrixData, title: string, language: Language): void {
  const texts = sheetTextsFor(language);
  const caption = document.createElement('caption');
  caption.textContent = title;
  const head = document.createElement('tr');
  const headers: Array<[string, boolean]> = [
    [texts.kiesHeaders.number, true],
    [texts.kiesHeaders.title, false],
    [uiText(language, 'matrixImpact'), true],
    [uiText(language, 'matrixFeasibility'), true],
  ];
  for (const [label, numeric] of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (numeric) th.className = 'number';
    head.append(th);
  }
  const rows = data.rows.map((row) => {
    const tr = document.createElement('tr');
    if (row.chosen) tr.className = 'chosen';
    const cell = (text: string) => {
      const td = document.createElement('td');
      td.className = 'number';
      td.textContent = text;
      return td;
    };
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = row.chosen ? `${row.title} (${uiText(language, 'kiesChartChosen')})` : row.title;
    const quadrant = document.createElement('span');
    quadrant.className = 'quadrant';
    quadrant.textContent = uiText(language, 'matrixQuadrant', { quadrant: row.quadrant });
    name.append(quadrant);
    tr.append(cell(row.number), name, cell(String(row.impact)), cell(String(row.feasibility)));
    return tr;
  });
  table.replaceChildren(caption, head, ...rows);
}
