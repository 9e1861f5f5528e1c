/**
 * Quota ranges: for each county × mineral, the least and the most it can get
 * while the planner's goal stays within `tolerance` (relative) of its optimum
 * and every rule holds. Where min = max the rules pin the number; elsewhere
 * the planner has room, and the recommended quota is the stated rule's pick.
 */
import type { BuiltModel } from './build';
import { withIntegersFixed, type Constraint, type LinearModel, type Term } from './linear';
import { goalFloor, goalRow } from './one-answer';
import { hasSolution, type QuotaRange } from './report';
import { Budget, type ModelSolver, type SolveLimits } from './run';
import { sayModel } from './said';

export const DEFAULT_RANGE_TOLERANCE = 0.01;

export interface RangeTarget {
  county: string | null;
  mineral: string;
  volume: number;
  terms: Term[];
}

/** The county × mineral quotas of a built model, with the columns that add up to each. */
export function rangeTargets(b: BuiltModel, volumes: Record<string, number>): RangeTarget[] {
  const byKey = new Map<string, RangeTarget>();
  for (const x of b.index.cells) {
    const key = `${x.cell.county ?? ''}|${x.cell.mineral}`;
    const t = byKey.get(key) ?? { county: x.cell.county, mineral: x.cell.mineral, volume: 0, terms: [] };
    t.terms.push({ variable: x.volume, coef: 1 });
    t.volume += volumes[x.volume] ?? 0;
    byKey.set(key, t);
  }
  return [...byKey.values()];
}

/** The model whose optimum is one end of a quota's range. */
export function rangeModel(b: BuiltModel, optimum: number, tolerance: number, target: RangeTarget, end: 'min' | 'max'): LinearModel {
  const stage1 = b.linear;
  return {
    name: `${stage1.name} (${end} ${target.county ?? 'all'} ${target.mineral})`,
    sense: end,
    objective: target.terms,
    objectiveConstant: 0,
    variables: stage1.variables,
    constraints: [...stage1.constraints, goalRow(stage1, goalFloor(optimum, tolerance))],
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * How close the known value and the limit past it must come for an end to
 * be proven: 1e-4 of the end, and at least 0.01 of the mineral's unit
 * (100 m³ or 100 t; 10 kg of jade). Well above what glpk's integrality
 * tolerance (1e-5 of a mine count, over a quota's cells) lets a quota drift,
 * so that drift never passes for a further end; the value given is always
 * one an allocation reaches.
 */
const stepOf = (known: number) => Math.max(0.01, 1e-4 * Math.abs(known));

/**
 * Is there an allocation within the goal's floor with the quota at `probe`
 * or beyond? The goal stays the objective, so glpk searches as it does for
 * the main solve (with no objective it wandered for minutes on some probes,
 * as the goal's own optimum did on others); any answer will do, so it is
 * solved with PROBE_GAP and stops at the first one.
 */
function probeModel(b: BuiltModel, floor: number, target: RangeTarget, end: 'min' | 'max', probe: number): LinearModel {
  const stage1 = b.linear;
  const row: Constraint = {
    name: 'rangeProbe', family: 'goal', elastic: false, unit: '', label: sayModel('model.rangeProbe'), terms: target.terms,
    lb: end === 'max' ? probe : null,
    ub: end === 'min' ? probe : null,
  };
  return {
    ...stage1,
    name: `${stage1.name} (${end} ${target.county ?? 'all'} ${target.mineral} at ${probe})`,
    constraints: [...stage1.constraints, goalRow(stage1, floor), row],
  };
}

/** Every answer to a probe keeps the goal's floor, so any is one: a gap this wide stops glpk at the first (none: it proves there is none). */
const PROBE_GAP = 1;

const relaxed = (m: LinearModel): LinearModel => ({ ...m, variables: m.variables.map((v) => ({ ...v, integer: false })) });

/**
 * One end of a quota's range, proven without a MIP over the quota itself
 * (glpk branches on such a MIP for minutes: its LP bound is weak, and it
 * rarely finds allocations near the end). The end lies between a known
 * value and a limit: first, the quota's LP with the recommended answer's
 * mine totals (always feasible) and the LP relaxation's bound. Then, in
 * turn, a probe between the two (halfway, or one step past the known value
 * when they are close) asks whether any allocation within the goal's floor
 * puts the quota there or beyond: none moves the limit to the probe; one
 * gives, with the quota's LP at its mine totals, a known value at the probe
 * or beyond. The gap halves or closes each turn, so it stops when the two
 * meet within a step: the end is proven. Only a planner's time limit
 * (`limits`) cuts it short: then the known value stands, not proven, with
 * the limit.
 */
function rangeEnd(b: BuiltModel, solver: ModelSolver, optimum: number, tolerance: number, target: RangeTarget, e: 'min' | 'max', limits: SolveLimits, start: Record<string, number>) {
  const budget = new Budget(limits);
  const model = rangeModel(b, optimum, tolerance, target, e);
  const floor = goalFloor(optimum, tolerance);
  const toward = e === 'max' ? 1 : -1;
  const further = (values: Record<string, number>) => solver.solve(withIntegersFixed(model, values), budget.left).objective ?? null;
  let limit = solver.solve(relaxed(model), budget.left).objective ?? null;
  let known = further(start);
  const stated = (proven: boolean) => ({ value: known === null ? null : round(known), proven, bound: limit === null ? null : round(limit) });
  const proven = () => {
    limit = known;
    return stated(true);
  };
  while (known !== null && limit !== null) {
    const step = stepOf(known);
    if (toward * (limit - known) <= step) return proven();
    const lastStep = Math.abs(limit - known) / 2 <= step;
    const probe = known + toward * (lastStep ? step : Math.abs(limit - known) / 2);
    const found = solver.solve(probeModel(b, floor, target, e, probe), { ...budget.left, mipGap: PROBE_GAP });
    if (found.status === 'infeasible') {
      if (lastStep) return proven();
      limit = probe;
    } else {
      const next = hasSolution(found) ? further(found.values) : null;
      // not past the known value: the probe was met only within glpk's tolerance, or the time limit cut the solve
      if (next === null || toward * (next - known) <= 0) return stated(false);
      known = next;
    }
  }
  return stated(false);
}

/**
 * One quota's range: its least and its most, each proven (see rangeEnd).
 * `limits` are the planner's, for each end; by default none, so the ranges
 * do not depend on how busy the machine is.
 */
export function quotaRange(b: BuiltModel, solver: ModelSolver, optimum: number, tolerance: number, target: RangeTarget, limits: SolveLimits, start: Record<string, number>): QuotaRange {
  const lo = rangeEnd(b, solver, optimum, tolerance, target, 'min', limits, start);
  const hi = rangeEnd(b, solver, optimum, tolerance, target, 'max', limits, start);
  return {
    county: target.county, mineral: target.mineral, volume: round(target.volume),
    min: lo.value, max: hi.value, minProven: lo.proven, maxProven: hi.proven, minBound: lo.bound, maxBound: hi.bound,
  };
}

/** Every end proven; with a planner's `timeLimitSec` for each end, an end it cuts is stated as not proven with its bound. */
export function quotaRanges(b: BuiltModel, solver: ModelSolver, optimum: number, answer: Record<string, number>, tolerance = DEFAULT_RANGE_TOLERANCE, timeLimitSec?: number): QuotaRange[] {
  const limits = { timeLimitSec, mipGap: 0 };
  return rangeTargets(b, answer).map((t) => quotaRange(b, solver, optimum, tolerance, t, limits, answer));
}
