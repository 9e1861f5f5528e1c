/**
 * Solves many scenarios over a pool of solver workers (web workers in the
 * browser, worker threads in Node): each worker takes the next scenario as
 * soon as it is free, results keep the order of the input, progress reports
 * the count done and an estimate of the time left, and a cancel keeps what is
 * done (the busy workers are restarted, which is the only way to stop glpk).
 *
 * A worker gets the dataset once (`poolWorker`): later calls name it by a key,
 * so a sweep sends each worker only its scenarios. The worker's side of this
 * is src/solver/pool-endpoint.ts. Pure (workers are passed in), so it sits in
 * the model layer, below the solver adapter and the UI that provide workers.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from './report';

export interface PoolWorker {
  solveScenario(dataset: Dataset, scenario: Scenario): Promise<SolveReport>;
  /** stops the solve under way; the worker takes new work afterwards */
  restart(): void;
}

/** How a pool worker's handle talks to its worker (a thread, or a web worker through comlink). */
export interface PoolTransport {
  setDataset(key: string, dataset: Dataset): Promise<void>;
  /** null when the worker does not hold the dataset `key` (it was restarted or crashed since it got it) */
  solvePooled(key: string, scenario: Scenario): Promise<SolveReport | null>;
  restart(): void;
}

const datasetKeys = new WeakMap<Dataset, string>();
let nextDatasetKey = 0;

/** One key per dataset object (a dataset is never changed in place). */
export function datasetKey(dataset: Dataset): string {
  let key = datasetKeys.get(dataset);
  if (key === undefined) {
    key = `${dataset.id}@${dataset.version}#${nextDatasetKey++}`;
    datasetKeys.set(dataset, key);
  }
  return key;
}

/** A pool worker that sends a dataset to its worker once, and again only when the worker has lost it. */
export function poolWorker(transport: PoolTransport): PoolWorker {
  let sent: string | null = null;
  const send = async (key: string, dataset: Dataset) => {
    sent = null;
    await transport.setDataset(key, dataset);
    sent = key;
  };
  return {
    async solveScenario(dataset, scenario) {
      const key = datasetKey(dataset);
      if (sent !== key) await send(key, dataset);
      const report = await transport.solvePooled(key, scenario);
      if (report) return report;
      await send(key, dataset);
      const again = await transport.solvePooled(key, scenario);
      if (!again) throw new Error('the solver worker lost the dataset it was just sent');
      return again;
    },
    restart() {
      sent = null;
      transport.restart();
    },
  };
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

/**
 * The pool's queue: each worker takes the next item as soon as it is free;
 * `onResult` hears each result as it comes, with the item's index. An abort
 * of `signal` sends nothing more and restarts the busy workers (the only way
 * to stop glpk); what they were doing is dropped, and the queue ends without
 * an error. A failure of any other kind rejects.
 */
export async function drain<W extends { restart(): void }, T, R>(
  items: readonly T[],
  workers: readonly W[],
  work: (worker: W, item: T, index: number) => Promise<R>,
  onResult: (result: R, index: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const busy = new Set<W>();
  const stop = () => busy.forEach((w) => w.restart());
  signal?.addEventListener('abort', stop, { once: true });

  async function take(worker: W): Promise<void> {
    while (!signal?.aborted && next < items.length) {
      const index = next++;
      busy.add(worker);
      let result: R;
      try {
        result = await work(worker, items[index] as T, index);
      } catch (e) {
        if (signal?.aborted) return;
        throw e;
      } finally {
        busy.delete(worker);
      }
      onResult(result, index);
    }
  }

  try {
    await Promise.all(workers.map(take));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

export async function solveAll(dataset: Dataset, scenarios: readonly Scenario[], workers: readonly PoolWorker[], options: PoolOptions = {}): Promise<PoolResult> {
  if (workers.length === 0) throw new Error('a pool needs at least one worker');
  const { onProgress, signal } = options;
  const reports: (SolveReport | null)[] = scenarios.map(() => null);
  const t0 = performance.now();
  let done = 0;
  const solved = (report: SolveReport, index: number) => {
    reports[index] = report;
    done++;
    const elapsedMs = performance.now() - t0;
    onProgress?.({ done, total: scenarios.length, elapsedMs, remainingMs: (elapsedMs / done) * (scenarios.length - done) }, index, report);
  };
  await drain(scenarios, workers, (w, s) => w.solveScenario(dataset, s), solved, signal);
  return { reports, cancelled: done < scenarios.length, elapsedMs: performance.now() - t0 };
}
