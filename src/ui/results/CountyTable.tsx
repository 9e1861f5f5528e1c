import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { reportMinerals } from '../../present/kpis';
import { clean, fmt, mineralName, mineralUnit } from '../../present/names';
import { countyRows, minesByClass, type CountyRow } from '../../present/rows';
import { lang, t } from '../i18n';
import { toleranceText } from '../state/ranges';

/** A change from 2020 with its sign, read without colour. */
function Change(props: { value: number | null }): JSX.Element {
  const cls = () => (props.value === null ? '' : props.value > 0 ? 'delta-up' : props.value < 0 ? 'delta-down' : 'delta-same');
  return <td class={`num change ${cls()}`}>{props.value === null ? '—' : `${props.value > 0 ? '+' : ''}${fmt(props.value, lang())}`}</td>;
}

function sumOrNull(xs: (number | null)[]): number | null {
  return xs.every((x) => x === null) ? null : clean(xs.reduce<number>((a, x) => a + (x ?? 0), 0));
}

/**
 * County × mineral 2025 quotas next to the 2020 figures (output: a stated
 * proxy; valid rights) and the 2025 mines by size class; the range column
 * when ranges were computed; prefecture totals per mineral below.
 */
export function CountyTable(props: { report: SolveReport; dataset: Dataset; rangeTolerance?: number }): JSX.Element {
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
    const rows = countyRows(props.report, props.dataset, lang());
    return reportMinerals(props.report, props.dataset).map((m) => {
      const c = by[m] ?? { large: 0, medium: 0, small: 0 };
      const of = rows.filter((r) => r.mineralId === m);
      const volume = props.report.totals[m]?.volume ?? 0;
      const output2020 = sumOrNull(of.map((r) => r.output2020));
      const rights2020 = sumOrNull(of.map((r) => r.rights2020));
      return { mineral: m, volume, output2020, change: output2020 === null ? null : clean(volume - output2020), rights2020, ...c, total: c.large + c.medium + c.small };
    });
  });
  const hasRanges = () => (props.report.ranges?.length ?? 0) > 0;
  const rangeHeader = () =>
    props.rangeTolerance === undefined ? t('results.col.range') : t('results.col.rangeTol', { tol: toleranceText(props.rangeTolerance, lang()) });
  return (
    <Show when={groups().length > 0} fallback={<p>{t('results.counties.empty')}</p>}>
      <table class="data counties">
        <caption>{t('results.counties.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.county')}</th>
            <th scope="col">{t('results.col.mineral')}</th>
            <th scope="col">{t('results.col.quota2025')}</th>
            <th scope="col">{t('results.col.output2020')}</th>
            <th scope="col">{t('results.col.change')}</th>
            <th scope="col">{t('results.col.unit')}</th>
            <th scope="col">{t('results.col.rights2020')}</th>
            <th scope="col">{t('results.col.large')}</th>
            <th scope="col">{t('results.col.medium')}</th>
            <th scope="col">{t('results.col.small')}</th>
            <th scope="col">{t('results.col.minesTotal')}</th>
            <Show when={hasRanges()}>
              <th scope="col">{rangeHeader()}</th>
            </Show>
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
                    <td class="num output2020">{r.output2020 === null ? '—' : fmt(r.output2020, lang())}</td>
                    <Change value={r.change} />
                    <td class="unit">{r.unit}</td>
                    <td class="num rights2020">{r.rights2020 ?? '—'}</td>
                    <td class="num">{r.large}</td>
                    <td class="num">{r.medium}</td>
                    <td class="num">{r.small}</td>
                    <td class="num">{r.minesTotal}</td>
                    <Show when={hasRanges()}>
                      <td class="num range">
                        {r.rangeMin === null && r.rangeMax === null ? '—' : `${fmt(r.rangeMin, lang())} – ${fmt(r.rangeMax, lang())}`}
                        <Show when={r.rangeNote}>
                          <span class="note range-note">{r.rangeNote}</span>
                        </Show>
                      </td>
                    </Show>
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
                <td class="num output2020">{r.output2020 === null ? '—' : fmt(r.output2020, lang())}</td>
                <Change value={r.change} />
                <td class="unit">{mineralUnit(props.dataset, r.mineral, lang(), props.report.totals[r.mineral]?.unit ?? '')}</td>
                <td class="num rights2020">{r.rights2020 ?? '—'}</td>
                <td class="num">{r.large}</td>
                <td class="num">{r.medium}</td>
                <td class="num">{r.small}</td>
                <td class="num">{r.total}</td>
                <Show when={hasRanges()}>
                  <td />
                </Show>
              </tr>
            )}
          </For>
        </tfoot>
      </table>
      <p class="note">{t('results.counties.proxy')}</p>
      <Show when={hasRanges()}>
        <p class="note">{t('results.counties.rangeMeaning')}</p>
      </Show>
    </Show>
  );
}
