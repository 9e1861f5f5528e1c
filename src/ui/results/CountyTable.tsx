import { createMemo, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { reportMinerals } from '../../present/kpis';
import { asHeading, clean, fmt, mineralName, mineralUnit } from '../../present/names';
import { countyRows, minesByClass, type CountyRow } from '../../present/rows';
import { lang, t } from '../i18n';
import { toleranceText } from '../state/ranges';
import { label, type Column } from '../table/Table';
import { ResultTable } from './ResultTable';

/** A change from 2020 with its sign, read without colour. */
function Change(props: { value: number | null }): JSX.Element {
  const cls = () => (props.value === null ? '' : props.value > 0 ? 'delta-up' : props.value < 0 ? 'delta-down' : 'delta-same');
  return <td class={`num change ${cls()}`}>{props.value === null ? '—' : `${props.value > 0 ? '+' : ''}${fmt(props.value, lang())}`}</td>;
}

/** The least and most a county's quota reached within the tolerance, and what about them is not proven. */
function RangeCell(props: { row: CountyRow }): JSX.Element {
  return (
    <td class="num range">
      {props.row.rangeMin === null && props.row.rangeMax === null ? '—' : `${fmt(props.row.rangeMin, lang())} – ${fmt(props.row.rangeMax, lang())}`}
      <Show when={props.row.rangeNote}>
        <span class="note range-note">{props.row.rangeNote}</span>
      </Show>
    </td>
  );
}

function sumOrNull(xs: (number | null)[]): number | null {
  return xs.every((x) => x === null) ? null : clean(xs.reduce<number>((a, x) => a + (x ?? 0), 0));
}

/**
 * County × mineral 2025 quotas next to the 2020 figures (output: a stated
 * proxy; valid rights) and the 2025 mines by size class; the range column
 * when ranges were computed; prefecture totals per mineral below.
 */
/** A row of the table: a county's mineral (`county`), or the prefecture's total of one; the first row of a group carries the group's name. */
type Line = Pick<CountyRow, 'mineralId' | 'mineral' | 'unit' | 'volume' | 'output2020' | 'change' | 'rights2020' | 'large' | 'medium' | 'small' | 'minesTotal'> & {
  head: string | null;
  span: number;
  county?: CountyRow;
};

/** The lines of one group: its name heads the first and spans them all. */
const headed = (name: string, lines: Omit<Line, 'head' | 'span'>[]): Line[] => lines.map((l, i) => ({ ...l, head: i === 0 ? name : null, span: lines.length }));

export function CountyTable(props: { report: SolveReport; dataset: Dataset; rangeTolerance?: number }): JSX.Element {
  const groups = createMemo(() => {
    const out: { county: string; countyId: string | null; rows: CountyRow[] }[] = [];
    for (const r of countyRows(props.report, props.dataset, lang())) {
      const last = out[out.length - 1];
      if (last && last.countyId === r.countyId) last.rows.push(r);
      else out.push({ county: r.county, countyId: r.countyId, rows: [r] });
    }
    return out.map((g) => ({ class: 'county-group', rows: headed(g.county, g.rows.map((r) => ({ ...r, county: r }))) }));
  });
  const totals = createMemo(() => {
    const by = minesByClass(props.report);
    const rows = countyRows(props.report, props.dataset, lang());
    const lines = reportMinerals(props.report, props.dataset).map((m) => {
      const c = by[m] ?? { large: 0, medium: 0, small: 0 };
      const of = rows.filter((r) => r.mineralId === m);
      const volume = props.report.totals[m]?.volume ?? 0;
      const output2020 = sumOrNull(of.map((r) => r.output2020));
      return {
        mineralId: m,
        mineral: mineralName(props.dataset, m, lang()),
        unit: mineralUnit(props.dataset, m, lang(), props.report.totals[m]?.unit ?? ''),
        volume,
        output2020,
        change: output2020 === null ? null : clean(volume - output2020),
        rights2020: sumOrNull(of.map((r) => r.rights2020)),
        ...c,
        minesTotal: c.large + c.medium + c.small,
      };
    });
    return headed(t('results.counties.total'), lines);
  });
  const hasRanges = () => (props.report.ranges?.length ?? 0) > 0;
  const rangeHeader = () =>
    props.rangeTolerance === undefined ? t('results.col.range') : t('results.col.rangeTol', { tol: toleranceText(props.rangeTolerance, lang()) });
  const count = (key: 'large' | 'medium' | 'small' | 'minesTotal'): Column<Line> => ({ header: key === 'minesTotal' ? label('results.col.minesTotal') : () => asHeading(t(`size.${key}`)), cell: (l) => <td class="num">{l[key]}</td> });
  const columns = (): Column<Line>[] => [
    // the group's first row heads it; the header spans the others, which have no cell here
    { header: label('results.col.county'), cell: (l) => (l.head === null ? null : <th scope="rowgroup" rowSpan={l.span}>{l.head}</th>) },
    { header: label('results.col.mineral'), cell: (l) => <td>{l.mineral}</td> },
    { header: label('results.col.quota2025'), cell: (l) => <td class="num volume">{fmt(l.volume, lang())}</td> },
    { header: label('results.col.output2020'), cell: (l) => <td class="num output2020">{l.output2020 === null ? '—' : fmt(l.output2020, lang())}</td> },
    { header: label('results.col.change'), cell: (l) => <Change value={l.change} /> },
    { header: label('results.col.unit'), cell: (l) => <td class="unit">{l.unit}</td> },
    { header: label('results.col.rights2020'), cell: (l) => <td class="num rights2020">{l.rights2020 ?? '—'}</td> },
    count('large'),
    count('medium'),
    count('small'),
    count('minesTotal'),
    ...(hasRanges() ? [{ header: rangeHeader, cell: (l: Line) => (l.county ? <RangeCell row={l.county} /> : <td />) }] : []),
  ];
  return (
    <ResultTable
      topic="counties"
      columns={columns()}
      bodies={groups()}
      foot={totals()}
      rowProps={(l) => (l.county ? { 'data-county': l.county.countyId ?? '', 'data-mineral': l.mineralId } : { 'data-total': l.mineralId })}
    >
      <p class="note">{t('results.counties.proxy')}</p>
      <Show when={hasRanges()}>
        <p class="note">{t('results.counties.rangeMeaning')}</p>
      </Show>
    </ResultTable>
  );
}
