/**
 * Quota ranges: for each county × mineral, the least and the most it can get
 * while the planner's goal stays within `tolerance` (relative) of its optimum
 * and every rule holds. Where min = max the rules pin the number; elsewhere
 * the planner has room, and the recommended quota is the stated rule's pick.
 */
import type { BuiltModel } from './build';
import type { LinearModel, Term } from './linear';
import { goalFloor, goalRow } from './one-answer';
import type { QuotaRange } from './report';
import { hasSolution, type ModelSolver, type SolveLimits } from './run';

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

export function quotaRange(b: BuiltModel, solver: ModelSolver, optimum: number, tolerance: number, target: RangeTarget, limits: SolveLimits): QuotaRange {
  const end = (e: 'min' | 'max') => {
    const sol = solver.solve(rangeModel(b, optimum, tolerance, target, e), limits);
    const value = hasSolution(sol.status) && sol.objective !== null ? round(sol.objective) : null;
    const proven = sol.status === 'optimal';
    return { value, proven, bound: proven ? value : sol.bound != null ? round(sol.bound) : null };
  };
  const lo = end('min');
  const hi = end('max');
  return {
    county: target.county, mineral: target.mineral, volume: round(target.volume),
    min: lo.value, max: hi.value, minProven: lo.proven, maxProven: hi.proven, minBound: lo.bound, maxBound: hi.bound,
  };
}

/** Each end within the scenario's time limit (the planner's), proven or stated as not proven with its bound. */
export function quotaRanges(b: BuiltModel, solver: ModelSolver, optimum: number, volumes: Record<string, number>, tolerance = DEFAULT_RANGE_TOLERANCE): QuotaRange[] {
  const limits = { timeLimitSec: b.inputs.timeLimitSec, mipGap: 0 };
  return rangeTargets(b, volumes).map((t) => quotaRange(b, solver, optimum, tolerance, t, limits));
}
