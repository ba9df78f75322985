import type { Chart } from 'chart.js';
import type { RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import { buildSectionGapChart, type ChartData } from '../charts/gapChart';
import { buildGroupChart } from '../charts/groupChart';
import { sheetTextsFor, uiText } from '../i18n';
import { loadChartDrawing } from './charts';

const charts = new Map<string, Chart>();
/** Counts the calls of renderCharts, so that only the newest one draws. */
let drawings = 0;

/**
 * Draws the charts in the task pane; each canvas gets a hidden table with the same figures. The
 * tables are filled at once; the canvases once chart.js has been fetched (rejects with a PaneError
 * when it cannot be).
 */
export async function renderCharts(results: RoundResults, language: Language): Promise<void> {
  const texts = sheetTextsFor(language);
  const gap = buildSectionGapChart(results, language, {
    title: uiText(language, 'chartGapTitle'),
    gap: uiText(language, 'chartGap'),
    section: texts.section,
  });
  const groups = buildGroupChart(results, language, {
    title: uiText(language, 'chartGroupsTitle'),
    current: uiText(language, 'chartCurrent'),
    desired: uiText(language, 'chartDesired'),
    group: texts.group,
  });
  const drawing = ++drawings;
  const pending = [
    prepare('gap-chart', gap, uiText(language, 'chartGapTitle'), language),
    prepare('group-chart', groups, uiText(language, 'chartGroupsTitle'), language),
  ];
  const section = document.getElementById('charts-section');
  if (section) section.hidden = false;
  const toDraw = pending.filter((p) => p !== undefined);
  if (toDraw.length === 0) return;
  const { drawChart } = await loadChartDrawing();
  // A later pull, started while chart.js was being fetched, has the newer figures.
  if (drawing !== drawings) return;
  for (const { id, canvas, data } of toDraw) charts.set(id, drawChart(canvas, data.config));
}

/** Caption, label and table of one chart; returns what is left to draw (nothing without figures). */
function prepare(
  id: string,
  data: ChartData,
  title: string,
  language: Language,
): { id: string; canvas: HTMLCanvasElement; data: ChartData } | undefined {
  const canvas = document.getElementById(id) as HTMLCanvasElement | null;
  if (!canvas) return undefined;
  charts.get(id)?.destroy();
  charts.delete(id);
  const caption = document.getElementById(`${id}-caption`);
  const table = document.getElementById(`${id}-table`);
  canvas.setAttribute(
    'aria-label',
    data.table.rows.length > 0 ? title : `${title}: ${uiText(language, 'chartNoData')}`,
  );
  if (caption) caption.textContent = title;
  if (table) fillTable(table as HTMLTableElement, data, title, language);
  if (data.table.rows.length === 0) return undefined;
  return { id, canvas, data };
}

function fillTable(table: HTMLTableElement, data: ChartData, title: string, language: Language): void {
  const numbers = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const caption = document.createElement('caption');
  caption.textContent = title;
  const head = document.createElement('tr');
  for (const column of data.table.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const rows = data.table.rows.map(([label, ...values]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    tr.append(
      th,
      ...values.map((value) => {
        const td = document.createElement('td');
        td.textContent = value === null ? '–' : numbers.format(value);
        return td;
      }),
    );
    return tr;
  });
  table.replaceChildren(caption, head, ...rows);
}
