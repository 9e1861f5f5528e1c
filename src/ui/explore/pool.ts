/**
 * The Explore page's workers: a pool of solver workers (src/solver/client.ts,
 * one per core less one by default, 1 to 8) for sweeps and the frontier, and explore
 * workers (explore-client.ts, the same solver worker with more calls) for
 * sensitivity and the path. Workers are made on
 * first use and kept (each loads the solver once); tests swap the factories.
 */
import { poolWorker, type PoolWorker } from '../../model/pool';
import { createWorkerSolver, workerHandle } from '../../solver/client';
import { createExploreWorker, type ExploreWorker } from './explore-client';

export const MAX_WORKERS = 8;

/** The CPU cores the browser says this machine has (1 where it does not say). */
export function coreCount(): number {
  const n = typeof navigator === 'undefined' ? 1 : Number(navigator.hardwareConcurrency) || 1;
  return Math.max(1, Math.floor(n));
}

/**
 * One worker per core less one, 1 to 8: a core stays free for the page.
 * With a worker on every core the page's own work (drawing the points as
 * they come) waited for a core: on two cores with two workers, redraws of
 * 20-30 ms of script took 50-160 ms; with one worker, none took 50 ms
 * (scripts/bench-browser-sweep.ts). The planner may ask for more.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, coreCount() - 1));
}

export function clampWorkers(n: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.min(MAX_WORKERS, Math.floor(n))) : defaultWorkerCount();
}

/** A pool worker on a web worker of its own (src/solver/client.ts). */
export function browserPoolWorker(): PoolWorker {
  return poolWorker(workerHandle(createWorkerSolver(), 'setDataset', 'solvePooled'));
}

let poolFactory: () => PoolWorker = browserPoolWorker;
let exploreFactory: () => ExploreWorker = () => createExploreWorker();
const solvers: PoolWorker[] = [];
const explorers: ExploreWorker[] = [];

/** The first n solver workers of the pool (made as needed). */
export function poolWorkers(n: number): PoolWorker[] {
  const k = clampWorkers(n);
  while (solvers.length < k) solvers.push(poolFactory());
  return solvers.slice(0, k);
}

/** The first n explore workers (sensitivity, path). */
export function exploreWorkers(n: number): ExploreWorker[] {
  const k = clampWorkers(n);
  while (explorers.length < k) explorers.push(exploreFactory());
  return explorers.slice(0, k);
}

/** For tests (and another transport): how workers are made; existing ones are dropped. */
export function useExploreWorkers(next: { pool?: () => PoolWorker; explore?: () => ExploreWorker }): void {
  for (const w of solvers.splice(0)) w.restart();
  for (const w of explorers.splice(0)) w.restart();
  if (next.pool) poolFactory = next.pool;
  if (next.explore) exploreFactory = next.explore;
}
