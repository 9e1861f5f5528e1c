/**
 * The path to 2025 as a chart (one line per county for a mineral, 2020 to
 * 2025) and as CSV for Excel in the style of the county quotas export
 * (UTF-8 with BOM, CRLF, names and ids). Pure.
 */
import Papa from 'papaparse';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import { BOM } from '../../export/csv';
import { clean, countyName, mineralName } from '../../present/names';
import type { PathResult } from '../../model/explore/path';
import type { ChartOption } from '../../present/charts/echarts';
import { tIn } from '../i18n';

const COLORS = ['#1f4e79', '#c8553d', '#2e8b57', '#d99a00', '#7b3f98', '#5b9bd5', '#8c564b', '#17becf'];

/** Minerals the path has rows for, in the model's order. */
export function pathMinerals(d: Dataset, r: PathResult): string[] {
  return d.minerals.map((m) => m.id).filter((m) => r.rows.some((x) => x.mineral === m));
}

export function pathOption(d: Dataset, r: PathResult, mineral: string, lang: Lang): ChartOption {
  const t = tIn(lang);
  const rows = r.rows.filter((x) => x.mineral === mineral);
  const unit = unitLabel(rows[0]?.unit ?? d.minerals.find((m) => m.id === mineral)?.unit ?? '', lang);
  const title = t('explore.path.chart', { mineral: mineralName(d, mineral, lang), unit });
  return {
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14 } },
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 30, type: 'scroll' },
    grid: { top: 76, left: 64, right: 24, bottom: 36 },
    xAxis: { type: 'category', data: r.years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit },
    series: rows.map((x, i) => ({
      id: `${x.county ?? 'none'}.${x.mineral}`,
      type: 'line',
      name: countyName(d, x.county, lang),
      symbol: 'circle',
      symbolSize: 5,
      showAllSymbol: true,
      itemStyle: { color: COLORS[i % COLORS.length] },
      data: r.years.map((y) => clean(x.quotas[y] ?? 0)),
    })),
  };
}

export function pathCsv(d: Dataset, r: PathResult, lang: Lang): string {
  const t = tIn(lang);
  const fields = [
    t('explore.path.col.county'),
    t('explore.path.col.countyId'),
    t('explore.path.col.mineral'),
    t('explore.path.col.mineralId'),
    t('explore.path.col.unit'),
    ...r.years.map(String),
    t('explore.path.col.limit'),
    t('explore.path.col.maxStep'),
  ];
  const data = r.rows.map((x) => [
    countyName(d, x.county, lang),
    x.county ?? '',
    mineralName(d, x.mineral, lang),
    x.mineral,
    unitLabel(x.unit, lang),
    ...r.years.map((y) => clean(x.quotas[y] ?? 0)),
    clean(x.limit),
    clean(x.maxStep),
  ]);
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false, escapeFormulae: true }) + '\r\n';
}
