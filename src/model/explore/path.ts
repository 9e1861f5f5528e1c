/**
 * The path to 2025: yearly quotas per county and mineral from the 2020
 * figures to the solved 2025 allocation, with a limit on the change from one
 * year to the next, as an LP: minimise the deviation from the straight line
 * subject to |q[y] − q[y−1]| ≤ limit, q[2020] = the 2020 figure and
 * q[2025] = the allocation. When the limit cannot be met, the smallest limit
 * that can is reported and the path is drawn with it.
 *
 * The plan gives 2020 output only for the prefecture (专栏6), not per county:
 * a county's 2020 figure is the prefecture's shared by the county's share of
 * the mineral's valid mining rights (专栏5). The output says so.
 */
import type { Dataset } from '../../domain/dataset';
import { convert, parsePlanUnit } from '../../domain/units';
import type { Scenario } from '../../domain/scenario';
import { assumption } from '../inputs';
import type { Constraint, LinearModel, Variable } from '../linear';
import { hasSolution, type QuotaRange, type SolveReport, type SolveStatus } from '../report';
import type { ModelSolver } from '../run';
import { sayModel, type ModelSaid } from '../said';
import { sig } from './format';

export interface PathOptions {
  /** largest change from one year to the next as a fraction of the county's 2020 figure; default 0.25 */
  fraction?: number;
  /** largest change per year in the mineral's unit, per mineral (overrides the fraction for that mineral) */
  absolute?: Record<string, number>;
  /** prefecture 2020 output per mineral in its unit, where 专栏6 has none or another figure is preferred */
  output2020?: Record<string, number>;
  /**
   * Quota ranges (solve --ranges): a mineral counts as unreachable only when
   * no 2025 allocation within them (the mineral's total kept) can be reached
   * at the limit; the path then ends at the allocation within the ranges
   * closest to the recommended one that keeps the limit.
   */
  ranges?: QuotaRange[];
}

export interface PathRow {
  /** null: zones the plan assigns to no county */
  county: string | null;
  mineral: string;
  unit: string;
  /** the county's 2020 figure (derived, see assumptions) */
  start: number;
  /** where the path ends in 2025: the recommended quota, or with ranges a quota within its range */
  end: number;
  /** the recommended 2025 quota */
  recommended: number;
  /** largest change per year used for this row, in the mineral's unit */
  limit: number;
  /** what the limit is a fraction of, or 'absolute' */
  limitBase: 'start' | 'end' | 'absolute';
  /** quota per year, first year (2020) to last (2025) */
  quotas: Record<number, number>;
  /** largest change from one year to the next in the path */
  maxStep: number;
  /** smallest limit this row needs (its fraction of the base, or the absolute figure) */
  needs: number;
}

export interface PathResult {
  /** 'ok': the limit asked for holds; 'limit-too-tight': it cannot, the path uses the smallest that can */
  status: 'ok' | 'limit-too-tight';
  /** status of the LP that drew the path */
  lpStatus: SolveStatus;
  years: number[];
  /** the limit asked for */
  asked: { fraction: number; absolute: Record<string, number> };
  /**
   * the smallest limit that works: one fraction for all the minerals limited
   * by fraction, and per mineral (a fraction, or the figure for minerals
   * limited absolutely)
   */
  smallest: { fraction: number | null; fractionByMineral: Record<string, number>; absolute: Record<string, number> };
  /** with ranges: the smallest limit per mineral when each 2025 quota may lie anywhere in its range (the mineral's total kept) */
  smallestWithinRanges: Record<string, number> | null;
  /** the limit the path was drawn with: per mineral, the one asked for or, where that cannot work, the mineral's smallest */
  used: { fraction: Record<string, number>; absolute: Record<string, number> };
  rows: PathRow[];
  /** minerals without a 2020 figure, left out */
  omitted: { mineral: string; reason: ModelSaid }[];
  assumptions: ModelSaid[];
}

export class PathError extends Error {
  override readonly name = 'PathError';
}

export const DEFAULT_PATH_FRACTION = 0.25;

/** First and last year of the plan period ("2021-2025" → 2020 … 2025: the base year and the plan's years). */
export function pathYears(d: Dataset): number[] {
  const m = /(\d{4})\D+(\d{4})/.exec(d.planPeriod);
  if (!m) throw new PathError(`plan period "${d.planPeriod}" does not name two years`);
  const first = Number(m[1]) - 1;
  const last = Number(m[2]);
  if (!(last > first + 1)) throw new PathError(`plan period "${d.planPeriod}" has no years between its ends`);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Prefecture 2020 output per mineral in its unit (专栏6), converted with the density assumption where needed. */
export function output2020(d: Dataset, s: Scenario, override: Record<string, number> = {}): Record<string, number | null> {
  const densityValue = assumption(d, s, 'density');
  const density = typeof densityValue === 'object' ? (densityValue as Record<string, unknown>) : {};
  const out: Record<string, number | null> = {};
  for (const m of d.minerals) {
    if (override[m.id] !== undefined) {
      out[m.id] = override[m.id] as number;
      continue;
    }
    const row = d.table6.rows.find((r) => r.mineral === m.id);
    const unit = row ? parsePlanUnit(row.unitText) : null;
    const rho = density[m.id];
    let v: number | null = null;
    if (row && unit) {
      try {
        v = convert(row.output, unit, m.unit, typeof rho === 'number' ? rho : undefined);
      } catch {
        v = null;
      }
    }
    out[m.id] = v;
  }
  return out;
}

/** Valid mining rights per county and mineral (专栏5). */
function rightsOf(d: Dataset): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of d.table5.rows) {
    if (row.mineral === null) continue;
    for (const [u, n] of Object.entries(row.counts)) (out[row.mineral] ??= {})[u] = ((out[row.mineral] ??= {})[u] ?? 0) + n;
  }
  return out;
}

const key = (county: string | null, mineral: string) => `${county ?? '-'}|${mineral}`;
const name = (county: string | null, mineral: string) => `${county ?? 'none'},${mineral}`;

interface Pair {
  county: string | null;
  mineral: string;
  unit: string;
  start: number;
  end: number;
  base: 'start' | 'end' | 'absolute';
  /** the amount the fraction multiplies (absolute rows: 1) */
  scale: number;
  /** with ranges: where the 2025 end may lie */
  endMin?: number;
  endMax?: number;
}

function pairsOf(d: Dataset, report: SolveReport, start: Record<string, number | null>, override: Record<string, number>): Pair[] {
  const rights = rightsOf(d);
  const ends = new Map<string, { county: string | null; mineral: string; volume: number }>();
  for (const q of report.counties) {
    const k = key(q.county, q.mineral);
    const prev = ends.get(k);
    ends.set(k, { county: q.county, mineral: q.mineral, volume: (prev?.volume ?? 0) + q.volume });
  }
  for (const [mineral, byCounty] of Object.entries(rights))
    for (const [county, n] of Object.entries(byCounty)) if (n > 0 && !ends.has(key(county, mineral))) ends.set(key(county, mineral), { county, mineral, volume: 0 });
  const pairs: Pair[] = [];
  const unitRank = (c: string | null) => (c === null ? d.units.length : d.units.findIndex((u) => u.id === c));
  const mineralRank = (m: string) => d.minerals.findIndex((x) => x.id === m);
  for (const e of [...ends.values()].sort((a, b) => unitRank(a.county) - unitRank(b.county) || mineralRank(a.mineral) - mineralRank(b.mineral))) {
    const total = start[e.mineral];
    if (total === null || total === undefined) continue;
    const byCounty = rights[e.mineral] ?? {};
    const all = Object.values(byCounty).reduce((a, n) => a + n, 0);
    const shared = e.county !== null && all > 0 ? (total * (byCounty[e.county] ?? 0)) / all : 0;
    // the model's own 2020 figure (the same proxy) unless the planner gives another prefecture total
    const fromModel = override[e.mineral] === undefined ? report.counties.find((q) => q.county === e.county && q.mineral === e.mineral)?.output2020 : undefined;
    const s0 = fromModel ?? shared;
    const unit = d.minerals.find((m) => m.id === e.mineral)?.unit ?? '';
    pairs.push({ county: e.county, mineral: e.mineral, unit, start: s0, end: e.volume, base: s0 > 0 ? 'start' : 'end', scale: s0 > 0 ? s0 : e.volume });
  }
  return pairs;
}

function limitOf(p: Pair, fraction: number, absolute: Record<string, number>): number {
  const a = absolute[p.mineral];
  return a !== undefined ? a : fraction * p.scale;
}

/** The LP: q[y] free between the fixed ends, |q[y] − q[y−1]| ≤ limit, min Σ |q[y] − line[y]| / scale. */
export function pathModel(pairs: readonly PathPair[], years: number[], limits: number[]): LinearModel {
  const variables: Variable[] = [];
  const constraints: Constraint[] = [];
  const objective: { variable: string; coef: number }[] = [];
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  pairs.forEach((p, i) => {
    const limit = limits[i] as number;
    const id = name(p.county, p.mineral);
    const q = (y: number) => `q[${id},${y}]`;
    const weight = 1 / Math.max(1e-9, Math.max(Math.abs(p.start), Math.abs(p.end), 1e-6));
    for (const y of years) {
      const fixed = y === first ? p.start : y === last ? p.end : null;
      const free = y === last && p.endMin !== undefined && p.endMax !== undefined;
      variables.push({ name: q(y), label: sayModel('model.path.quota', { id, year: y }), integer: false, lb: free ? (p.endMin as number) : fixed ?? 0, ub: free ? (p.endMax as number) : fixed });
      if (fixed !== null && !free) continue;
      // a free 2025 end moves from the recommended quota only as far as the limit needs (ten times the weight of a year off the line)
      const line = free ? p.end : p.start + ((p.end - p.start) * (y - first)) / (last - first);
      const w = free ? 10 * weight : weight;
      const up = `above[${id},${y}]`;
      const down = `below[${id},${y}]`;
      variables.push({ name: up, label: sayModel('model.path.above', { id, year: y }), integer: false, lb: 0, ub: null });
      variables.push({ name: down, label: sayModel('model.path.below', { id, year: y }), integer: false, lb: 0, ub: null });
      objective.push({ variable: up, coef: w }, { variable: down, coef: w });
      constraints.push({
        name: `line[${id},${y}]`, family: 'pathLine', elastic: false, unit: p.unit, lb: line, ub: line,
        label: sayModel('model.path.line', { id, year: y }),
        terms: [{ variable: q(y), coef: 1 }, { variable: up, coef: -1 }, { variable: down, coef: 1 }],
      });
    }
    for (const y of years.slice(1)) {
      constraints.push({
        name: `step[${id},${y}]`, family: 'pathStep', elastic: true, unit: p.unit, lb: -limit, ub: limit,
        label: sayModel('model.path.step', { id, from: y - 1, year: y, limit }),
        terms: [{ variable: q(y), coef: 1 }, { variable: q(y - 1), coef: -1 }],
      });
    }
  });
  constraints.push(...totalsKept(pairs, last));
  return { name: 'path to 2025', sense: 'min', objective, objectiveConstant: 0, variables, constraints };
}

type PathPair = Pick<Pair, 'county' | 'mineral' | 'unit' | 'start' | 'end' | 'scale' | 'endMin' | 'endMax'>;

/** Where 2025 ends may move within their ranges, each mineral's 2025 total stays the recommended one. */
function totalsKept(pairs: readonly PathPair[], last: number): Constraint[] {
  const minerals = [...new Set(pairs.filter((p) => p.endMin !== undefined).map((p) => p.mineral))];
  return minerals.map((m) => {
    const own = pairs.filter((p) => p.mineral === m);
    const total = own.reduce((a, p) => a + p.end, 0);
    return {
      name: `total[${m},${last}]`, family: 'pathLine', elastic: false, unit: own[0]?.unit ?? '', lb: total, ub: total,
      label: sayModel('model.path.totalKept', { mineral: m, year: last }),
      terms: own.map((p) => ({ variable: `q[${name(p.county, p.mineral)},${last}]`, coef: 1 })),
    };
  });
}

/** The pairs with their 2025 ends free within the ranges given (a range missing or unproven keeps its end: only proven room is used). */
function withRanges(pairs: Pair[], ranges: QuotaRange[] | undefined): Pair[] {
  if (!ranges) return pairs;
  return pairs.map((p) => {
    const r = ranges.find((x) => x.county === p.county && x.mineral === p.mineral);
    if (!r || r.min === null || r.max === null) return p;
    return { ...p, endMin: Math.min(r.min, p.end), endMax: Math.max(r.max, p.end) };
  });
}

/**
 * The smallest yearly limit per mineral when its 2025 ends may lie within
 * their ranges: an LP over the mineral's rows, min f subject to
 * |q[y] − q[y−1]| ≤ f·scale (scale 1 for an absolute limit) and the total kept.
 */
export function smallestLimitModel(pairs: readonly PathPair[], years: number[], absolute: boolean): LinearModel {
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const variables: Variable[] = [{ name: 'limit', label: sayModel('model.path.limit'), integer: false, lb: 0, ub: null }];
  const constraints: Constraint[] = [];
  for (const p of pairs) {
    const id = name(p.county, p.mineral);
    const q = (y: number) => `q[${id},${y}]`;
    for (const y of years) {
      const free = y === last && p.endMin !== undefined && p.endMax !== undefined;
      const fixed = y === first ? p.start : y === last ? p.end : null;
      variables.push({ name: q(y), label: sayModel('model.path.year', { id, year: y }), integer: false, lb: free ? (p.endMin as number) : fixed ?? 0, ub: free ? (p.endMax as number) : fixed });
    }
    const scale = absolute ? 1 : p.scale;
    for (const y of years.slice(1)) {
      const step = [{ variable: q(y), coef: 1 }, { variable: q(y - 1), coef: -1 }];
      const label = sayModel('model.path.stepOf', { id, from: y - 1, year: y });
      constraints.push({ name: `stepUp[${id},${y}]`, family: 'pathStep', elastic: false, unit: p.unit, lb: null, ub: 0, label, terms: [...step, { variable: 'limit', coef: -scale }] });
      constraints.push({ name: `stepDown[${id},${y}]`, family: 'pathStep', elastic: false, unit: p.unit, lb: 0, ub: null, label, terms: [...step, { variable: 'limit', coef: scale }] });
    }
  }
  constraints.push(...totalsKept(pairs, last));
  return { name: 'smallest yearly limit', sense: 'min', objective: [{ variable: 'limit', coef: 1 }], objectiveConstant: 0, variables, constraints };
}

/** Per mineral, the smallest limit that works when the 2025 ends may move within their ranges. */
function smallestWithinRanges(pairs: Pair[], years: number[], absolute: Record<string, number>, solver: Pick<ModelSolver, 'solve'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of new Set(pairs.map((p) => p.mineral))) {
    const sol = solver.solve(smallestLimitModel(pairs.filter((p) => p.mineral === m), years, absolute[m] !== undefined), {});
    if (sol.status === 'optimal' && sol.objective !== null) out[m] = sol.objective;
  }
  return out;
}

/**
 * Yearly quotas from the 2020 figures to the scenario's solved 2025
 * allocation (`report`, which must have a solution).
 */
export function pathTo2025(d: Dataset, s: Scenario, report: SolveReport, solver: Pick<ModelSolver, 'solve'>, opts: PathOptions = {}): PathResult {
  if (!hasSolution(report)) throw new PathError(`the scenario has no 2025 allocation (status ${report.status})`);
  const fraction = opts.fraction ?? DEFAULT_PATH_FRACTION;
  if (!(fraction > 0) || !Number.isFinite(fraction)) throw new PathError(`the fraction is a number above 0 (got ${fraction})`);
  const absolute = { ...(opts.absolute ?? {}) };
  for (const [m, v] of Object.entries(absolute)) {
    if (!d.minerals.some((x) => x.id === m)) throw new PathError(`unknown mineral "${m}"`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new PathError(`the limit for ${m} is a number ≥ 0 (got ${v})`);
  }
  for (const m of Object.keys(opts.output2020 ?? {})) if (!d.minerals.some((x) => x.id === m)) throw new PathError(`unknown mineral "${m}"`);
  const years = pathYears(d);
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const steps = years.length - 1;
  const start = output2020(d, s, opts.output2020);
  const pairs = withRanges(pairsOf(d, report, start, opts.output2020 ?? {}), opts.ranges);

  // each row's need, closed form: |end − start| spread evenly over the steps
  const needOf = (p: Pair) => {
    const perYear = Math.abs(p.end - p.start) / steps;
    if (absolute[p.mineral] !== undefined) return perYear;
    return p.scale > 0 ? perYear / p.scale : 0;
  };
  const smallestAbsolute: Record<string, number> = {};
  const fractionByMineral: Record<string, number> = {};
  for (const p of pairs) {
    const need = needOf(p);
    const into = absolute[p.mineral] !== undefined ? smallestAbsolute : fractionByMineral;
    into[p.mineral] = Math.max(into[p.mineral] ?? 0, need);
  }
  const needs = Object.values(fractionByMineral);
  const smallestFraction = needs.length ? Math.max(...needs) : null;
  const withinRanges = opts.ranges ? smallestWithinRanges(pairs, years, absolute, solver) : null;
  // with ranges, a mineral is unreachable only when no allocation within them reaches it
  const need = (m: string) => withinRanges?.[m] ?? (absolute[m] !== undefined ? smallestAbsolute[m] : fractionByMineral[m]) ?? 0;
  const over = (x: number, asked: number) => x > asked * (1 + 1e-9) + 1e-9;
  const tight = Object.keys(fractionByMineral).some((m) => over(need(m), fraction)) || Object.keys(smallestAbsolute).some((m) => over(need(m), absolute[m] ?? 0));
  const used = {
    fraction: Object.fromEntries(Object.keys(fractionByMineral).map((m) => [m, over(need(m), fraction) ? need(m) : fraction])),
    absolute: Object.fromEntries(Object.entries(absolute).map(([m, v]) => [m, over(need(m), v) ? need(m) : v])),
  };
  const limits = pairs.map((p) => limitOf(p, used.fraction[p.mineral] ?? fraction, used.absolute));
  const sol = solver.solve(pathModel(pairs, years, limits), {});
  const ok = hasSolution(sol);
  const rows: PathRow[] = pairs.map((p, i) => {
    const id = name(p.county, p.mineral);
    const quotas: Record<number, number> = {};
    const freeEnd = p.endMin !== undefined && ok;
    for (const y of years) {
      const v = y === first ? p.start : y === last && !freeEnd ? p.end : ok ? sol.values[`q[${id},${y}]`] ?? 0 : p.start + ((p.end - p.start) * (y - first)) / (last - first);
      quotas[y] = Math.abs(v) < 1e-9 ? 0 : v;
    }
    const maxStep = years.slice(1).reduce((a, y) => Math.max(a, Math.abs((quotas[y] as number) - (quotas[y - 1] as number))), 0);
    return {
      county: p.county,
      mineral: p.mineral,
      unit: p.unit,
      start: p.start,
      end: quotas[last] as number,
      recommended: p.end,
      limit: limits[i] as number,
      limitBase: absolute[p.mineral] !== undefined ? 'absolute' : p.base,
      quotas,
      maxStep,
      needs: needOf(p),
    };
  });
  const omitted = d.minerals
    .filter((m) => start[m.id] === null || start[m.id] === undefined)
    .map((m) => ({
      mineral: m.id,
      reason: sayModel('model.path.noOutput2020', { mineral: m.name }),
    }));
  const assumptions: ModelSaid[] = [
    sayModel('model.path.assume.split'),
    sayModel('model.path.assume.limit', {
      percent: sig(fraction * 100, 4),
      except: Object.keys(used.absolute).length ? sayModel('model.path.assume.exceptAbsolute') : '',
      tight: tight ? sayModel('model.path.assume.tight') : '',
    }),
    sayModel('model.path.assume.line'),
  ];
  if (opts.output2020 && Object.keys(opts.output2020).length) assumptions.push(sayModel('model.path.assume.given', { given: JSON.stringify(opts.output2020) }));
  return {
    status: tight ? 'limit-too-tight' : 'ok',
    lpStatus: sol.status,
    years,
    asked: { fraction, absolute },
    smallest: { fraction: smallestFraction, fractionByMineral, absolute: smallestAbsolute },
    smallestWithinRanges: withinRanges,
    used,
    rows,
    omitted,
    assumptions,
  };
}
