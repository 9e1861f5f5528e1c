/**
 * The pages the router shows, one per feature folder (src/ui/<feature>/<Feature>Page.tsx).
 * The pages with charts, the solver's exploration engine or the export
 * writers are chunks of their own, loaded on first use, so the first page
 * load stays small; a failed load shows an error with Retry (lazy-view.tsx).
 */
import type { Component } from 'solid-js';
import { EditorPage } from '../editor/EditorPage';
import { t } from '../i18n';
import { PlanPage } from '../plan/PlanPage';
import { ScenariosPage } from '../scenarios/ScenariosPage';
import { lazyView } from './lazy-view';
import type { Page } from './router';

export const loadResultsPage = () => import('../results/ResultsPage');

/** The view of each route. */
export const PAGE_VIEWS: Record<Page, Component> = {
  plan: PlanPage,
  scenarios: ScenariosPage,
  editor: EditorPage,
  results: lazyView(loadResultsPage, (m) => m.ResultsPage),
  compare: lazyView(() => import('../compare/ComparePage'), (m) => m.ComparePage),
  explore: lazyView(() => import('../explore/ExplorePage'), (m) => m.ExplorePage, () => t('explore.loading')),
  export: lazyView(() => import('../export/ExportPage'), (m) => m.ExportPage),
};
