import { createMemo, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { kpiStatus } from '../../present/kpis';
import { fmt, fmtPct } from '../../present/names';
import { zoneRows } from '../../present/rows';
import { lang, t } from '../i18n';
import { label } from '../table/Table';
import { ResultTable } from './ResultTable';
import { StatusBadge } from './Status';

/** Concentrated extraction zones: volume, mines and use of the zone's capacity. */
export function ZoneTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const rows = createMemo(() => zoneRows(props.report, props.dataset, lang()));
  return (
    <ResultTable
      topic="zones"
      rows={rows()}
      rowProps={(z) => ({ 'data-zone': z.zoneId, classList: { excluded: z.excluded } })}
      columns={[
        {
          header: label('results.col.zone'),
          cell: (z) => (
            <th scope="row">
              <code>{z.zoneId}</code> {z.zoneName}
            </th>
          ),
        },
        { header: label('results.col.county'), cell: (z) => <td>{z.county}</td> },
        { header: label('results.col.mineral'), cell: (z) => <td>{z.mineral}</td> },
        { header: label('results.col.area'), cell: (z) => <td class="num">{fmt(z.areaKm2, lang())}</td> },
        { header: label('results.col.volume'), cell: (z) => <td class="num">{fmt(z.volume, lang())}</td> },
        { header: label('results.col.unit'), cell: (z) => <td class="unit">{z.unit}</td> },
        { header: label('results.col.mines'), cell: (z) => <td class="num">{z.mines}</td> },
        { header: label('results.col.capacityUse'), cell: (z) => <td class="num">{fmtPct(z.capacityUse, lang())}</td> },
        {
          header: label('results.col.status'),
          cell: (z) => (
            <td>
              <Show when={!z.excluded} fallback={<span class="status status-none">{t('results.zones.excluded')}</span>}>
                <StatusBadge status={kpiStatus(z.capacityUse, z.capacityUse === null ? null : 1, 'max')} kind="max" />
              </Show>
            </td>
          ),
        },
      ]}
    />
  );
}
