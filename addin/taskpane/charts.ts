import { lazyPart } from './lazyPart';

/** chart.js and the drawing, fetched the first time a chart is shown (its own chunk). */
export const loadChartDrawing = lazyPart(
  () => import(/* webpackChunkName: "charts" */ './chartDrawing'),
  'errorChartsNotLoaded',
);
