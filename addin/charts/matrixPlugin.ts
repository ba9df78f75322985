import type { Chart, ChartType, Plugin } from 'chart.js';

/** Options of the lever-matrix plugin: which datasets get point labels, and the quadrant names. */
export interface MatrixPluginOptions {
  /** Indexes of the datasets whose points carry a `label` to draw beside them. */
  labelDatasets: number[];
  threshold: number;
  quadrants: { topRight: string; topLeft: string; bottomRight: string; bottomLeft: string };
  color: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    koersMatrix?: MatrixPluginOptions;
  }
}

/**
 * Draws each point's label (the levers' "Nr.") beside it and the quadrant names faintly in the
 * quadrants' outer corners. chart.js has no data labels of its own; this is all the matrix needs.
 */
export const matrixPlugin: Plugin<'scatter', MatrixPluginOptions> = {
  id: 'koersMatrix',
  afterDatasetsDraw(chart, _args, options) {
    if (!options) return;
    const { ctx, chartArea } = chart;
    const x = chart.scales.x;
    const y = chart.scales.y;
    if (!x || !y) return;
    ctx.save();
    ctx.font = '11px "Segoe UI", system-ui, sans-serif';
    ctx.fillStyle = options.color;
    ctx.globalAlpha = 0.6;
    const pad = 4;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'right';
    ctx.fillText(options.quadrants.topRight, chartArea.right - pad, chartArea.top + pad);
    ctx.textAlign = 'left';
    ctx.fillText(options.quadrants.topLeft, chartArea.left + pad, chartArea.top + pad);
    ctx.textBaseline = 'bottom';
    ctx.fillText(options.quadrants.bottomLeft, chartArea.left + pad, chartArea.bottom - pad);
    ctx.textAlign = 'right';
    ctx.fillText(options.quadrants.bottomRight, chartArea.right - pad, chartArea.bottom - pad);
    ctx.globalAlpha = 1;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.font = '600 11px "Segoe UI", system-ui, sans-serif';
    for (const index of options.labelDatasets) drawLabels(chart, index);
    ctx.restore();
  },
};

function drawLabels(chart: Chart<'scatter'>, datasetIndex: number): void {
  const meta = chart.getDatasetMeta(datasetIndex);
  if (meta.hidden) return;
  const data = chart.data.datasets[datasetIndex]?.data ?? [];
  meta.data.forEach((element, i) => {
    const point = data[i] as { label?: string } | undefined;
    if (!point?.label) return;
    const radius = Number((element.options as { radius?: number } | undefined)?.radius ?? 4);
    const color = chart.data.datasets[datasetIndex]?.borderColor;
    chart.ctx.fillStyle = typeof color === 'string' ? color : '#242424';
    // Near the right edge the label goes to the left of its point, so it is not cut off.
    const width = chart.ctx.measureText(point.label).width;
    const rightOfPoint = element.x + radius + 3;
    const fits = rightOfPoint + width <= chart.width;
    chart.ctx.textAlign = fits ? 'left' : 'right';
    chart.ctx.fillText(point.label, fits ? rightOfPoint : element.x - radius - 3, element.y);
  });
}
