/** A table's header row of plain column headings (already in the page's language), each a column header cell. */
import { For } from 'solid-js';

export function ColumnHeads(props: { cols: readonly string[] }) {
  return (
    <thead>
      <tr>
        <For each={props.cols}>{(c) => <th scope="col">{c}</th>}</For>
      </tr>
    </thead>
  );
}
