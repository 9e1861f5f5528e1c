/**
 * Sensitivity on the real model with the real solver (table11-caps: every
 * solve well under a second). The duals of report.binding come from the LP
 * with the integers fixed; they are checked against re-solves with the bound
 * moved by a small step (on that LP, and as a scenario through the whole
 * MIP), and the MIP re-solves are shown to differ where a unit more needs a
 * mine more.
 *
 * Figures by hand: value per unit (专栏6 value ÷ output) sand 31423.94 / 1605.7 =
 * 19.5702 万元/万m³, limestone 3392.09 / 146.9 = 23.0912 万元/万吨 (density 2.6 for
 * the 万m³ figure is not needed: 专栏6 prints 万吨), jade 20 万元/吨 (assumption).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { buildModel } from '../src/model/build';
import { paramInfo } from '../src/model/explore/params';
import { scenarioPathOf, sensitivity, withBoundMoved, type ConstraintSensitivity, type Sensitivity } from '../src/model/explore/sensitivity';
import { withIntegersFixed } from '../src/model/linear';
import { inBoth } from './helpers/said';
import { DEFAULT_MIP_GAP, runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';

let solver: Solver;
let d: Dataset;
let t11: Scenario;
const SAND = 31423.94 / 1605.7;
/** 专栏6 gypsum value per unit, 万元/万吨 (the model's valuePerUnit) */
const GYPSUM = 157.44;

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
  t11 = checkScenarioAgainst(loadScenarioFile('scenarios/table11-caps.json'), d, 'table11-caps');
});

function row(r: Sensitivity, name: string): ConstraintSensitivity {
  const c = r.constraints.find((x) => x.constraint === name);
  if (!c) throw new Error(`no sensitivity for ${name}`);
  return c;
}

describe('duals against re-solves (table11-caps)', () => {
  // Model v2, continuity objective: 专栏11's gypsum demand (100 万吨) equals its cap (100), so the cap binds and
  // each unit less leaves a unit of demand unmet, priced at its 2020 value per unit (专栏6: 157.44 万元/万吨);
  // a unit more earns nothing (output beyond demand has no value). Jade likewise: demand 100 吨 = cap 100,
  // value 20 万元/吨 (assumption). Sand's county demand sums to 1605.7 < its 2000 cap: the cap is slack.
  let r: Sensitivity;
  beforeAll(() => {
    r = sensitivity(d, t11, solver, { constraints: ['cap[gypsum]', 'cap[jade]', 'cap[sand]'], maxDoublings: 3, bisections: 1 });
  });

  it('the gypsum cap: dual = value per unit (157.44) = the loss per unit of a re-solve with the cap lowered; raising it gains nothing', () => {
    const c = row(r, 'cap[gypsum]');
    expect(c.dual).toBeCloseTo(GYPSUM, 6);
    expect(c.fixedDown.perUnit).toBeCloseTo(GYPSUM, 6);
    expect(c.fixedUp.perUnit).toBeCloseTo(0, 6);
    expect(c.up.perUnit).toBeCloseTo(0, 6);
    // the MIP re-solve may save a little mine cost with the smaller output: within 0.5% of the value per unit
    expect(Math.abs((c.down.perUnit as number) - GYPSUM) / GYPSUM).toBeLessThan(5e-3);
    expect(c.rhs).toBe(100);
    expect(c.scenarioPath).toBe('caps.gypsum.max');
  });

  it('agrees with a re-solve built independently: the LP with integers fixed, the cap lowered by half a unit', () => {
    const built = buildModel(d, t11);
    const base = solver.solve(built.linear, { mipGap: DEFAULT_MIP_GAP });
    const dual = base.duals?.['cap[gypsum]'] as number;
    const fixed = {
      ...built.linear,
      variables: built.linear.variables.map((v) => (v.integer ? { ...v, integer: false, lb: Math.round(base.values[v.name] ?? 0), ub: Math.round(base.values[v.name] ?? 0) } : v)),
    };
    const z0 = solver.solve(fixed, {}).objective as number;
    const moved = { ...fixed, constraints: fixed.constraints.map((c) => (c.name === 'cap[gypsum]' ? { ...c, ub: (c.ub as number) - 0.5 } : c)) };
    const z1 = solver.solve(moved, {}).objective as number;
    expect((z0 - z1) / 0.5).toBeCloseTo(GYPSUM, 6);
    expect(dual).toBeCloseTo(GYPSUM, 6);
    expect(row(r, 'cap[gypsum]').dual).toBeCloseTo(dual, 6);
  });

  it('agrees with the whole MIP re-solved from a scenario with the cap 0.5 lower (within the objective normalisation: a lower cap lowers the value scale V and so the mine and transport costs)', () => {
    const z0 = runScenario(d, t11, solver).objective as number;
    const z1 = runScenario(d, { ...t11, caps: { ...t11.caps, gypsum: 99.5 } }, solver).objective as number;
    expect(Math.abs((z0 - z1) / 0.5 - GYPSUM) / GYPSUM).toBeLessThan(1e-3);
  });

  it('the jade cap: dual 20 万元 per 吨 (the valuePerUnit assumption); a 吨 more is beyond demand and earns nothing', () => {
    const c = row(r, 'cap[jade]');
    expect(c.dual).toBeCloseTo(20, 6);
    expect(c.fixedUp.perUnit).toBeCloseTo(0, 6);
    expect(c.up.perUnit).toBeCloseTo(0, 6);
    expect(inBoth(c.sentence).zh).toMatch(/^玉石开采总量上限（专栏11）每提高1吨，目标值不变（(至少)?在100–\d+吨之间成立）$/);
    expect(inBoth(c.sentence).en).toMatch(/^each 1 吨 more on "Jade \(nephrite\) total extraction cap \(专栏11\)" leaves the objective unchanged \(holds (at least )?from 100 to \d+ 吨\)$/);
  });

  it('the sand cap: slack (sand supplies its county demand, 1605.7 < 2000), so dual 0 and no change either way', () => {
    const c = row(r, 'cap[sand]');
    expect(c.dual).toBeCloseTo(0, 9);
    for (const m of [c.up, c.down, c.fixedUp, c.fixedDown]) expect(m.perUnit).toBeCloseTo(0, 6);
    expect(runScenario(d, t11, solver).totals.sand?.volume).toBeCloseTo(1605.7, 3);
  });
});

describe('every binding constraint', () => {
  it('has its dual between the values per unit of moving its bound up and down on the LP with integers fixed (the LP value is concave in the bound)', () => {
    const r = sensitivity(d, t11, solver, { maxDoublings: 1, bisections: 0 });
    expect(r.constraints.length).toBeGreaterThan(3);
    for (const c of r.constraints) {
      if (c.dual === null || c.fixedUp.perUnit === null || c.fixedDown.perUnit === null) continue;
      const eps = 1e-6 * Math.max(1, Math.abs(c.dual));
      expect(c.fixedUp.perUnit, c.constraint).toBeLessThanOrEqual(c.dual + eps);
      expect(c.dual, c.constraint).toBeLessThanOrEqual(c.fixedDown.perUnit + eps);
      expect(inBoth(c.sentence).zh.length).toBeGreaterThan(0);
      expect(c.solves).toBeLessThanOrEqual(2 * 2 + 2 * 2 * (1 + 0) + 2);
      if (c.scenarioPath) expect(() => paramInfo(c.scenarioPath as string, d)).not.toThrow();
    }
  });
});

describe('mine-count limits in planner words', () => {
  it('says what one more class-3 mine adds, and over which caps it holds', () => {
    // v2, continuity: with 15 class-3 mines sand demand is far from met, so one mine more is one more sand
    // mine at its largest output (专栏4: 10726.6 / 120 / 5 = 17.8777 万m³) supplying unmet demand priced at
    // SAND 万元/万m³: 17.8777 × 19.5702 = 349.87, less the mine's small cost 0.001·V/400 (≈0.18)
    const perMine = (10726.6 / 120 / 5) * SAND;
    const s = { ...t11, rightsCaps: { class3: 15 } };
    const r = sensitivity(d, s, solver, { constraints: ['rights[class3]'], maxDoublings: 3, bisections: 2 });
    const c = row(r, 'rights[class3]');
    expect(c.rhs).toBe(15);
    expect(c.up.perUnit as number).toBeGreaterThan(0.99 * perMine);
    expect(c.up.perUnit as number).toBeLessThan(perMine);
    expect(inBoth(c.sentence).zh).toMatch(/^每增加1个三类矿山指标，目标值增加350万元（(至少)?在15–\d+个之间成立）$/);
    expect(inBoth(c.sentence).en).toMatch(/^one more class-3 mine adds 350 万元 \(holds (at least )?from 15 to \d+ 个\)$/);
    // the search (3 doublings) has not reached the end of the range: sand demand needs ~90 mines
    expect(c.upRange?.to as number).toBeGreaterThanOrEqual(16);
    expect(c.scenarioPath).toBe('rightsCaps.class3');
  });

  it('counts a class-1/2 cap as the planner sets it, the 55 mines of other minerals included', () => {
    const s = { ...t11, rightsCaps: { class12: 57 } };
    const r = sensitivity(d, s, solver, { constraints: ['rights[class12]'], maxDoublings: 1, bisections: 0 });
    const c = row(r, 'rights[class12]');
    expect(c.rhs).toBe(57);
    expect(c.up.perUnit as number).toBeGreaterThan(0);
    expect(inBoth(c.sentence).en).toMatch(/^one more class-1\/2 mine adds [\d.]+ 万元/);
    expect(inBoth(c.sentence).zh).toMatch(/^每增加1个一二类矿山指标，目标值增加[\d.]+万元/);
  });
});

describe('model transforms', () => {
  it('moves one bound and fixes integers without touching the model', () => {
    const built = buildModel(d, t11);
    const before = JSON.stringify(built.linear);
    const moved = withBoundMoved(built.linear, 'cap[sand]', 'upper', 5);
    expect(moved.constraints.find((c) => c.name === 'cap[sand]')?.ub).toBe(2005);
    // v2's integers are the mine totals per county and mineral (N[...]); cell counts are continuous
    const fixed = withIntegersFixed(built.linear, { 'N[hetian,sand]': 2.9999999 });
    const n = fixed.variables.find((v) => v.name === 'N[hetian,sand]');
    expect(n).toMatchObject({ integer: false, lb: 3, ub: 3 });
    expect(fixed.variables.every((v) => !v.integer)).toBe(true);
    expect(JSON.stringify(built.linear)).toBe(before);
  });

  it('names where the scenario file sets a bound, from the rows\' typed keys', () => {
    const s: Scenario = { ...t11, caps: { clay: { min: 50 } }, countyBounds: { moyu: { sand: { min: 1, max: 900 } } } };
    const rows = buildModel(d, s).linear.constraints;
    const pathOf = (name: string) => {
      const c = rows.find((x) => x.name === name);
      if (!c) throw new Error(`no row ${name}`);
      return scenarioPathOf(c);
    };
    expect(pathOf('cap[sand]')).toBe('caps.sand.max');
    expect(pathOf('floor[clay]')).toBe('caps.clay.min');
    expect(pathOf('rights[class12]')).toBe('rightsCaps.class12');
    expect(pathOf('countyMax[moyu,sand]')).toBe('countyBounds.moyu.sand.max');
    expect(pathOf('countyMin[moyu,sand]')).toBe('countyBounds.moyu.sand.min');
    expect(pathOf('share[largeMedium]')).toBe('largeMediumShare.min');
    expect(pathOf('zoneVolume[Z04]')).toBeNull();
  });
});
