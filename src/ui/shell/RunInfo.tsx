import { Show } from 'solid-js';
import { scenarioSchema, type Scenario } from '../../domain/scenario';
import { staleness, type RunRecord, type ScenarioDraft } from '../../store';
import { lang, t } from '../i18n';
import { model, modelVersionOf } from '../state/model';
import { locale } from '../../present/names';

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(locale(lang()), { dateStyle: 'short', timeStyle: 'short' });
}

/** The scenario a run solved, read back from the run (what the views need). */
export function runScenario(run: RunRecord): Scenario {
  const parsed = scenarioSchema.safeParse(run.scenario);
  return parsed.success ? parsed.data : ({ format: 'quota-scenario/1', name: String(run.scenario.name ?? '?'), model: model.ok ? model.dataset.id : '' } as Scenario);
}

/** When a run was made and whether the scenario or the model changed since. */
export function RunInfo(props: { run: RunRecord; current: ScenarioDraft | null | undefined }) {
  const modelVersion = () => (model.ok ? modelVersionOf(model.dataset) : '');
  const stale = () => (props.current ? staleness(props.run, props.current, modelVersion()) : null);
  return (
    <div class="run-info">
      <span>
        {t('shell.results.solvedAt', { time: formatTime(props.run.createdAt), version: props.run.modelVersion })}
      </span>
      <Show when={stale()?.stale}>
        <span class="stale" role="note" data-testid="stale">
          {stale()?.scenarioChanged ? t('shell.results.staleScenario') : ''}
          {stale()?.scenarioChanged && stale()?.modelChanged ? ' ' : ''}
          {stale()?.modelChanged ? t('shell.results.staleModel', { then: props.run.modelVersion, now: modelVersion() }) : ''}
        </span>
      </Show>
    </div>
  );
}
