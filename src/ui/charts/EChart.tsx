/**
 * A Solid wrapper around echarts.init: draws `option`, redraws when it
 * changes, follows the container's size and disposes with the component.
 * SVG by default so charts print crisply. If the environment cannot draw
 * (no layout or canvas, as in jsdom) or ECharts cannot be loaded (offline
 * without its chunk), it says so and the page's tables still carry every
 * figure.
 *
 * Drawing waits so that a page shows its figures first (issue 10 item 9):
 * ECharts (src/present/charts/echarts.ts) is a chunk of its own, loaded when the first chart is
 * about to be drawn; a chart is drawn once its box comes near the viewport
 * (IntersectionObserver; at once where there is none), so the charts below
 * the fold of the Results cost nothing until the planner scrolls to them;
 * and charts draw one per frame, each after the frame before has been
 * painted, so that no single task draws them all.
 */
import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { whenIdle } from '../shell/idle';
import type { ChartOption, EChartsType } from '../../present/charts/echarts';

export interface EChartProps {
  option: ChartOption;
  /** accessible name of the chart */
  label: string;
  height?: number;
  renderer?: 'svg' | 'canvas';
  class?: string;
  style?: JSX.CSSProperties;
  onChart?: (chart: EChartsType) => void;
  /**
   * The option changes often and keeps its shape (a running sweep): each change
   * merges into the chart rather than rebuilding it (a rebuild makes every
   * component again, axes, legend and visual map included), and is drawn in
   * the next frame (ECharts takes the option in this task, lays it out and
   * draws in that one): a merge drawn at once took 20-30 ms of script in
   * Chromium for a line of 8 points, the longest task of a running sweep.
   * The first option is drawn in two frames, its frame then its data: a heat
   * map's first draw, all in one, took 55 ms of script.
   */
  streaming?: boolean;
}

/** The width a chart is drawn at while its box has none (a hidden tab, jsdom), until it is resized. */
export const FALLBACK_WIDTH = 640;
/** How far outside the viewport a chart starts drawing, so that scrolling seldom meets an empty box. */
const NEAR_VIEWPORT = '200px 0px';

type ChartsModule = typeof import('../../present/charts/echarts');
let loading: Promise<ChartsModule> | null = null;

/** ECharts, loaded once for every chart; a failed load is not kept, so the next chart tries again. */
function loadCharts(): Promise<ChartsModule> {
  loading ??= import('../../present/charts/echarts').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/**
 * Loads ECharts while the page is idle and draws `warmUp` on a canvas nobody
 * sees, for a page about to chart while it works (the Sweep tab): the first
 * chart a page draws runs ECharts' code for the first time, and that first
 * draw, during a running sweep, was its longest task. A failure is left to
 * the chart that asks.
 */
let warmedUp = false;

export function preloadCharts(warmUp: ChartOption): void {
  // once is enough: the code it runs stays compiled for the page's life
  if (warmedUp) return;
  warmedUp = true;
  const idle = (fn: () => void) => whenIdle(fn, 2000);
  idle(() =>
    void loadCharts().then(
      ({ echarts }) =>
        idle(() => {
          let c: EChartsType | undefined;
          try {
            c = echarts.init(document.createElement('div'), undefined, { renderer: 'canvas', width: 320, height: 200 });
            c.setOption(warmUp);
          } catch {
            // where it cannot draw (jsdom), the chart that asks later says so
          } finally {
            c?.dispose();
          }
        }),
      () => {},
    ),
  );
}

/** Draws waiting their turn; each says whether it drew (a chart gone meanwhile does not, and takes no frame). */
const queue: (() => boolean)[] = [];
let pumping = false;

/** Runs `fn` just after the next frame is painted (a timer where there are no frames, as in jsdom). */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

function drawNext(): void {
  for (let draw = queue.shift(); draw; draw = queue.shift())
    if (draw()) return afterNextPaint(drawNext);
  pumping = false;
}

/** Queues a chart's drawing: one per frame, in the order they asked. */
function scheduleDraw(draw: () => boolean): void {
  queue.push(draw);
  if (pumping) return;
  pumping = true;
  afterNextPaint(drawNext);
}

export function EChart(props: EChartProps): JSX.Element {
  let el!: HTMLDivElement;
  const [chart, setChart] = createSignal<EChartsType>();
  const [failed, setFailed] = createSignal(false);
  let disposed = false;
  let release = () => {};

  const draw = ({ echarts }: ChartsModule): boolean => {
    if (disposed) return false;
    try {
      const height = props.height ?? 320;
      // Without layout (hidden tab, jsdom) the element has no width: give one, resize later.
      const width = el.clientWidth > 0 ? undefined : FALLBACK_WIDTH;
      const c = echarts.init(el, undefined, { renderer: props.renderer ?? 'svg', width, height });
      const resize = () => {
        if (!c.isDisposed() && el.clientWidth > 0) c.resize({ width: 'auto', height });
      };
      let observer: ResizeObserver | undefined;
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(resize);
        observer.observe(el);
      } else window.addEventListener('resize', resize);
      release = () => {
        observer?.disconnect();
        if (!observer) window.removeEventListener('resize', resize);
        c.dispose();
      };
      setChart(c);
      props.onChart?.(c);
    } catch {
      setFailed(true);
    }
    return true;
  };

  onMount(() => {
    let near: IntersectionObserver | undefined;
    const start = () => {
      near?.disconnect();
      loadCharts().then(
        (m) => scheduleDraw(() => draw(m)),
        () => {
          if (!disposed) setFailed(true);
        },
      );
    };
    if (typeof IntersectionObserver === 'undefined') start();
    else {
      near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: NEAR_VIEWPORT });
      near.observe(el);
    }
    onCleanup(() => {
      disposed = true;
      near?.disconnect();
      release();
    });
  });

  /** the chart shows a whole option (a streaming chart's, once its first option's data is drawn) */
  const [complete, setComplete] = createSignal(false);
  /** a streaming chart's first option is drawn in two frames: its frame (title, axes), then its data, legend and visual map */
  let framed = false;
  const stream = (c: EChartsType, option: ChartOption) => {
    if (framed) return c.setOption(option, { lazyUpdate: true });
    framed = true;
    const { series: _series, visualMap: _visualMap, legend: _legend, ...frame } = option as Record<string, unknown>;
    c.setOption(frame, { lazyUpdate: true });
    afterNextPaint(() => {
      try {
        if (c.isDisposed()) return;
        c.setOption(props.option, { lazyUpdate: true });
        afterNextPaint(() => setComplete(true));
      } catch {
        setFailed(true);
      }
    });
  };
  createEffect(
    on([chart, () => props.option], ([c, option]) => {
      if (!c || c.isDisposed()) return;
      try {
        if (props.streaming) stream(c, option);
        else {
          c.setOption(option, { notMerge: true });
          setComplete(true);
        }
      } catch {
        setFailed(true);
      }
    }),
  );

  return (
    <figure class={`echart ${props.class ?? ''}`} style={{ margin: 0 }}>
      <div ref={el} role="img" aria-label={props.label} data-drawn={complete() ? '' : undefined} style={{ width: '100%', height: failed() ? '0' : `${props.height ?? 320}px`, ...props.style }} />
      <Show when={failed()}>
        <figcaption class="echart-unavailable">{t('results.chart.unavailable')}</figcaption>
      </Show>
    </figure>
  );
}
