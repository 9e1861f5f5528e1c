/**
 * The chart of a running sweep, drawn in a worker (./live-chart.worker.ts) on
 * a canvas handed to it, so that the page's main thread only sends the rows.
 * Without OffscreenCanvas, or if the worker fails, the sweep's results draw
 * the chart on the page instead (`onFail`).
 */
import * as Comlink from 'comlink';
import { createEffect, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import type { SweepSpec } from '../../model/explore/sweep';
import { FALLBACK_WIDTH } from '../charts/EChart';
import { t } from '../i18n';
import type { LiveChartApi } from './live-chart.worker';
import type { SweepRow } from './sweepView';

/** Whether this browser can draw in a worker on a canvas of the page. */
export const canDrawInWorker = (): boolean =>
  typeof Worker !== 'undefined' && typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;

export function LiveSweepChart(props: {
  dataset: Dataset;
  spec: SweepSpec;
  rows: readonly SweepRow[];
  output: string;
  lang: Lang;
  height: number;
  label: string;
  onFail: () => void;
}): JSX.Element {
  let canvas!: HTMLCanvasElement;
  const [drawn, setDrawn] = createSignal(0);

  onMount(() => {
    const worker = new Worker(new URL('./live-chart.worker.ts', import.meta.url), { type: 'module', name: 'sweep-chart' });
    const remote = Comlink.wrap<LiveChartApi>(worker);
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      worker.terminate();
      props.onFail();
    };
    worker.addEventListener('error', fail);
    const width = () => canvas.clientWidth || FALLBACK_WIDTH;
    const offscreen = canvas.transferControlToOffscreen();
    const ready = remote.init(Comlink.transfer(offscreen, [offscreen]), props.dataset, width(), props.height, window.devicePixelRatio || 1);
    ready.catch(fail);

    // one draw at a time, of the latest rows: rows that come while the worker draws replace any still waiting
    let drawing = false;
    let waiting: (() => Promise<number>) | undefined;
    const next = () => {
      if (drawing || !waiting || failed) return;
      const draw = waiting;
      waiting = undefined;
      drawing = true;
      draw()
        .then(setDrawn, fail)
        .finally(() => {
          drawing = false;
          next();
        });
    };
    createEffect(() => {
      const [spec, rows, key, lang] = [props.spec, props.rows, props.output, props.lang];
      waiting = () => ready.then(() => remote.draw(spec, rows, key, lang));
      next();
    });

    const resized = new ResizeObserver(() => void ready.then(() => remote.resize(width(), props.height)).catch(fail));
    resized.observe(canvas);
    onCleanup(() => {
      resized.disconnect();
      failed = true;
      remote[Comlink.releaseProxy]();
      worker.terminate();
    });
  });

  return (
    <figure class="echart live-chart" style={{ margin: 0 }}>
      <canvas ref={canvas} role="img" aria-label={props.label} data-drawn-rows={drawn()} style={{ display: 'block', width: '100%', height: `${props.height}px` }} />
      <figcaption class="muted">{t('explore.sweep.liveChart')}</figcaption>
    </figure>
  );
}
