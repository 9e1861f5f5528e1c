import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { reportMinerals } from '../../export/kpis';
import { fmt, mineralName, mineralUnit } from '../../export/names';
import { countyRows, minesByClass, type CountyRow } from '../../export/rows';
import { lang, t } from '../i18n';

/** County × mineral quotas with mines by size class; prefecture totals per mineral below. */
export function CountyTable(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const groups = createMemo(() => {
    const out: { county: string; countyId: string | null; rows: CountyRow[] }[] = [];
    for (const r of countyRows(props.report, props.dataset, lang())) {
      const last = out[out.length - 1];
      if (last && last.countyId === r.countyId) last.rows.push(r);
      else out.push({ county: r.county, countyId: r.countyId, rows: [r] });
    }
    return out;
  });
  const totals = createMemo(() => {
    const by = minesByClass(props.report);
    return reportMinerals(props.report, props.dataset).map((m) => {
      const c = by[m] ?? { large: 0, medium: 0, small: 0 };
      return { mineral: m, volume: props.report.totals[m]?.volume ?? 0, ...c, total: c.large + c.medium + c.small };
    });
  });
  return (
    <Show when={groups().length > 0} fallback={<p>{t('results.counties.empty')}</p>}>
      <table class="data counties">
        <caption>{t('results.counties.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.county')}</th>
            <th scope="col">{t('results.col.mineral')}</th>
            <th scope="col">{t('results.col.volume')}</th>
            <th scope="col">{t('results.col.unit')}</th>
            <th scope="col">{t('results.col.large')}</th>
            <th scope="col">{t('results.col.medium')}</th>
            <th scope="col">{t('results.col.small')}</th>
            <th scope="col">{t('results.col.minesTotal')}</th>
          </tr>
        </thead>
        <For each={groups()}>
          {(g) => (
            <tbody class="county-group">
              <For each={g.rows}>
                {(r, i) => (
                  <tr data-county={r.countyId ?? ''} data-mineral={r.mineralId}>
                    <Show when={i() === 0}>
                      <th scope="rowgroup" rowSpan={g.rows.length}>
                        {g.county}
                      </th>
                    </Show>
                    <td>{r.mineral}</td>
                    <td class="num volume">{fmt(r.volume, lang())}</td>
                    <td class="unit">{r.unit}</td>
                    <td class="num">{r.large}</td>
                    <td class="num">{r.medium}</td>
                    <td class="num">{r.small}</td>
                    <td class="num">{r.minesTotal}</td>
                  </tr>
                )}
              </For>
            </tbody>
          )}
        </For>
        <tfoot>
          <For each={totals()}>
            {(r, i) => (
              <tr data-total={r.mineral}>
                <Show when={i() === 0}>
                  <th scope="rowgroup" rowSpan={totals().length}>
                    {t('results.counties.total')}
                  </th>
                </Show>
                <td>{mineralName(props.dataset, r.mineral, lang())}</td>
                <td class="num volume">{fmt(r.volume, lang())}</td>
                <td class="unit">{mineralUnit(props.dataset, r.mineral, props.report.totals[r.mineral]?.unit ?? '')}</td>
                <td class="num">{r.large}</td>
                <td class="num">{r.medium}</td>
                <td class="num">{r.small}</td>
                <td class="num">{r.total}</td>
              </tr>
            )}
          </For>
        </tfoot>
      </table>
    </Show>
  );
}
