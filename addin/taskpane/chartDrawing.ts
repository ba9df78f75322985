import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type DefaultDataPoint,
} from 'chart.js';

// Loaded on demand (see charts.ts): chart.js is most of what the first screen would otherwise fetch.
// Only what the pane's charts need: the bar charts after a pull and the lever matrix (scatter).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);
Chart.register(ScatterController, PointElement, LineElement);

/** Draws `config` on `canvas`. */
export function drawChart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<TType, TData, TLabel>,
): Chart<TType, TData, TLabel> {
  return new Chart(canvas, config);
}
