/**
 * One run keeps to the scenario's time limit: the stages, the whole-mines
 * step and the duals share it as one budget instead of each getting all of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { LinearModel } from '../src/model/linear';
import { runScenario, type ModelSolver, type SolveLimits } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';

let solver: Solver;
beforeAll(async () => {
  solver = await createNodeSolver();
});

/** The real solver, recording the time limit of every call. */
function recording(real: Solver, seen: number[]): ModelSolver {
  const note = (o: SolveLimits | undefined) => seen.push(o?.timeLimitSec ?? Infinity);
  return {
    solve: (m: LinearModel, o: SolveLimits) => (note(o), real.solve(m, o)),
    explainInfeasible: (m, o) => (note(o), real.explainInfeasible(m, o)),
    bindingConstraints: (m, s) => real.bindingConstraints(m, s),
    dualsAt: (m, v, o) => (note(o), real.dualsAt(m, v, o)),
  };
}

describe('the time budget of one run', () => {
  it('gives the first solve the scenario’s limit and every later one only what is left of it', () => {
    const d = loadDatasetFile('models/hotan-2021-2025.json');
    const s = { ...loadScenarioFile('scenarios/baseline.json'), timeLimitSec: 30 };
    const seen: number[] = [];
    const r = runScenario(d, s, recording(solver, seen));
    expect(r.status).toBe('optimal');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toBeLessThanOrEqual(30);
    expect(seen[0]).toBeGreaterThan(29);
    for (let i = 1; i < seen.length; i++) expect(seen[i], `call ${i}`).toBeLessThanOrEqual(seen[i - 1] as number);
    expect(seen[seen.length - 1]).toBeLessThan(30);
  });
});
