import { For } from 'solid-js';
import { t } from '../i18n';
import { model } from '../state/model';
import { localizeProblems } from '../state/validate';

/** Shown instead of the pages when the embedded model file is not valid. */
export function ModelProblems() {
  const problems = () => (model.ok ? [] : localizeProblems(model.problems));
  return (
    <section class="page">
      <h2>{t('shell.modelInvalid')}</h2>
      <p>{model.ok ? '' : model.file}</p>
      <ul class="problems">
        <For each={problems()}>
          {(p) => (
            <li>
              <code>{p.path}</code> {p.message}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
