/**
 * One answer, whichever exact solver: for every preset in scenarios/, glpk's
 * answer (stage 1 then the one-answer stage 2) and HiGHS's, reading the LP
 * files `writeLp` exports, agree on the planner's goal (stage 1) and on every
 * county × mineral quota; and so on the sweep points where near-equal
 * allocations make glpk's search longest.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Dataset } from '../src/domain/dataset';
import { buildModel, type BuiltModel } from '../src/model/build';
import { sweepScenarios } from '../src/model/explore/sweep';
import { runAnswer } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { lpFileNames } from '../src/solver/lp-names';
import { createNodeSolver } from '../src/solver/node';
import { lpObjectiveWithHighs } from './helpers/highs';
import { benchGrid } from '../scripts/bench-grid';

const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort();

let solver: Solver;
beforeAll(async () => {
  solver = await createNodeSolver();
});

/** glpk's answer and HiGHS's, reading the exported LP files: the same goal (stage 1) and the same county × mineral quotas (stage 2). */
async function expectOneAnswer(d: Dataset, built: BuiltModel, what: string): Promise<void> {
  const { answer } = runAnswer(d, built, solver, { explain: false });
  expect(answer.goal.status).toBe('optimal');
  expect(answer.oneAnswer).not.toBeNull();
  if (!answer.oneAnswer || answer.goal.objective === null) return;

  // stage 1: the same optimum of the planner's goal
  const h1 = await lpObjectiveWithHighs(solver.writeLp(built.linear), 60, { mip_rel_gap: 0 });
  expect(h1.status).toBe('Optimal');
  const goal = answer.goal.objective;
  expect(Math.abs(h1.objective - goal) / Math.max(1, Math.abs(goal)), `stage 1: HiGHS ${h1.objective}, glpk ${goal}`).toBeLessThan(1e-6);

  // stage 2: the same county × mineral quotas
  const model2 = answer.oneAnswer;
  const h2 = await lpObjectiveWithHighs(solver.writeLp(model2), 60, { mip_rel_gap: 0 });
  expect(h2.status).toBe('Optimal');
  const names = lpFileNames(model2);
  const col = new Map(model2.variables.map((v, j) => [v.name, names.columns[j] ?? '']));
  const quotas = new Map<string, { glpk: number; highs: number }>();
  for (const x of built.index.cells) {
    const key = `${x.cell.county ?? 'all'}.${x.cell.mineral}`;
    const column = col.get(x.volume);
    expect(column, x.volume).toBeDefined();
    const q = quotas.get(key) ?? { glpk: 0, highs: 0 };
    q.glpk += answer.solution.values[x.volume] ?? 0;
    q.highs += h2.values[column ?? ''] ?? 0;
    quotas.set(key, q);
  }
  expect(quotas.size).toBeGreaterThan(0);
  for (const [key, q] of quotas) expect(Math.abs(q.glpk - q.highs), `${what} ${key}: glpk ${q.glpk}, HiGHS ${q.highs}`).toBeLessThan(1e-4);
}

describe('glpk and HiGHS give the same answer on every preset', () => {
  it('finds the presets', () => {
    expect(presets.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of presets)
    it(file, async () => {
      const d = loadDatasetFile('models/hotan-2021-2025.json');
      await expectOneAnswer(d, buildModel(d, loadScenarioFile(`scenarios/${file}`)), file);
    }, 180_000);
});

// Where the sand cap binds, many allocations come within a few 0.1 万元 of the goal's optimum and glpk's branch-and-bound
// runs longest (seconds, thousands of nodes): the points of the browser benchmark's 15 × 15 grid where it ran longest.
describe('glpk and HiGHS give the same answer where the sand cap binds and the search is longest', () => {
  const d = loadDatasetFile('models/hotan-2021-2025.json');
  const baseline = loadScenarioFile('scenarios/baseline.json');
  const grid = sweepScenarios(d, baseline, { axes: benchGrid(15) });
  for (const i of [16, 25, 31, 56]) {
    const point = grid[i] as (typeof grid)[number];
    const what = Object.entries(point.params).map(([p, v]) => `${p}=${v.toFixed(1)}`).join(', ');
    it(what, async () => {
      await expectOneAnswer(d, buildModel(d, point.scenario), what);
    }, 180_000);
  }
});
