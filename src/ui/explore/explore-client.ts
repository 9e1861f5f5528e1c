/**
 * The Explore page's handle on a solver worker: the shared worker client
 * (cancel by restart, crash handling) with the calls sensitivity, the path
 * and the frontier's probes need.
 */
import * as Comlink from 'comlink';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import type { PathOptions, PathResult } from '../../model/explore/path';
import type { Sensitivity, SensitivityOptions } from '../../model/explore/sensitivity';
import type { SolveReport } from '../../model/report';
import type { RunOptions } from '../../model/run';
import { createWorkerSolver, workerHandle } from '../../solver/client';

export interface ExploreWorker {
  solveScenario(d: Dataset, s: Scenario, opts?: RunOptions): Promise<SolveReport>;
  sensitivity(d: Dataset, s: Scenario, opts: Omit<SensitivityOptions, 'onProgress'>, onProgress?: (p: { constraint: string; solves: number }) => void): Promise<Sensitivity>;
  path(d: Dataset, s: Scenario, report: SolveReport, opts: PathOptions): Promise<PathResult>;
  restart(): void;
}

export function createExploreWorker(): ExploreWorker {
  const worker = createWorkerSolver();
  return {
    ...workerHandle(worker, 'solveScenario', 'path'),
    // a callback crosses to the worker only as a Comlink proxy
    sensitivity: (d, s, opts, onProgress) => worker.call('sensitivity', d, s, opts, onProgress ? Comlink.proxy(onProgress) : undefined),
  };
}
