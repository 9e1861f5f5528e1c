import { createMemo, createSignal, Show, Suspense } from 'solid-js';
import { staleness, type RunRecord } from '../../store';
import { t } from '../i18n';
import { draft } from '../state/draft';
import { dataset, modelVersionOf } from '../state/model';
import { allRuns, currentScenario } from '../state/scenarios';
import { formatTime, RunInfo, runScenario } from '../shell/RunInfo';
import { Picker } from '../shell/Picker';
import { ResultsView } from './ResultsView';

/** The newest run of the current scenario (or an older one the planner picks), shown by ResultsView. */
export function ResultsPage() {
  const runs = createMemo(() => {
    const id = currentScenario()?.id;
    return allRuns()
      .filter((r) => r.scenarioId === id)
      .reverse();
  });
  const [picked, setPicked] = createSignal<string | null>(null);
  const run = createMemo<RunRecord | undefined>(() => runs().find((r) => r.id === picked()) ?? runs()[0]);
  const stale = () => {
    const r = run();
    const d = draft();
    return r && d ? staleness(r, d, modelVersionOf(dataset())).stale : false;
  };
  return (
    <section class="page results-page">
      <Show
        when={run()}
        fallback={
          <>
            <h2>{t('shell.page.results')}</h2>
            <p class="empty">{currentScenario() ? t('shell.results.none') : t('shell.noScenario')}</p>
          </>
        }
      >
        {(r) => (
          <>
            <div class="run-bar">
              <RunInfo run={r()} current={draft()} />
              <Show when={runs().length > 1}>
                <Picker
                  label={t('shell.results.run')}
                  items={runs()}
                  keyOf={(x) => x.id}
                  text={(x) => `${formatTime(x.createdAt)} · ${t(`shell.solve.status.${x.report.status}`)}`}
                  picked={r().id}
                  onPick={setPicked}
                />
              </Show>
            </div>
            <Suspense fallback={<p class="muted">{t('shell.loading')}</p>}>
              <ResultsView report={r().report} dataset={dataset()} scenario={runScenario(r())} stale={stale()} run={r()} />
            </Suspense>
          </>
        )}
      </Show>
    </section>
  );
}
