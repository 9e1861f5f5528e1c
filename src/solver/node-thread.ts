/**
 * A Node worker thread that solves scenarios: the same runScenario and glpk
 * adapter as the CLI, one solve at a time, for pools in benches and CLIs.
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { runScenario } from '../model/run';
import { createNodeSolver } from './node';

export interface ThreadRequest {
  id: number;
  dataset: Dataset;
  scenario: Scenario;
}

const port = parentPort;
if (!port) throw new Error('node-thread.ts runs only as a worker thread');
const solver = createNodeSolver();
port.on('message', async (m: ThreadRequest) => {
  try {
    port.postMessage({ id: m.id, report: runScenario(m.dataset, m.scenario, await solver) });
  } catch (e) {
    port.postMessage({ id: m.id, error: (e as Error).message });
  }
});
