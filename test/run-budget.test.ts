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

interface Call {
  limit: number;
  /** seconds since the run began */
  at: number;
}

/** The real solver, recording the time limit of every call and when it was made. */
function recording(real: Solver, seen: Call[], t0: number): ModelSolver {
  const note = (o: SolveLimits | undefined) => seen.push({ limit: o?.timeLimitSec ?? Infinity, at: (performance.now() - t0) / 1000 });
  return {
    solve: (m: LinearModel, o: SolveLimits) => (note(o), real.solve(m, o)),
    explainInfeasible: (m, o) => (note(o), real.explainInfeasible(m, o)),
    bindingConstraints: (m, s) => real.bindingConstraints(m, s),
    dualsAt: (m, v, o) => (note(o), real.dualsAt(m, v, o)),
  };
}

describe('the time budget of one run', () => {
  it('gives the first solve the scenario’s limit and every later one at most what is left of it', () => {
    const d = loadDatasetFile('models/hotan-2021-2025.json');
    const s = { ...loadScenarioFile('scenarios/baseline.json'), timeLimitSec: 30 };
    const seen: Call[] = [];
    const r = runScenario(d, s, recording(solver, seen, performance.now()));
    expect(r.status).toBe('optimal');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]?.limit).toBeLessThanOrEqual(30);
    expect(seen[0]?.limit).toBeGreaterThan(29);
    // the budget starts with the first solve (after the model is built): a later call never gets more than what the first
    // got less the time since the call before it began (its limit is worked out after that; each call's own time is noted a
    // moment after its limit, a lag that a busy machine stretched past a millisecond)
    const first = seen[0] as Call;
    for (const [i, c] of seen.entries()) if (i > 0) expect(c.limit, `call ${i}`).toBeLessThanOrEqual(first.limit - ((seen[i - 1] as Call).at - first.at) + 1e-9);
    expect(Math.min(...seen.slice(1).map((c) => c.limit))).toBeLessThan(30);
  });
});
