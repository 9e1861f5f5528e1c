import { For, Show, type JSX } from 'solid-js';
import type { SolveReport } from '../../model/report';
import { bindingWorth, familyText } from '../../export/kpis';
import { fmtSig } from '../../export/names';
import { lang, t } from '../i18n';

/** Binding constraints and, from their duals, what relaxing each is worth. */
export function BindingTable(props: { report: SolveReport }): JSX.Element {
  return (
    <Show when={props.report.binding.length > 0} fallback={<p>{t('results.binding.empty')}</p>}>
      <table class="data binding">
        <caption>{t('results.binding.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.constraint')}</th>
            <th scope="col">{t('results.col.kind')}</th>
            <th scope="col">{t('results.col.slack')}</th>
            <th scope="col">{t('results.col.dual')}</th>
            <th scope="col">{t('results.col.worth')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.binding}>
            {(b) => (
              <tr data-constraint={b.constraint}>
                <th scope="row">
                  {b.label[lang()]} <code class="id">{b.constraint}</code>
                </th>
                <td>{familyText(b.family, lang())}</td>
                <td class="num">{fmtSig(b.slack, lang())}</td>
                <td class="num">{b.dual === null ? '—' : fmtSig(b.dual, lang())}</td>
                <td>{bindingWorth(b, lang())}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
