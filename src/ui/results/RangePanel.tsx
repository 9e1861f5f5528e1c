import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import type { Scenario } from '../../domain/scenario';
import { DEFAULT_RANGE_TOLERANCE } from '../../model/ranges';
import { fmt } from '../../present/names';
import type { RunRecord } from '../../store';
import { lang, t } from '../i18n';
import { cancelRanges, computeRanges, rangePhase, rangesRunning, toleranceFromPercent, toleranceText, type RangePhase } from '../state/ranges';

/** "Compute quota ranges" for a stored run: tolerance, progress, cancel; the ranges land in the county table. */
export function RangePanel(props: { run: RunRecord; scenario: Scenario }): JSX.Element {
  const id = createUniqueId();
  const [percent, setPercent] = createSignal(String(DEFAULT_RANGE_TOLERANCE * 100));
  const tolerance = () => toleranceFromPercent(percent());
  /** this run's range phase when it is `k` */
  const phaseOf = <K extends RangePhase['phase']>(k: K) => {
    const p = rangePhase();
    return p.phase === k && 'runId' in p && p.runId === props.run.id ? (p as Extract<RangePhase, { phase: K }>) : null;
  };
  const start = () => {
    const tol = tolerance();
    if (tol !== null) void computeRanges(props.run.id, props.scenario, tol);
  };
  return (
    <section class="range-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('results.ranges.title')}</h3>
      <p class="note">{t('results.ranges.intro')}</p>
      <div class="range-controls">
        <label>
          {t('results.ranges.tolerance')}{' '}
          <input
            type="number"
            min="0"
            max="100"
            step="0.1"
            value={percent()}
            aria-invalid={tolerance() === null}
            aria-describedby={tolerance() === null ? `${id}-bad` : undefined}
            disabled={rangesRunning()}
            onInput={(e) => setPercent(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="button" disabled={rangesRunning() || tolerance() === null} onClick={start}>
          {t('results.ranges.compute')}
        </button>
        <Show when={tolerance() === null}>
          <span id={`${id}-bad`} class="error">
            {t('results.ranges.badTolerance')}
          </span>
        </Show>
      </div>
      <Show when={phaseOf('running')}>
        {(p) => (
          <div class="range-progress" role="status">
            <Show when={p().total} fallback={<progress aria-label={t('results.ranges.progress')} />}>
              {(total) => <progress aria-label={t('results.ranges.progress')} max={total()} value={p().done} />}
            </Show>{' '}
            <span class="count">{p().total === null ? t('results.ranges.preparing') : t('results.ranges.count', { done: p().done, total: p().total ?? 0 })}</span>{' '}
            <button type="button" onClick={cancelRanges}>
              {t('results.ranges.cancel')}
            </button>
          </div>
        )}
      </Show>
      <Show when={phaseOf('done')}>{(p) => <p role="status">{t('results.ranges.done', { n: p().total, s: fmt(p().ms / 1000, lang(), 1) })}</p>}</Show>
      <Show when={phaseOf('cancelled')}>
        <p role="status">{t('results.ranges.cancelled')}</p>
      </Show>
      <Show when={phaseOf('error')}>
        {(p) => (
          <p class="error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
      <Show when={props.run.rangeTolerance !== undefined && (props.run.report.ranges?.length ?? 0) > 0}>
        <p class="note">{t('results.ranges.stored', { tol: toleranceText(props.run.rangeTolerance ?? 0, lang()) })}</p>
      </Show>
    </section>
  );
}
