import { createMemo, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { fmt } from '../../present/names';
import { demandRows } from '../../present/rows';
import { lang } from '../i18n';
import { label } from '../table/Table';
import { ResultTable } from './ResultTable';

/** 2025 demand per county and mineral (then the prefecture's own lines): supplied and unmet. */
export function DemandTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const rows = createMemo(() => demandRows(props.report, props.dataset, lang()));
  return (
    <ResultTable
      topic="demand"
      rows={rows()}
      rowProps={(r) => ({ 'data-county': r.countyId ?? 'prefecture', 'data-mineral': r.mineralId, classList: { unmet: r.unmet > 0 } })}
      columns={[
        { header: label('results.col.county'), cell: (r) => <th scope="row">{r.county}</th> },
        { header: label('results.col.mineral'), cell: (r) => <td>{r.mineral}</td> },
        { header: label('results.col.demand'), num: true, cell: (r) => <td class="num demand">{fmt(r.demand, lang())}</td> },
        { header: label('results.col.supplied'), num: true, cell: (r) => <td class="num supplied">{fmt(r.supplied, lang())}</td> },
        { header: label('results.col.unmet'), num: true, cell: (r) => <td class="num unmet">{fmt(r.unmet, lang())}</td> },
        { header: label('results.col.unit'), cell: (r) => <td class="unit">{r.unit}</td> },
      ]}
    />
  );
}
