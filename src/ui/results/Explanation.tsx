import { For, Show, type JSX } from 'solid-js';
import type { SolveReport } from '../../model/report';
import { relaxationText } from '../../export/kpis';
import { lang, t } from '../i18n';

/** Why a scenario is infeasible: the smallest relaxations that would make it feasible. */
export function Explanation(props: { report: SolveReport }): JSX.Element {
  return (
    <section class="explanation" role="alert" aria-labelledby="results-infeasible-h">
      <h3 id="results-infeasible-h">{t('results.infeasible.title')}</h3>
      <Show when={props.report.explanation.length > 0} fallback={<p>{t('results.infeasible.none')}</p>}>
        <p>{t('results.infeasible.intro')}</p>
        <ul>
          <For each={props.report.explanation}>
            {(r) => (
              <li data-constraint={r.constraint}>
                {relaxationText(r, lang())} <code class="id">{r.constraint}</code>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
