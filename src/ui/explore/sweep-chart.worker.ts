/**
 * A sweep's chart, drawn by ECharts in this worker on the canvas the page
 * hands over (an OffscreenCanvas), so that no draw takes the page's main
 * thread: on the main thread each redraw of a 15×15 heat map was a task of
 * 20-60 ms of script, stretched past 100 ms when the machine was busy, and
 * the interactive chart drawn when a sweep ended was 71-85 ms (issue 10 item
 * 1). The option is the page's own (sweepView), made here from the rows. A
 * worker has no document: the page forwards the pointer (`pointAt`), this
 * highlights the point there and answers with its tooltip, which the page
 * shows.
 */
import * as Comlink from 'comlink';
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import type { SweepSpec } from '../../model/explore/sweep';
import type { ChartOption } from '../../present/charts/echarts';
import { itemAt, type Hit } from './sweepHit';
import { sweepOption, type SweepRow } from './sweepView';

// ECharts' development build reads Node's `global`, which a worker does not have (its production build does not read it)
(globalThis as { global?: unknown }).global ??= globalThis;
echarts.use([LineChart, ScatterChart, HeatmapChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, CanvasRenderer]);
// ECharts measures text on a canvas it makes, which a worker makes without a document
echarts.setPlatformAPI({ createCanvas: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement });

let chart: echarts.EChartsType | undefined;
let dataset: Dataset | undefined;
let drawn: ChartOption | undefined;
let highlighted: Hit | null = null;
/** what the chart drawn shows (the parameters, the output and the language): rows of the same merge into it */
let shown = '';

const sameItem = (a: Hit | null, b: Hit | null) => a?.seriesId === b?.seriesId && a?.dataIndex === b?.dataIndex;

function highlight(hit: Hit | null): void {
  if (!chart || sameItem(hit, highlighted)) return;
  if (highlighted) chart.dispatchAction({ type: 'downplay', seriesId: highlighted.seriesId, dataIndex: highlighted.dataIndex });
  if (hit) chart.dispatchAction({ type: 'highlight', seriesId: hit.seriesId, dataIndex: hit.dataIndex });
  highlighted = hit;
}

const api = {
  init(canvas: OffscreenCanvas, d: Dataset, width: number, height: number, pixelRatio: number): void {
    dataset = d;
    chart = echarts.init(canvas as unknown as HTMLElement, undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  },
  /** Draws the rows; the number of rows drawn. */
  draw(spec: SweepSpec, rows: readonly SweepRow[], key: string, lang: Lang): number {
    if (!chart || !dataset) throw new Error('the sweep chart was drawn before its canvas came');
    drawn = sweepOption(dataset, spec, rows, key, lang);
    // the items are new: what was highlighted is drawn plain again
    highlighted = null;
    // another sweep shown, or another output, has other axes and series: it replaces the chart rather than merging into it
    const shows = JSON.stringify([spec, key, lang]);
    chart.setOption(drawn, { notMerge: shows !== shown });
    shown = shows;
    return rows.length;
  },
  /** Highlights the point at (x, y) in CSS pixels of the canvas, if any, and gives its tooltip (HTML, escaped by sweepView). */
  pointAt(x: number, y: number): string | null {
    const hit = chart && drawn ? itemAt(chart, drawn, x, y) : null;
    highlight(hit);
    return hit?.tip ?? null;
  },
  /** The pointer left the chart: nothing is highlighted. */
  leave(): void {
    highlight(null);
  },
  resize(width: number, height: number): void {
    chart?.resize({ width, height });
  },
};

export type SweepChartApi = typeof api;

Comlink.expose(api);
