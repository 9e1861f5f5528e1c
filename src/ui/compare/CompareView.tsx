/**
 * Two to four runs side by side: the inputs that differ between their
 * scenarios, KPI differences against the first run, the county quota table
 * with highlighted deltas, grouped charts, and which constraints bind in
 * each run.
 */
import { createMemo, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import { unitLabel } from '../../domain/units';
import { fmtKpiValue, kpiLabel, solveStatusText, unitText, type Kpi } from '../../present/kpis';
import { countyName, fmt, fmtSig, mineralName, mineralUnit } from '../../present/names';
import { EChart } from '../charts/EChart';
import { lang, t, type UiKey } from '../i18n';
import { StatusBadge } from '../results/Status';
import { Table, type Column, type TableProps } from '../table/Table';
import '../results/results.css';
import { compareMinesChart, compareVolumeCharts } from './charts';
import { Delta, SAME_TOL } from './Delta';
import { diffInputs, type InputDiff } from './inputs';
import { compareBinding, compareCounties, compareKpis, delta, MAX_RUNS, objectivesDiffer, type BindingCell, type BindingCompareRow, type CompareRun, type CountyCompareRow, type KpiCompareRow } from './model';

/** a row of the KPI table: the solve status, the objective, or a KPI */
type KpiLine = 'status' | 'objective' | KpiCompareRow;
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
  /** a column per run, then (with `delta`) one per other run for its difference from the first */
  const runColumns = <R,>(cell: (row: R, run: number) => JSX.Element, delta?: (row: R, run: number) => JSX.Element): Column<R>[] => [
    ...runs().map((r, i): Column<R> => ({ header: () => r.name, cell: (row) => cell(row, i) })),
    ...(delta
      ? others().map(
          (r, j): Column<R> => ({
            header: () => (
              <>
                {t('compare.col.delta', { base: baseName() })}
                <br />
                {r.name}
              </>
            ),
            cell: (row) => delta(row, j + 1),
          }),
        )
      : []),
  ];
  /** a titled part of the comparison; `part` names its heading's text (compare.<part>.title; the inputs part shares its title with the workflow's, so it gives the key) */
  const Part = (p: ({ part: 'inputs'; title: UiKey } | { part: 'kpis' | 'counties' | 'charts' | 'binding'; title?: undefined }) & { children: JSX.Element }) => (
    <section aria-labelledby={h(p.part)}>
      <h3 id={h(p.part)}>{t(p.part === 'inputs' ? p.title : `compare.${p.part}.title`)}</h3>
      {p.children}
    </section>
  );
  /** a part that is one table of each run and its difference from the base run, captioned compare.<part>.caption */
  const AgainstBase = <R,>(p: Pick<TableProps<R>, 'columns' | 'rows' | 'rowProps'> & { part: 'kpis' | 'counties' }) => (
    <Part part={p.part}>
      <Table<R> class={`data compare-${p.part}`} caption={t(`compare.${p.part}.caption`, { base: baseName() })} columns={p.columns} rows={p.rows} rowProps={p.rowProps} />
    </Part>
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
    ...runColumns<InputDiff>((d, i) => <td>{d.values[i]}</td>),
  ];

  /** the solve status and the objective come first, then the KPIs */
  const kpiLines = (): KpiLine[] => ['status', 'objective', ...kpis()];
  const firstKpi = (row: KpiCompareRow) => row.kpis.find((k) => k !== null) ?? null;
  const kpiColumns = (): Column<KpiLine>[] => [
    {
      header: () => t('compare.col.indicator'),
      cell: (l) => {
        if (typeof l === 'string') return <th scope="row">{t(`compare.row.${l}`)}</th>;
        const first = firstKpi(l);
        return <th scope="row">{first ? kpiLabel(first, props.dataset, lang()) : l.id}</th>;
      },
    },
    {
      header: () => t('compare.col.unit'),
      cell: (l) => {
        if (typeof l === 'string') return <td />;
        const first = firstKpi(l);
        return <td class="unit">{first && first.unit !== 'share' ? unitText(first.unit, lang()) : first?.unit === 'share' ? '%' : ''}</td>;
      },
    },
    ...runColumns<KpiLine>(
      (l, i) =>
        l === 'status' ? (
          <td>{solveStatusText(runs()[i]!.report.status, lang())}</td>
        ) : l === 'objective' ? (
          <td class="num">{fmt(objectives()[i] ?? null, lang(), 4)}</td>
        ) : (
          kpiCell(l.kpis[i] ?? null, i)
        ),
      (l, i) => {
        if (l === 'status') return <td />;
        if (l === 'objective')
          return (
            <td class="num">
              <Show when={!incomparable()} fallback={<span class="muted not-comparable" title={t('compare.objectiveNote')}>{t('workflow.compare.notComparable')}</span>}>
                <Delta value={delta(objectives()[i] ?? null, objectives()[0] ?? null)} digits={4} />
              </Show>
            </td>
          );
        const d = l.deltas[i] ?? null;
        const first = firstKpi(l);
        return (
          <td class="num" classList={{ changed: Math.abs(d ?? 0) > SAME_TOL }}>
            <Delta value={d} share={first?.unit === 'share'} digits={first?.unit === 'mines' ? 0 : 2} />
          </td>
        );
      },
    ),
  ];

  const countyColumns = (): Column<CountyCompareRow>[] => [
    { header: () => t('compare.col.county'), cell: (row) => <th scope="row">{countyName(props.dataset, row.countyId, lang())}</th> },
    { header: () => t('compare.col.mineral'), cell: (row) => <td>{mineralName(props.dataset, row.mineral, lang())}</td> },
    { header: () => t('compare.col.unit'), cell: (row) => <td class="unit">{mineralUnit(props.dataset, row.mineral, lang())}</td> },
    ...runColumns<CountyCompareRow>(
      (row, i) =>
        noPlan(i) ? (
          noPlanCell(i)
        ) : (
          <td class="num">
            {fmt(row.volumes[i] ?? null, lang())} <span class="unit">({t('compare.mines', { n: row.mines[i] ?? 0 })})</span>
          </td>
        ),
      (row, i) => {
        const mineDelta = row.mineDeltas[i] ?? 0;
        return (
          <td class="num delta-cell" classList={{ changed: Math.abs(row.deltas[i] ?? 0) > SAME_TOL || Math.abs(mineDelta) > SAME_TOL }}>
            <Delta value={row.deltas[i] ?? null} base={row.volumes[0]} />
            <Show when={Math.abs(mineDelta) > SAME_TOL}>
              <br />
              <span class="unit">
                <Delta value={row.mineDeltas[i] ?? null} digits={0} /> {t('compare.chart.minesAxis')}
              </span>
            </Show>
          </td>
        );
      },
    ),
  ];

  const bindingColumns = (): Column<BindingCompareRow>[] => [
    {
      header: () => t('compare.col.constraint'),
      cell: (row) => (
        <th scope="row">
          {t(row.label.key, row.label.params)} <code class="id">{row.constraint}</code>
        </th>
      ),
    },
    ...runColumns<BindingCompareRow>((row, i) => bindingCell(row.cells[i] ?? { kind: 'noPlan' })),
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

        <AgainstBase part="kpis" columns={kpiColumns()} rows={kpiLines()} rowProps={(l) => ({ 'data-kpi': typeof l === 'string' ? l : l.id })} />

        <AgainstBase
          part="counties"
          columns={countyColumns()}
          rows={counties()}
          rowProps={(row) => ({ 'data-county': row.countyId ?? '', 'data-mineral': row.mineral, classList: { 'row-changed': row.deltas.some((d) => Math.abs(d ?? 0) > SAME_TOL) } })}
        />

        <Part part="charts">
          <div class="charts">
            <For each={charts()}>{(s) => <EChart option={s.option} label={s.title} height={s.height} />}</For>
          </div>
        </Part>

        <Part part="binding">
          <Show when={binding().length > 0} fallback={<p>{t('compare.binding.empty')}</p>}>
            <Table class="data compare-binding" caption={t('compare.binding.caption')} columns={bindingColumns()} rows={binding()} rowProps={(row) => ({ 'data-constraint': row.constraint })} />
          </Show>
        </Part>
      </Show>
    </section>
  );
}
