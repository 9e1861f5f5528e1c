/**
 * Quota ranges: for each county × mineral, the least and the most it can get
 * while the planner's goal stays within `tolerance` (relative) of its optimum
 * and every rule holds. Where min = max the rules pin the number; elsewhere
 * the planner has room, and the recommended quota is the stated rule's pick.
 */
import type { BuiltModel } from './build';
import { withIntegersFixed, type LinearModel, type Term } from './linear';
import { goalFloor, goalRow } from './one-answer';
import { hasSolution, type QuotaRange } from './report';
import type { ModelSolver, SolveLimits } from './run';

export const DEFAULT_RANGE_TOLERANCE = 0.01;
/** Seconds each end of a range may take unless the planner says otherwise: an end it stops is reported as not proven, with its bound. */
export const DEFAULT_RANGE_TIME_SEC = 10;

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
 * One quota's range. Each end: first the LP with the mine totals of the
 * recommended answer (`start`; always feasible, so every end has a value
 * that forcing the quota to it will reproduce), then the MIP over every
 * allocation within the tolerance, within the time limit. The MIP's optimum
 * is the proven end; when the limit stops it, the better of the two values
 * stands and the bound (the MIP's, or the LP relaxation's) says how far the
 * end can be at most.
 */
export function quotaRange(b: BuiltModel, solver: ModelSolver, optimum: number, tolerance: number, target: RangeTarget, limits: SolveLimits, start?: Record<string, number>): QuotaRange {
  const end = (e: 'min' | 'max') => {
    const model = rangeModel(b, optimum, tolerance, target, e);
    const mip = solver.solve(model, limits);
    if (mip.status === 'optimal' && mip.objective !== null) return { value: round(mip.objective), proven: true, bound: round(mip.objective) };
    const inner = start ? solver.solve(withIntegersFixed(model, start), limits) : null;
    const found = [mip, inner].flatMap((x) => (x && hasSolution(x) && x.objective !== null ? [x.objective] : []));
    const value = found.length ? (e === 'min' ? Math.min(...found) : Math.max(...found)) : null;
    const relaxed = mip.bound ?? solver.solve(withIntegersFixed({ ...model, variables: model.variables.map((v) => ({ ...v, integer: false })) }, {}), limits).objective;
    return { value: value === null ? null : round(value), proven: false, bound: relaxed === null || relaxed === undefined ? null : round(relaxed) };
  };
  const lo = end('min');
  const hi = end('max');
  return {
    county: target.county, mineral: target.mineral, volume: round(target.volume),
    min: lo.value, max: hi.value, minProven: lo.proven, maxProven: hi.proven, minBound: lo.bound, maxBound: hi.bound,
  };
}

/** Each end within `timeLimitSec` (the planner's: the scenario's unless given), proven or stated as not proven with its bound. */
export function quotaRanges(b: BuiltModel, solver: ModelSolver, optimum: number, answer: Record<string, number>, tolerance = DEFAULT_RANGE_TOLERANCE, timeLimitSec = b.inputs.timeLimitSec): QuotaRange[] {
  const limits = { timeLimitSec, mipGap: 0 };
  return rangeTargets(b, answer).map((t) => quotaRange(b, solver, optimum, tolerance, t, limits, answer));
}
