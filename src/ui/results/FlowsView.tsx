import { createMemo, For, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { fmt } from '../../present/names';
import { flowRows } from '../../present/rows';
import { EChart } from '../charts/EChart';
import { flowCharts } from '../../present/charts/options';
import { lang } from '../i18n';
import { label } from '../table/Table';
import { ResultTable } from './ResultTable';

/** Shipments between counties: a table and, per mineral, a sankey of who supplies whom (own supply left out). */
export function FlowsView(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const rows = createMemo(() => flowRows(props.report, props.dataset, lang()));
  const charts = createMemo(() => flowCharts(props.report, props.dataset, lang()));
  return (
    <ResultTable
      topic="flows"
      rows={rows()}
      rowProps={(r) => ({ 'data-from': r.fromId, 'data-to': r.toId, 'data-mineral': r.mineralId })}
      columns={[
        { header: label('results.col.from'), cell: (r) => <th scope="row">{r.from}</th> },
        { header: label('results.col.to'), cell: (r) => <td>{r.to}</td> },
        { header: label('results.col.mineral'), cell: (r) => <td>{r.mineral}</td> },
        { header: label('results.col.amount'), num: true, cell: (r) => <td class="num amount">{fmt(r.amount, lang())}</td> },
        { header: label('results.col.unit'), cell: (r) => <td class="unit">{r.unit}</td> },
        { header: label('results.col.km'), num: true, cell: (r) => <td class="num">{fmt(r.km, lang(), 0)}</td> },
      ]}
    >
      <div class="charts">
        <For each={charts()}>{(s) => <EChart option={s.option} label={s.title} height={s.height} />}</For>
      </div>
    </ResultTable>
  );
}
