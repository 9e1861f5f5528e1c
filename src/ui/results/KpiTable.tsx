import { createMemo, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { fmtKpiValue, kpiLabel, planKpis, unitText } from '../../present/kpis';
import { fmtPct } from '../../present/names';
import { lang, t } from '../i18n';
import { label, Table } from '../table/Table';
import { StatusBadge } from './Status';

/** Plan KPIs against their targets, each with its status in words. */
export function KpiTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const kpis = createMemo(() => planKpis(props.report, props.dataset));
  return (
    <Table
      class="data kpis"
      caption={t('results.kpis.caption')}
      rows={kpis()}
      rowProps={(k) => ({ class: `row-${k.status}`, 'data-kpi': k.id })}
      columns={[
        { header: label('results.col.indicator'), cell: (k) => <th scope="row">{kpiLabel(k, props.dataset, lang())}</th> },
        {
          header: label('results.col.value'),
          cell: (k) => (
            <td class="num">
              {fmtKpiValue(k.value, k.unit, lang())} <span class="unit">{k.unit === 'share' ? '' : unitText(k.unit, lang())}</span>
            </td>
          ),
        },
        {
          header: label('results.col.target'),
          cell: (k) => (
            <td class="num">
              {k.kind === 'max' ? '≤ ' : '≥ '}
              {fmtKpiValue(k.limit, k.unit, lang())} <span class="unit">{k.unit === 'share' ? '' : unitText(k.unit, lang())}</span>
            </td>
          ),
        },
        { header: label('results.col.use'), cell: (k) => <td class="num">{k.unit === 'share' ? '' : fmtPct(k.ratio, lang())}</td> },
        {
          header: label('results.col.status'),
          cell: (k) => (
            <td>
              <StatusBadge status={k.status} kind={k.kind} />
            </td>
          ),
        },
      ]}
    />
  );
}
