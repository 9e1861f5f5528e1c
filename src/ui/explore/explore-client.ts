/**
 * The page's handle on its explore worker (worker.ts): sensitivity and the
 * path, with the same cancel and crash behaviour as the solver client: glpk
 * cannot be interrupted, so `restart()` terminates the worker and rejects
 * what is pending; a crash rejects too; the next call starts a fresh worker.
 */
import * as Comlink from 'comlink';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import type { PathOptions, PathResult } from '../../model/explore/path';
import type { Sensitivity, SensitivityOptions } from '../../model/explore/sensitivity';
import type { SolveReport } from '../../model/report';
import type { RunOptions } from '../../model/run';
import { SolverWorkerError } from '../../solver/client';
import type { ExploreWorkerApi } from './explore-worker';

export interface ExploreWorker {
  solveScenario(d: Dataset, s: Scenario, opts?: RunOptions): Promise<SolveReport>;
  sensitivity(d: Dataset, s: Scenario, opts: Omit<SensitivityOptions, 'onProgress'>, onProgress?: (p: { constraint: string; solves: number }) => void): Promise<Sensitivity>;
  path(d: Dataset, s: Scenario, report: SolveReport, opts: PathOptions): Promise<PathResult>;
  restart(): void;
}

export function createExploreWorker(spawn: () => Worker = () => new Worker(new URL('./explore-worker.ts', import.meta.url), { type: 'module', name: 'explore' })): ExploreWorker {
  let session: { worker: Worker; remote: Comlink.Remote<ExploreWorkerApi>; pending: Set<(e: Error) => void> } | null = null;

  function end(error: SolverWorkerError): void {
    const s = session;
    if (!s) return;
    session = null;
    s.worker.terminate();
    for (const reject of [...s.pending]) reject(error);
  }

  function track<T>(run: (remote: Comlink.Remote<ExploreWorkerApi>) => Promise<T>): Promise<T> {
    if (!session) {
      const worker = spawn();
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        end(new SolverWorkerError('crash', `explore worker crashed: ${e.message || 'error event'}`));
      });
      session = { worker, remote: Comlink.wrap<ExploreWorkerApi>(worker), pending: new Set() };
    }
    const s = session;
    return new Promise<T>((resolve, reject) => {
      s.pending.add(reject);
      run(s.remote).then(
        (v) => {
          s.pending.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          s.pending.delete(reject);
          reject(e);
        },
      );
    });
  }

  return {
    solveScenario: (d, s, opts) => track((r) => r.solveScenario(d, s, opts)) as Promise<SolveReport>,
    sensitivity: (d, s, opts, onProgress) => track((r) => r.sensitivity(d, s, opts, onProgress ? Comlink.proxy(onProgress) : undefined)) as Promise<Sensitivity>,
    path: (d, s, report, opts) => track((r) => r.path(d, s, report, opts)) as Promise<PathResult>,
    restart: () => end(new SolverWorkerError('cancelled', 'cancelled (explore worker restarted)')),
  };
}
