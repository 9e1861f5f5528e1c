/**
 * The Explore page's workers: a pool of solver workers (src/solver/client.ts,
 * one per core by default, 1 to 8) for sweeps and the frontier, and explore
 * workers (explore-client.ts, the same solver worker with more calls) for
 * sensitivity and the path. Workers are made on
 * first use and kept (each loads the solver once); tests swap the factories.
 */
import { poolWorker, type PoolWorker } from '../../model/pool';
import { createWorkerSolver, workerHandle } from '../../solver/client';
import { createExploreWorker, type ExploreWorker } from './explore-client';

export const MAX_WORKERS = 8;

/** One worker per core, 1 to 8. */
export function defaultWorkerCount(): number {
  const n = typeof navigator === 'undefined' ? 1 : Number(navigator.hardwareConcurrency) || 1;
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(n)));
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
