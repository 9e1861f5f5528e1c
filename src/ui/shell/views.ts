/**
 * The Results, Compare and Export views are written alongside this shell
 * (src/ui/results, src/ui/compare). They are loaded lazily, which also keeps
 * ECharts and ExcelJS out of the first page load.
 */
import { lazy, type Component } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import type { SolveReport } from '../../model/report';

export interface ResultsProps {
  report: SolveReport;
  dataset: Dataset;
  scenario: Scenario;
}
export interface CompareProps {
  runs: { name: string; report: SolveReport; scenario: Scenario }[];
  dataset: Dataset;
}

type Loader<P> = (() => Promise<Record<string, unknown>>) | undefined;

function lazyView<P extends object>(loader: Loader<P>, name: string): Component<P> | null {
  if (!loader) return null;
  return lazy(async () => {
    const mod = await loader();
    return { default: mod[name] as Component<P> };
  });
}

const results = import.meta.glob<Record<string, unknown>>('../results/ResultsView.tsx');
const exportPanel = import.meta.glob<Record<string, unknown>>('../results/ExportPanel.tsx');
const compare = import.meta.glob<Record<string, unknown>>('../compare/CompareView.tsx');

export const ResultsView = lazyView<ResultsProps>(Object.values(results)[0], 'ResultsView');
export const ExportPanel = lazyView<ResultsProps>(Object.values(exportPanel)[0], 'ExportPanel');
export const CompareView = lazyView<CompareProps>(Object.values(compare)[0], 'CompareView');
