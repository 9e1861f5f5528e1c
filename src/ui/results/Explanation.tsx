import { For, Show, type JSX } from 'solid-js';
import type { RowKey } from '../../model/linear';
import type { SolveReport } from '../../model/report';
import { causeSentence, relaxationSentence } from '../../export/explanation';
import { fieldLabel } from '../../domain/field-labels';
import { dataset } from '../state/model';
import type { EditorSection } from '../editor/sections';
import { fieldId } from '../editor/fields';
import { href } from '../shell/router';
import { lang, t } from '../i18n';

/** The editor section that edits a scenario path (`caps.sand.min` → caps); null for what the editor does not edit. */
export function editorSectionOf(path: string): EditorSection | null {
  const head = path.split('.')[0];
  switch (head) {
    case 'caps':
      return 'caps';
    case 'rightsCaps':
      return 'rights';
    case 'minScale':
      return 'scale';
    case 'countyBounds':
      return 'counties';
    default:
      return null;
  }
}

/** The editor focuses the section's heading when it opens; then the field itself, where one edits exactly this path. */
function focusFieldOnArrival(path: string): void {
  const id = fieldId(path.split('.'));
  window.addEventListener(
    'hashchange',
    () =>
      setTimeout(() => {
        const el = document.getElementById(id);
        el?.scrollIntoView({ block: 'center' });
        el?.focus();
      }),
    { once: true },
  );
}

/** A link that opens the editor on the field the sentence names, by the field's label (the path stays in data-path). */
function EditLink(props: { path: string | undefined }): JSX.Element {
  const section = () => (props.path ? editorSectionOf(props.path) : null);
  return (
    <Show when={props.path && section()}>
      {(s) => (
        <>
          {' '}
          <a class="edit-link" href={href('editor', s())} data-path={props.path} onClick={() => focusFieldOnArrival(props.path ?? '')}>
            {t('messages.editField', { field: fieldLabel(props.path ?? '', lang(), dataset()) })}
          </a>
        </>
      )}
    </Show>
  );
}

/** Constraints, a sentence each, with the constraint's id and a link to the field that edits it. */
function ConstraintList<I extends { constraint: string; key?: RowKey }>(props: { items: readonly I[]; sentence: (item: I) => string }): JSX.Element {
  return (
    <ul>
      <For each={props.items}>
        {(i) => (
          <li data-constraint={i.constraint}>
            {props.sentence(i)} <code class="id">{i.constraint}</code>
            <EditLink path={i.key?.path} />
          </li>
        )}
      </For>
    </ul>
  );
}

/** Why a scenario is infeasible: the smallest relaxations that would make it feasible, as figures to set, and what only a row itself can fix. */
export function Explanation(props: { report: SolveReport }): JSX.Element {
  const causes = () => props.report.causes ?? [];
  return (
    <section class="explanation" role="alert" aria-labelledby="results-infeasible-h">
      <h3 id="results-infeasible-h">{t('results.infeasible.title')}</h3>
      <Show
        when={props.report.explanation.length > 0}
        fallback={
          <Show when={causes().length > 0} fallback={<p>{t('results.infeasible.none')}</p>}>
            <p>{t('results.infeasible.causes')}</p>
            <ConstraintList items={causes()} sentence={(c) => causeSentence(c, lang(), dataset())} />
          </Show>
        }
      >
        <p>{t('results.infeasible.intro')}</p>
        <ConstraintList items={props.report.explanation} sentence={(r) => relaxationSentence(r, lang(), dataset())} />
      </Show>
    </section>
  );
}
