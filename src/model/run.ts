/**
 * Dataset + scenario → SolveReport: build, solve, and read the answer the way
 * a planner needs it. The same function runs in Node (CLI, tests) and in the
 * web worker; only the solver it is given differs.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel, type BuiltModel } from './build';
import type { ConstraintFamily, LinearModel } from './linear';
import type { BindingConstraint, Relaxation, SolveReport, SolveStatus } from './report';
import { resultsFrom } from './results';

export interface Solution {
  status: SolveStatus;
  /** objective value including the model's constant; null without a solution */
  objective: number | null;
  /** variable values by model name; empty without a solution */
  values: Record<string, number>;
  /** row activities (Σ coef·value) by constraint name; empty without a solution */
  rowActivity: Record<string, number>;
  /** row duals by constraint name; null when there are none */
  duals: Record<string, number> | null;
  timeMs: number;
  /** the solve stopped at its time limit rather than at the gap tolerance */
  timedOut?: boolean;
}

/**
 * Relative MIP gap at which a solution counts as optimal (0.1 %). Without it
 * glpk can spend a minute proving the last few 万元 when demand exceeds a cap
 * (which counties go short is then a near-tie); the quotas are planned to the
 * 万 m³, and 0.1 % of the baseline objective is about 60 万元 of output value.
 */
export const MIP_GAP = 1e-3;

/** What the model layer needs of a solver; the glpk.js adapter provides it. */
export interface ModelSolver {
  solve(model: LinearModel, opts: { timeLimitSec?: number; mipGap?: number }): Solution;
  explainInfeasible(model: LinearModel, opts: { timeLimitSec?: number; mipGap?: number }): Relaxation[];
  bindingConstraints(model: LinearModel, solution: Solution): BindingConstraint[];
}

/** Families a planner can act on; scale, supply and balance rows bind by construction. */
const POLICY_FAMILIES: ReadonlySet<ConstraintFamily> = new Set([
  'cap', 'floor', 'rights', 'share', 'zoneVolume', 'zoneMines', 'outsideZones', 'reserve', 'countyBound',
]);

export function reportFrom(d: Dataset, b: BuiltModel, solution: Solution, explanation: Relaxation[], binding: BindingConstraint[]): SolveReport {
  const solved = solution.status === 'optimal' || solution.status === 'feasible';
  return {
    status: solution.status,
    objective: solved ? solution.objective : null,
    ...resultsFrom(b, solved ? solution.values : {}),
    binding: binding.filter((c) => POLICY_FAMILIES.has(c.family as ConstraintFamily)),
    explanation,
    size: {
      variables: b.linear.variables.length,
      integers: b.linear.variables.filter((v) => v.integer).length,
      constraints: b.linear.constraints.length,
    },
    solveTimeMs: solution.timeMs,
    modelVersion: `${d.id}@${d.version}`,
  };
}

export interface RunOptions {
  /**
   * Explain an infeasible scenario (default true). The elastic re-solve can
   * take as long as the solve itself; a feasibility probe does not need it.
   */
  explain?: boolean;
}

export function runScenario(d: Dataset, s: Scenario, solver: ModelSolver, opts: RunOptions = {}): SolveReport {
  return runBuilt(d, buildModel(d, s), solver, opts);
}

/** Solves within the scenario's time limit to the MIP gap; a gap-proven solution is reported optimal. */
export function solveBuilt(built: BuiltModel, solver: ModelSolver): Solution {
  const raw = solver.solve(built.linear, { timeLimitSec: built.inputs.timeLimitSec, mipGap: MIP_GAP });
  const provenWithinGap = raw.status === 'feasible' && raw.timedOut === false;
  return provenWithinGap ? { ...raw, status: 'optimal' } : raw;
}

export function runBuilt(d: Dataset, built: BuiltModel, solver: ModelSolver, opts: RunOptions = {}): SolveReport {
  const solution = solveBuilt(built, solver);
  const solved = solution.status === 'optimal' || solution.status === 'feasible';
  const limits = { timeLimitSec: built.inputs.timeLimitSec, mipGap: MIP_GAP };
  const explain = solution.status === 'infeasible' && opts.explain !== false;
  const explanation = explain ? solver.explainInfeasible(built.linear, limits) : [];
  const binding = solved ? solver.bindingConstraints(built.linear, solution) : [];
  return reportFrom(d, built, solution, explanation, binding);
}
