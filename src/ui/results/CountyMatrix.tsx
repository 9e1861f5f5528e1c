/**
 * What each county gets, against 2020: counties down, minerals across, each
 * mineral with 2020 | 2025 recommended | change (absolute, and % of 2020),
 * a prefecture total row; output or mines. The answer to the planner's first
 * question on one screen, where the detail list below needs 26 rows.
 */
import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import { unitLabel } from '../../domain/units';
import { fmt, fmtPct } from '../../present/names';
import type { SolveReport } from '../../model/report';
import { lang, t } from '../i18n';
import { toleranceText } from '../state/ranges';
import { Table, type Column } from '../table/Table';
import { countyMatrix, type MatrixCell, type MatrixRow, type Measure } from './matrix';

const MEASURES: readonly Measure[] = ['volume', 'mines'];

/** The sign of a change in words' place: + and − read without colour. */
const signed = (text: string, x: number) => (x > 0 ? `+${text}` : x < 0 ? `−${text.replace(/^-/, '')}` : text);

function deltaClass(x: number | null): string {
  return x === null ? '' : x > 0 ? 'delta-up' : x < 0 ? 'delta-down' : 'delta-same';
}

export function CountyMatrix(props: { report: SolveReport; dataset: Dataset; rangeTolerance?: number }): JSX.Element {
  const id = createUniqueId();
  const [measure, setMeasure] = createSignal<Measure>('volume');
  const matrix = createMemo(() => countyMatrix(props.report, props.dataset, lang(), measure()));
  // mine counts are whole; output to the two decimals of every quota figure
  const num = (x: number | null) => fmt(x, lang(), measure() === 'mines' ? 0 : 2);
  const rangeText = (c: MatrixCell) => (c.range ? t('results.matrix.range', { min: fmt(c.range.min, lang()), max: fmt(c.range.max, lang()) }) : '');

  const columns = createMemo((): Column<MatrixRow>[] => {
    const m = measure();
    const county: Column<MatrixRow> = {
      header: () => t('results.col.county'),
      cell: (r) => <th scope="row">{r.total ? t('results.counties.total') : r.county}</th>,
    };
    return [
      county,
      ...matrix().minerals.flatMap((mineral): Column<MatrixRow>[] => {
        const group = { id: mineral.id, header: () => t('results.matrix.group', { mineral: mineral.name, unit: unitLabel(mineral.unit, lang()) }) };
        // a column of this mineral: a dash where the county has no cell for it
        const column = (cls: string, header: () => string, cell: (c: MatrixCell) => JSX.Element): Column<MatrixRow> => ({
          group,
          num: true,
          header,
          cell: (r) => {
            const c = r.cells[mineral.id];
            return c ? cell(c) : <td class={`num ${cls} none`} data-mineral={mineral.id}>—</td>;
          },
        });
        return [
          column('y2020', () => t(`results.matrix.y2020.${m}`), (c) => <td class="num y2020" data-mineral={mineral.id}>{num(c.y2020)}</td>),
          column('y2025', () => t('results.matrix.y2025'), (c) => {
            const range = rangeText(c);
            return (
              <td class="num y2025" data-mineral={mineral.id} title={range ? t('results.matrix.rangeTitle', { min: fmt(c.range?.min, lang()), max: fmt(c.range?.max, lang()), unit: unitLabel(mineral.unit, lang()) }) : undefined}>
                {num(c.y2025)}
                <Show when={range}>
                  <span class="sub range">{range}</span>
                </Show>
              </td>
            );
          }),
          column('change', () => t('results.matrix.change'), (c) => {
            const isNew = c.y2020 === 0 && c.y2025 > 0;
            return (
              <td class={`num change ${deltaClass(c.change)}`} data-mineral={mineral.id}>
                {c.change === null ? '—' : signed(num(c.change), c.change)}
                <Show when={c.ratio !== null || isNew}>
                  <span class="sub pct">{isNew ? t('results.matrix.new') : signed(fmtPct(c.ratio, lang()), c.ratio ?? 0)}</span>
                </Show>
              </td>
            );
          }),
        ];
      }),
    ];
  });

  return (
    <div class="county-matrix">
      <fieldset class="matrix-measure">
        <legend>{t('results.matrix.measure')}</legend>
        <For each={MEASURES}>
          {(m) => (
            <label>
              <input type="radio" name={`${id}-measure`} value={m} checked={measure() === m} onChange={() => setMeasure(m)} /> {t(`results.matrix.measure.${m}`)}
            </label>
          )}
        </For>
      </fieldset>
      <div class="matrix-scroll">
        <Table
          class="data matrix"
          caption={t(`results.matrix.caption.${measure()}`)}
          columns={columns()}
          rows={matrix().rows}
          rowProps={(r): JSX.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string> =>
            r.total ? { class: 'total', 'data-total': 'prefecture' } : { 'data-county': r.countyId ?? 'prefecture' }
          }
        />
      </div>
      <p class="note">{t('results.counties.proxy')}</p>
      <Show when={measure() === 'volume' && props.rangeTolerance !== undefined && (props.report.ranges?.length ?? 0) > 0}>
        <p class="note">{t('results.matrix.rangeNote', { tol: toleranceText(props.rangeTolerance ?? 0, lang()) })}</p>
      </Show>
    </div>
  );
}
