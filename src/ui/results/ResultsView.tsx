/**
 * What one solve tells the planner: plan KPIs against targets, county and
 * zone quotas, binding constraints and what relaxing them is worth, charts
 * and a county map; for an infeasible scenario, the relaxations that would
 * make it feasible instead of empty tables.
 */
import { createEffect, createSignal, createUniqueId, Match, onCleanup, Show, Switch, type Accessor, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { hasSolution, type SolveReport } from '../../model/report';
import { shareShortfallText, solveStatusText, tieBreakText } from '../../present/kpis';
import { unitLabel } from '../../domain/units';
import { fmt, fmtPctAtMost } from '../../present/names';
import type { RunRecord } from '../../store';
import { lang, t } from '../i18n';
import { BindingTable } from './BindingTable';
import { CountyMap } from './CountyMap';
import { CountyMatrix } from './CountyMatrix';
import { CountyTable } from './CountyTable';
import { DemandTable } from './DemandTable';
import { Explanation } from './Explanation';
import { FlowsView } from './FlowsView';
import { KpiTable } from './KpiTable';
import { RangePanel } from './RangePanel';
import { ResultsCharts } from './ResultsCharts';
import { sensitivityFor, WorthPanel } from './WorthPanel';
import { ZoneTable } from './ZoneTable';
import './results.css';

export interface ResultsViewProps {
  report: SolveReport;
  dataset: Dataset;
  scenario: Scenario;
  /** the scenario changed since this run */
  stale?: boolean;
  /** the stored run behind the report: its quota ranges can be computed and kept with it */
  run?: RunRecord;
}

/** Proven optimal, or not proven with the gap rounded up; other statuses as they are. */
function statusLine(report: SolveReport): string {
  if (report.status === 'optimal') return t('results.status.proven');
  if (report.status === 'feasible')
    return report.gap === null || report.gap === undefined ? t('results.status.gapUnknown') : t('results.status.gap', { gap: fmtPctAtMost(report.gap, lang()) });
  return solveStatusText(report.status, lang());
}

/**
 * `value()` as of the last frame painted: it follows `value` in a task of its
 * own queued in the frame after the next one, so the next frame is painted,
 * and whatever waits for that paint has run, first; and the work it causes
 * is not done inside a frame's rendering, which would make one long task of
 * it and that frame's layout (a timer where there are no frames, as in jsdom).
 */
function afterPaint<T>(value: () => T): Accessor<T | undefined> {
  const [shown, setShown] = createSignal<T>();
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  createEffect(() => {
    const v = value();
    cancel();
    const show = () => (timer = setTimeout(() => setShown(() => v), 0));
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(() => (frame = requestAnimationFrame(show)));
    else show();
  });
  onCleanup(cancel);
  return shown;
}

export function ResultsView(props: ResultsViewProps): JSX.Element {
  const id = createUniqueId();
  const h = (s: string) => `${id}-${s}`;
  /*
   * The KPIs (and status) render with the run; the matrix, map, tables and
   * charts, which take most of the render, follow just after that frame is
   * painted, so the planner sees the KPIs without waiting for them (the
   * first Results render took ~170 ms in Chromium). After an edit they show
   * the previous run for that one frame rather than disappear.
   */
  const painted = afterPaint(() => ({ report: props.report, run: props.run }));
  const detail = () => {
    const d = painted();
    return d && hasSolution(d.report) ? d : undefined;
  };
  return (
    <section class="results-view" aria-labelledby={h('title')}>
      <h2 id={h('title')}>{t('results.title', { scenario: props.scenario.name })}</h2>
      <Show when={props.stale}>
        <div class="banner stale" role="status">
          ⚠ {t('results.stale')}
        </div>
      </Show>
      <p class="summary">
        <span class={`solve-status solve-${props.report.status}`}>
          {t('results.statusLabel')}: {statusLine(props.report)}
        </span>{' '}
        <span>
          {t('results.summary', {
            objective: hasSolution(props.report) && props.report.objective !== null ? `${fmt(props.report.objective, lang(), 4)} ${unitLabel('万元', lang())}` : '—',
            ms: fmt(props.report.solveTimeMs, lang(), 0),
            vars: props.report.size.variables,
            ints: props.report.size.integers,
            cons: props.report.size.constraints,
            version: props.report.modelVersion,
          })}
        </span>
      </p>
      <Show when={hasSolution(props.report)}>
        <p class="tie-break">
          {t('results.tieBreakLabel')}: {tieBreakText(props.report, lang())}
        </p>
      </Show>
      <Switch>
        <Match when={props.report.status === 'infeasible'}>
          <Explanation report={props.report} />
        </Match>
        <Match when={!hasSolution(props.report)}>
          <p class="no-solution" role="status">
            {t('results.noSolution', { status: solveStatusText(props.report.status, lang()) })}
          </p>
        </Match>
        <Match when={true}>
          {/* wide screens: the matrix beside the KPIs and the map; narrower: the matrix, then KPIs beside the map */}
          <div class="results-top">
            <Show when={detail()}>
              {(d) => (
                <Part class="area-matrix" id={h('matrix')} title={t('results.matrix.title')}>
                  <CountyMatrix report={d().report} dataset={props.dataset} rangeTolerance={d().run?.rangeTolerance} />
                  <Show when={d().run}>{(run) => <RangePanel run={run()} scenario={props.scenario} />}</Show>
                </Part>
              )}
            </Show>
            <Part class="area-kpis" id={h('kpis')} title={t('results.kpis.title')}>
              <KpiTable report={props.report} dataset={props.dataset} />
              <Show when={shareShortfallText(props.report, lang())}>{(text) => <p class="shortfall">{text()}</p>}</Show>
            </Part>
            <Show when={detail()}>
              {(d) => (
                <div class="area-map">
                  <CountyMap report={d().report} dataset={props.dataset} />
                </div>
              )}
            </Show>
          </div>
          <Show when={detail()}>
            {(d) => (
              <>
                <div class="results-pair">
                  <Show when={d().report.demand !== undefined}>
                    <Part id={h('demand')} title={t('results.demand.title')}>
                      <DemandTable report={d().report} dataset={props.dataset} />
                    </Part>
                  </Show>
                  <Show when={d().report.flows !== undefined}>
                    <Part id={h('flows')} title={t('results.flows.title')}>
                      <FlowsView report={d().report} dataset={props.dataset} />
                    </Part>
                  </Show>
                </div>
                <Part id={h('binding')} title={t('results.binding.title')}>
                  <Show when={d().run}>{(run) => <WorthPanel run={run()} stale={props.stale ?? false} />}</Show>
                  <BindingTable report={d().report} measured={d().run ? sensitivityFor(d().run!)?.rows : undefined} />
                </Part>
                <Part id={h('counties')} title={t('results.detail.title')}>
                  <CountyTable report={d().report} dataset={props.dataset} rangeTolerance={d().run?.rangeTolerance} />
                </Part>
                <Part id={h('charts')} title={t('results.charts.title')}>
                  <ResultsCharts report={d().report} dataset={props.dataset} />
                </Part>
                <Part id={h('zones')} title={t('results.zones.title')}>
                  <ZoneTable report={d().report} dataset={props.dataset} />
                </Part>
              </>
            )}
          </Show>
        </Match>
      </Switch>
    </section>
  );
}

/** A titled part of the page, its heading naming it for screen readers. */
function Part(props: { id: string; title: string; class?: string; children: JSX.Element }) {
  return (
    <section class={props.class} aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
    </section>
  );
}
