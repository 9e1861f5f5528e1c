/**
 * A table described by its columns: each column gives its header and the
 * cell it shows for a row (a <td> or a row header <th>). Rows that do not
 * follow the columns (a grand total, say) come as children after the rows;
 * totals that do follow them come as `foot` rows, in a <tfoot>.
 *
 * Columns that share a `group` get a second header row: the group's header
 * spans them (a county × mineral matrix: 2020 | 2025 | change under each
 * mineral), and the ungrouped columns' headers span both rows.
 */
import { For, Show, type JSX } from 'solid-js';
import { t, type UiKey } from '../i18n';

export interface ColumnGroup {
  /** consecutive columns with the same id share one spanning header */
  id: string;
  header: () => JSX.Element;
}

export interface Column<R> {
  /** read when rendered, so a translated header follows the language */
  header: () => JSX.Element;
  /** a figure column: its header is aligned like its figures */
  num?: boolean;
  /** a class of the header cell besides `num` (the column the chart shows, say) */
  headClass?: string;
  group?: ColumnGroup;
  cell: (row: R) => JSX.Element;
}

/** A column header in the planner's language. */
export const label = (key: UiKey) => () => t(key);

/** First-row headers: an ungrouped column alone, or a run of consecutive columns of one group. */
type Span<R> = { group: ColumnGroup; span: number } | { column: Column<R> };

function spans<R>(columns: readonly Column<R>[]): Span<R>[] {
  const out: Span<R>[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (c.group && last && 'group' in last && last.group.id === c.group.id) last.span += 1;
    else out.push(c.group ? { group: c.group, span: 1 } : { column: c });
  }
  return out;
}

export interface TableProps<R> {
  class: string;
  id?: string;
  caption?: JSX.Element;
  /** the table's accessible name where it has no caption */
  label?: string;
  columns: readonly Column<NoInfer<R>>[];
  rows?: readonly R[];
  /** in place of `rows`: rows in several <tbody>, each with its class (a county's minerals under its name) */
  bodies?: readonly { class: string; rows: readonly R[] }[];
  /** rows after the body, in a <tfoot> (totals) */
  foot?: readonly NoInfer<R>[];
  /** attributes of a row's <tr> (classes, data-* for tests) */
  rowProps?: (row: NoInfer<R>) => JSX.HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | undefined };
  children?: JSX.Element;
}

export function Table<R>(props: TableProps<R>): JSX.Element {
  const grouped = () => props.columns.some((c) => c.group);
  const colHeader = (c: Column<R>, rowSpan?: number) => (
    <th scope="col" rowSpan={rowSpan} class={[c.num && 'num', c.headClass].filter(Boolean).join(' ') || undefined}>
      {c.header()}
    </th>
  );
  const row = (r: R) => <tr {...props.rowProps?.(r)}>{props.columns.map((c) => c.cell(r))}</tr>;
  return (
    <table class={props.class} id={props.id} aria-label={props.label}>
      <Show when={props.caption !== undefined}>
        <caption>{props.caption}</caption>
      </Show>
      <thead>
        <Show when={grouped()} fallback={<tr>{props.columns.map((c) => colHeader(c))}</tr>}>
          <tr>
            <For each={spans(props.columns)}>
              {(s) =>
                'group' in s ? (
                  <th scope="colgroup" colSpan={s.span} class="group">
                    {s.group.header()}
                  </th>
                ) : (
                  colHeader(s.column, 2)
                )
              }
            </For>
          </tr>
          <tr>{props.columns.filter((c) => c.group).map((c) => colHeader(c))}</tr>
        </Show>
      </thead>
      <Show
        when={props.bodies}
        fallback={
          <tbody>
            <For each={props.rows}>{row}</For>
            {props.children}
          </tbody>
        }
      >
        {(bodies) => (
          <For each={bodies()}>
            {(b) => (
              <tbody class={b.class}>
                <For each={b.rows}>{row}</For>
              </tbody>
            )}
          </For>
        )}
      </Show>
      <Show when={props.foot}>
        {(foot) => (
          <tfoot>
            <For each={foot()}>{row}</For>
          </tfoot>
        )}
      </Show>
    </table>
  );
}
