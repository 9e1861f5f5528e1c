/**
 * Grouped bar charts for the comparison page: volume per mineral per run (one
 * chart per unit, so different units never share an axis) and mines per run.
 */
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import { reportMinerals } from '../../present/kpis';
import { clean, mineralMeasure, mineralName } from '../../present/names';
import type { ChartSpec } from '../../present/charts/options';
import { minesPerRun, type CompareRun } from './model';
import { hasSolution } from '../../model/report';
import { tIn } from '../i18n';

export const RUN_COLORS = ['#1f4e79', '#c0504d', '#9bbb59', '#8064a2'];

const base = (title: string) => ({
  title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
  aria: { enabled: true, label: { description: title } },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
  // one scrolling line under the axis: with four runs a wrapping legend at the top ran over the bars
  legend: { type: 'scroll', bottom: 4 },
  grid: { top: 56, left: 56, right: 16, bottom: 68 },
});

export function compareVolumeCharts(runs: CompareRun[], d: Dataset, lang: Lang): ChartSpec[] {
  const tr = tIn(lang);
  const minerals: string[] = [];
  for (const r of runs) for (const m of reportMinerals(r.report, d)) if (!minerals.includes(m)) minerals.push(m);
  const unitOf = (m: string) => mineralMeasure(d, m, runs.find((r) => r.report.totals[m])?.report.totals[m]?.unit ?? '');
  const units = [...new Set(minerals.map(unitOf))];
  return units.map((unit) => {
    const ms = minerals.filter((m) => unitOf(m) === unit);
    const shown = unitLabel(unit, lang);
    const title = tr('compare.chart.volume', { unit: shown });
    return {
      id: `compare-volume-${unit}`,
      title,
      option: {
        ...base(title),
        xAxis: { type: 'category', data: ms.map((m) => mineralName(d, m, lang)), axisLabel: { interval: 0 } },
        yAxis: { type: 'value', name: shown },
        series: runs.map((r, i) => ({
          type: 'bar',
          name: r.name,
          itemStyle: { color: RUN_COLORS[i % RUN_COLORS.length] },
          data: ms.map((m) => (hasSolution(r.report) ? clean(r.report.totals[m]?.volume ?? 0) : null)),
        })),
      },
    };
  });
}

export function compareMinesChart(runs: CompareRun[], lang: Lang): ChartSpec {
  const tr = tIn(lang);
  const mines = minesPerRun(runs);
  const title = tr('compare.chart.mines');
  const keys = ['class3', 'class12', 'total'] as const;
  return {
    id: 'compare-mines',
    title,
    option: {
      ...base(title),
      xAxis: { type: 'category', data: keys.map((k) => tr(`compare.chart.${k}`)) },
      yAxis: { type: 'value', name: tr('compare.chart.minesAxis'), minInterval: 1 },
      series: runs.map((r, i) => ({
        type: 'bar',
        name: r.name,
        itemStyle: { color: RUN_COLORS[i % RUN_COLORS.length] },
        label: { show: true, position: 'top', formatter: '{c}' },
        data: keys.map((k) => mines[i]?.[k] ?? null),
      })),
    },
  };
}
