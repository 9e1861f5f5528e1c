/**
 * The solver web worker (module worker): glpk.js's synchronous build, run off
 * the UI thread and reached through comlink. Thin on purpose: the work is done
 * by the same `createSolver` the CLI and the tests use.
 *
 * To add a function, add it to `api` (it may use `base.getSolver()`); the
 * client's `call()` picks it up through `SolverWorkerApi`.
 */
import * as Comlink from 'comlink';
import GLPK from 'glpk.js/node';
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel } from '../model/build';
import { pathTo2025, type PathOptions, type PathResult } from '../model/explore/path';
import { sensitivity, type Sensitivity, type SensitivityOptions } from '../model/explore/sensitivity';
import { rangeOf, rangePlan, type RangeBasis, type RangeJob, type RangePlan } from '../model/range-jobs';
import type { QuotaRange, SolveReport } from '../model/report';
import { runScenario, type RunOptions } from '../model/run';
import { createSolver } from './adapter';
import { createPoolEndpoint } from './pool-endpoint';
import { instantiateGlpk } from './quiet';
import { createSolverWorkerApi } from './worker-api';

const base = createSolverWorkerApi(async () => createSolver(await instantiateGlpk(GLPK)));
const pool = createPoolEndpoint(base.getSolver);

const api = {
  ping: base.ping,
  solve: base.solve,
  writeLp: base.writeLp,
  explainInfeasible: base.explainInfeasible,
  lifeline: base.lifeline,
  /** The whole scenario in the worker: build, solve, explain (unless `explain: false`, as a frontier's probes ask), report. */
  async solveScenario(dataset: Dataset, scenario: Scenario, opts?: RunOptions): Promise<SolveReport> {
    return runScenario(dataset, scenario, await base.getSolver(), opts);
  },
  /** The pool's protocol (pool.ts PoolTransport): the dataset once, then scenarios that name it by its key. */
  async setDataset(key: string, dataset: Dataset): Promise<void> {
    pool.setDataset(key, dataset);
  },
  solvePooled(key: string, scenario: Scenario): Promise<SolveReport | null> {
    return pool.solve(key, scenario);
  },
  /** Sensitivity of the named binding constraints (all when none are named): many solves, so it runs where the solver is. */
  async sensitivity(
    dataset: Dataset,
    scenario: Scenario,
    opts: Omit<SensitivityOptions, 'onProgress'>,
    onProgress?: (p: { constraint: string; solves: number }) => void,
  ): Promise<Sensitivity> {
    return sensitivity(dataset, scenario, await base.getSolver(), { ...opts, ...(onProgress ? { onProgress } : {}) });
  },
  /** Quota ranges, first step: the goal's optimum and the quotas to range (both stages, like a solve). */
  async rangePlan(dataset: Dataset, scenario: Scenario): Promise<RangePlan> {
    return rangePlan(dataset, scenario, await base.getSolver());
  },
  /** One quota's range (both ends, each until proven), so that a pool of workers can share the quotas. */
  async quotaRange(dataset: Dataset, scenario: Scenario, basis: RangeBasis, tolerance: number, job: RangeJob): Promise<QuotaRange> {
    return rangeOf(dataset, scenario, await base.getSolver(), basis, tolerance, job);
  },
  /** The yearly path from 2020 to the solved 2025 allocation. */
  async path(dataset: Dataset, scenario: Scenario, report: SolveReport, opts: PathOptions): Promise<PathResult> {
    return pathTo2025(dataset, scenario, report, await base.getSolver(), opts);
  },
  /** The exact model of a scenario as a CPLEX LP file. */
  async writeScenarioLp(dataset: Dataset, scenario: Scenario): Promise<string> {
    return (await base.getSolver()).writeLp(buildModel(dataset, scenario).linear);
  },
};

export type SolverWorkerApi = typeof api;

Comlink.expose(api);
