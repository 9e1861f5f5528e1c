/**
 * A pool worker without a thread: the pool protocol (pool.ts poolWorker) over
 * the pool endpoint and the Node solver in this process, so that a test sees
 * the dataset sent once and the models rebounded, as in a worker.
 */
import { createNodeSolver } from '../../src/solver/node';
import { poolWorker, type PoolWorker } from '../../src/model/pool';
import { createPoolEndpoint, type PoolEndpoint } from '../../src/solver/pool-endpoint';

export function inProcessWorker(): PoolWorker & { endpoint: PoolEndpoint; datasetsSent: number } {
  const endpoint = createPoolEndpoint(createNodeSolver);
  const w = {
    endpoint,
    datasetsSent: 0,
    ...poolWorker({
      setDataset: async (key, dataset) => {
        w.datasetsSent++;
        endpoint.setDataset(key, dataset);
      },
      solvePooled: (key, scenario) => endpoint.solve(key, scenario),
      restart: () => undefined,
    }),
  };
  return w;
}
