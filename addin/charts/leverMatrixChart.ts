import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { quadrant, QUADRANT_LABELS, QUADRANT_THRESHOLD, SCORE_MAX, SCORE_MIN } from '../../core/levers/scoring';
import type { Language } from '../../core/text';
import type { KiesSheetLever } from '../../core/sheets/kiesLayout';
import { round2 } from './gapChart';
import { matrixPlugin } from './matrixPlugin';
import { COLORS } from './palette';

/** One drawn point: levers with the same scores share it, labelled with all their numbers. */
export interface MatrixPoint {
  x: number;
  y: number;
  label: string;
  titles: string[];
}

export interface MatrixChartTexts {
  title: string;
  yours: string;
  mt: string;
  border: string;
  impact: string;
  feasibility: string;
}

export interface MatrixRow {
  number: string;
  title: string;
  impact: number;
  feasibility: number;
  quadrant: string;
  chosen: boolean;
}

export interface LeverMatrixData {
  config: ChartConfiguration<'scatter', MatrixPoint[]>;
  /** The scored levers in "Nr." order, for the list under the chart (and screen readers). */
  rows: MatrixRow[];
}

const BASE_RADIUS = 5;
const MAX_RADIUS = 12;

/**
 * Impact (y) against feasibility (x) on 1–5 for the levers the adviser has scored on the sheet,
 * the MT means where there are any, and the quadrant borders at QUADRANT_THRESHOLD as dashed lines.
 * Whole scores coincide often, so levers on the same spot share one (larger) point.
 */
export function buildLeverMatrixChart(
  levers: readonly KiesSheetLever[],
  language: Language,
  texts: MatrixChartTexts,
): LeverMatrixData {
  const numbered = levers.map((lever, index) => ({ lever, number: String(lever.number ?? index + 1) }));
  const scored = numbered.filter(({ lever }) => lever.impact !== null && lever.feasibility !== null);
  const yours = groupPoints(
    scored.map(({ lever, number }) => ({
      x: lever.feasibility!,
      y: lever.impact!,
      number,
      title: lever.title,
      chosen: lever.chosen,
    })),
  );
  const mt = groupPoints(
    numbered
      .filter(({ lever }) => lever.mtImpact !== null && lever.mtFeasibility !== null)
      .map(({ lever, number }) => ({
        x: round2(lever.mtFeasibility!),
        y: round2(lever.mtImpact!),
        number,
        title: lever.title,
        chosen: lever.chosen,
      })),
  );
  const t = QUADRANT_THRESHOLD;
  const border = (data: MatrixPoint[]) => ({
    label: texts.border,
    data,
    showLine: true,
    pointRadius: 0,
    pointHoverRadius: 0,
    borderColor: COLORS.border,
    borderDash: [6, 4],
    borderWidth: 1,
  });
  const axis = (title: string) => ({
    type: 'linear' as const,
    min: SCORE_MIN,
    max: SCORE_MAX,
    ticks: { stepSize: 1 },
    grid: { color: COLORS.grid },
    title: { display: true, text: title },
  });
  const names = (q: keyof typeof QUADRANT_LABELS) => QUADRANT_LABELS[q][language];

  return {
    config: {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: texts.yours,
            data: yours.map(({ point }) => point),
            borderColor: COLORS.adviser,
            // Chosen levers are filled, the others hollow.
            backgroundColor: yours.map(({ chosen }) => (chosen ? COLORS.adviser : '#FFFFFF')),
            pointRadius: yours.map(({ point }) => radius(point)),
            pointBorderWidth: 2,
            clip: false,
          },
          {
            label: texts.mt,
            data: mt.map(({ point }) => point),
            borderColor: COLORS.mt,
            backgroundColor: COLORS.mt,
            pointStyle: 'rectRot',
            pointRadius: mt.map(({ point }) => radius(point)),
            clip: false,
          },
          border([
            { x: t, y: SCORE_MIN, label: '', titles: [] },
            { x: t, y: SCORE_MAX, label: '', titles: [] },
          ]),
          border([
            { x: SCORE_MIN, y: t, label: '', titles: [] },
            { x: SCORE_MAX, y: t, label: '', titles: [] },
          ]),
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // Room for points (and their labels) on the 1 and 5 lines.
        layout: { padding: { top: 8, right: 12 } },
        scales: { x: axis(texts.feasibility), y: axis(texts.impact) },
        plugins: {
          title: { display: true, text: texts.title },
          legend: {
            display: true,
            position: 'bottom',
            // One key for both borders is enough; the point series matter.
            labels: { filter: (item) => (item.datasetIndex ?? 0) < 3 },
          },
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'scatter'>) => {
                const point = item.raw as MatrixPoint;
                return point.titles.length > 0 ? point.titles : `${item.parsed.x}, ${item.parsed.y}`;
              },
            },
          },
          koersMatrix: {
            labelDatasets: [0, 1],
            threshold: t,
            color: '#242424',
            quadrants: {
              topRight: names('nu-doen'),
              topLeft: names('plannen'),
              bottomRight: names('snel-resultaat'),
              bottomLeft: names('laten'),
            },
          },
        },
      },
      plugins: [matrixPlugin],
    },
    rows: scored.map(({ lever, number }) => ({
      number,
      title: lever.title,
      impact: lever.impact!,
      feasibility: lever.feasibility!,
      quadrant: QUADRANT_LABELS[quadrant(lever.impact!, lever.feasibility!)][language],
      chosen: lever.chosen,
    })),
  };
}

interface Placed {
  x: number;
  y: number;
  number: string;
  title: string;
  chosen: boolean;
}

function groupPoints(placed: readonly Placed[]): Array<{ point: MatrixPoint; chosen: boolean }> {
  const groups = new Map<string, { point: MatrixPoint; chosen: boolean; numbers: string[] }>();
  for (const item of placed) {
    const key = `${item.x}|${item.y}`;
    let group = groups.get(key);
    if (!group) {
      group = { point: { x: item.x, y: item.y, label: '', titles: [] }, chosen: false, numbers: [] };
      groups.set(key, group);
    }
    group.numbers.push(item.number);
    group.point.titles.push(`${item.number}. ${item.title}`);
    group.chosen ||= item.chosen;
  }
  return [...groups.values()].map(({ point, chosen, numbers }) => ({
    point: { ...point, label: numbers.join(', ') },
    chosen,
  }));
}

function radius(point: MatrixPoint): number {
  return Math.min(MAX_RADIUS, BASE_RADIUS + 2 * (point.titles.length - 1));
}
