/**
 * A table described by its columns: each column gives its header and the
 * cell it shows for a row (a <td> or a row header <th>). Rows that do not
 * follow the columns (a grand total, say) come as children after the rows.
 */
import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n';

export interface Column<R> {
  /** read when rendered, so a translated header follows the language */
  header: () => JSX.Element;
  /** a figure column: its header is aligned like its figures */
  num?: boolean;
  cell: (row: R) => JSX.Element;
}

/** A column header in the planner's language. */
export const label = (key: string) => () => t(key);

export function Table<R>(props: {
  class: string;
  caption?: JSX.Element;
  columns: readonly Column<NoInfer<R>>[];
  rows: readonly R[];
  /** attributes of a row's <tr> (classes, data-* for tests) */
  rowProps?: (row: NoInfer<R>) => JSX.HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
  children?: JSX.Element;
}): JSX.Element {
  return (
    <table class={props.class}>
      <Show when={props.caption !== undefined}>
        <caption>{props.caption}</caption>
      </Show>
      <thead>
        <tr>
          <For each={props.columns}>{(c) => <th scope="col" class={c.num ? 'num' : undefined}>{c.header()}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>{(r) => <tr {...props.rowProps?.(r)}>{props.columns.map((c) => c.cell(r))}</tr>}</For>
        {props.children}
      </tbody>
    </table>
  );
}
