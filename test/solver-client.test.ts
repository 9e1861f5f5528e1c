/**
 * The browser client against an in-process stand-in for the module worker:
 * the real worker API (`createSolverWorkerApi` over the Node solver) exposed by
 * comlink on one end of a MessageChannel, the client on the other. What it
 * checks is the client's bookkeeping: results come back structured-cloned,
 * cancel (restart) and crash reject pending calls and the next call gets a
 * fresh worker, terminate is final.
 */
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinearModel } from '../src/model/linear';
import { asIs } from '../src/model/said';
import { createWorkerSolver, SolverWorkerError, type WorkerLike, type WorkerSolver } from '../src/solver/client';
import { createNodeSolver } from '../src/solver/node';
import { createSolverWorkerApi, type LocksLike } from '../src/solver/worker-api';

interface FakeWorker extends WorkerLike {
  start(): void;
  crash(message: string): void;
  terminated: boolean;
}

function fakeWorker(): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createSolverWorkerApi(createNodeSolver), port2 as unknown as Comlink.Endpoint);
  const events = new EventTarget();
  const w: FakeWorker = {
    terminated: false,
    start: () => port1.start(),
    postMessage: (message, transfer) => {
      if (!w.terminated) port1.postMessage(message, transfer as never);
    },
    addEventListener: (type, listener) => {
      if (type === 'message') port1.addEventListener('message', listener as never);
      else events.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => {
      if (type === 'message') port1.removeEventListener('message', listener as never);
      else events.removeEventListener(type, listener);
    },
    terminate: () => {
      w.terminated = true;
      port1.close();
      port2.close();
    },
    crash: (message) => events.dispatchEvent(Object.assign(new Event('error'), { message })),
  };
  return w;
}

/** max x, x ≤ 4 → 4 */
const tiny: LinearModel = {
  name: 'tiny',
  sense: 'max',
  objective: [{ variable: 'x', coef: 1 }],
  objectiveConstant: 0,
  variables: [{ name: 'x', label: asIs('x'), integer: false, lb: 0, ub: null }],
  constraints: [{ name: 'cap[sand]', family: 'cap', label: asIs({ zh: '上限', en: 'cap' }), terms: [{ variable: 'x', coef: 1 }], lb: null, ub: 4, elastic: true, unit: '万m³' }],
};

let client: WorkerSolver | null = null;
let spawned: FakeWorker[] = [];

function newClient(): WorkerSolver {
  spawned = [];
  client = createWorkerSolver({
    createWorker: () => {
      const w = fakeWorker();
      spawned.push(w);
      return w;
    },
  });
  return client;
}

afterEach(() => {
  client?.terminate();
  client = null;
});

describe('worker client', () => {
  it('starts the worker lazily and answers through comlink', async () => {
    const c = newClient();
    expect(spawned).toHaveLength(0);
    expect((await c.ping()).glpkVersion).toMatch(/^\d+\.\d+/);
    const s = await c.solve(tiny);
    expect(s).toMatchObject({ status: 'optimal', objective: 4, values: { x: 4 }, duals: { 'cap[sand]': 1 } });
    expect(await c.writeLp(tiny)).toContain('cap(sand): + x <= 4');
    // on the wire a plain object; the client rebuilds the array with its flags
    expect(await c.call('explainInfeasible', tiny)).toMatchObject({ relaxations: [], status: 'optimal' });
    const infeasible: LinearModel = { ...tiny, constraints: [...tiny.constraints, { ...tiny.constraints[0]!, name: 'floor[sand]', family: 'floor', lb: 10, ub: null }] };
    const e = await c.explainInfeasible(infeasible);
    expect(e.map((r) => [r.constraint, r.relaxBy])).toEqual([['floor[sand]', 6]]);
    expect(e.status).toBe('optimal');
    expect(spawned).toHaveLength(1);
    expect(c.pending).toBe(0);
  });

  it('passes solver errors through as rejections', async () => {
    const c = newClient();
    const bad: LinearModel = { ...tiny, objective: [{ variable: 'ghost', coef: 1 }] };
    await expect(c.solve(bad)).rejects.toThrow(/unknown variable ghost/);
  });

  it('restart cancels pending calls and the next call gets a fresh worker', async () => {
    const c = newClient();
    const pending = c.solve(tiny);
    expect(c.pending).toBe(1);
    c.restart();
    await expect(pending).rejects.toMatchObject({ name: 'SolverWorkerError', kind: 'cancelled' });
    expect(spawned[0]?.terminated).toBe(true);
    expect(c.pending).toBe(0);
    expect((await c.solve(tiny)).objective).toBe(4);
    expect(spawned).toHaveLength(2);
  });

  it('a worker crash rejects pending calls with a clear error', async () => {
    const c = newClient();
    const pending = c.solve(tiny);
    spawned[0]?.crash('glpk.wasm failed to load');
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolverWorkerError);
    expect(error).toMatchObject({ kind: 'crash', message: 'solver worker crashed: glpk.wasm failed to load' });
    expect(spawned[0]?.terminated).toBe(true);
    expect((await c.ping()).glpkVersion).toBeTruthy();
    expect(spawned).toHaveLength(2);
  });

  it('terminate is final', async () => {
    const c = newClient();
    await c.ping();
    c.terminate();
    await expect(c.ping()).rejects.toMatchObject({ kind: 'terminated' });
    expect(spawned[0]?.terminated).toBe(true);
  });
});

/**
 * Web Locks as the browser keeps them, in one process: exclusive per name,
 * granted in order, and released when the callback's promise settles, or when
 * the agent holding them ends (`agent(...).end()`, as the browser does for a
 * worker that dies).
 */
function fakeLocks() {
  const held = new Map<string, Promise<void>>();
  const grant = async (name: string, signal: AbortSignal | undefined, callback: () => unknown, onHeld: (release: () => void) => void) => {
    while (held.has(name)) {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const abort = new Promise<void>((_, no) => signal?.addEventListener('abort', () => no(new DOMException('aborted', 'AbortError')), { once: true }));
      await Promise.race([held.get(name), abort]);
    }
    let release!: () => void;
    held.set(name, new Promise<void>((r) => (release = r)));
    const free = () => {
      held.delete(name);
      release();
    };
    onHeld(free);
    try {
      return await Promise.race([callback(), held.get(name)]);
    } finally {
      free();
    }
  };
  return {
    page: { request: (name, opts, callback) => grant(name, opts.signal, callback, () => undefined) } satisfies LocksLike,
    agent() {
      const mine: (() => void)[] = [];
      return {
        locks: { request: (name, opts, callback) => grant(name, opts.signal, callback, (free) => mine.push(free)) } satisfies LocksLike,
        end: () => mine.forEach((free) => free()),
      };
    },
  };
}

describe('worker warm-up', () => {
  it('ping solves a small MIP, so the wasm a real solve runs is compiled before the first one', async () => {
    const solver = await createNodeSolver();
    const solved: LinearModel[] = [];
    const api = createSolverWorkerApi(async () => ({ ...solver, glpkVersion: solver.glpkVersion, solve: (m, o) => (solved.push(m), solver.solve(m, o)) }), null);
    expect((await api.ping()).glpkVersion).toBe(solver.glpkVersion);
    expect(solved.map((m) => m.variables.some((v) => v.integer))).toEqual([true]);
    expect(solver.solve(solved[0]!)).toMatchObject({ status: 'optimal', objective: 20 });
  });
});

describe('worker client lifeline (Web Locks)', () => {
  function lifelineClient() {
    const locks = fakeLocks();
    const workers: { worker: FakeWorker; die(): void }[] = [];
    client = createWorkerSolver({
      locks: locks.page,
      createWorker: () => {
        const agent = locks.agent();
        const { port1, port2 } = new MessageChannel();
        // a solve that never ends, as a long glpk run looks from outside
        const api = { ...createSolverWorkerApi(createNodeSolver, agent.locks), solve: () => new Promise<never>(() => undefined) };
        Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
        const events = new EventTarget();
        const worker: FakeWorker = {
          terminated: false,
          start: () => port1.start(),
          postMessage: (message, transfer) => port1.postMessage(message, transfer as never),
          addEventListener: (type, listener) => (type === 'message' ? port1.addEventListener('message', listener as never) : events.addEventListener(type, listener)),
          removeEventListener: (type, listener) => (type === 'message' ? port1.removeEventListener('message', listener as never) : events.removeEventListener(type, listener)),
          terminate: () => {
            worker.terminated = true;
            port2.close();
            agent.end();
          },
          crash: () => undefined,
        };
        // dies with no error event: only its lock tells
        workers.push({ worker, die: () => (port2.close(), agent.end()) });
        return worker;
      },
    });
    return { c: client, workers };
  }

  it('a worker that ends without an error event rejects the pending call as a crash, and the next call gets a fresh worker', async () => {
    const { c, workers } = lifelineClient();
    await c.ping();
    const pending = c.solve(tiny);
    const outcome = pending.then(
      () => 'answered',
      (e: unknown) => e,
    );
    workers[0]?.die();
    expect(await outcome).toMatchObject({ name: 'SolverWorkerError', kind: 'crash', message: 'solver worker crashed: it stopped without reporting an error' });
    expect(c.pending).toBe(0);
    expect(workers[0]?.worker.terminated).toBe(true);
    expect((await c.ping()).glpkVersion).toMatch(/^\d+\.\d+/);
    expect(workers).toHaveLength(2);
  });

  it('a busy worker that is alive is never taken for dead, and ending it ourselves reports a cancel, not a crash', async () => {
    const { c, workers } = lifelineClient();
    await c.ping();
    const pending = c.solve(tiny).catch((e: unknown) => e);
    // the lifeline is established and stays quiet while the worker is alive
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(c.pending).toBe(1);
    c.restart();
    expect(await pending).toMatchObject({ kind: 'cancelled' });
    expect(workers[0]?.worker.terminated).toBe(true);
    expect((await c.ping()).glpkVersion).toBeTruthy();
  });
});
