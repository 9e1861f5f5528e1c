/**
 * Explore (探索): questions a single solve does not answer, asked of the
 * current scenario. Three tabs (#/explore/sweep, /frontier, /sensitivity):
 * sweeps of a parameter, the mine-count / volume frontier, and sensitivity
 * with the path to 2025. Runs keep going when the planner leaves the page.
 */
import { createMemo, For, Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../i18n';
import { href, navigate, route } from '../shell/router';
import { current } from './state';
import { FrontierTab } from './FrontierTab';
import { SensitivityTab } from './SensitivityTab';
import { SweepTab } from './SweepTab';
import './explore.css';

export const EXPLORE_TABS = ['sweep', 'frontier', 'sensitivity'] as const;
export type ExploreTab = (typeof EXPLORE_TABS)[number];

export function ExplorePage(): JSX.Element {
  const tab = createMemo<ExploreTab>(() => {
    const r = route().rest.split('/')[0] ?? '';
    return (EXPLORE_TABS as readonly string[]).includes(r) ? (r as ExploreTab) : 'sweep';
  });
  const cur = createMemo(current);
  const why = () => {
    const c = cur();
    return c.ok ? null : c.why;
  };
  const name = () => {
    const c = cur();
    return c.ok ? c.name : null;
  };
  const onKey = (e: KeyboardEvent) => {
    const i = EXPLORE_TABS.indexOf(tab());
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? EXPLORE_TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const to = EXPLORE_TABS[(next + EXPLORE_TABS.length) % EXPLORE_TABS.length] as ExploreTab;
    navigate('explore', to);
    queueMicrotask(() => document.getElementById(`explore-tab-${to}`)?.focus());
  };
  return (
    <section class="page explore-page">
      <div class="page-head">
        <h2>{t('shell.page.explore')}</h2>
        <Show when={name()}>{(n) => <span class="sub">{t('explore.scenario', { name: n() })}</span>}</Show>
      </div>
      <Show when={why()}>
        {(w) => (
          <p class="empty">
            {t(`explore.noScenario.${w()}`)} <a href={href(w() === 'none' ? 'scenarios' : 'editor')}>{t(w() === 'none' ? 'explore.goScenarios' : 'explore.goEditor')}</a>
          </p>
        )}
      </Show>
      <div class="explore-tabs" role="tablist" aria-label={t('explore.tabs')} onKeyDown={onKey}>
        <For each={EXPLORE_TABS}>
          {(x) => (
            <a
              role="tab"
              id={`explore-tab-${x}`}
              href={href('explore', x)}
              aria-selected={tab() === x}
              aria-controls={`explore-panel-${x}`}
              tabindex={tab() === x ? 0 : -1}
            >
              {t(`explore.tab.${x}`)}
            </a>
          )}
        </For>
      </div>
      <div class="explore-panel" role="tabpanel" id={`explore-panel-${tab()}`} aria-labelledby={`explore-tab-${tab()}`}>
        <Switch>
          <Match when={tab() === 'sweep'}>
            <SweepTab />
          </Match>
          <Match when={tab() === 'frontier'}>
            <FrontierTab />
          </Match>
          <Match when={tab() === 'sensitivity'}>
            <SensitivityTab />
          </Match>
        </Switch>
      </div>
    </section>
  );
}
