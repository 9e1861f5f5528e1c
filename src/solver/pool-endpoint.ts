/**
 * The worker's side of the pool (pool.ts `PoolTransport`): it holds one
 * dataset, sent once, and solves the scenarios that name it, building each
 * model from the previous one where only bounds changed (model/rebound.ts).
 * Shared by the Node worker thread and the web worker.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { ModelCache } from '../model/rebound';
import type { SolveReport } from '../model/report';
import { runBuilt, type ModelSolver } from '../model/run';

export interface PoolEndpoint {
  setDataset(key: string, dataset: Dataset): void;
  /** null when the dataset `key` is not the one held */
  solve(key: string, scenario: Scenario): Promise<SolveReport | null>;
  /** models built from scratch and rebounded so far */
  readonly counts: ModelCache['counts'];
}

export function createPoolEndpoint(getSolver: () => Promise<ModelSolver>): PoolEndpoint {
  let held: { key: string; dataset: Dataset } | null = null;
  const cache = new ModelCache();
  return {
    setDataset(key, dataset) {
      held = { key, dataset };
    },
    async solve(key, scenario) {
      if (held?.key !== key) return null;
      const { dataset } = held;
      return runBuilt(dataset, cache.model(dataset, scenario), await getSolver());
    },
    counts: cache.counts,
  };
}
