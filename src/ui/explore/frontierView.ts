/**
 * The frontier as a chart option and table rows (pure): the curve of the
 * most volume (or value) for each mine limit, with the plan's point (the
 * cap), this scenario's own point (solved with its own objective) and the
 * knee marked as separate series, so each has its legend entry and its
 * tooltip, and every point carries its limit for a click.
 */
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import { clean, fmt } from '../../present/names';
import type { Frontier, FrontierPoint } from '../../model/explore/frontier';
import type { ChartOption } from '../../present/charts/echarts';
import { htmlLines } from '../../present/escape';
import { tIn } from '../i18n';

export const FRONTIER_SERIES = ['frontier', 'plan', 'baseline', 'knee'] as const;

export function measureOf(p: FrontierPoint, f: Pick<Frontier, 'measure'>): number | null {
  return f.measure === 'volume' ? p.volume : p.value;
}

export function measureUnit(f: Pick<Frontier, 'measure' | 'unit'>): string {
  return f.measure === 'value' ? '万元' : f.unit;
}

/** What marks a point: plan (the cap), baseline (this scenario), knee. */
export function marksOf(f: Frontier, p: FrontierPoint): ('plan' | 'baseline' | 'knee')[] {
  const out: ('plan' | 'baseline' | 'knee')[] = [];
  if (f.plan && p.limit === f.plan.limit) out.push('plan');
  if (p.limit === f.baseline.limit && measureOf(f.baseline, f) !== null) out.push('baseline');
  if (f.knee && p.limit === f.knee.limit) out.push('knee');
  return out;
}

export function frontierOption(f: Frontier, lang: Lang): ChartOption {
  const t = tIn(lang);
  const limitName = t(`explore.limit.${f.limit}`);
  const measure = t(`explore.measure.${f.measure}`);
  const unit = unitLabel(measureUnit(f), lang);
  const tip = (p: FrontierPoint, mark?: string) =>
    htmlLines([
      mark,
      `${t('explore.frontier.col.limit')}: ${p.limit}`,
      `${measure}: ${fmt(measureOf(p, f), lang)} ${unit}`,
      `${t('explore.frontier.col.mines')}: ${p.mines ?? '—'}`,
      t(`explore.status.${p.status}`) + (p.carried ? ` ${t('explore.frontier.carried')}` : ''),
      t('explore.frontier.clickToOpen'),
    ]);
  const pt = (p: FrontierPoint, mark?: string) => ({ value: [p.limit, clean(measureOf(p, f) ?? 0)], limit: p.limit, tip: tip(p, mark) });
  const solved = f.points.filter((p) => measureOf(p, f) !== null);
  const marker = (id: (typeof FRONTIER_SERIES)[number], name: string, p: FrontierPoint | null, symbol: string, color: string, size: number, position: string) => ({
    id,
    type: 'scatter',
    name,
    symbol,
    symbolSize: size,
    z: 5,
    itemStyle: { color, borderColor: '#fff', borderWidth: 1 },
    label: { show: p !== null, position, formatter: name, fontSize: 11, color },
    data: p && measureOf(p, f) !== null ? [pt(p, name)] : [],
  });
  const title = t('explore.frontier.chart', { limit: limitName, measure });
  return {
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14 } },
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
    legend: { top: 30 },
    grid: { top: 76, left: 80, right: 32, bottom: 48 },
    xAxis: { type: 'value', name: t('explore.frontier.axis', { limit: limitName }), nameLocation: 'middle', nameGap: 28, min: 'dataMin', max: 'dataMax' },
    yAxis: { type: 'value', name: unit, scale: false },
    series: [
      { id: 'frontier', type: 'line', name: t('explore.frontier.series'), step: false, symbol: 'circle', symbolSize: 6, data: solved.map((p) => pt(p)) },
      marker('plan', t('explore.frontier.plan', { n: f.cap }), f.plan, 'diamond', '#1f4e79', 14, 'left'),
      marker('baseline', t('explore.frontier.baseline'), measureOf(f.baseline, f) !== null ? f.baseline : null, 'triangle', '#c8553d', 14, 'bottom'),
      marker('knee', t('explore.frontier.knee'), f.knee, 'pin', '#2e8b57', 24, 'top'),
    ],
  };
}
