/**
 * Two to four runs side by side: the inputs that differ between their
 * scenarios, KPI differences against the first run, the county quota table
 * with highlighted deltas, grouped charts, and which constraints bind in
 * each run.
 */
import { createMemo, createUniqueId, For, Index, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import { unitLabel } from '../../domain/units';
import { fmtKpiValue, kpiLabel, solveStatusText, unitText, type Kpi } from '../../present/kpis';
import { countyName, fmt, fmtSig, mineralName, mineralUnit } from '../../present/names';
import { EChart } from '../charts/EChart';
import { lang, t } from '../i18n';
import { StatusBadge } from '../results/Status';
import { Table, type Column } from '../table/Table';
import '../results/results.css';
import { compareMinesChart, compareVolumeCharts } from './charts';
import { Delta, SAME_TOL } from './Delta';
import { diffInputs, type InputDiff } from './inputs';
import { compareBinding, compareCounties, compareKpis, delta, MAX_RUNS, objectivesDiffer, type BindingCell, type CompareRun } from './model';
import { hasSolution } from '../../model/report';

export interface CompareViewProps {
  runs: CompareRun[];
  dataset: Dataset;
}

export function CompareView(props: CompareViewProps): JSX.Element {
  const id = createUniqueId();
  const h = (s: string) => `${id}-${s}`;
  const runs = createMemo(() => props.runs.slice(0, MAX_RUNS));
  const baseName = () => runs()[0]?.name ?? '';
  const others = () => runs().slice(1);
  const noPlan = (i: number) => {
    const r = runs()[i];
    return !r || !hasSolution(r.report);
  };
  const noPlanCell = (i: number) => <td class="no-plan">{runs()[i]?.report.status === 'infeasible' ? t('compare.infeasible') : t('compare.noSolution')}</td>;
  /** a column per run, then (with `deltas`) one per other run for its difference from the first */
  const runHeaders = (deltas: boolean) => (
    <>
      <For each={runs()}>{(r) => <th scope="col">{r.name}</th>}</For>
      <Show when={deltas}>
        <For each={others()}>{(r) => <th scope="col">{t('compare.col.delta', { base: baseName() })}<br />{r.name}</th>}</For>
      </Show>
    </>
  );
  /** a titled part of the comparison; `part` names its heading's text (compare.<part>.title, unless `title` gives the key) */
  const Part = (p: { part: 'inputs' | 'kpis' | 'counties' | 'charts' | 'binding'; title?: string; children: JSX.Element }) => (
    <section aria-labelledby={h(p.part)}>
      <h3 id={h(p.part)}>{t(p.title ?? `compare.${p.part}.title`)}</h3>
      {p.children}
    </section>
  );

  const kpis = createMemo(() => compareKpis(runs(), props.dataset));
  const counties = createMemo(() => compareCounties(runs(), props.dataset));
  const binding = createMemo(() => compareBinding(runs()));
  const charts = createMemo(() => [...compareVolumeCharts(runs(), props.dataset, lang()), compareMinesChart(runs(), lang())]);
  const objectives = createMemo(() => runs().map((r) => (hasSolution(r.report) ? r.report.objective : null)));
  // the page says so above the tables; a coloured arrow there would say the opposite
  const incomparable = createMemo(() => objectivesDiffer(runs()));
  const inputs = createMemo(() => diffInputs(runs().map((r) => r.scenario), props.dataset, lang()));
  const inputColumns = (): Column<InputDiff>[] => [
    { header: () => t('workflow.inputs.field'), cell: (d) => <th scope="row">{d.label}</th> },
    ...runs().map((r, i): Column<InputDiff> => ({ header: () => r.name, cell: (d) => <td>{d.values[i]}</td> })),
  ];

  const kpiCell = (k: Kpi | null, i: number) =>
    noPlan(i) ? (
      noPlanCell(i)
    ) : (
      <td class="num">
        {k ? fmtKpiValue(k.value, k.unit, lang()) : '—'} {k ? <StatusBadge status={k.status} kind={k.kind} /> : null}
      </td>
    );

  const bindingCell = (c: BindingCell) => {
    switch (c.kind) {
      case 'binding':
        return (
          <td class="binding-on">
            {t('compare.binding.on')}
            <Show when={c.dual !== null}> ({t('compare.binding.dual', { dual: fmtSig(c.dual ?? 0, lang()) })})</Show>
          </td>
        );
      case 'relax':
        return <td class="binding-relax">{t('compare.binding.relax', { amount: fmt(c.relaxBy, lang(), 4), unit: unitLabel(c.unit, lang()) })}</td>;
      case 'noPlan':
        return <td class="no-plan">{t('compare.noSolution')}</td>;
      default:
        return <td class="binding-off">{t('compare.binding.off')}</td>;
    }
  };

  return (
    <section class="compare-view" aria-labelledby={h('title')}>
      <h2 id={h('title')}>{t('compare.title')}</h2>
      <Show when={runs().length >= 2} fallback={<p role="status">{t('compare.needRuns')}</p>}>
        <Show when={props.runs.length > MAX_RUNS}>
          <p class="note" role="status">
            {t('compare.tooMany')}
          </p>
        </Show>
        <p class="note">{t('compare.baseNote', { base: baseName() })}</p>
        <Show when={incomparable()}>
          <p class="note objective-note">{t('compare.objectiveNote')}</p>
        </Show>

        <Part part="inputs" title="workflow.inputs.title">
          <Show when={inputs().length > 0} fallback={<p class="note">{t('workflow.inputs.same')}</p>}>
            <Table class="data compare-inputs" caption={t('workflow.inputs.caption', { n: inputs().length })} columns={inputColumns()} rows={inputs()} rowProps={(d) => ({ 'data-path': d.path })} />
          </Show>
        </Part>

        <Part part="kpis">
          <table class="data compare-kpis">
            <caption>{t('compare.kpis.caption', { base: baseName() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.col.indicator')}</th>
                <th scope="col">{t('compare.col.unit')}</th>
                {runHeaders(true)}
              </tr>
            </thead>
            <tbody>
              <tr data-kpi="status">
                <th scope="row">{t('compare.row.status')}</th>
                <td />
                <For each={runs()}>{(r) => <td>{solveStatusText(r.report.status, lang())}</td>}</For>
                <For each={others()}>{() => <td />}</For>
              </tr>
              <tr data-kpi="objective">
                <th scope="row">{t('compare.row.objective')}</th>
                <td />
                <Index each={objectives()}>{(o) => <td class="num">{fmt(o(), lang(), 4)}</td>}</Index>
                <Index each={objectives().slice(1)}>
                  {(o) => (
                    <td class="num">
                      <Show when={!incomparable()} fallback={<span class="muted not-comparable" title={t('compare.objectiveNote')}>{t('workflow.compare.notComparable')}</span>}>
                        <Delta value={delta(o(), objectives()[0])} digits={4} />
                      </Show>
                    </td>
                  )}
                </Index>
              </tr>
              <For each={kpis()}>
                {(row) => {
                  const first = () => row.kpis.find((k) => k !== null) ?? null;
                  return (
                    <tr data-kpi={row.id}>
                      <th scope="row">{first() ? kpiLabel(first()!, props.dataset, lang()) : row.id}</th>
                      <td class="unit">{first() && first()!.unit !== 'share' ? unitText(first()!.unit, lang()) : first()?.unit === 'share' ? '%' : ''}</td>
                      <Index each={row.kpis}>{(k, i) => kpiCell(k(), i)}</Index>
                      <Index each={row.deltas.slice(1)}>
                        {(d) => (
                          <td class="num" classList={{ changed: Math.abs(d() ?? 0) > SAME_TOL }}>
                            <Delta value={d()} share={first()?.unit === 'share'} digits={first()?.unit === 'mines' ? 0 : 2} />
                          </td>
                        )}
                      </Index>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </Part>

        <Part part="counties">
          <table class="data compare-counties">
            <caption>{t('compare.counties.caption', { base: baseName() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.col.county')}</th>
                <th scope="col">{t('compare.col.mineral')}</th>
                <th scope="col">{t('compare.col.unit')}</th>
                {runHeaders(true)}
              </tr>
            </thead>
            <tbody>
              <For each={counties()}>
                {(row) => (
                  <tr data-county={row.countyId ?? ''} data-mineral={row.mineral} classList={{ 'row-changed': row.deltas.some((d) => Math.abs(d ?? 0) > SAME_TOL) }}>
                    <th scope="row">{countyName(props.dataset, row.countyId, lang())}</th>
                    <td>{mineralName(props.dataset, row.mineral, lang())}</td>
                    <td class="unit">{mineralUnit(props.dataset, row.mineral, lang())}</td>
                    <Index each={row.volumes}>
                      {(v, i) =>
                        noPlan(i) ? (
                          noPlanCell(i)
                        ) : (
                          <td class="num">
                            {fmt(v(), lang())} <span class="unit">({t('compare.mines', { n: row.mines[i] ?? 0 })})</span>
                          </td>
                        )
                      }
                    </Index>
                    <Index each={row.deltas.slice(1)}>
                      {(d, i) => (
                        <td class="num delta-cell" classList={{ changed: Math.abs(d() ?? 0) > SAME_TOL || Math.abs(row.mineDeltas[i + 1] ?? 0) > SAME_TOL }}>
                          <Delta value={d()} base={row.volumes[0]} />
                          <Show when={Math.abs(row.mineDeltas[i + 1] ?? 0) > SAME_TOL}>
                            <br />
                            <span class="unit">
                              <Delta value={row.mineDeltas[i + 1] ?? null} digits={0} /> {t('compare.chart.minesAxis')}
                            </span>
                          </Show>
                        </td>
                      )}
                    </Index>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Part>

        <Part part="charts">
          <div class="charts">
            <For each={charts()}>{(s) => <EChart option={s.option} label={s.title} height={s.height} />}</For>
          </div>
        </Part>

        <Part part="binding">
          <Show when={binding().length > 0} fallback={<p>{t('compare.binding.empty')}</p>}>
            <table class="data compare-binding">
              <caption>{t('compare.binding.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.col.constraint')}</th>
                  {runHeaders(false)}
                </tr>
              </thead>
              <tbody>
                <For each={binding()}>
                  {(row) => (
                    <tr data-constraint={row.constraint}>
                      <th scope="row">
                        {row.label[lang()]} <code class="id">{row.constraint}</code>
                      </th>
                      <For each={row.cells}>{(c) => bindingCell(c)}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Part>
      </Show>
    </section>
  );
}
