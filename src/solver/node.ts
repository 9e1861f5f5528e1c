/**
 * The solver for Node (CLI, tests): glpk.js's synchronous build, loaded once
 * per process and shared.
 */
import GLPK from 'glpk.js/node';
import { createSolver, type Solver } from './adapter';
import { instantiateGlpk } from './quiet';

let instance: Promise<Solver> | null = null;

/** The process-wide solver; the wasm is compiled on the first call only. */
export function createNodeSolver(): Promise<Solver> {
  if (!instance) {
    instance = instantiateGlpk(GLPK).then(createSolver);
    // A failed load is not cached: the next call tries again.
    instance.catch(() => {
      instance = null;
    });
  }
  return instance;
}
