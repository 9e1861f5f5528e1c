/**
 * The Results, Compare and Export views (src/ui/results, src/ui/compare),
 * loaded lazily, which keeps ECharts and ExcelJS out of the first page load.
 * A failed load shows an error with Retry (lazy-view.tsx).
 */
import { lazyView } from './lazy-view';

export const ResultsView = lazyView(() => import('../results/ResultsView'), (m) => m.ResultsView);
export const ExportPanel = lazyView(() => import('../results/ExportPanel'), (m) => m.ExportPanel);
export const CompareView = lazyView(() => import('../compare/CompareView'), (m) => m.CompareView);
