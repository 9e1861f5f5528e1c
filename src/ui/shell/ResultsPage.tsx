import { createMemo, createSignal, For, Show, Suspense } from 'solid-js';
import type { SolveReport } from '../../model/report';
import type { RunRecord } from '../../store';
import { labelOf } from '../../domain/label';
import { lang, t } from '../i18n';
import { draft } from '../state/draft';
import { dataset } from '../state/model';
import { allRuns, currentScenario } from '../state/scenarios';
import { formatTime, RunInfo, runScenario } from './RunInfo';
import { ResultsView } from './views';

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
  return (
    <section class="page results-page">
      <div class="page-head">
        <h2>
          {t('shell.page.results')}
          <Show when={currentScenario()}>{(s) => <span class="sub"> — {s().name}</span>}</Show>
        </h2>
        <Show when={runs().length > 1}>
          <label class="inline">
            {t('shell.results.run')}
            <select onChange={(e) => setPicked(e.currentTarget.value)}>
              <For each={runs()}>
                {(r) => (
                  <option value={r.id} selected={r.id === run()?.id}>
                    {formatTime(r.createdAt)} · {t(`shell.solve.status.${r.report.status}`)}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
      </div>
      <Show when={run()} fallback={<p class="empty">{currentScenario() ? t('shell.results.none') : t('shell.noScenario')}</p>}>
        {(r) => (
          <>
            <RunInfo run={r()} current={draft()} />
            <Show when={ResultsView} fallback={<ReportSummary report={r().report} />}>
              {(View) => {
                const V = View();
                return (
                  <Suspense fallback={<p class="muted">{t('shell.loading')}</p>}>
                    <V report={r().report} dataset={dataset()} scenario={runScenario(r())} />
                  </Suspense>
                );
              }}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** A plain reading of a report, used only when the results view is not built in. */
export function ReportSummary(props: { report: SolveReport }) {
  const d = dataset();
  const mineralName = (id: string) => {
    const m = d.minerals.find((x) => x.id === id);
    return m ? labelOf(m.name, lang()) : id;
  };
  const unitName = (id: string | null) => {
    const u = d.units.find((x) => x.id === id);
    return u ? labelOf(u.name, lang()) : (id ?? t('shell.results.prefecture'));
  };
  return (
    <div class="report-summary">
      <p>
        {t('shell.results.status')}: <strong>{t(`shell.solve.status.${props.report.status}`)}</strong>
      </p>
      <Show when={props.report.explanation.length > 0}>
        <h3>{t('shell.results.explanation')}</h3>
        <ul>
          <For each={props.report.explanation}>
            {(x) => (
              <li>
                {labelOf(x.label, lang())}: {x.relaxBy} {x.unit}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.report.counties.length > 0}>
        <table class="grid">
          <caption>{t('shell.results.counties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.county')}</th>
              <th scope="col">{t('plan.mineral')}</th>
              <th scope="col" class="num">{t('shell.results.volume')}</th>
              <th scope="col" class="num">{t('shell.results.mines')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.counties}>
              {(c) => (
                <tr>
                  <td>{unitName(c.county)}</td>
                  <td>{mineralName(c.mineral)}</td>
                  <td class="num">{c.volume.toFixed(2)}</td>
                  <td class="num">{c.mines.large + c.mines.medium + c.mines.small}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
