/**
 * Measuring what relaxing each binding constraint is worth, from the Results
 * page: it starts the Explore page's sensitivity study (the same re-solves,
 * the same state), so the binding table and Explore › Sensitivity show one
 * figure. The study belongs to a scenario as it was when started: it is shown
 * against a run only when both describe the same scenario text.
 */
import { Match, Switch, type JSX } from 'solid-js';
import type { RunRecord } from '../../store';
import { defaultWorkerCount } from '../explore/pool';
import { sensitivityRun, startSensitivity, type SensitivityRun } from '../explore/state';
import { t } from '../i18n';

/** The sensitivity study of this run's scenario as solved, if there is one. */
export function sensitivityFor(run: Pick<RunRecord, 'scenarioId' | 'scenarioHash'>): SensitivityRun | null {
  const s = sensitivityRun();
  return s && s.scenarioId === run.scenarioId && s.scenarioHash === run.scenarioHash ? s : null;
}

export function WorthPanel(props: { run: RunRecord; stale: boolean }): JSX.Element {
  const study = () => sensitivityFor(props.run);
  const busy = () => {
    const p = sensitivityRun()?.phase;
    return p === 'solving' || p === 'running';
  };
  return (
    <div class="worth-panel">
      <p class="note">{t('results.worth.intro')}</p>
      <Switch
        fallback={
          <button type="button" disabled={busy() || props.stale} onClick={() => void startSensitivity(defaultWorkerCount())}>
            {t('results.worth.measure')}
          </button>
        }
      >
        <Match when={props.stale}>
          <p class="note">{t('results.worth.staleRun')}</p>
        </Match>
        <Match when={study()?.phase === 'solving'}>
          <p role="status">{t('results.worth.solving')}</p>
        </Match>
        <Match when={study()?.phase === 'running' && study()}>
          {(s) => (
            <p role="status">
              <progress aria-label={t('results.worth.measure')} max={s().names.length} value={s().rows.length} /> {t('results.worth.progress', { done: s().rows.length, total: s().names.length })}
            </p>
          )}
        </Match>
        <Match when={study()?.phase === 'done'}>
          <p role="status">{t('results.worth.measured')}</p>
        </Match>
        <Match when={study()?.phase === 'failed'}>
          <p class="error" role="alert">
            {t('results.worth.failed', { reason: study()?.error ?? '' })}
          </p>
        </Match>
      </Switch>
    </div>
  );
}
