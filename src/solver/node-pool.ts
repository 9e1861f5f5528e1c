/**
 * Pool workers for Node: worker threads running node-thread.ts. TypeScript is
 * loaded in the thread through tsx's register hook, since a thread does not
 * inherit the parent's loader.
 */
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from '../model/report';
import type { ThreadMessage } from './node-thread';
import { poolWorker, type PoolWorker } from '../model/pool';

type Reply = { id: number; report: SolveReport | null } | { id: number; error: string };

const THREAD = new URL('./node-thread.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(THREAD)}); });`;

export interface NodePoolWorker extends PoolWorker {
  terminate(): Promise<void>;
}

export function createThreadWorker(): NodePoolWorker {
  let thread: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: SolveReport | null) => void; reject: (e: Error) => void }>();

  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const start = (): Worker => {
    const t = new Worker(BOOT, { eval: true });
    t.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if ('error' in m) p?.reject(new Error(m.error));
      else p?.resolve(m.report);
    });
    t.on('error', (e) => {
      if (thread === t) thread = null;
      failAll(e);
    });
    return t;
  };
  const stop = async (reason: string) => {
    const t = thread;
    thread = null;
    failAll(new Error(reason));
    if (t) await t.terminate();
  };

  const send = (message: ThreadMessage) => {
    const t = (thread ??= start());
    const id = nextId++;
    return new Promise<SolveReport | null>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      t.postMessage({ ...message, id });
    });
  };

  return {
    ...poolWorker({
      setDataset: async (key: string, dataset: Dataset) => void (await send({ key, dataset })),
      solvePooled: (key: string, scenario: Scenario) => send({ key, scenario }),
      restart: () => void stop('cancelled'),
    }),
    terminate() {
      return stop('terminated');
    },
  };
}
