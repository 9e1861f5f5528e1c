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
 * There is no ping heartbeat, on purpose. glpk runs synchronously in the
 * worker, so a healthy worker cannot answer a ping while it solves, and
 * nothing inside it runs at a bounded interval meanwhile (glpk's callbacks
 * come per branch-and-bound node or per log line; presolve or one large LP
 * relaxation goes seconds without either): a 2 s heartbeat would kill long
 * solves that are fine. Every way our worker can die raises one of the two
 * events (a failed load, an uncaught error, a message that cannot be read);
 * a worker that goes silent any other way is left to the UI's watchdog
 * (src/ui/state/solve.ts: the time limit plus a grace).
 */
import * as Comlink from 'comlink';
import type { LinearModel } from '../model/linear';
import { toExplanation, type Explanation, type Solution, type SolveOptions } from './adapter';
import type { SolverWorkerApi } from './worker';

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

interface Session {
  worker: WorkerLike;
  remote: Comlink.Remote<SolverWorkerApi>;
  pending: Set<(error: Error) => void>;
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
  let session: Session | null = null;
  let closed = false;

  function end(s: Session, error: SolverWorkerError): void {
    if (session === s) session = null;
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
    const s: Session = {
      worker,
      remote: Comlink.wrap<SolverWorkerApi>(worker),
      pending: new Set(),
      detach: () => {
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      },
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
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
