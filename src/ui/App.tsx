/**
 * The workbench: a header (pages, current scenario, solve, language) over the
 * page of the current hash route. Every page works from the keyboard; the
 * title and <html lang> follow the language.
 */
import { createEffect, For, onCleanup, onMount, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { htmlLang, lang, t } from './i18n';
import { LangSwitch } from './shell/LangSwitch';
import { ModelProblems } from './shell/ModelProblems';
import { Notices } from './shell/Notices';
import { loadResultsPage, PAGE_VIEWS } from './shell/pages';
import { href, PAGES, route } from './shell/router';
import { ScenarioPicker } from './shell/ScenarioPicker';
import { SolveBar, solveAndShow } from './shell/SolveBar';
import { SaveIndicator } from './shell/SaveIndicator';
import { model } from './state/model';
import { isSolving } from './state/solve';

export function App() {
  let main: HTMLElement | undefined;
  createEffect(() => {
    document.title = `${t(`shell.page.${route().page}`)} · ${t('common.appTitle')}`;
    document.documentElement.lang = htmlLang(lang());
  });
  // the Results' code loads while the solver works, so its KPIs show as soon as the solve returns (a failed load is retried by the view)
  createEffect(() => {
    if (isSolving()) loadResultsPage().catch(() => undefined);
  });
  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !isSolving()) {
        e.preventDefault();
        void solveAndShow();
      }
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  return (
    <div class="app">
      <button type="button" class="skip-link" onClick={() => main?.focus()}>
        {t('shell.skip')}
      </button>
      <header class="topbar">
        <div class="brand" aria-hidden="true">
          {t('common.appTitle')}
        </div>
        <nav aria-label={t('shell.nav')}>
          <ul>
            <For each={PAGES}>
              {(p) => (
                <li>
                  <a href={href(p)} aria-current={route().page === p ? 'page' : undefined} onClick={() => queueMicrotask(() => main?.focus())}>
                    {t(`shell.page.${p}`)}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <div class="topbar-tools">
          <Show when={model.ok}>
            <ScenarioPicker />
            <SaveIndicator />
            <SolveBar />
          </Show>
          <LangSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabindex="-1" aria-label={t(`shell.page.${route().page}`)}>
        <Show when={model.ok} fallback={<ModelProblems />}>
          <Dynamic component={PAGE_VIEWS[route().page]} />
        </Show>
      </main>
      <Notices />
    </div>
  );
}
