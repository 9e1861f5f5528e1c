/**
 * A running sweep's chart, drawn by ECharts in this worker on the canvas the
 * page hands over (an OffscreenCanvas), so that no redraw takes the page's
 * main thread: on the main thread each redraw of a 15×15 heat map was a task
 * of 20-60 ms of script, stretched past 100 ms when the machine was busy
 * (issue 10 item 1). The option is the page's own (sweepView), made here
 * from the rows; the tooltip and the accessible description are left out
 * (a worker has no document to show them in): the page says so under the
 * chart, and draws the interactive chart when the sweep ends.
 */
import * as Comlink from 'comlink';
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import type { SweepSpec } from '../../model/explore/sweep';
import { sweepOption, type SweepRow } from './sweepView';

// ECharts' development build reads Node's `global`, which a worker does not have (its production build does not read it)
(globalThis as { global?: unknown }).global ??= globalThis;
echarts.use([LineChart, ScatterChart, HeatmapChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, CanvasRenderer]);
// ECharts measures text on a canvas it makes, which a worker makes without a document
echarts.setPlatformAPI({ createCanvas: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement });

let chart: echarts.EChartsType | undefined;
let dataset: Dataset | undefined;

const api = {
  init(canvas: OffscreenCanvas, d: Dataset, width: number, height: number, pixelRatio: number): void {
    dataset = d;
    chart = echarts.init(canvas as unknown as HTMLElement, undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  },
  /** Draws the rows; the number of rows drawn. */
  draw(spec: SweepSpec, rows: readonly SweepRow[], key: string, lang: Lang): number {
    if (!chart || !dataset) throw new Error('the sweep chart was drawn before its canvas came');
    chart.setOption(sweepOption(dataset, spec, rows, key, lang));
    return rows.length;
  },
  resize(width: number, height: number): void {
    chart?.resize({ width, height });
  },
};

export type LiveChartApi = typeof api;

Comlink.expose(api);
