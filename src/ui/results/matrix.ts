/**
 * The county × mineral matrix of a solve: for each county (in the plan's
 * order, then the prefecture's own zones) and each mineral, the 2020 figure,
 * the recommended 2025 figure and the change; a prefecture total row whose
 * 2025 figures are the report's totals. Two measures: output (2020: 专栏6
 * shared by 专栏5 rights, the stated proxy) and mines (2020: 专栏5 valid
 * rights; 2025: mines of all size classes).
 */
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import { reportMinerals } from '../../present/kpis';
import { clean, count, countyName, mineralName, mineralUnit, orderBy } from '../../present/names';
import type { CountyQuota, QuotaRange, SolveReport } from '../../model/report';

export type Measure = 'volume' | 'mines';

export interface MatrixCell {
  /** null: no 2020 figure (a run of model v1, or the prefecture's own zones) */
  y2020: number | null;
  y2025: number;
  /** y2025 − y2020; null without a 2020 figure */
  change: number | null;
  /** change ÷ y2020; null without a 2020 figure or when it is 0 (new in 2025) */
  ratio: number | null;
  /** volume only: the quota's range, when ranges were computed */
  range?: QuotaRange;
}

export interface MatrixRow {
  /** null: the prefecture's own zones (no county) */
  countyId: string | null;
  county: string;
  total: boolean;
  /** by mineral id; absent: the county has no rights and no zones of the mineral */
  cells: Record<string, MatrixCell>;
}

export interface Matrix {
  minerals: { id: string; name: string; unit: string }[];
  rows: MatrixRow[];
}

const mines = (q: CountyQuota) => count(q.mines.large) + count(q.mines.medium) + count(q.mines.small);

function cell(y2020: number | null, y2025: number, range?: QuotaRange): MatrixCell {
  const change = y2020 === null ? null : clean(y2025 - y2020);
  const ratio = y2020 === null || change === null || y2020 === 0 ? null : change / y2020;
  return { y2020, y2025: clean(y2025), change, ratio, ...(range ? { range } : {}) };
}

/** Sum of the 2020 figures; null when no row has one. */
function sum2020(xs: (number | null)[]): number | null {
  return xs.every((x) => x === null) ? null : clean(xs.reduce<number>((a, x) => a + (x ?? 0), 0));
}

export function countyMatrix(report: SolveReport, d: Dataset, lang: Lang, measure: Measure): Matrix {
  const ids = reportMinerals(report, d);
  const minerals = ids.map((id) => ({ id, name: mineralName(d, id, lang), unit: measure === 'mines' ? unitLabel('个', lang) : mineralUnit(d, id, lang, report.totals[id]?.unit ?? '') }));
  const y2020 = (q: CountyQuota) => (measure === 'volume' ? q.output2020 ?? null : q.rights2020 ?? null);
  const y2025 = (q: CountyQuota) => (measure === 'volume' ? q.volume : mines(q));
  const rangeOf = (q: CountyQuota) => (measure === 'volume' ? report.ranges?.find((r) => r.county === q.county && r.mineral === q.mineral) : undefined);

  const counties = [...new Set(report.counties.map((q) => q.county))].sort(orderBy(d.units.map((u) => u.id), (c) => c));
  const rows: MatrixRow[] = counties.map((countyId) => ({
    countyId,
    county: countyName(d, countyId, lang),
    total: false,
    cells: Object.fromEntries(report.counties.filter((q) => q.county === countyId).map((q) => [q.mineral, cell(y2020(q), y2025(q), rangeOf(q))])),
  }));
  const totals = Object.fromEntries(
    ids.map((m) => {
      const of = report.counties.filter((q) => q.mineral === m);
      const t = report.totals[m];
      // 2025 from the report's totals (what the caps were checked against); 2020 summed over the counties
      const y = measure === 'volume' ? t?.volume ?? 0 : t?.mines ?? of.reduce((a, q) => a + mines(q), 0);
      return [m, cell(sum2020(of.map(y2020)), y)];
    }),
  );
  rows.push({ countyId: null, county: '', total: true, cells: totals });
  return { minerals, rows };
}
