/**
 * The frontier of mine count against volume: for each limit on the number of
 * mines (class 3, class 1/2 or all), the most volume of a chosen set of
 * minerals (or the most output value) the scenario's other rules allow. One
 * exact solve per integer limit, from the fewest mines that can meet the
 * scenario's floors (found by a min-mines solve) up to the scenario's own cap
 * (the plan's, unless the scenario changes it); never interpolated.
 *
 * The number of solves is bounded: with no `step`, the limits are spaced so
 * that half the budget covers the range evenly and the other half bisects
 * the intervals where the curve rises most, so that the knee is found
 * exactly without solving all 250 limits.
 */
import type { Dataset, RightsClass } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { OBJECTIVE_TERMS, type ObjectiveTerm } from '../../domain/scenario';
import { resolveInputs } from '../inputs';
import { hasSolution, type SolveReport, type SolveStatus } from '../report';
import type { ScenarioSolve } from './solve';

export type MineLimit = RightsClass | 'total';
export const MINE_LIMITS: readonly MineLimit[] = ['class3', 'class12', 'total'];

export type FrontierMeasure = 'volume' | 'value';

export interface FrontierOptions {
  limit: MineLimit;
  /** default: 'volume' for class3 and class12, 'value' for total */
  measure?: FrontierMeasure;
  /**
   * minerals whose volume is maximised (one unit); default: the minerals of
   * the limit's class that share the unit of the class's first mineral
   */
  minerals?: string[];
  /** distance between solved limits; default: chosen so that the solves stay within maxSolves, then refined */
  step?: number;
  /** most solves in all (the min-mines and baseline solves included); default 60 */
  maxSolves?: number;
  /** bisect where the curve rises most with the solves left; default true without `step` */
  refine?: boolean;
  /** upper end of the range; default the scenario's cap on the limited count */
  to?: number;
}

export interface FrontierPoint {
  /** the limit on the number of mines of the class (fixed out-of-scope mines included, as the rights caps count them) */
  limit: number;
  status: SolveStatus;
  /** Σ volume of the chosen minerals (their unit); null without a solution */
  volume: number | null;
  /** output value of the solution at the scenario's values per unit, 万元 */
  value: number | null;
  /** mines of the limited class the solution uses */
  mines: number | null;
  /** every mineral's volume */
  volumes: Record<string, number>;
  /**
   * true when the solve at this limit came back (within the MIP gap) below
   * the point at a smaller limit, whose solution is feasible here too and is
   * shown instead, keeping the curve monotone
   */
  carried?: boolean;
}

export interface Frontier {
  limit: MineLimit;
  measure: FrontierMeasure;
  minerals: string[];
  /** unit of `volume` (the chosen minerals' unit) */
  unit: string;
  /** sorted by limit; the measure never falls as the limit grows */
  points: FrontierPoint[];
  /** fewest mines of the class that meet the scenario's floors; null if the scenario is infeasible whatever the limit */
  fewest: number | null;
  /** the scenario's cap on the class (the plan's point) */
  cap: number;
  /** the scenario as given, solved with its own objective, placed at the mines it uses */
  baseline: FrontierPoint;
  /** the point at the cap */
  plan: FrontierPoint | null;
  /** the point farthest above the chord between the ends (axes scaled to 0–1); null for a straight or flat curve */
  knee: FrontierPoint | null;
  solves: number;
  cancelled: boolean;
  /** when `fewest` is null: the min-mines solve's report, with its explanation */
  infeasible?: SolveReport;
}

export class FrontierError extends Error {
  override readonly name = 'FrontierError';
}

export const DEFAULT_MAX_SOLVES = 60;

function mineralsOf(d: Dataset, limit: MineLimit): string[] {
  const inClass = d.minerals.filter((m) => limit === 'total' || m.rightsClass === limit);
  const unit = inClass[0]?.unit;
  return inClass.filter((m) => m.unit === unit).map((m) => m.id);
}

function weights(value: number, mines: number): Record<ObjectiveTerm, number> {
  const w = Object.fromEntries(OBJECTIVE_TERMS.map((t) => [t, 0])) as Record<ObjectiveTerm, number>;
  return { ...w, value, mines };
}

/** A small weight on mines breaks ties towards fewer mines, as the max-value preset does. */
const TIE_BREAK = 0.001;

/**
 * Scenario transform: maximise Σ volume of `minerals` (value weights 1 for
 * them, 0 for the others, through the valuePerUnit assumption), with the
 * tie-break on mines and no transport, unmet-demand or deviation terms.
 */
export function volumeObjective(d: Dataset, s: Scenario, minerals: readonly string[]): Scenario {
  const chosen = new Set(minerals);
  const valuePerUnit = Object.fromEntries(d.minerals.map((m) => [m.id, chosen.has(m.id) ? 1 : 0]));
  return { ...s, assumptions: { ...s.assumptions, valuePerUnit }, objective: { preset: 'max-value', weights: weights(1, TIE_BREAK) } };
}

/** Scenario transform: maximise output value only (transport, unmet demand and deviation left out). */
export function valueObjective(s: Scenario): Scenario {
  return { ...s, objective: { preset: 'max-value', weights: weights(1, TIE_BREAK) } };
}

/** Scenario transform: fewest mines (all classes; the classes' rows are separate, so each class is at its fewest too). */
export function minMinesObjective(s: Scenario): Scenario {
  return { ...s, objective: { preset: 'min-mines', weights: weights(0, 1) } };
}

export function withMineLimit(s: Scenario, limit: MineLimit, value: number): Scenario {
  return { ...s, rightsCaps: { ...s.rightsCaps, [limit]: value } };
}

export interface FrontierPlan {
  measure: FrontierMeasure;
  minerals: string[];
  unit: string;
  cap: number;
  /** mines of the class held fixed (outside the model): no limit below this is feasible */
  fixed: number;
  /** the scenario solved at a given limit */
  at(limit: number): Scenario;
  pointOf(limit: number, r: SolveReport): FrontierPoint;
}

/** What the frontier solves and how it reads a report (for a worker pool or a bench). */
export function frontierPlan(d: Dataset, s: Scenario, o: FrontierOptions): FrontierPlan {
  if (!MINE_LIMITS.includes(o.limit)) throw new FrontierError(`limit is one of ${MINE_LIMITS.join(', ')}`);
  const measure = o.measure ?? (o.limit === 'total' ? 'value' : 'volume');
  const minerals = o.minerals ?? (measure === 'volume' ? mineralsOf(d, o.limit) : d.minerals.map((m) => m.id));
  for (const m of minerals) if (!d.minerals.some((x) => x.id === m)) throw new FrontierError(`unknown mineral "${m}"`);
  const units = new Set(minerals.map((m) => d.minerals.find((x) => x.id === m)?.unit));
  if (measure === 'volume' && units.size !== 1) throw new FrontierError(`the minerals of a volume frontier share one unit (${minerals.join(', ')} have ${[...units].join(', ')})`);
  const inputs = resolveInputs(d, s);
  const valuePerUnit = inputs.valuePerUnit;
  const objective = (x: Scenario) => (measure === 'volume' ? volumeObjective(d, x, minerals) : valueObjective(x));
  const pointOf = (limit: number, r: SolveReport): FrontierPoint => {
    const ok = hasSolution(r);
    const volumes = Object.fromEntries(Object.entries(r.totals).map(([m, t]) => [m, ok ? t.volume : 0]));
    return {
      limit,
      status: r.status,
      volume: ok ? minerals.reduce((a, m) => a + (volumes[m] ?? 0), 0) : null,
      value: ok ? Object.entries(volumes).reduce((a, [m, v]) => a + v * (valuePerUnit[m] ?? 0), 0) : null,
      mines: ok ? r.rights[o.limit].used : null,
      volumes,
    };
  };
  return {
    measure,
    minerals,
    unit: measure === 'value' ? '万元' : [...units][0] ?? '',
    cap: inputs.rightsCaps[o.limit],
    fixed: o.limit === 'total' ? inputs.fixedMines.class3 + inputs.fixedMines.class12 : inputs.fixedMines[o.limit],
    at: (limit) => objective(withMineLimit(s, o.limit, limit)),
    pointOf,
  };
}

const measureOf = (p: FrontierPoint, m: FrontierMeasure) => (m === 'volume' ? p.volume : p.value);

/** The point farthest above the chord from the first to the last point, both axes scaled to 0–1. */
export function kneeOf(points: readonly FrontierPoint[], measure: FrontierMeasure): FrontierPoint | null {
  const ok = points.filter((p) => measureOf(p, measure) !== null);
  const first = ok[0];
  const last = ok[ok.length - 1];
  if (!first || !last || last.limit === first.limit) return null;
  const y0 = measureOf(first, measure) as number;
  const dy = (measureOf(last, measure) as number) - y0;
  if (!(Math.abs(dy) > 1e-9)) return null;
  let best: FrontierPoint | null = null;
  let bestD = 1e-9;
  for (const p of ok) {
    const x = (p.limit - first.limit) / (last.limit - first.limit);
    const y = ((measureOf(p, measure) as number) - y0) / dy;
    const dist = (y - x) / Math.SQRT2;
    if (dist > bestD) {
      bestD = dist;
      best = p;
    }
  }
  return best;
}

/** Makes the measure non-decreasing: a point below an earlier one takes that one's (still feasible) solution. */
function monotone(points: FrontierPoint[], measure: FrontierMeasure): FrontierPoint[] {
  let best: FrontierPoint | null = null;
  return points.map((p) => {
    const y = measureOf(p, measure);
    const b = best === null ? null : measureOf(best, measure);
    if (y !== null && b !== null && best !== null && y < b - 1e-6 * Math.max(1, Math.abs(b))) {
      return { ...best, limit: p.limit, status: p.status, carried: true };
    }
    if (y !== null) best = p;
    return p;
  });
}

export interface FrontierProgress {
  solves: number;
  maxSolves: number;
  phase: 'fewest' | 'baseline' | 'probe' | 'grid' | 'refine';
}

/**
 * Solves the frontier. The solve is passed in (Node solver or worker);
 * `signal` stops between solves, keeping the points done (`cancelled`).
 */
export async function computeFrontier(
  d: Dataset,
  s: Scenario,
  o: FrontierOptions,
  solve: ScenarioSolve,
  onProgress?: (p: FrontierProgress) => void,
  signal?: AbortSignal,
): Promise<Frontier> {
  const plan = frontierPlan(d, s, o);
  const maxSolves = Math.max(3, Math.floor(o.maxSolves ?? DEFAULT_MAX_SOLVES));
  if (o.step !== undefined && !(Number.isInteger(o.step) && o.step >= 1)) throw new FrontierError(`step is a whole number ≥ 1 (got ${o.step})`);
  let solves = 0;
  let cancelled = false;
  // only the scenario's own solves explain infeasibility; a probe below the fewest mines is infeasible by design
  const run = async (x: Scenario, phase: FrontierProgress['phase']): Promise<SolveReport | null> => {
    if (signal?.aborted) {
      cancelled = true;
      return null;
    }
    const r = await solve(x, { explain: phase === 'baseline' || phase === 'fewest' });
    solves++;
    onProgress?.({ solves, maxSolves, phase });
    await new Promise<void>((res) => setTimeout(res, 0));
    return r;
  };

  const byLimit = new Map<number, FrontierPoint>();
  const reports = new Map<number, SolveReport>();
  const solveAt = async (limit: number, phase: FrontierProgress['phase']): Promise<SolveReport | null> => {
    const known = reports.get(limit);
    if (known) return known;
    const r = await run(plan.at(limit), phase);
    if (r) {
      reports.set(limit, r);
      byLimit.set(limit, plan.pointOf(limit, r));
    }
    return r;
  };

  // The fewest mines: a min-mines solve with the class unlimited, within the scenario's own time limit
  // (never a shorter one of ours: what the frontier shows must not depend on how busy the machine is);
  // then the limit one below is solved as a frontier point, and its infeasibility settles it.
  const relaxed = Math.max(10 * plan.cap, 1000);
  const fewestScenario = minMinesObjective(withMineLimit(s, o.limit, relaxed));
  const fewestReport = await run(fewestScenario, 'fewest');
  const baselineReport = await run(s, 'baseline');
  const empty = (limit: number, status: SolveStatus): FrontierPoint => ({ limit, status, volume: null, value: null, mines: null, volumes: {} });
  const baseline = baselineReport ? plan.pointOf(baselineReport.rights[o.limit].used, baselineReport) : empty(plan.cap, 'timeout');
  if (baselineReport && !hasSolution(baselineReport)) baseline.limit = plan.cap;
  const result = (fewest: number | null, extra: Partial<Frontier> = {}): Frontier => {
    const sorted = monotone([...byLimit.values()].sort((a, b) => a.limit - b.limit), plan.measure);
    return {
      limit: o.limit,
      measure: plan.measure,
      minerals: plan.minerals,
      unit: plan.unit,
      points: sorted,
      fewest,
      cap: plan.cap,
      baseline,
      plan: sorted.find((p) => p.limit === plan.cap) ?? null,
      knee: kneeOf(sorted, plan.measure),
      solves,
      cancelled,
      ...extra,
    };
  };
  if (!fewestReport) return result(null);
  if (fewestReport.status === 'infeasible') return result(null, { infeasible: fewestReport });
  // bisect on feasibility between the fixed mines and a feasible limit; the first probe (one below the
  // min-mines count) is usually infeasible, which proves the count
  let feasible = hasSolution(fewestReport) ? fewestReport.rights[o.limit].used : Math.max(relaxed, plan.cap);
  if (!hasSolution(fewestReport)) {
    const r = await solveAt(feasible, 'probe');
    if (!r) return result(null);
    if (!hasSolution(r)) return result(null, { infeasible: r });
  }
  let below = plan.fixed - 1;
  for (let probe = feasible - 1; probe > below; probe = Math.floor((below + feasible) / 2)) {
    const r = await solveAt(probe, 'probe');
    if (!r) return result(null);
    if (hasSolution(r)) feasible = Math.min(probe, r.rights[o.limit].used);
    else below = probe;
  }
  const lo = feasible;
  const hi = Math.max(lo, Math.floor(o.to ?? plan.cap));
  // probes below the fewest are infeasible by design, and one above the range only served the search
  for (const limit of [...byLimit.keys()]) if (limit < lo || limit > hi) byLimit.delete(limit);
  const budget = maxSolves - solves;
  const refine = o.refine ?? o.step === undefined;
  const span = hi - lo;
  const coarse = refine ? Math.max(2, Math.ceil(budget / 2)) : budget;
  const step = o.step ?? Math.max(1, Math.ceil(span / Math.max(1, coarse - 1)));
  const limits = new Set<number>();
  for (let x = lo; x < hi; x += step) limits.add(x);
  limits.add(hi);
  if (plan.cap >= lo && plan.cap <= hi) limits.add(plan.cap);
  if (hasSolution(baselineReport ?? fewestReport) && baseline.limit >= lo && baseline.limit <= hi) limits.add(baseline.limit);
  if (o.step !== undefined && limits.size > budget) throw new FrontierError(`step ${o.step} needs ${limits.size} solves, more than the ${budget} left of maxSolves ${maxSolves}`);

  // the plan's cap and the baseline's point first, so a tight budget never drops them; then the grid from the fewest up
  const marked = [plan.cap, baseline.limit].filter((l) => limits.has(l));
  const order = [...new Set([...marked, ...[...limits].sort((a, b) => a - b)])];
  for (const limit of order.filter((l) => !byLimit.has(l)).slice(0, Math.max(0, budget))) {
    const r = await solveAt(limit, 'grid');
    if (!r) break;
  }
  while (refine && !cancelled && solves < maxSolves) {
    const done = [...byLimit.values()].sort((a, b) => a.limit - b.limit);
    let pick: { mid: number; rise: number } | null = null;
    for (let i = 1; i < done.length; i++) {
      const a = done[i - 1] as FrontierPoint;
      const b = done[i] as FrontierPoint;
      const ya = measureOf(a, plan.measure);
      const yb = measureOf(b, plan.measure);
      if (b.limit - a.limit < 2 || ya === null || yb === null) continue;
      const rise = Math.abs(yb - ya);
      if (rise > 1e-9 * Math.max(1, Math.abs(yb)) && (pick === null || rise > pick.rise)) pick = { mid: Math.floor((a.limit + b.limit) / 2), rise };
    }
    if (!pick) break;
    const r = await solveAt(pick.mid, 'refine');
    if (!r) break;
  }
  return result(lo);
}
