/**
 * The browser's handle on the solver worker.
 *
 * glpk runs synchronously inside the worker, so the only way to cancel a solve
 * is to terminate the worker: `restart()` does that, rejects every pending
 * call with a `SolverWorkerError` of kind 'cancelled', and the next call starts
 * a fresh worker. A crash of the worker (its `error` or `messageerror` event,
 * e.g. the wasm failing to load) rejects every pending call with kind 'crash'
 * and a message saying so; the next call starts a fresh worker too.
 *
 * A worker can also end without either event: the browser kills it (out of
 * memory, a crashed process) or something terminates it. A ping heartbeat
 * cannot tell that from a long solve (glpk runs synchronously, so a healthy
 * worker cannot answer while it solves, and glpk's callbacks come at no
 * bounded interval). Instead each worker holds a Web Lock named for it for its
 * whole life (worker-api.ts `lifeline`) and the client asks for the same lock:
 * the browser grants it the moment the worker ends, however it ends, and the
 * client rejects the pending calls with kind 'crash' ("it stopped without
 * reporting an error"), at once rather than after a heartbeat period, and
 * never takes a busy worker for a dead one. Without Web Locks (a page
 * that is not a secure context) a silent worker is left to the UI's watchdog
 * (src/ui/state/solve.ts: the time limit plus a grace).
 */
import * as Comlink from 'comlink';
import type { LinearModel } from '../model/linear';
import { toExplanation, type Explanation, type Solution, type SolveOptions } from './adapter';
import type { SolverWorkerApi } from './worker';
import { browserLocks, type LocksLike } from './worker-api';

export type SolverWorkerErrorKind = 'crash' | 'cancelled' | 'terminated';

export class SolverWorkerError extends Error {
  constructor(
    readonly kind: SolverWorkerErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SolverWorkerError';
  }
}

/** The part of `Worker` the client uses (a test can pass a stand-in). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerSolverOptions {
  /** defaults to the module worker `./worker.ts` */
  createWorker?: () => WorkerLike;
  /** how the client learns that a worker ended without an error event; null: it does not (default: the browser's Web Locks) */
  locks?: LocksLike | null;
}

type Method = keyof SolverWorkerApi;
type Args<K extends Method> = Parameters<SolverWorkerApi[K]>;
type Returned<K extends Method> = Awaited<ReturnType<SolverWorkerApi[K]>>;

export interface WorkerSolver {
  /** Any function of the worker's API, by name. */
  call<K extends Method>(method: K, ...args: Args<K>): Promise<Returned<K>>;
  ping(): Promise<{ glpkVersion: string }>;
  solve(model: LinearModel, opts?: SolveOptions): Promise<Solution>;
  writeLp(model: LinearModel): Promise<string>;
  /** Same shape as `Solver.explainInfeasible` (rebuilt from the worker's plain object). */
  explainInfeasible(model: LinearModel, opts?: SolveOptions): Promise<Explanation>;
  /** Number of calls waiting for the worker. */
  readonly pending: number;
  /** Cancels: terminates the worker, rejects pending calls ('cancelled'); the next call starts a fresh worker. */
  restart(): void;
  /** Terminates for good; pending and later calls reject ('terminated'). */
  terminate(): void;
}

/** Functions of the worker's API as methods of their own, with the client's restart. */
export type WorkerHandle<K extends Method> = { [M in K]: (...args: Args<M>) => Promise<Returned<M>> } & { restart(): void };

/**
 * A handle with the worker functions `methods`, each a call by name: what a
 * page's worker interface needs (SolverHandle, RangeWorker, ExploreWorker,
 * the pool's transport) without writing each call out again.
 */
export function workerHandle<K extends Method>(client: WorkerSolver, ...methods: K[]): WorkerHandle<K> {
  const calls = Object.fromEntries(methods.map((m) => [m, (...args: Args<K>) => client.call(m, ...args)]));
  return { ...calls, restart: () => client.restart() } as WorkerHandle<K>;
}

interface Session {
  worker: WorkerLike;
  remote: Comlink.Remote<SolverWorkerApi>;
  pending: Set<(error: Error) => void>;
  /** the worker's lock (see the top of this file) */
  lifeline: string;
  detach(): void;
}

function describe(event: Event): string {
  const e = event as Partial<ErrorEvent>;
  const where = e.filename ? ` (${e.filename}${e.lineno ? `:${e.lineno}` : ''})` : '';
  if (e.message) return `${e.message}${where}`;
  if (e.error instanceof Error) return e.error.message;
  return event.type === 'messageerror' ? 'a message could not be deserialised' : `${event.type} event${where}`;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'solver' });
}

export function createWorkerSolver(options: WorkerSolverOptions = {}): WorkerSolver {
  const spawn = options.createWorker ?? defaultWorker;
  const locks = options.locks === undefined ? browserLocks() : options.locks;
  let session: Session | null = null;
  let closed = false;
  let count = 0;

  function end(s: Session, error: SolverWorkerError): void {
    if (session === s) session = null;
    // detached first: the lock this ending frees must not report a second death
    s.detach();
    s.worker.terminate();
    const rejects = [...s.pending];
    s.pending.clear();
    for (const reject of rejects) reject(error);
  }

  function start(): Session {
    const worker = spawn();
    const onError = (event: Event) => {
      event.preventDefault?.();
      end(s, new SolverWorkerError('crash', `solver worker crashed: ${describe(event)}`));
    };
    const watch = new AbortController();
    const s: Session = {
      worker,
      remote: Comlink.wrap<SolverWorkerApi>(worker),
      pending: new Set(),
      lifeline: `quota-workbench-solver-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${count++}`,
      detach: () => {
        watch.abort();
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      },
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    if (locks)
      s.remote.lifeline(s.lifeline).then(
        (held) => {
          if (!held || watch.signal.aborted) return;
          locks
            .request(s.lifeline, { signal: watch.signal }, () => {
              if (!watch.signal.aborted) end(s, new SolverWorkerError('crash', 'solver worker crashed: it stopped without reporting an error'));
            })
            .catch(() => undefined); // aborted: this client ended the worker itself
        },
        () => undefined, // a worker without a lifeline (ended first, or a stand-in) is watched by its events only
      );
    return s;
  }

  function call<K extends Method>(method: K, ...args: Args<K>): Promise<Returned<K>> {
    if (closed) return Promise.reject(new SolverWorkerError('terminated', 'the solver worker was terminated'));
    const s = (session ??= start());
    return new Promise<Returned<K>>((resolve, reject) => {
      s.pending.add(reject);
      const fn = s.remote[method] as unknown as (...a: Args<K>) => Promise<Returned<K>>;
      fn(...args).then(
        (value) => {
          s.pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          s.pending.delete(reject);
          reject(error);
        },
      );
    });
  }

  return {
    call,
    ping: () => call('ping'),
    solve: (model, opts) => call('solve', model, opts),
    writeLp: (model) => call('writeLp', model),
    explainInfeasible: (model, opts) => call('explainInfeasible', model, opts).then(toExplanation),
    get pending() {
      return session?.pending.size ?? 0;
    },
    restart() {
      if (session) end(session, new SolverWorkerError('cancelled', 'the solve was cancelled (solver worker restarted)'));
    },
    terminate() {
      closed = true;
      if (session) end(session, new SolverWorkerError('terminated', 'the solver worker was terminated'));
    },
  };
}
