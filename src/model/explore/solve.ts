/**
 * The solve the exploration functions are given: dataset + scenario → report,
 * optionally without the infeasibility explanation (an elastic re-solve that
 * can take as long as the solve itself), which a frontier's feasibility
 * probes do not need.
 */
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import type { SolveReport } from '../report';
import { runScenario, type ModelSolver, type RunOptions } from '../run';

export type ScenarioSolveOptions = RunOptions;

export type ScenarioSolve = (s: Scenario, opts?: ScenarioSolveOptions) => SolveReport | Promise<SolveReport>;

/** runScenario bound to a dataset and a solver. */
export function scenarioSolver(d: Dataset, solver: ModelSolver): (s: Scenario, opts?: ScenarioSolveOptions) => SolveReport {
  return (s, opts) => runScenario(d, s, solver, opts);
}
