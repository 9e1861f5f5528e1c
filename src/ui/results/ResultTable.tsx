/**
 * A results table under its caption, or the sentence that says it has no
 * rows: `topic` names both in the dictionary (results.<topic>.caption and
 * .empty) and classes the table. What goes with the table (notes, charts)
 * comes as children and shows only with it.
 */
import { Show, splitProps, type JSX } from 'solid-js';
import { t } from '../i18n';
import { Table, type TableProps } from '../table/Table';

type Topic = 'demand' | 'zones' | 'flows' | 'counties' | 'binding';

export function ResultTable<R>(props: Omit<TableProps<R>, 'class' | 'caption' | 'children'> & { topic: Topic; children?: JSX.Element }): JSX.Element {
  const [own, table] = splitProps(props, ['topic', 'children']);
  return (
    <Show when={(table.rows ?? table.bodies ?? []).length > 0} fallback={<p>{t(`results.${own.topic}.empty`)}</p>}>
      <Table<R> {...table} class={`data ${own.topic}`} caption={t(`results.${own.topic}.caption`)} />
      {own.children}
    </Show>
  );
}
