import { For } from 'solid-js';
import type { Lang } from '../../domain/label';
import { htmlLang, lang, setLang, t } from '../i18n';

const LANGS: { id: Lang; label: string }[] = [
  { id: 'zh', label: '中文' },
  { id: 'en', label: 'English' },
];

/** Sets the language; a ?lang= in the address follows, so a reload keeps the choice. */
function choose(next: Lang): void {
  setLang(next);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', next);
    history.replaceState(history.state, '', url);
  }
}

/** Two toggle buttons, each named in its own language so a planner can always find theirs. */
export function LangSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('shell.language')}>
      <For each={LANGS}>
        {(l) => (
          <button type="button" lang={htmlLang(l.id)} aria-pressed={lang() === l.id} onClick={() => choose(l.id)}>
            {l.label}
          </button>
        )}
      </For>
    </div>
  );
}
