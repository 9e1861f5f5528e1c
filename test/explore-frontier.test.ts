/**
 * The mine-count / volume frontier on the real model with the real solver,
 * checked against solves of each limit alone (exact, gap 0) and against the
 * curve worked out by hand; and its bookkeeping (monotone repair, knee,
 * bounded solves) on a stub solver.
 *
 * strict-consolidation by hand (model v2): sand ≤ 2000 万m³ (专栏20), class-3
 * mines ≤ 90. Model v2 has no floors (caps are ceilings, demand is soft), so
 * the fewest class-3 mines are 0. A sand mine yields at most the largest
 * mine of 专栏4: 10726.6 万m³ / 120 deposits / 5 years = 17.8776̅ 万m³, so with
 * L mines (clay earns nothing under the volume objective and gets none) sand
 * reaches min(2000, 17.8777·L); 90 × 17.8777 = 1609.0 < 2000, so the curve is
 * the straight line 17.8777·L from 0 to the cap 90 — no knee.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { buildModel } from '../src/model/build';
import { computeFrontier, kneeOf, volumeObjective, withMineLimit, type Frontier, type FrontierPoint } from '../src/model/explore/frontier';
import { scenarioSolver, type ScenarioSolve } from '../src/model/explore/solve';
import type { SolveReport } from '../src/model/report';
import { reportFrom, runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';

let solver: Solver;
let d: Dataset;
/** runScenario, without the explanation where a test only needs feasibility (the elastic re-solve can take a minute) */
let solve: ReturnType<typeof scenarioSolver>;
const preset = (name: string): Scenario => checkScenarioAgainst(loadScenarioFile(`scenarios/${name}.json`), d, name);

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
  solve = scenarioSolver(d, solver);
});

/** The most sand for `limit` class-3 mines, solved alone and proven optimal (gap 0), built without the frontier's code. */
function exactSand(s: Scenario, limit: number): { status: string; sand: number | null } {
  const alone: Scenario = {
    ...s,
    rightsCaps: { ...s.rightsCaps, class3: limit },
    assumptions: { ...s.assumptions, valuePerUnit: { sand: 1, clay: 0, limestone: 0, gypsum: 0, jade: 0 } },
    objective: { preset: 'max-value', weights: { value: 1, mines: 0.001, transport: 0, unmet: 0, deviation: 0, share: 0 } },
  };
  const built = buildModel(d, alone);
  // stage 1 only: the goal's optimum is the sand volume (stage 2 and whole mines keep it)
  const sol = solver.solve(built.linear, { mipGap: 0, timeLimitSec: 30 });
  if (sol.status !== 'optimal') return { status: sol.status, sand: null };
  return { status: sol.status, sand: reportFrom(d, built, { solution: sol, gap: null, tieBreak: 'none' }, [], []).totals.sand?.volume ?? null };
}

describe('class-3 frontier of strict consolidation', () => {
  let f: Frontier;
  let s: Scenario;
  beforeAll(async () => {
    s = preset('strict-consolidation');
    f = await computeFrontier(d, s, { limit: 'class3', maxSolves: 16 }, solve);
  });

  it('maximises sand volume between the fewest mines that meet the floors and the scenario cap, within its solve budget', () => {
    expect(f.measure).toBe('volume');
    expect(f.minerals).toEqual(['sand']);
    expect(f.unit).toBe('万m³');
    expect(f.fewest).toBe(0);
    expect(f.cap).toBe(90);
    expect(f.points[0]?.limit).toBe(0);
    expect(f.points[f.points.length - 1]?.limit).toBe(90);
    expect(f.solves).toBeLessThanOrEqual(16);
    expect(f.cancelled).toBe(false);
  });

  it('is monotone, every point at or under its limit and as the hand calculation says', () => {
    for (let i = 1; i < f.points.length; i++) {
      const [a, b] = [f.points[i - 1] as FrontierPoint, f.points[i] as FrontierPoint];
      expect(b.limit).toBeGreaterThan(a.limit);
      expect(b.volume as number).toBeGreaterThanOrEqual(a.volume as number);
    }
    const largest = 10726.6 / 120 / 5;
    for (const p of f.points) {
      // the point at the cap (90) comes back 'feasible': see the note in the report on whole mines there
      expect(['optimal', 'feasible']).toContain(p.status);
      expect(p.mines as number).toBeLessThanOrEqual(p.limit);
      expect(p.volume as number).toBeCloseTo(Math.min(2000, largest * p.limit), 3);
    }
  });

  it('has no knee on its straight line (sand never reaches its cap) and marks the plan and baseline points', () => {
    expect(f.knee).toBeNull();
    expect(f.plan?.limit).toBe(90);
    expect(f.plan?.volume).toBeCloseTo((90 * 10726.6) / 120 / 5, 3);
    const own = runScenario(d, s, solver);
    expect(f.baseline.limit).toBe(own.rights.class3.used);
    expect(f.baseline.volume).toBeCloseTo(own.totals.sand?.volume as number, 6);
    const onFrontier = f.points.find((p) => p.limit >= f.baseline.limit);
    expect(f.baseline.volume as number).toBeLessThanOrEqual((onFrontier?.volume as number) + 1e-6);
  });

  it('has every point optimal for its limit: each limit solved alone to proven optimality agrees', () => {
    for (const p of f.points.filter((x, i) => i % 3 === 0 || x === f.plan)) {
      const alone = exactSand(s, p.limit);
      expect(alone.status, `limit ${p.limit}`).toBe('optimal');
      expect(p.volume as number).toBeCloseTo(alone.sand as number, 3);
    }
  });

  it('starts at the fewest mines: with no floors in v2, no class-3 mine is still feasible (and yields no sand)', () => {
    const none = solve(volumeObjective(d, withMineLimit(s, 'class3', 0), ['sand']), { explain: false });
    expect(none.status).toBe('optimal');
    expect(none.totals.sand?.volume).toBeCloseTo(0, 6);
    expect(exactSand(s, 0)).toEqual({ status: 'optimal', sand: 0 });
  });
});

describe('frontier of output value against all mines', () => {
  // on the baseline (at most 400 mines, 专栏11): the same ten limits as strict-consolidation gives, whose tie-break MIPs take five times as long
  it('is monotone in value and never passes the scenario cap', async () => {
    const s = preset('baseline');
    const f = await computeFrontier(d, s, { limit: 'total', maxSolves: 10 }, solve);
    expect(f.measure).toBe('value');
    expect(f.unit).toBe('万元');
    expect(f.solves).toBeLessThanOrEqual(10);
    expect(f.points[f.points.length - 1]?.limit).toBe(400);
    for (let i = 1; i < f.points.length; i++) expect((f.points[i] as FrontierPoint).value as number).toBeGreaterThanOrEqual((f.points[i - 1] as FrontierPoint).value as number);
    const below = solve({ ...s, rightsCaps: { ...s.rightsCaps, total: (f.fewest as number) - 1 } }, { explain: false });
    expect(below.status).toBe('infeasible');
  });
});

describe('a tight solve budget', () => {
  it('keeps the plan\'s cap and the baseline\'s point, whatever it leaves out of the grid', async () => {
    const s = preset('strict-consolidation');
    // 4 solves: the fewest, the baseline, the probe below the fewest and one grid point
    const f = await computeFrontier(d, s, { limit: 'class3', maxSolves: 4 }, solve);
    expect(f.solves).toBeLessThanOrEqual(4);
    expect(f.plan?.limit).toBe(90);
    expect(f.plan?.status).toBe('optimal');
    expect(f.points.some((p) => p.limit === f.baseline.limit)).toBe(true);
  });
});

describe('a loaded machine', () => {
  /** Busy threads on every core while the frontier runs: nothing it reports may depend on wall-clock time. */
  async function withCpuHogs<T>(work: () => Promise<T>): Promise<T> {
    const hogs = Array.from({ length: Math.max(2, availableParallelism()) }, () => new Worker('const end = Date.now() + 600_000; while (Date.now() < end) {}', { eval: true }));
    try {
      return await work();
    } finally {
      await Promise.all(hogs.map((h) => h.terminate()));
    }
  }
  const shape = (f: Frontier) => ({ points: f.points.map((p) => [p.limit, p.status, p.volume]), plan: f.plan && [f.plan.limit, f.plan.status, f.plan.volume], baseline: [f.baseline.limit, f.baseline.volume], fewest: f.fewest, solves: f.solves });

  it("gives the same frontier, the plan's point included, beside a CPU hog on every core", async () => {
    const s = preset('strict-consolidation');
    const quiet = await computeFrontier(d, s, { limit: 'class3', maxSolves: 5 }, solve);
    const loaded = await withCpuHogs(() => computeFrontier(d, s, { limit: 'class3', maxSolves: 5 }, solve));
    expect(loaded.plan?.limit).toBe(90);
    expect(shape(loaded)).toEqual(shape(quiet));
  });
});

describe('frontier bookkeeping on a stub solver', () => {
  /** A report with just what the frontier reads: volume = curve(limit), mines used = limit. */
  function stubReport(limit: number, sand: number, status: SolveReport['status'] = 'optimal'): SolveReport {
    const t = (volume: number) => ({ volume, cap: null, floor: null, unit: '万m³', mines: 0 });
    return {
      status,
      objective: sand,
      totals: { sand: t(sand), clay: t(0), limestone: t(0), gypsum: t(0), jade: t(0) },
      rights: { class3: { used: limit, cap: 250 }, class12: { used: 55, cap: 150 }, total: { used: limit + 55, cap: 400 }, largeMediumShare: { value: null, min: 0.4 } },
      counties: [],
      zones: [],
      binding: [],
      explanation: [],
      size: { variables: 0, integers: 0, constraints: 0 },
      solveTimeMs: 0,
      modelVersion: 'stub',
    };
  }

  it('carries a point that came back below a smaller limit (a MIP stopped at its gap), and bisects where the curve rises', async () => {
    // a dip at 60–70 mines, as a MIP stopped at its gap could return
    const curve = (l: number) => (l >= 60 && l <= 70 ? 2500 : Math.min(3000, 100 * l));
    const asked: number[] = [];
    const stub: ScenarioSolve = (x) => {
      const l = x.rightsCaps?.class3 as number;
      if (x.objective?.preset === 'min-mines') return stubReport(5, 500);
      asked.push(l);
      if (l < 5) return stubReport(l, 0, 'infeasible');
      return stubReport(Math.min(l, 30), curve(l));
    };
    const f = await computeFrontier(d, preset('table11-caps'), { limit: 'class3', maxSolves: 12 }, stub);
    expect(f.fewest).toBe(5);
    expect(f.solves).toBeLessThanOrEqual(12);
    expect(asked).toContain(4);
    // the grid (step ⌈245/4⌉ = 62) solves 67, inside the dip; a smaller limit already reached 3000
    const dip = f.points.find((p) => p.limit === 67);
    expect(dip?.carried).toBe(true);
    expect(dip?.volume).toBe(3000);
    expect(f.points.filter((p) => p.carried).every((p) => p.limit >= 60 && p.limit <= 70)).toBe(true);
    for (let i = 1; i < f.points.length; i++) expect((f.points[i] as FrontierPoint).volume as number).toBeGreaterThanOrEqual((f.points[i - 1] as FrontierPoint).volume as number);
    // 3 solves for the fewest (min-mines, baseline, the probe at 4), 5 on the grid 5, 67, 129, 191, 250,
    // the 4 left bisect where the curve changes most (5…67), none the flat part
    expect(f.points.filter((p) => p.limit > 67).map((p) => p.limit)).toEqual([129, 191, 250]);
    expect(f.points.filter((p) => p.limit > 5 && p.limit < 67)).toHaveLength(4);
  });

  it('puts the knee farthest above the chord, and none on a straight line', () => {
    const pt = (limit: number, volume: number): FrontierPoint => ({ limit, volume, value: volume, status: 'optimal', mines: limit, volumes: {} });
    expect(kneeOf([pt(0, 0), pt(10, 90), pt(20, 100), pt(100, 100)], 'volume')?.limit).toBe(10);
    expect(kneeOf([pt(0, 0), pt(10, 10), pt(20, 20)], 'volume')).toBeNull();
    expect(kneeOf([pt(0, 5), pt(10, 5)], 'volume')).toBeNull();
  });
});
