/**
 * A Node worker thread for pools in benches and CLIs: the pool endpoint
 * (pool-endpoint.ts) over the same runScenario and glpk adapter as the CLI,
 * one message at a time.
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { createNodeSolver } from './node';
import { createPoolEndpoint } from './pool-endpoint';

/** The dataset to hold, or a scenario to solve on it; the reply to either carries the request's id (a dataset's with report null). */
export type ThreadMessage = { key: string } & ({ dataset: Dataset } | { scenario: Scenario });
type ThreadRequest = ThreadMessage & { id: number };

const port = parentPort;
if (!port) throw new Error('node-thread.ts runs only as a worker thread');
const endpoint = createPoolEndpoint(createNodeSolver);
port.on('message', async (m: ThreadRequest) => {
  try {
    if ('dataset' in m) {
      endpoint.setDataset(m.key, m.dataset);
      port.postMessage({ id: m.id, report: null });
    } else port.postMessage({ id: m.id, report: await endpoint.solve(m.key, m.scenario) });
  } catch (e) {
    port.postMessage({ id: m.id, error: (e as Error).message });
  }
});
