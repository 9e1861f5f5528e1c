/**
 * Solves many scenarios over a pool of solver workers (web workers in the
 * browser, worker threads in Node): each worker takes the next scenario as
 * soon as it is free, results keep the order of the input, progress reports
 * the count done and an estimate of the time left, and a cancel keeps what is
 * done (the busy workers are restarted, which is the only way to stop glpk).
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from '../model/report';

export interface PoolWorker {
  solveScenario(dataset: Dataset, scenario: Scenario): Promise<SolveReport>;
  /** stops the solve under way; the worker takes new work afterwards */
  restart(): void;
}

export interface PoolProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** at the pool's throughput so far (scenarios done ÷ time), which already counts its width */
  remainingMs: number;
}

export interface PoolResult {
  /** one per scenario, in input order; null where cancelled before it finished */
  reports: (SolveReport | null)[];
  cancelled: boolean;
  elapsedMs: number;
}

export interface PoolOptions {
  onProgress?: (p: PoolProgress, index: number, report: SolveReport) => void;
  signal?: AbortSignal;
}

export async function solveAll(dataset: Dataset, scenarios: readonly Scenario[], workers: readonly PoolWorker[], options: PoolOptions = {}): Promise<PoolResult> {
  if (workers.length === 0) throw new Error('a pool needs at least one worker');
  const { onProgress, signal } = options;
  const reports: (SolveReport | null)[] = scenarios.map(() => null);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const busy = new Set<PoolWorker>();
  const stop = () => busy.forEach((w) => w.restart());
  signal?.addEventListener('abort', stop, { once: true });

  async function drain(worker: PoolWorker): Promise<void> {
    while (!signal?.aborted && next < scenarios.length) {
      const index = next++;
      busy.add(worker);
      let report: SolveReport;
      try {
        report = await worker.solveScenario(dataset, scenarios[index] as Scenario);
      } catch (e) {
        if (signal?.aborted) return;
        throw e;
      } finally {
        busy.delete(worker);
      }
      reports[index] = report;
      done++;
      const elapsedMs = performance.now() - t0;
      onProgress?.({ done, total: scenarios.length, elapsedMs, remainingMs: (elapsedMs / done) * (scenarios.length - done) }, index, report);
    }
  }

  try {
    await Promise.all(workers.map(drain));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return { reports, cancelled: done < scenarios.length, elapsedMs: performance.now() - t0 };
}
