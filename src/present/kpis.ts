/**
 * Plan KPIs against their targets, their status, and binding constraints in
 * planner words. Pure; shared by the results page, the comparison page, the
 * workbook and the printable report so that all four say the same thing.
 */
import type { Dataset } from '../domain/dataset';
import { isKeyOf } from '../domain/i18n';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import type { RowKey } from '../model/linear';
import type { BindingConstraint, Relaxation, SolveReport, SolveStatus } from '../model/report';
import { clean, fmt, fmtPct, fmtPctAtMost, fmtSig, mineralName } from './names';
import { presentTr, presentWords } from './words';

export type KpiKind = 'max' | 'min';
/** ok; near: within 5% of the limit; at: on the limit; over/under: violates it; none: no target. */
export type KpiStatus = 'ok' | 'near' | 'at' | 'over' | 'under' | 'none';

export interface Kpi {
  /** 'volume:<mineral>', 'floor:<mineral>', 'class3', 'class12', 'total', 'share' */
  id: string;
  mineral: string | null;
  kind: KpiKind;
  value: number | null;
  limit: number | null;
  /** the mineral's unit, 'mines', or 'share' (value and limit are fractions) */
  unit: string;
  /** value ÷ limit */
  ratio: number | null;
  status: KpiStatus;
}

/** A value at or above 95% of a cap is "near the limit". */
export const NEAR_LIMIT = 0.95;

export function kpiStatus(value: number | null, limit: number | null, kind: KpiKind): KpiStatus {
  if (value === null || limit === null || !Number.isFinite(value) || !Number.isFinite(limit)) return 'none';
  const tol = 1e-6 * Math.max(1, Math.abs(limit));
  if (kind === 'max') {
    if (value > limit + tol) return 'over';
    if (value >= limit - tol) return 'at';
    if (value >= NEAR_LIMIT * limit) return 'near';
    return 'ok';
  }
  if (limit <= 0) return 'ok';
  if (value < limit - tol) return 'under';
  if (value <= limit + tol) return 'at';
  if (value * NEAR_LIMIT < limit) return 'near';
  return 'ok';
}

function kpi(id: string, mineral: string | null, kind: KpiKind, value: number | null, limit: number | null, unit: string): Kpi {
  const ratio = value !== null && limit !== null && limit !== 0 ? value / limit : null;
  return { id, mineral, kind, value, limit, unit, ratio, status: kpiStatus(value, limit, kind) };
}

/** Minerals in the dataset's order, then any the report has that the dataset does not. */
export function reportMinerals(report: SolveReport, d: Dataset): string[] {
  const known = d.minerals.map((m) => m.id);
  const inReport = new Set([...Object.keys(report.totals), ...report.counties.map((c) => c.mineral)]);
  return [...known.filter((m) => inReport.has(m)), ...[...inReport].filter((m) => !known.includes(m))];
}

export function planKpis(report: SolveReport, d: Dataset): Kpi[] {
  const out: Kpi[] = [];
  for (const m of reportMinerals(report, d)) {
    const t = report.totals[m];
    if (!t) continue;
    out.push(kpi(`volume:${m}`, m, 'max', t.volume, t.cap, t.unit));
    if (t.floor !== null && t.floor > 0) out.push(kpi(`floor:${m}`, m, 'min', t.volume, t.floor, t.unit));
  }
  const r = report.rights;
  out.push(kpi('class3', null, 'max', r.class3.used, r.class3.cap, 'mines'));
  out.push(kpi('class12', null, 'max', r.class12.used, r.class12.cap, 'mines'));
  out.push(kpi('total', null, 'max', r.total.used, r.total.cap, 'mines'));
  out.push(kpi('share', null, 'min', r.largeMediumShare.value, r.largeMediumShare.min, 'share'));
  return out;
}

export function kpiLabel(k: Kpi, d: Dataset, lang: Lang): string {
  const tr = presentTr(lang);
  if (k.mineral !== null) return tr(k.id.startsWith('floor:') ? 'export.kpi.floor' : 'export.kpi.volume', { mineral: mineralName(d, k.mineral, lang) });
  return isRightsKpi(k.id) ? tr(`export.kpi.${k.id}`) : k.id;
}

/** The KPIs not of one mineral (those are 'volume:<mineral>' and 'floor:<mineral>'). */
const RIGHTS_KPIS = ['class3', 'class12', 'total', 'share'] as const;
const isRightsKpi = (id: string): id is (typeof RIGHTS_KPIS)[number] => RIGHTS_KPIS.some((r) => r === id);

/** A KPI's unit as read: a share as %, mines and volumes through unitLabel (English never shows 万 or 个). */
export function unitText(unit: string, lang: Lang): string {
  if (unit === 'share') return presentTr(lang)('export.unit.share');
  return unitLabel(unit, lang);
}

export function statusText(status: KpiStatus, kind: KpiKind, lang: Lang): string {
  const tr = presentTr(lang);
  if (status === 'ok' || status === 'none') return tr(`export.status.${status}`);
  // kpiStatus says 'over' only of a maximum and 'under' only of a minimum
  if (status === 'over') return tr('export.status.over.max');
  if (status === 'under') return tr('export.status.under.min');
  return tr(`export.status.${status}.${kind}`);
}

/** A KPI value as read: shares as percent, mine counts whole, volumes with 2 decimals. */
export function fmtKpiValue(x: number | null, unit: string, lang: Lang): string {
  if (unit === 'share') return fmtPct(x, lang);
  if (unit === 'mines') return fmt(x, lang, 0);
  return fmt(x, lang);
}

export function solveStatusText(s: SolveStatus, lang: Lang): string {
  return presentTr(lang)(`export.solve.${s}`);
}

/**
 * The status as a planner must read it: "optimal (proven)", or "feasible —
 * not proven optimal, gap ≤ x" with the gap rounded up. A run of model v1
 * has no gap: it says the gap is unknown.
 */
export function solveStatusLine(report: Pick<SolveReport, 'status' | 'gap'>, lang: Lang): string {
  const tr = presentTr(lang);
  if (report.status === 'optimal') return tr('export.solve.proven');
  if (report.status === 'feasible')
    return report.gap === null || report.gap === undefined ? tr('export.solve.gapUnknown') : tr('export.solve.gap', { gap: fmtPctAtMost(report.gap, lang) });
  return solveStatusText(report.status, lang);
}

/** How the one allocation was picked among equally good ones (models/README.md §0); runs of model v1 did not record it. */
export function tieBreakText(report: Pick<SolveReport, 'tieBreak'>, lang: Lang): string {
  return presentTr(lang)(`export.tieBreak.${report.tieBreak ?? 'unknown'}`);
}

/** The sentence a planner must read when the large/medium share target is out of reach; null when it is reached (or the run did not record it). */
export function shareShortfallText(report: Pick<SolveReport, 'rights'>, lang: Lang): string | null {
  const { shortfall, min } = report.rights.largeMediumShare;
  if (shortfall === undefined || !(shortfall > 1e-6)) return null;
  return presentTr(lang)('export.share.shortfall', { min: fmtPct(min, lang, 0), shortfall: fmt(shortfall, lang) });
}

export function familyText(family: string, lang: Lang): string {
  // the family comes with the run (stored runs too): one the dictionary lacks is shown as written
  const key = `export.family.${family}`;
  return isKeyOf(presentWords, key) ? presentTr(lang)(key) : family;
}

const UPPER = new Set(['cap', 'rights', 'zoneVolume', 'zoneMines', 'outsideZones', 'reserve']);
const LOWER = new Set(['floor', 'share']);

/** Whether a row is an upper limit (relaxed by raising it) or a minimum (relaxed by lowering it): its typed key says; runs stored before keys go by family. */
function limitSide(b: { family: string; key?: RowKey }): 'upper' | 'lower' | 'unknown' {
  if (b.key?.side === 'max') return 'upper';
  if (b.key?.side === 'min') return 'lower';
  if (UPPER.has(b.family)) return 'upper';
  if (LOWER.has(b.family)) return 'lower';
  return 'unknown';
}

/**
 * What relaxing a binding constraint is worth, read from its dual value
 * (the change of the objective per unit increase of the row's right-hand
 * side, from the LP with the integers fixed). For an upper limit, relaxing
 * means raising it; for a minimum, lowering it. The exports' headers say it is
 * the dual's estimate: that LP is degenerate and prices one direction only, so
 * the Results page shows the re-solved worth (sensitivity) once measured.
 */
export function bindingWorth(b: Pick<BindingConstraint, 'family' | 'dual' | 'unit' | 'key'>, lang: Lang): string {
  const tr = presentTr(lang);
  if (b.dual === null || !Number.isFinite(b.dual)) return tr('export.worth.none');
  const side = limitSide(b);
  const change = side === 'lower' ? -b.dual : b.dual;
  if (Math.abs(change) < 1e-9) return tr('export.worth.zero');
  const key = side === 'upper' ? 'export.worth.upper' : side === 'lower' ? 'export.worth.lower' : 'export.worth.other';
  return tr(key, {
    unit: b.unit ? unitLabel(b.unit, lang) : tr('export.worth.unitless'),
    dir: tr(change > 0 ? 'export.worth.raise' : 'export.worth.lowerObj'),
    amount: fmtSig(Math.abs(change), lang),
  });
}

/** "relax X by N unit to make the scenario feasible" */
export function relaxationText(r: Relaxation, lang: Lang): string {
  return presentTr(lang)('export.relax', { label: r.label, amount: fmt(clean(r.relaxBy), lang, 4), unit: unitLabel(r.unit, lang) });
}
