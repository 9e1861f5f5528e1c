/** Pieces the Explore tabs share: durations, a progress bar with time left, the stale mark, the echarts parts they add. */
import { Show, type JSX } from 'solid-js';
import { HeatmapChart, LineChart } from 'echarts/charts';
import type { Lang } from '../../domain/label';
import { echarts } from '../../present/charts/echarts';
import { lang, t, tIn } from '../i18n';

// the results pages draw bars and maps; Explore adds lines and heat maps
echarts.use([LineChart, HeatmapChart]);

/** "12 秒", "3 分 5 秒" / "12 s", "3 min 5 s". */
export function fmtDuration(ms: number, l: Lang = lang()): string {
  const tr = tIn(l);
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return tr('explore.time.s', { n: ms > 0 && ms < 1000 ? '<1' : s });
  return tr('explore.time.min', { m: Math.floor(s / 60), s: s % 60 });
}

export function Progress(props: {
  done: number;
  total: number;
  /** null before the first result */
  remainingMs: number | null;
  elapsedMs: number;
  label: string;
  text: string;
  stopping?: boolean;
  onCancel: () => void;
  cancelLabel: string;
}): JSX.Element {
  return (
    // the figures as numbers, for the browser benchmark (scripts/bench-browser-sweep.ts) to compare the estimate with the outcome
    <div class="explore-progress" role="status" aria-live="polite" data-done={props.done} data-total={props.total} data-remaining-ms={props.remainingMs === null ? undefined : Math.round(props.remainingMs)}>
      <progress max={Math.max(1, props.total)} value={props.done} aria-label={props.label} />
      <span class="progress-text">
        {props.text}
        {' · '}
        {t('explore.elapsed', { time: fmtDuration(props.elapsedMs) })}
        <Show when={props.remainingMs !== null && props.done < props.total}>
          {' · '}
          {t('explore.remaining', { time: fmtDuration(props.remainingMs ?? 0) })}
        </Show>
      </span>
      <button type="button" class="danger" disabled={props.stopping} onClick={() => props.onCancel()}>
        {props.stopping ? t('explore.stopping') : props.cancelLabel}
      </button>
    </div>
  );
}

/** The mark on a result computed from other inputs than the scenario's present ones. */
export function StaleNote(props: { text: string }): JSX.Element {
  return (
    <span class="stale" role="note">
      {props.text}
    </span>
  );
}
