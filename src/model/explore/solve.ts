/**
 * The solve the exploration functions are given: dataset + scenario → report,
 * optionally without the infeasibility explanation (an elastic re-solve that
 * can take as long as the solve itself), which a frontier's feasibility
 * probes do not need.
 */
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { buildModel } from '../build';
import type { SolveReport } from '../report';
import { reportFrom, runBuilt, solveBuilt, type ModelSolver } from '../run';

export interface ScenarioSolveOptions {
  /** explain an infeasible scenario (default true) */
  explain?: boolean;
}

export type ScenarioSolve = (s: Scenario, opts?: ScenarioSolveOptions) => SolveReport | Promise<SolveReport>;

/** runScenario, with the explanation optional. */
export function scenarioSolver(d: Dataset, solver: ModelSolver): (s: Scenario, opts?: ScenarioSolveOptions) => SolveReport {
  return (s, opts) => {
    const built = buildModel(d, s);
    if (opts?.explain !== false) return runBuilt(d, built, solver);
    const solution = solveBuilt(built, solver);
    const solved = solution.status === 'optimal' || solution.status === 'feasible';
    return reportFrom(d, built, solution, [], solved ? solver.bindingConstraints(built.linear, solution) : []);
  };
}
