import type { ChartConfiguration } from 'chart.js';
import type { RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import { COLORS } from './palette';

export interface ChartData {
  config: ChartConfiguration<'bar', Array<number | null>, string>;
  /** The same figures as rows for a screen reader table: label, then one value per dataset. */
  table: { columns: string[]; rows: Array<[string, ...Array<number | null>]> };
}

export interface GapChartTexts {
  title: string;
  gap: string;
  section: string;
}

/**
 * Mean gap (desired − current) per survey section over all shown groups, as horizontal bars.
 * Sections without published figures are left out rather than drawn as zero.
 */
export function buildSectionGapChart(results: RoundResults, language: Language, texts: GapChartTexts): ChartData {
  const rows = results.sections.flatMap((section): Array<[string, number]> => {
    const cell = section.overall;
    if (cell.status !== 'shown' || cell.gap === null) return [];
    return [[section.title[language], round2(cell.gap)]];
  });
  const gaps = rows.map(([, gap]) => gap);
  return {
    config: {
      type: 'bar',
      data: {
        labels: rows.map(([label]) => label),
        datasets: [
          {
            label: texts.gap,
            data: gaps,
            backgroundColor: gaps.map((gap) => (gap >= results.actionGap ? COLORS.gapActionNeeded : COLORS.gap)),
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          title: { display: true, text: texts.title },
          legend: { display: false },
        },
        scales: {
          x: {
            suggestedMin: Math.min(0, ...gaps),
            suggestedMax: Math.max(results.actionGap, ...gaps),
            grid: { color: COLORS.grid },
          },
        },
      },
    },
    table: { columns: [texts.section, texts.gap], rows },
  };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
