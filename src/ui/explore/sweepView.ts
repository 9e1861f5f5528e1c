/**
 * A sweep's points as table rows, chart options (a line over one parameter,
 * a heat map over two) and CSV. Pure (no DOM): the language is passed in, so
 * the component tests read exactly what the page draws. A point without a
 * solution is never drawn as a number: infeasible points get their own
 * marker (✕) and cell, with the relaxations that would make them feasible in
 * the tooltip, at the foot of the line chart; other points without a
 * solution (time limit) a grey circle or "?" cell.
 */
import Papa from 'papaparse';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { BOM } from '../../export/csv';
import { relaxationText } from '../../present/kpis';
import { clean, fmt } from '../../present/names';
import { axisValues, outputOf, type SweepSpec } from '../../model/explore/sweep';
import { hasSolution, type SolveReport, type SolveStatus } from '../../model/report';
import type { StoredSweepPoint } from '../../store/sweeps';
import type { ChartOption } from '../../present/charts/echarts';
import { htmlLines } from '../../present/escape';
import { outputInfo, sweepParams, type OutputInfo } from './labels';
import { tIn } from '../i18n';

export const INFEASIBLE_COLOR = '#b42318';
export const NO_SOLUTION_COLOR = '#8c8c8c';

/** Outputs every sweep table shows, beside the one chosen for the chart. */
export function tableOutputs(d: Dataset): string[] {
  return ['objective', ...d.minerals.map((m) => `volume.${m.id}`), 'mines.class3', 'mines.class12', 'mines.total', 'share'];
}

export type PointKind = 'solved' | 'infeasible' | 'none';

export function kindOf(r: SolveReport): PointKind {
  if (hasSolution(r)) return 'solved';
  return r.status === 'infeasible' ? 'infeasible' : 'none';
}

export interface SweepRow {
  index: number;
  /** the swept values, one per axis */
  params: number[];
  status: SolveStatus;
  kind: PointKind;
  /** by output key; null without a solution */
  values: Record<string, number | null>;
  /** why there is no solution, in the planner's words (the infeasibility explanation) */
  why: string[];
}

/** Why a point has no solution: the smallest relaxations, or what happened. */
export function whyText(r: SolveReport, lang: Lang): string[] {
  const t = tIn(lang);
  if (r.status === 'infeasible') return r.explanation.length ? r.explanation.map((x) => relaxationText(x, lang)) : [t('explore.why.noRelaxation')];
  if (r.status === 'timeout') return [t('explore.why.timeout')];
  if (r.status === 'unbounded') return [t('explore.why.unbounded')];
  return [];
}

function safeOutput(r: SolveReport, key: string): number | null {
  try {
    return outputOf(r, key);
  } catch {
    return null; // an output the report does not have (another model version)
  }
}

/**
 * Rows already made, per point: a running sweep is redrawn with all its
 * points many times, and the same row object lets the table keep its DOM
 * row and the chart its tooltip (a row depends on the point, the outputs
 * asked for, the spec's axes and the language, which make up `sig`).
 */
const rowCache = new WeakMap<StoredSweepPoint, { sig: string; row: SweepRow }>();

function rowOf(spec: SweepSpec, p: StoredSweepPoint, keys: readonly string[], lang: Lang, sig: string): SweepRow {
  const hit = rowCache.get(p);
  if (hit && hit.sig === sig) return hit.row;
  const row: SweepRow = {
    index: p.index,
    params: spec.axes.map((a) => p.params[a.path] ?? NaN),
    status: p.report.status,
    kind: kindOf(p.report),
    values: Object.fromEntries(keys.map((k) => [k, safeOutput(p.report, k)])),
    why: whyText(p.report, lang),
  };
  rowCache.set(p, { sig, row });
  return row;
}

/** One row per point done, in the spec's order. */
export function sweepRows(spec: SweepSpec, points: readonly StoredSweepPoint[], keys: readonly string[], lang: Lang): SweepRow[] {
  const sig = `${lang}|${spec.axes.map((a) => a.path).join(',')}|${keys.join(',')}`;
  return [...points].sort((a, b) => a.index - b.index).map((p) => rowOf(spec, p, keys, lang, sig));
}

/** A figure as the table shows it: a share as a percentage, others with up to two decimals. */
export function fmtOutput(x: number | null, info: Pick<OutputInfo, 'percent'>, lang: Lang): string {
  if (x === null) return '—';
  return info.percent ? `${fmt(x * 100, lang, 1)}%` : fmt(x, lang, 2);
}

/** Label and unit of a swept parameter (from the page's parameter list; the path itself if unknown). */
const labelCache = new WeakMap<Dataset, Partial<Record<Lang, Map<string, { label: string; unit: string }>>>>();
export function paramLabel(d: Dataset, path: string, lang: Lang): { label: string; unit: string } {
  const byLang = labelCache.get(d) ?? {};
  labelCache.set(d, byLang);
  const map = (byLang[lang] ??= new Map(sweepParams(d, { format: 'quota-scenario/1', name: '-', model: d.id }, lang).map((x) => [x.path, x])));
  const p = map.get(path);
  return p ? { label: p.label, unit: p.unit } : { label: path, unit: '' };
}

/** Tooltips made, per row and output (a redraw of a running sweep would otherwise make every one again). */
const tipCache = new WeakMap<SweepRow, Map<string, string>>();

/** Tooltip of a point: the parameter values, the status, the output or why there is none. */
function tipOf(d: Dataset, spec: SweepSpec, row: SweepRow, info: OutputInfo, lang: Lang): string {
  const byKey = tipCache.get(row) ?? new Map<string, string>();
  tipCache.set(row, byKey);
  const sig = `${lang}|${info.key}`;
  const hit = byKey.get(sig);
  if (hit !== undefined) return hit;
  const tip = makeTip(d, spec, row, info, lang);
  byKey.set(sig, tip);
  return tip;
}

function makeTip(d: Dataset, spec: SweepSpec, row: SweepRow, info: OutputInfo, lang: Lang): string {
  const t = tIn(lang);
  const lines = spec.axes.map((a, i) => {
    const p = paramLabel(d, a.path, lang);
    return `${p.label} = ${fmt(row.params[i] ?? null, lang, 4)} ${p.unit}`;
  });
  lines.push(t(`explore.status.${row.status}`));
  if (row.kind === 'solved') lines.push(`${info.label}: ${fmtOutput(row.values[info.key] ?? null, info, lang)} ${info.percent ? '' : info.unit}`.trim());
  else lines.push(...row.why);
  return htmlLines(lines);
}

const chartValue = (x: number | null, info: OutputInfo) => (x === null ? null : clean(info.percent ? x * 100 : x));

/**
 * A small chart with the parts of a sweep's charts (a line over value axes,
 * a heat map over category axes with a visual map, title, legend, tooltip),
 * drawn once unseen when the Sweep tab opens where the page draws sweep
 * charts itself, no worker being able to (EChart.tsx, preloadCharts).
 */
export const SWEEP_CHART_WARM_UP: ChartOption = {
  animation: false,
  title: { text: '-' },
  legend: { data: ['a'] },
  tooltip: { trigger: 'item' },
  grid: [{ right: '55%' }, { left: '55%' }],
  xAxis: [
    { type: 'value', scale: true, gridIndex: 0 },
    { type: 'category', data: ['0', '1'], gridIndex: 1 },
  ],
  yAxis: [
    { type: 'value', scale: true, gridIndex: 0 },
    { type: 'category', data: ['0', '1'], gridIndex: 1 },
  ],
  visualMap: { min: 0, max: 1, seriesIndex: 2, calculable: true },
  series: [
    { type: 'line', name: 'a', data: [[0, 0], [1, 1]] },
    { type: 'scatter', symbol: 'emptyCircle', data: [[0, 1]] },
    { type: 'heatmap', xAxisIndex: 1, yAxisIndex: 1, label: { show: true }, data: [[0, 0, 0], [1, 1, 1]] },
  ],
};

/** A sweep chart's title: the output against the parameter (a line), or the output over the grid (a heat map). */
export function chartTitle(d: Dataset, spec: SweepSpec, key: string, lang: Lang): string {
  const t = tIn(lang);
  const info = outputInfo(d, key, lang);
  const [a, b] = spec.axes;
  return b ? t('explore.chart.heat', { output: info.label }) : t('explore.chart.line', { output: info.label, param: paramLabel(d, a.path, lang).label });
}

const base = (title: string): ChartOption => ({
  // a running sweep is redrawn as its points come: an animation would start over at each redraw
  animation: false,
  title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14 } },
  aria: { enabled: true, label: { description: title } },
  tooltip: { trigger: 'item', confine: true, formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
});

/** One parameter: the output against the parameter's value; points without a solution as markers on the axis. */
export function sweepLineOption(d: Dataset, spec: SweepSpec, rows: readonly SweepRow[], key: string, lang: Lang): ChartOption {
  const t = tIn(lang);
  const info = outputInfo(d, key, lang);
  const axis = spec.axes[0];
  const p = paramLabel(d, axis.path, lang);
  const point = (r: SweepRow, y: number | string) => ({ value: [r.params[0], y], tip: tipOf(d, spec, r, info, lang) });
  return {
    ...base(chartTitle(d, spec, key, lang)),
    legend: { top: 30 },
    grid: { top: 76, left: 72, right: 32, bottom: 48 },
    xAxis: { type: 'value', name: p.unit, nameLocation: 'end', scale: true, min: 'dataMin', max: 'dataMax' },
    // the markers of points without a solution sit on a hidden 0–1 axis, at the foot of the chart: they have no value
    yAxis: [
      { type: 'value', name: info.unit, scale: true },
      { type: 'value', min: 0, max: 1, show: false },
    ],
    series: [
      {
        id: 'output',
        type: 'line',
        name: info.label,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        // a point without a solution is a gap in the line, never a zero
        data: rows.map((r) => point(r, r.kind === 'solved' ? chartValue(r.values[key] ?? null, info) ?? '-' : '-')),
      },
      {
        id: 'infeasible',
        type: 'scatter',
        name: t('explore.legend.infeasible'),
        symbol: 'path://M0,0 L10,10 M10,0 L0,10 Z',
        symbolSize: 11,
        itemStyle: { color: INFEASIBLE_COLOR, borderColor: INFEASIBLE_COLOR, borderWidth: 2.5 },
        yAxisIndex: 1,
        data: rows.filter((r) => r.kind === 'infeasible').map((r) => point(r, 0)),
      },
      {
        id: 'none',
        type: 'scatter',
        name: t('explore.legend.none'),
        symbol: 'emptyCircle',
        symbolSize: 10,
        itemStyle: { color: NO_SOLUTION_COLOR },
        yAxisIndex: 1,
        data: rows.filter((r) => r.kind === 'none').map((r) => point(r, 0)),
      },
    ],
  };
}

/** Two parameters: the first across, the second up; infeasible cells red with ✕, other cells without a solution grey. */
export function sweepHeatmapOption(d: Dataset, spec: SweepSpec, rows: readonly SweepRow[], key: string, lang: Lang): ChartOption {
  const t = tIn(lang);
  const info = outputInfo(d, key, lang);
  const [a, b] = spec.axes;
  if (!b) throw new Error('a heat map needs two parameters');
  const xs = axisValues(a);
  const ys = axisValues(b);
  const pa = paramLabel(d, a.path, lang);
  const pb = paramLabel(d, b.path, lang);
  const cell = (r: SweepRow, v: number) => ({ value: [xs.indexOf(r.params[0] as number), ys.indexOf(r.params[1] as number), v], tip: tipOf(d, spec, r, info, lang) });
  const solved = rows.filter((r) => r.kind === 'solved' && r.values[key] !== null);
  const vals = solved.map((r) => chartValue(r.values[key] ?? null, info) as number);
  const lo = vals.length ? Math.min(...vals) : 0;
  const hi = vals.length ? Math.max(...vals) : 1;
  const labels = xs.length * ys.length <= 120;
  return {
    ...base(chartTitle(d, spec, key, lang)),
    legend: { top: 30, data: [t('explore.legend.infeasible'), t('explore.legend.none')] },
    grid: { top: 76, left: 96, right: 150, bottom: 56 },
    xAxis: { type: 'category', name: `${pa.label} (${pa.unit})`, nameLocation: 'middle', nameGap: 28, data: xs.map((x) => fmt(x, lang, 4)), splitArea: { show: true } },
    yAxis: { type: 'category', name: `${pb.label} (${pb.unit})`, nameLocation: 'end', data: ys.map((y) => fmt(y, lang, 4)), splitArea: { show: true } },
    visualMap: [
      {
        seriesIndex: 0,
        min: lo,
        max: hi > lo ? hi : lo + 1,
        calculable: true,
        orient: 'vertical',
        right: 8,
        top: 'middle',
        text: [`${fmt(hi, lang)} ${info.unit}`, `${fmt(lo, lang)}`],
        inRange: { color: ['#eef4fb', '#9ecae1', '#3182bd', '#08306b'] },
      },
      // the cells without a solution keep one colour each (a heat map needs a visual map)
      { seriesIndex: 1, show: false, min: 0, max: 1, inRange: { color: [INFEASIBLE_COLOR, INFEASIBLE_COLOR] } },
      { seriesIndex: 2, show: false, min: 0, max: 1, inRange: { color: [NO_SOLUTION_COLOR, NO_SOLUTION_COLOR] } },
    ],
    series: [
      {
        id: 'output',
        type: 'heatmap',
        name: info.label,
        label: { show: labels, fontSize: 10, color: '#1d232b', textBorderColor: '#fff', textBorderWidth: 2, formatter: (x: { value: number[] }) => fmt(x.value[2] ?? null, lang, info.percent ? 1 : 0) },
        data: solved.map((r) => cell(r, chartValue(r.values[key] ?? null, info) as number)),
      },
      {
        id: 'infeasible',
        type: 'heatmap',
        name: t('explore.legend.infeasible'),
        // the legend takes the series colour; the cells take the visual map's (the same)
        itemStyle: { color: INFEASIBLE_COLOR },
        label: { show: true, color: '#fff', formatter: '✕' },
        data: rows.filter((r) => r.kind === 'infeasible').map((r) => cell(r, 0)),
      },
      {
        id: 'none',
        type: 'heatmap',
        name: t('explore.legend.none'),
        itemStyle: { color: NO_SOLUTION_COLOR },
        label: { show: true, color: '#fff', formatter: '?' },
        data: rows.filter((r) => r.kind === 'none' || (r.kind === 'solved' && r.values[key] === null)).map((r) => cell(r, 0)),
      },
    ],
  };
}

export function sweepOption(d: Dataset, spec: SweepSpec, rows: readonly SweepRow[], key: string, lang: Lang): ChartOption {
  return spec.axes.length === 2 ? sweepHeatmapOption(d, spec, rows, key, lang) : sweepLineOption(d, spec, rows, key, lang);
}

/** The table as CSV for Excel (UTF-8 with BOM, CRLF): parameters, status, every output, why not solved. */
export function sweepCsv(d: Dataset, spec: SweepSpec, rows: readonly SweepRow[], keys: readonly string[], lang: Lang): string {
  const t = tIn(lang);
  const infos = keys.map((k) => outputInfo(d, k, lang));
  const fields = [
    ...spec.axes.map((a) => {
      const p = paramLabel(d, a.path, lang);
      return `${p.label} (${p.unit})`;
    }),
    t('explore.col.status'),
    ...infos.map((i) => `${i.label} (${i.unit})`),
    t('explore.col.why'),
  ];
  const data = rows.map((r) => [
    ...r.params.map((x) => clean(x)),
    t(`explore.status.${r.status}`),
    ...infos.map((i) => {
      const v = r.values[i.key] ?? null;
      return v === null ? '' : clean(i.percent ? v * 100 : v);
    }),
    r.why.join('; '),
  ]);
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false, escapeFormulae: true }) + '\r\n';
}
