/**
 * What the solver web worker offers, separate from `worker.ts` so that it can
 * be extended (the worker spreads it into a larger API object) and tested in
 * Node without a worker. Every method is async because the solver loads lazily;
 * every argument and result is structured-cloneable.
 */
import type { LinearModel } from '../model/linear';
import { asIs } from '../model/said';
import type { InfeasibilityExplanation, Solution, SolveOptions, Solver } from './adapter';

export interface SolverWorkerBaseApi {
  /** Loads glpk if needed and warms it with a tiny solve; resolves with its version once the wasm runs. */
  ping(): Promise<{ glpkVersion: string }>;
  solve(model: LinearModel, opts?: SolveOptions): Promise<Solution>;
  writeLp(model: LinearModel): Promise<string>;
  /** Plain-object form (the array-with-flags `Explanation` would lose its flags in the clone); the client turns it back. */
  explainInfeasible(model: LinearModel, opts?: SolveOptions): Promise<InfeasibilityExplanation>;
  /**
   * Takes the Web Lock `name` and holds it for the worker's whole life; the
   * browser releases it the moment the worker ends, however it ends, so the
   * page learns of the death by asking for the same lock (client.ts).
   * Resolves true once held, false where there are no Web Locks.
   */
  lifeline(name: string): Promise<boolean>;
}

/** The part of the Web Locks API the lifeline uses (a test passes a stand-in). */
export interface LocksLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => unknown): Promise<unknown>;
}

export function browserLocks(): LocksLike | null {
  return (globalThis.navigator as { locks?: LocksLike } | undefined)?.locks ?? null;
}

/**
 * max 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6, x and y integer → 20 at (4, 0).
 * Its LP relaxation is fractional (3, 1.5), so solving it goes through the
 * simplex and branch and bound: the wasm functions a real solve needs are
 * compiled and warm before the planner's first solve (in Chromium the first
 * glpk call of a fresh worker took ~270 ms against 40–120 ms warm).
 */
const WARM_UP: LinearModel = {
  name: 'warm-up',
  sense: 'max',
  objective: [
    { variable: 'x', coef: 5 },
    { variable: 'y', coef: 4 },
  ],
  objectiveConstant: 0,
  variables: ['x', 'y'].map((name) => ({ name, label: asIs(name), integer: true, lb: 0, ub: null })),
  constraints: [
    { name: 'a', ub: 24, terms: [{ variable: 'x', coef: 6 }, { variable: 'y', coef: 4 }] },
    { name: 'b', ub: 6, terms: [{ variable: 'x', coef: 1 }, { variable: 'y', coef: 2 }] },
  ].map((c) => ({ ...c, family: 'cap', label: asIs(c.name), lb: null, elastic: false, unit: '' })),
};

export function createSolverWorkerApi(load: () => Promise<Solver>, locks: LocksLike | null = browserLocks()): SolverWorkerBaseApi & { getSolver(): Promise<Solver> } {
  let solver: Promise<Solver> | null = null;
  const getSolver = () => {
    if (!solver) {
      solver = load();
      solver.catch(() => {
        solver = null;
      });
    }
    return solver;
  };
  return {
    /** For functions added to the worker later (e.g. solving a whole scenario). */
    getSolver,
    async ping() {
      const solver = await getSolver();
      solver.solve(WARM_UP);
      return { glpkVersion: solver.glpkVersion };
    },
    async solve(model, opts) {
      return (await getSolver()).solve(model, opts);
    },
    async writeLp(model) {
      return (await getSolver()).writeLp(model);
    },
    async explainInfeasible(model, opts) {
      return (await getSolver()).explainInfeasibility(model, opts);
    },
    lifeline(name) {
      if (!locks) return Promise.resolve(false);
      return new Promise<boolean>((held) => {
        void locks.request(name, {}, () => {
          held(true);
          return new Promise<never>(() => undefined);
        });
      });
    },
  };
}
