/**
 * The Explore page's own solver worker (module worker): sensitivity and the
 * path to 2025 call the solver many times synchronously, so they run where
 * the solver runs; the frontier's solves come here too, because its
 * feasibility probes skip the infeasibility explanation (an option the
 * shell's solver worker does not take). Same glpk build and adapter as the
 * solver worker.
 */
import * as Comlink from 'comlink';
import GLPK from 'glpk.js/node';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { pathTo2025, type PathOptions, type PathResult } from '../../model/explore/path';
import { sensitivity, type Sensitivity, type SensitivityOptions } from '../../model/explore/sensitivity';
import type { SolveReport } from '../../model/report';
import { runScenario, type RunOptions } from '../../model/run';
import { createSolver } from '../../solver/adapter';
import { instantiateGlpk } from '../../solver/quiet';
import { createSolverWorkerApi } from '../../solver/worker-api';

const base = createSolverWorkerApi(async () => createSolver(await instantiateGlpk(GLPK)));

const api = {
  ping: base.ping,
  /** A whole scenario, optionally without the infeasibility explanation (the frontier's feasibility probes). */
  async solveScenario(d: Dataset, s: Scenario, opts?: RunOptions): Promise<SolveReport> {
    return runScenario(d, s, await base.getSolver(), opts);
  },
  /** Sensitivity of the named binding constraints (all of them when none are named). */
  async sensitivity(d: Dataset, s: Scenario, opts: Omit<SensitivityOptions, 'onProgress'>, onProgress?: (p: { constraint: string; solves: number }) => void): Promise<Sensitivity> {
    return sensitivity(d, s, await base.getSolver(), { ...opts, ...(onProgress ? { onProgress } : {}) });
  },
  async path(d: Dataset, s: Scenario, report: SolveReport, opts: PathOptions): Promise<PathResult> {
    return pathTo2025(d, s, report, await base.getSolver(), opts);
  },
};

export type ExploreWorkerApi = typeof api;

Comlink.expose(api);
