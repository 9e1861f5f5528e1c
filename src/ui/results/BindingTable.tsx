import { Show, type JSX } from 'solid-js';
import type { SolveReport } from '../../model/report';
import { bindingWorth, familyText } from '../../export/kpis';
import { fmtSig } from '../../export/names';
import { lang, t } from '../i18n';
import { label, Table } from '../table/Table';

/** Binding constraints and, from their duals, what relaxing each is worth. */
export function BindingTable(props: { report: SolveReport }): JSX.Element {
  return (
    <Show when={props.report.binding.length > 0} fallback={<p>{t('results.binding.empty')}</p>}>
      <Table
        class="data binding"
        caption={t('results.binding.caption')}
        rows={props.report.binding}
        rowProps={(b) => ({ 'data-constraint': b.constraint })}
        columns={[
          {
            header: label('results.col.constraint'),
            cell: (b) => (
              <th scope="row">
                {b.label[lang()]} <code class="id">{b.constraint}</code>
              </th>
            ),
          },
          { header: label('results.col.kind'), cell: (b) => <td>{familyText(b.family, lang())}</td> },
          { header: label('results.col.slack'), cell: (b) => <td class="num">{fmtSig(b.slack, lang())}</td> },
          { header: label('results.col.dual'), cell: (b) => <td class="num">{b.dual === null ? '—' : fmtSig(b.dual, lang())}</td> },
          { header: label('results.col.worth'), cell: (b) => <td>{bindingWorth(b, lang())}</td> },
        ]}
      />
    </Show>
  );
}
