/**
 * A sweep's chart drawn in a worker (./sweep-chart.worker.ts) on a canvas
 * handed to it, so that the page's main thread only sends the rows and the
 * pointer. The tooltip is the page's: the worker finds the point under the
 * pointer and answers with its text. Without OffscreenCanvas, or if the
 * worker fails, the sweep's results draw the chart on the page instead
 * (`onFail`).
 */
import * as Comlink from 'comlink';
import { createEffect, createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import type { SweepSpec } from '../../model/explore/sweep';
import { FALLBACK_WIDTH } from '../charts/EChart';
import { whenIdle } from '../shell/idle';
import type { SweepChartApi } from './sweep-chart.worker';
import type { SweepRow } from './sweepView';

/** Whether this browser can draw in a worker on a canvas of the page. */
export const canDrawInWorker = (): boolean =>
  typeof Worker !== 'undefined' && typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;

const startWorker = () => new Worker(new URL('./sweep-chart.worker.ts', import.meta.url), { type: 'module', name: 'sweep-chart' });

/**
 * A chart worker started while the page waits, for the first chart to take:
 * a worker's start (loading and compiling ECharts) is hundreds of ms of CPU,
 * which at a sweep's first point shared the machine's cores with the solver
 * and the page, and stretched the page's task then (20 ms of CPU) to
 * 90-100 ms. Only while no chart has a worker: a chart keeps its worker from
 * one sweep to the next.
 */
let spare: Worker | undefined;
let keepSpare = false;
let chartsDrawing = 0;

const prepareSpare = () =>
  whenIdle(() => {
    if (keepSpare && !spare && chartsDrawing === 0) spare = startWorker();
  }, 2000);

/** Keeps a chart worker ready while the Sweep tab is open; the function returned stops it. */
export function keepChartWorkerReady(): () => void {
  keepSpare = true;
  prepareSpare();
  return () => {
    keepSpare = false;
    spare?.terminate();
    spare = undefined;
  };
}

/** A worker for a chart, and the function that ends it (and readies another, unless this one failed). */
function takeWorker(): { worker: Worker; release: (failed: boolean) => void } {
  chartsDrawing++;
  const worker = spare ?? startWorker();
  spare = undefined;
  let released = false;
  const release = (failed: boolean) => {
    if (released) return;
    released = true;
    worker.terminate();
    chartsDrawing--;
    if (failed) keepSpare = false;
    else prepareSpare();
  };
  return { worker, release };
}

/**
 * The canvas's pixels per CSS pixel: at least two, so that the chart prints
 * sharp (the page's own charts print as SVG); the worker draws them, not the page.
 */
const PIXEL_RATIO = () => Math.max(2, window.devicePixelRatio || 1);

/** Runs jobs one at a time; a job asked for while one runs replaces any still waiting (only the latest rows or pointer matter). */
function latestOnly(): (job: () => Promise<void>) => void {
  let busy = false;
  let waiting: (() => Promise<void>) | undefined;
  const next = () => {
    if (busy || !waiting) return;
    const job = waiting;
    waiting = undefined;
    busy = true;
    void job().finally(() => {
      busy = false;
      next();
    });
  };
  return (job) => {
    waiting = job;
    next();
  };
}

/** Where the tooltip goes: beside the pointer, on the side with more room. */
function tipStyle(x: number, y: number, width: number, height: number): JSX.CSSProperties {
  const gap = 14;
  const left = x < width / 2;
  const above = y > height / 2;
  return {
    left: `${left ? x + gap : x - gap}px`,
    top: `${above ? y - gap : y + gap}px`,
    transform: `translate(${left ? '0' : '-100%'}, ${above ? '-100%' : '0'})`,
  };
}

export function SweepWorkerChart(props: {
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
  const [tip, setTip] = createSignal<{ html: string; style: JSX.CSSProperties } | null>(null);
  let pointer: { x: number; y: number } | null = null;
  let pointAt = (_x: number, _y: number) => {};
  let leave = () => {};

  onMount(() => {
    const { worker, release } = takeWorker();
    const remote = Comlink.wrap<SweepChartApi>(worker);
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      release(true);
      props.onFail();
    };
    worker.addEventListener('error', fail);
    const width = () => canvas.clientWidth || FALLBACK_WIDTH;
    const offscreen = canvas.transferControlToOffscreen();
    const ready = remote.init(Comlink.transfer(offscreen, [offscreen]), props.dataset, width(), props.height, PIXEL_RATIO());
    ready.catch(fail);

    const asks = latestOnly();
    pointAt = (x, y) => {
      pointer = { x, y };
      asks(() =>
        ready
          .then(() => remote.pointAt(x, y))
          .then((html) => {
            // a pointer that left meanwhile shows nothing
            if (pointer) setTip(html === null ? null : { html, style: tipStyle(pointer.x, pointer.y, canvas.clientWidth, props.height) });
          }, fail),
      );
    };
    leave = () => {
      pointer = null;
      setTip(null);
      asks(() => ready.then(() => remote.leave()).catch(fail));
    };

    const draws = latestOnly();
    createEffect(() => {
      const [spec, rows, key, lang] = [props.spec, props.rows, props.output, props.lang];
      draws(() =>
        ready
          .then(() => remote.draw(spec, rows, key, lang))
          .then((n) => {
            setDrawn(n);
            // the point under a pointer that stays may be another now, or say more
            if (pointer) pointAt(pointer.x, pointer.y);
          })
          .catch(fail),
      );
    });

    const resized = new ResizeObserver(() => void ready.then(() => remote.resize(width(), props.height)).catch(fail));
    resized.observe(canvas);
    onCleanup(() => {
      resized.disconnect();
      failed = true;
      remote[Comlink.releaseProxy]();
      release(false);
    });
  });

  return (
    <figure class="echart sweep-worker-chart" style={{ margin: 0 }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={props.label}
        data-drawn-rows={drawn()}
        style={{ display: 'block', width: '100%', height: `${props.height}px` }}
        onPointerMove={(e) => pointAt(e.offsetX, e.offsetY)}
        onPointerLeave={() => leave()}
      />
      <Show when={tip()}>{(t) => <div class="chart-tip" role="tooltip" style={t().style} innerHTML={t().html} />}</Show>
    </figure>
  );
}
