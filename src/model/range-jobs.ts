/**
 * Quota ranges cut into jobs a pool of solver workers can share: the plan
 * (the goal's optimum and the county × mineral quotas to range, one solve of
 * both stages) and then one job per quota (two solves: its least and its
 * most). Every job rebuilds the model from the dataset and scenario, so a job
 * carries only plain, structured-cloneable figures.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel } from './build';
import { quotaRange, rangeTargets } from './ranges';
import type { QuotaRange } from './report';
import { hasSolution, solveBuilt, type ModelSolver } from './run';

export interface RangeJob {
  county: string | null;
  mineral: string;
  /** the recommended quota */
  volume: number;
}

export interface RangePlan {
  /** the planner's goal at its optimum; null when the scenario has no solution */
  optimum: number | null;
  jobs: RangeJob[];
}

export function rangePlan(d: Dataset, s: Scenario, solver: ModelSolver): RangePlan {
  const built = buildModel(d, s);
  const answer = solveBuilt(d, built, solver);
  if (!hasSolution(answer.goal.status) || answer.goal.objective === null) return { optimum: null, jobs: [] };
  return {
    optimum: answer.goal.objective,
    jobs: rangeTargets(built, answer.solution.values).map(({ county, mineral, volume }) => ({ county, mineral, volume })),
  };
}

/** One quota's range: each end within the scenario's time limit, proven or stated as not proven with its bound. */
export function rangeOf(d: Dataset, s: Scenario, solver: ModelSolver, optimum: number, tolerance: number, job: RangeJob): QuotaRange {
  const built = buildModel(d, s);
  const target = rangeTargets(built, {}).find((t) => t.county === job.county && t.mineral === job.mineral);
  if (!target) throw new Error(`no quota ${job.county ?? 'prefecture'} × ${job.mineral} in this scenario's model`);
  return quotaRange(built, solver, optimum, tolerance, { ...target, volume: job.volume }, { timeLimitSec: built.inputs.timeLimitSec, mipGap: 0 });
}
