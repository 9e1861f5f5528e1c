/**
 * A Solid wrapper around echarts.init: draws `option`, redraws when it
 * changes, follows the container's size and disposes with the component.
 * SVG by default so charts print crisply. If the environment cannot draw
 * (no layout or canvas, as in jsdom), it says so and the page's tables still
 * carry every figure.
 */
import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { echarts, type ChartOption, type EChartsType } from '../../present/charts/echarts';

export interface EChartProps {
  option: ChartOption;
  /** accessible name of the chart */
  label: string;
  height?: number;
  renderer?: 'svg' | 'canvas';
  class?: string;
  style?: JSX.CSSProperties;
  onChart?: (chart: EChartsType) => void;
}

const FALLBACK_WIDTH = 640;

export function EChart(props: EChartProps): JSX.Element {
  let el!: HTMLDivElement;
  const [chart, setChart] = createSignal<EChartsType>();
  const [failed, setFailed] = createSignal(false);

  onMount(() => {
    try {
      const height = props.height ?? 320;
      // Without layout (hidden tab, jsdom) the element has no width: give one, resize later.
      const width = el.clientWidth > 0 ? undefined : FALLBACK_WIDTH;
      const c = echarts.init(el, undefined, { renderer: props.renderer ?? 'svg', width, height });
      setChart(c);
      props.onChart?.(c);
      const resize = () => {
        if (!c.isDisposed() && el.clientWidth > 0) c.resize({ width: 'auto', height });
      };
      let observer: ResizeObserver | undefined;
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(resize);
        observer.observe(el);
      } else if (typeof window !== 'undefined') window.addEventListener('resize', resize);
      onCleanup(() => {
        observer?.disconnect();
        if (!observer && typeof window !== 'undefined') window.removeEventListener('resize', resize);
        c.dispose();
      });
    } catch {
      setFailed(true);
    }
  });

  createEffect(
    on([chart, () => props.option], ([c, option]) => {
      if (!c || c.isDisposed()) return;
      try {
        c.setOption(option, { notMerge: true });
      } catch {
        setFailed(true);
      }
    }),
  );

  return (
    <figure class={`echart ${props.class ?? ''}`} style={{ margin: 0 }}>
      <div ref={el} role="img" aria-label={props.label} style={{ width: '100%', height: failed() ? '0' : `${props.height ?? 320}px`, ...props.style }} />
      <Show when={failed()}>
        <figcaption class="echart-unavailable">{t('results.chart.unavailable')}</figcaption>
      </Show>
    </figure>
  );
}
