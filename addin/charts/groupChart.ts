import type { RoundResults } from '../../core/results';
import type { Language } from '../../core/text';
import { round2, type ChartData } from './gapChart';
import { shortLabel } from '../../core/sheets/cells';
import { COLORS } from './palette';

export interface GroupChartTexts {
  title: string;
  current: string;
  desired: string;
  group: string;
}

/**
 * Current and desired per shown group, side by side: the mean over the statements the group has
 * published figures for, each statement counting once. Suppressed groups do not appear.
 */
export function buildGroupChart(results: RoundResults, language: Language, texts: GroupChartTexts): ChartData {
  const rows = results.groups.flatMap((group): Array<[string, number | null, number | null]> => {
    if (group.status !== 'shown') return [];
    const current: number[] = [];
    const desired: number[] = [];
    for (const statement of results.statements) {
      const cell = statement.byGroup[group.id];
      if (!cell || cell.status !== 'shown') continue;
      if (cell.meanCurrent !== null) current.push(cell.meanCurrent);
      if (cell.meanDesired !== null) desired.push(cell.meanDesired);
    }
    if (current.length === 0 && desired.length === 0) return [];
    return [[group.name[language], average(current), average(desired)]];
  });
  return {
    config: {
      type: 'bar',
      data: {
        labels: rows.map(([label]) => shortLabel(label, 24)),
        datasets: [
          { label: texts.current, data: rows.map(([, current]) => current), backgroundColor: COLORS.current },
          { label: texts.desired, data: rows.map(([, , desired]) => desired), backgroundColor: COLORS.desired },
        ],
      },
      options: {
        // Horizontal: group names such as "Onderwijsondersteunend personeel (OOP)" are long.
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          title: { display: true, text: texts.title },
          legend: { display: true, position: 'bottom' },
        },
        scales: {
          x: { min: results.scale.min, max: results.scale.max, ticks: { stepSize: 1 }, grid: { color: COLORS.grid } },
        },
      },
    },
    table: { columns: [texts.group, texts.current, texts.desired], rows },
  };
}

function average(values: number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((sum, v) => sum + v, 0) / values.length);
}
