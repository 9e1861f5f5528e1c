import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { kpiStatus } from '../../export/kpis';
import { fmt, fmtPct } from '../../export/names';
import { zoneRows } from '../../export/rows';
import { lang, t } from '../i18n';
import { StatusBadge } from './Status';

/** Concentrated extraction zones: volume, mines and use of the zone's capacity. */
export function ZoneTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const rows = createMemo(() => zoneRows(props.report, props.dataset, lang()));
  return (
    <Show when={rows().length > 0} fallback={<p>{t('results.zones.empty')}</p>}>
      <table class="data zones">
        <caption>{t('results.zones.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.zone')}</th>
            <th scope="col">{t('results.col.county')}</th>
            <th scope="col">{t('results.col.mineral')}</th>
            <th scope="col">{t('results.col.area')}</th>
            <th scope="col">{t('results.col.volume')}</th>
            <th scope="col">{t('results.col.unit')}</th>
            <th scope="col">{t('results.col.mines')}</th>
            <th scope="col">{t('results.col.capacityUse')}</th>
            <th scope="col">{t('results.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(z) => (
              <tr data-zone={z.zoneId} classList={{ excluded: z.excluded }}>
                <th scope="row">
                  <code>{z.zoneId}</code> {z.zoneName}
                </th>
                <td>{z.county}</td>
                <td>{z.mineral}</td>
                <td class="num">{fmt(z.areaKm2, lang())}</td>
                <td class="num">{fmt(z.volume, lang())}</td>
                <td class="unit">{z.unit}</td>
                <td class="num">{z.mines}</td>
                <td class="num">{fmtPct(z.capacityUse, lang())}</td>
                <td>
                  <Show when={!z.excluded} fallback={<span class="status status-none">{t('results.zones.excluded')}</span>}>
                    <StatusBadge status={kpiStatus(z.capacityUse, z.capacityUse === null ? null : 1, 'max')} kind="max" />
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
