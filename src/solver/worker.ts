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
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel } from '../model/build';
import type { SolveReport } from '../model/report';
import { runScenario } from '../model/run';
import { createSolver } from './adapter';
import { instantiateGlpk } from './quiet';
import { createSolverWorkerApi } from './worker-api';

const base = createSolverWorkerApi(async () => createSolver(await instantiateGlpk(GLPK)));

const api = {
  ping: base.ping,
  solve: base.solve,
  writeLp: base.writeLp,
  explainInfeasible: base.explainInfeasible,
  /** The whole scenario in the worker: build, solve, explain, report. */
  async solveScenario(dataset: Dataset, scenario: Scenario): Promise<SolveReport> {
    return runScenario(dataset, scenario, await base.getSolver());
  },
  /** The exact model of a scenario as a CPLEX LP file. */
  async writeScenarioLp(dataset: Dataset, scenario: Scenario): Promise<string> {
    return (await base.getSolver()).writeLp(buildModel(dataset, scenario).linear);
  },
};

export type SolverWorkerApi = typeof api;

Comlink.expose(api);
