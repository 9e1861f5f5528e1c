import { createMemo, For, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { EChart } from '../charts/EChart';
import { resultsCharts } from '../../present/charts/options';
import { lang } from '../i18n';

/** Quotas by county (one chart per unit), cap use per mineral, mines by size class. */
export function ResultsCharts(props: { report: SolveReport; dataset: Dataset }): JSX.Element {
  const specs = createMemo(() => resultsCharts(props.report, props.dataset, lang()));
  return (
    <div class="charts">
      <For each={specs()}>{(s) => <EChart option={s.option} label={s.title} height={s.height} />}</For>
    </div>
  );
}
