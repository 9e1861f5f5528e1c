/**
 * The pages the router shows, one per feature folder (src/ui/<feature>/<Feature>Page.tsx).
 * The pages with charts, the solver's exploration engine or the export
 * writers are chunks of their own, loaded on first use, so the first page
 * load stays small; a failed load shows an error with Retry (lazy-view.tsx).
 */
import { t } from '../i18n';
import { lazyView } from './lazy-view';

export { PlanPage } from '../plan/PlanPage';
export { ScenariosPage } from '../scenarios/ScenariosPage';
export { EditorPage } from '../editor/EditorPage';

export const loadResultsPage = () => import('../results/ResultsPage');
export const ResultsPage = lazyView(loadResultsPage, (m) => m.ResultsPage);
export const ComparePage = lazyView(() => import('../compare/ComparePage'), (m) => m.ComparePage);
export const ExplorePage = lazyView(() => import('../explore/ExplorePage'), (m) => m.ExplorePage, () => t('explore.loading'));
export const ExportPage = lazyView(() => import('../export/ExportPage'), (m) => m.ExportPage);
