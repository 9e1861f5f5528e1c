/**
 * Quota ranges cut into jobs a pool of solver workers can share: the plan
 * (the goal's optimum and the county × mineral quotas to range, one solve of
 * both stages) and then one job per quota (its least and its most, each
 * proven: src/model/ranges.ts). Every job rebuilds the model from the dataset and scenario, so a job
 * carries only plain, structured-cloneable figures.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel } from './build';
import { quotaRange, rangeTargets } from './ranges';
import { hasSolution, type QuotaRange } from './report';
import { solveBuilt, type ModelSolver } from './run';

export interface RangeJob {
  county: string | null;
  mineral: string;
  /** the recommended quota */
  volume: number;
}

/** What every range starts from: the goal's optimum and the recommended answer (its mine totals give each end's first known value, an always feasible LP). */
export interface RangeBasis {
  optimum: number;
  answer: Record<string, number>;
}

export interface RangePlan {
  /** null when the scenario has no solution */
  basis: RangeBasis | null;
  jobs: RangeJob[];
}

export function rangePlan(d: Dataset, s: Scenario, solver: ModelSolver): RangePlan {
  const built = buildModel(d, s);
  const answer = solveBuilt(d, built, solver);
  if (!hasSolution(answer.goal) || answer.goal.objective === null) return { basis: null, jobs: [] };
  return {
    basis: { optimum: answer.goal.objective, answer: answer.solution.values },
    jobs: rangeTargets(built, answer.solution.values).map(({ county, mineral, volume }) => ({ county, mineral, volume })),
  };
}

/** One quota's range, both ends proven: no clock stops them (the planner's Cancel does). */
export function rangeOf(d: Dataset, s: Scenario, solver: ModelSolver, basis: RangeBasis, tolerance: number, job: RangeJob): QuotaRange {
  const built = buildModel(d, s);
  const target = rangeTargets(built, {}).find((t) => t.county === job.county && t.mineral === job.mineral);
  if (!target) throw new Error(`no quota ${job.county ?? 'prefecture'} × ${job.mineral} in this scenario's model`);
  return quotaRange(built, solver, basis.optimum, tolerance, { ...target, volume: job.volume }, { mipGap: 0 }, basis.answer);
}
