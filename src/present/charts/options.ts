/**
 * Chart options for the results page and the printable report. Pure (no
 * DOM): the same option is drawn by <EChart> on screen and rendered to SVG
 * for print. Volumes of minerals with different units are never stacked or
 * summed together: one quota chart per unit.
 */
import type { Dataset } from '../../domain/dataset';
import { SIZE_CLASSES } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import type { SolveReport } from '../../model/report';
import { kpiStatus, planKpis, reportMinerals, statusText, unitText, type KpiStatus } from '../kpis';
import { asHeading, clean, countyName, fmt, fmtPct, mineralMeasure, mineralName, mineralUnit, orderBy } from '../names';
import { countyRows, flowRows, minesByClass } from '../rows';
import type { ChartOption } from './echarts';
import { escapeHtml } from '../escape';
import { presentTr } from '../words';

export const MINERAL_COLORS: Record<string, string> = {
  sand: '#c9a227',
  clay: '#b5651d',
  limestone: '#7f8c8d',
  gypsum: '#5b9bd5',
  jade: '#2e8b57',
};
const FALLBACK = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#70ad47', '#9e480e', '#264478'];
export const SIZE_COLORS = { large: '#1f4e79', medium: '#4f81bd', small: '#a6c8ea' } as const;
export const STATUS_COLORS: Record<KpiStatus, string> = {
  ok: '#3a7d44',
  near: '#d99a00',
  at: '#c8553d',
  over: '#8b1e1e',
  under: '#8b1e1e',
  none: '#8c8c8c',
};

export function mineralColor(d: Dataset, id: string): string {
  return MINERAL_COLORS[id] ?? FALLBACK[Math.max(0, d.minerals.findIndex((m) => m.id === id)) % FALLBACK.length] ?? '#4472c4';
}

export interface ChartSpec {
  /** stable id for keys and file names */
  id: string;
  title: string;
  option: ChartOption;
  height?: number;
}

const base = (title: string, print: boolean): ChartOption => ({
  title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
  // ECharts' generated description reads badly (and only in English): the chart's title is its name, the tables hold the figures.
  aria: { enabled: true, label: { description: title }, decal: { show: print } },
  animation: !print,
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
});

/** Quotas by county, one stacked chart per unit (万m³ minerals together, 万吨 together, ...). */
export function quotaByCountyCharts(report: SolveReport, d: Dataset, lang: Lang, print = false): ChartSpec[] {
  const tr = presentTr(lang);
  const rows = countyRows(report, d, lang);
  // grouped by the data's unit (the chart id keeps it); titles and axes show it as the planner reads it
  const units = [...new Set(reportMinerals(report, d).map((m) => mineralMeasure(d, m, report.totals[m]?.unit ?? '')))];
  const counties = [...new Set(rows.map((r) => r.countyId))].sort(orderBy(d.units.map((u) => u.id), (c: string | null) => c));
  return units.map((unit) => {
    const minerals = reportMinerals(report, d).filter((m) => mineralMeasure(d, m, report.totals[m]?.unit ?? '') === unit);
    const used = counties.filter((c) => rows.some((r) => r.countyId === c && minerals.includes(r.mineralId) && r.volume > 0));
    const shown = unitLabel(unit, lang);
    const title = tr('results.chart.quotaByCounty', { unit: shown });
    return {
      id: `quota-${unit}`,
      title,
      option: {
        ...base(title, print),
        legend: { top: 30 },
        grid: { top: 72, left: 56, right: 16, bottom: 56 },
        xAxis: { type: 'category', data: used.map((c) => countyName(d, c, lang)), axisLabel: { interval: 0, rotate: used.length > 5 ? 30 : 0 } },
        yAxis: { type: 'value', name: shown },
        series: minerals.map((m) => ({
          type: 'bar',
          name: mineralName(d, m, lang),
          stack: 'volume',
          itemStyle: { color: mineralColor(d, m) },
          data: used.map((c) => clean(rows.filter((r) => r.countyId === c && r.mineralId === m).reduce((a, r) => a + r.volume, 0))),
        })),
      },
    };
  });
}

/** Each mineral's volume as a share of its cap, coloured and labelled by status. */
export function capUseChart(report: SolveReport, d: Dataset, lang: Lang, print = false): ChartSpec {
  const tr = presentTr(lang);
  const kpis = planKpis(report, d).filter((k) => k.id.startsWith('volume:'));
  const title = tr('results.chart.capUse');
  const max = Math.max(110, ...kpis.map((k) => (k.ratio ?? 0) * 100 + 10));
  return {
    id: 'cap-use',
    title,
    height: 60 + 44 * Math.max(2, kpis.length),
    option: {
      ...base(title, print),
      grid: { top: 40, left: 16, right: 48, bottom: 40 },
      xAxis: { type: 'value', name: tr('results.chart.percentOfCap'), nameLocation: 'middle', nameGap: 26, max: Math.ceil(max / 10) * 10 },
      yAxis: { type: 'category', inverse: true, data: kpis.map((k) => mineralName(d, k.mineral ?? '', lang)) },
      series: [
        {
          type: 'bar',
          name: tr('results.chart.percentOfCap'),
          data: kpis.map((k) => {
            const text =
              k.limit === null
                ? `${fmt(k.value, lang)} ${unitText(k.unit, lang)} ${tr('results.chart.noCap')}`
                : `${fmt(k.value, lang)} / ${fmt(k.limit, lang)} ${unitText(k.unit, lang)} · ${fmtPct(k.ratio, lang)} ${statusText(k.status, k.kind, lang)}`;
            return {
              value: k.ratio === null ? 0 : clean(k.ratio * 100),
              itemStyle: { color: STATUS_COLORS[kpiStatus(k.value, k.limit, k.kind)] },
              label: { show: true, position: 'insideLeft', formatter: text.replace(/[{}]/g, ''), color: '#111', textBorderColor: '#fff', textBorderWidth: 2 },
            };
          }),
          markLine: {
            symbol: 'none',
            silent: true,
            data: [
              { xAxis: 95, name: tr('results.chart.nearLine'), lineStyle: { color: STATUS_COLORS.near, type: 'dashed' }, label: { formatter: '95%', position: 'start' } },
              { xAxis: 100, name: tr('results.chart.capLine'), lineStyle: { color: STATUS_COLORS.at, type: 'solid' }, label: { formatter: '100%', position: 'end' } },
            ],
          },
        },
      ],
    },
  };
}

/** Mines per mineral, stacked by size class. */
export function minesBySizeChart(report: SolveReport, d: Dataset, lang: Lang, print = false): ChartSpec {
  const tr = presentTr(lang);
  const by = minesByClass(report);
  const minerals = reportMinerals(report, d).filter((m) => by[m]);
  const title = tr('results.chart.minesBySize');
  return {
    id: 'mines-by-size',
    title,
    option: {
      ...base(title, print),
      legend: { top: 30 },
      grid: { top: 72, left: 48, right: 16, bottom: 40 },
      xAxis: { type: 'category', data: minerals.map((m) => mineralName(d, m, lang)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: tr('results.chart.mines'), minInterval: 1 },
      series: SIZE_CLASSES.map((k) => ({
        type: 'bar',
        name: asHeading(tr(`size.${k}`)),
        stack: 'mines',
        itemStyle: { color: SIZE_COLORS[k] },
        data: minerals.map((m) => {
          const v = by[m]?.[k] ?? 0;
          return { value: v, label: { show: v > 0, position: 'inside', formatter: '{c}' } };
        }),
      })),
    },
  };
}

/** 'mines' or a mineral id: what the map's bubbles measure. */
export type MapMetric = string;

export function mapMetricLabel(metric: MapMetric, d: Dataset, lang: Lang): string {
  const tr = presentTr(lang);
  return metric === 'mines'
    ? tr('results.map.metricMines')
    : tr('results.map.metricVolume', { mineral: mineralName(d, metric, lang), unit: mineralUnit(d, metric, lang) });
}

export function defaultMapMetric(report: SolveReport, d: Dataset): MapMetric {
  const rows = report.counties.filter((c) => c.county !== null && c.volume > 0);
  return d.minerals.find((m) => rows.some((r) => r.mineral === m.id))?.id ?? 'mines';
}

/** The metric per county id (null-county rows left out: they have no seat). */
export function countyMetric(report: SolveReport, d: Dataset, metric: MapMetric): Map<string, number> {
  const out = new Map<string, number>(d.units.map((u) => [u.id, 0]));
  for (const c of report.counties) {
    if (c.county === null) continue;
    const v = metric === 'mines' ? Math.round(c.mines.large) + Math.round(c.mines.medium) + Math.round(c.mines.small) : c.mineral === metric ? c.volume : 0;
    out.set(c.county, clean((out.get(c.county) ?? 0) + v));
  }
  return out;
}

export interface MapOptions {
  metric: MapMetric;
  /** a map name registered with echarts.registerMap; absent: the schematic lon/lat map */
  boundary?: { mapName: string; regions: { name: string; county: string | null }[] };
  print?: boolean;
}

export function countyMapChart(report: SolveReport, d: Dataset, lang: Lang, o: MapOptions): ChartSpec {
  const tr = presentTr(lang);
  const values = countyMetric(report, d, o.metric);
  const metricLabel = mapMetricLabel(o.metric, d, lang);
  const max = Math.max(0, ...values.values());
  const size = (v: number) => (v > 0 && max > 0 ? 10 + 40 * Math.sqrt(v / max) : 6);
  const digits = o.metric === 'mines' ? 0 : 2;
  const points = d.units.map((u) => {
    const v = values.get(u.id) ?? 0;
    return {
      name: u.name[lang],
      value: [u.seat.lon, u.seat.lat, v],
      symbolSize: size(v),
      itemStyle: { color: o.metric === 'mines' ? SIZE_COLORS.medium : mineralColor(d, o.metric), opacity: v > 0 ? 0.85 : 0.35 },
      label: { show: true, position: 'right', formatter: `${u.name[lang]}\n${fmt(v, lang, digits)}`.replace(/[{}]/g, ''), fontSize: 11 },
    };
  });
  const title = tr('results.map.mapLabel', { title: tr('results.map.title'), metric: metricLabel });
  const common = {
    ...base(title, o.print ?? false),
    tooltip: {
      trigger: 'item',
      confine: true,
      // p.name is a boundary file's feature name when one is loaded: planner-supplied text going into HTML.
      formatter: (p: { name: string; value: unknown }) =>
        escapeHtml(`${p.name}: ${fmt(Array.isArray(p.value) ? Number(p.value[2]) : Number(p.value), lang, digits)} ${o.metric === 'mines' ? '' : mineralUnit(d, o.metric, lang)}`),
    },
  };
  if (o.boundary) {
    return {
      id: 'county-map',
      title,
      height: 460,
      option: {
        ...common,
        geo: { map: o.boundary.mapName, roam: true, top: 48, bottom: 16, itemStyle: { borderColor: '#666', areaColor: '#f4f1e8' }, label: { show: false } },
        visualMap: { min: 0, max: max || 1, seriesIndex: 0, left: 8, bottom: 8, text: [fmt(max, lang, digits), '0'], inRange: { color: ['#f4f1e8', '#c9a227'] }, calculable: false },
        series: [
          {
            type: 'map',
            geoIndex: 0,
            name: metricLabel,
            data: o.boundary.regions.map((r) => ({ name: r.name, value: r.county === null ? null : (values.get(r.county) ?? 0) })),
          },
          { type: 'scatter', coordinateSystem: 'geo', name: metricLabel, data: points, z: 3 },
        ],
      },
    };
  }
  const lons = d.units.map((u) => u.seat.lon);
  const lats = d.units.map((u) => u.seat.lat);
  const top = [...values.entries()].sort((a, b) => b[1] - a[1])[0];
  const topName = top && top[1] > 0 ? countyName(d, top[0], lang) : null;
  return {
    id: 'county-map',
    title,
    height: 400,
    option: {
      ...common,
      grid: { top: 48, left: 56, right: 96, bottom: 48 },
      xAxis: { type: 'value', name: tr('results.chart.lon'), nameLocation: 'middle', nameGap: 28, min: Math.floor(Math.min(...lons) - 0.5), max: Math.ceil(Math.max(...lons) + 0.5), splitLine: { lineStyle: { type: 'dotted' } } },
      yAxis: { type: 'value', name: tr('results.chart.lat'), min: Math.floor((Math.min(...lats) - 0.3) * 2) / 2, max: Math.ceil((Math.max(...lats) + 0.3) * 2) / 2, splitLine: { lineStyle: { type: 'dotted' } } },
      series: [
        { type: 'scatter', name: metricLabel, data: points.filter((p) => p.name !== topName), labelLayout: { moveOverlap: 'shiftY' } },
        {
          type: 'effectScatter',
          name: metricLabel,
          rippleEffect: { scale: 2.5, brushType: 'stroke' },
          labelLayout: { moveOverlap: 'shiftY' },
          data: points.filter((p) => p.name === topName),
        },
      ],
    },
  };
}

/**
 * Who supplies whom: one sankey per mineral shipped between counties, the
 * suppliers on the left and the receiving counties on the right (a county's
 * own supply is left out). Each mineral keeps its own unit.
 */
export function flowCharts(report: SolveReport, d: Dataset, lang: Lang, print = false): ChartSpec[] {
  const tr = presentTr(lang);
  const rows = flowRows(report, d, lang);
  const minerals = [...new Set(rows.map((r) => r.mineralId))];
  return minerals.map((m) => {
    const of = rows.filter((r) => r.mineralId === m);
    const unit = of[0]?.unit ?? '';
    const from = (county: string) => tr('results.flows.fromNode', { county });
    const to = (county: string) => tr('results.flows.toNode', { county });
    const nodes = [...new Set([...of.map((r) => from(r.from)), ...of.map((r) => to(r.to))])];
    const title = tr('results.chart.flows', { mineral: mineralName(d, m, lang), unit });
    return {
      id: `flows-${m}`,
      title,
      height: Math.max(240, 60 + 36 * Math.max(new Set(of.map((r) => r.fromId)).size, new Set(of.map((r) => r.toId)).size)),
      option: {
        ...base(title, print),
        tooltip: { trigger: 'item', confine: true },
        series: [
          {
            type: 'sankey',
            top: 40,
            bottom: 16,
            left: 16,
            right: 120,
            nodeAlign: 'justify',
            emphasis: { focus: 'adjacency' },
            itemStyle: { color: mineralColor(d, m) },
            lineStyle: { color: 'source', opacity: 0.4 },
            label: { fontSize: 12 },
            data: nodes.map((name) => ({ name })),
            links: of.map((r) => ({ source: from(r.from), target: to(r.to), value: r.amount })),
          },
        ],
      },
    };
  });
}

/** Every chart of the results page, in page order (the printable report uses the same list). */
export function resultsCharts(report: SolveReport, d: Dataset, lang: Lang, print = false): ChartSpec[] {
  return [
    ...quotaByCountyCharts(report, d, lang, print),
    capUseChart(report, d, lang, print),
    minesBySizeChart(report, d, lang, print),
  ];
}
