/**
 * The solver web worker (module worker): glpk.js's synchronous build, run off
 * the UI thread and reached through comlink. Thin on purpose: the work is done
 * by the same `createSolver` the CLI and the tests use.
 *
 * To add a function, add it to `api` (it may use `base.getSolver()`); the
 * client's `call()` picks it up through `SolverWorkerApi`.
 */
import * as Comlink from 'comlink';
import GLPK from 'glpk.js/node';
import { createSolver } from './adapter';
import { instantiateGlpk } from './quiet';
import { createSolverWorkerApi } from './worker-api';

const base = createSolverWorkerApi(async () => createSolver(await instantiateGlpk(GLPK)));

const api = {
  ping: base.ping,
  solve: base.solve,
  writeLp: base.writeLp,
  explainInfeasible: base.explainInfeasible,
};

export type SolverWorkerApi = typeof api;

Comlink.expose(api);
