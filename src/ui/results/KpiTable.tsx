import { createMemo, For, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { fmtKpiValue, kpiLabel, planKpis, unitText } from '../../export/kpis';
import { fmtPct } from '../../export/names';
import { lang, t } from '../i18n';
import { StatusBadge } from './Status';

/** Plan KPIs against their targets, each with its status in words. */
export function KpiTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const kpis = createMemo(() => planKpis(props.report, props.dataset));
  return (
    <table class="data kpis">
      <caption>{t('results.kpis.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.col.indicator')}</th>
          <th scope="col">{t('results.col.value')}</th>
          <th scope="col">{t('results.col.target')}</th>
          <th scope="col">{t('results.col.use')}</th>
          <th scope="col">{t('results.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={kpis()}>
          {(k) => (
            <tr class={`row-${k.status}`} data-kpi={k.id}>
              <th scope="row">{kpiLabel(k, props.dataset, lang())}</th>
              <td class="num">
                {fmtKpiValue(k.value, k.unit, lang())} <span class="unit">{k.unit === 'share' ? '' : unitText(k.unit, lang())}</span>
              </td>
              <td class="num">
                {k.kind === 'max' ? '≤ ' : '≥ '}
                {fmtKpiValue(k.limit, k.unit, lang())} <span class="unit">{k.unit === 'share' ? '' : unitText(k.unit, lang())}</span>
              </td>
              <td class="num">{k.unit === 'share' ? '' : fmtPct(k.ratio, lang())}</td>
              <td>
                <StatusBadge status={k.status} kind={k.kind} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
