/**
 * The Results, Compare and Export views (src/ui/results, src/ui/compare),
 * loaded lazily, which keeps ECharts and ExcelJS out of the first page load.
 */
import { lazy } from 'solid-js';

export const ResultsView = lazy(async () => ({ default: (await import('../results/ResultsView')).ResultsView }));
export const ExportPanel = lazy(async () => ({ default: (await import('../results/ExportPanel')).ExportPanel }));
export const CompareView = lazy(async () => ({ default: (await import('../compare/CompareView')).CompareView }));
