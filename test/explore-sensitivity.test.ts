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
import { scenarioPathOf, sensitivity, withBoundMoved, withIntegersFixed, type ConstraintSensitivity, type Sensitivity } from '../src/model/explore/sensitivity';
import { DEFAULT_MIP_GAP, runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';

let solver: Solver;
let d: Dataset;
let t11: Scenario;
const SAND = 31423.94 / 1605.7;
const LIMESTONE = 3392.09 / 146.9;

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
  let r: Sensitivity;
  beforeAll(() => {
    r = sensitivity(d, t11, solver, { constraints: ['cap[limestone]', 'cap[jade]', 'cap[sand]'], maxDoublings: 3, bisections: 1 });
  });

  it('the limestone cap (non-degenerate dual): dual = value per unit = the change of a re-solve with the cap moved', () => {
    const c = row(r, 'cap[limestone]');
    expect(c.dual).toBeCloseTo(LIMESTONE, 6);
    expect(c.fixedUp.perUnit).toBeCloseTo(c.dual as number, 6);
    expect(c.fixedDown.perUnit).toBeCloseTo(c.dual as number, 6);
    // the MIP re-solve keeps its mines here, so it agrees too
    expect(c.up.perUnit).toBeCloseTo(c.dual as number, 4);
    expect(c.down.perUnit).toBeCloseTo(c.dual as number, 4);
    expect(c.rhs).toBe(500);
    expect(c.scenarioPath).toBe('caps.limestone.max');
  });

  it('agrees with a re-solve built independently: the LP with integers fixed, the cap moved by half a unit', () => {
    const built = buildModel(d, t11);
    const base = solver.solve(built.linear, { mipGap: DEFAULT_MIP_GAP });
    const dual = base.duals?.['cap[limestone]'] as number;
    const fixed = {
      ...built.linear,
      variables: built.linear.variables.map((v) => (v.integer ? { ...v, integer: false, lb: Math.round(base.values[v.name] ?? 0), ub: Math.round(base.values[v.name] ?? 0) } : v)),
    };
    const z0 = solver.solve(fixed, {}).objective as number;
    const moved = { ...fixed, constraints: fixed.constraints.map((c) => (c.name === 'cap[limestone]' ? { ...c, ub: (c.ub as number) + 0.5 } : c)) };
    const z1 = solver.solve(moved, {}).objective as number;
    expect((z1 - z0) / 0.5).toBeCloseTo(dual, 6);
    expect(row(r, 'cap[limestone]').dual).toBeCloseTo(dual, 9);
  });

  it('agrees with the whole MIP re-solved from a scenario with the cap 0.5 higher (within the objective normalisation: a higher cap raises the value scale V and so the 0.001·V/N cost of each mine)', () => {
    const z0 = runScenario(d, t11, solver).objective as number;
    const z1 = runScenario(d, { ...t11, caps: { ...t11.caps, limestone: 500.5 } }, solver).objective as number;
    expect(Math.abs((z1 - z0) / 0.5 - LIMESTONE) / LIMESTONE).toBeLessThan(1e-3);
  });

  it('the jade cap: dual 20 万元 per 吨 (the valuePerUnit assumption), on both sides', () => {
    const c = row(r, 'cap[jade]');
    expect(c.dual).toBeCloseTo(20, 6);
    for (const m of [c.up, c.down, c.fixedUp, c.fixedDown]) expect(m.perUnit).toBeCloseTo(20, 4);
    expect(c.sentence.zh).toMatch(/^玉石开采总量上限（专栏11）每提高1吨，目标值增加20万元（(至少)?在100–\d+吨之间成立）$/);
    expect(c.sentence.en).toMatch(/^each 1 吨 more on "Jade \(nephrite\) total extraction cap \(专栏11\)" adds 20 万元 \(holds (at least )?from 100 to \d+ 吨\)$/);
  });

  it('the sand cap: dual 0 with the mines fixed (they run at their maximum scale), but one unit more is worth a unit of sand less a mine in the MIP', () => {
    const c = row(r, 'cap[sand]');
    expect(c.dual).toBeCloseTo(0, 9);
    expect(c.fixedUp.perUnit).toBeCloseTo(0, 6);
    // 2001 万m³ needs one more mine; the max-value objective charges ε = 0.001·V/400 for it
    expect(c.up.perUnit as number).toBeGreaterThan(0.98 * SAND);
    expect(c.up.perUnit as number).toBeLessThan(SAND);
    // one unit less: the same mines, one unit less sand
    expect(c.down.perUnit).toBeCloseTo(SAND, 4);
    expect(c.fixedDown.perUnit).toBeCloseTo(SAND, 4);
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
      expect(c.sentence.zh.length).toBeGreaterThan(0);
      expect(c.solves).toBeLessThanOrEqual(2 * 2 + 2 * 2 * (1 + 0) + 2);
      if (c.scenarioPath) expect(() => paramInfo(c.scenarioPath as string, d)).not.toThrow();
    }
  });
});

describe('mine-count limits in planner words', () => {
  it('says what one more class-3 mine adds, and over which caps it holds', () => {
    // 15 class-3 mines: 14 sand mines at 100 万m³ and 1 clay mine (clay 26.6 万元/万吨 beats sand 19.6);
    // each mine more adds 100 万m³ of sand until sand reaches its 2000 cap at 20 sand mines
    const s = { ...t11, rightsCaps: { class3: 15 } };
    const r = sensitivity(d, s, solver, { constraints: ['rights[class3]'], maxDoublings: 3, bisections: 2 });
    const c = row(r, 'rights[class3]');
    expect(c.rhs).toBe(15);
    expect(c.up.perUnit as number).toBeGreaterThan(0.99 * 100 * SAND);
    expect(c.up.perUnit as number).toBeLessThan(100 * SAND);
    expect(c.sentence.zh).toMatch(/^每增加1个三类矿山指标，目标值增加19\d\d万元（在15–2\d个之间成立）$/);
    expect(c.sentence.en).toMatch(/^one more class-3 mine adds 19\d\d 万元 \(holds from 15 to 2\d 个\)$/);
    expect(c.upRange?.openEnd).toBe(false);
    expect(c.upRange?.to as number).toBeGreaterThanOrEqual(19);
    expect(c.upRange?.to as number).toBeLessThanOrEqual(22);
    expect(c.scenarioPath).toBe('rightsCaps.class3');
  });

  it('counts a class-1/2 cap as the planner sets it, the 55 mines of other minerals included', () => {
    const s = { ...t11, rightsCaps: { class12: 57 } };
    const r = sensitivity(d, s, solver, { constraints: ['rights[class12]'], maxDoublings: 1, bisections: 0 });
    const c = row(r, 'rights[class12]');
    expect(c.rhs).toBe(57);
    expect(c.up.perUnit as number).toBeGreaterThan(0);
    expect(c.sentence.en).toMatch(/^one more class-1\/2 mine adds [\d.]+ 万元/);
    expect(c.sentence.zh).toMatch(/^每增加1个一二类矿山指标，目标值增加[\d.]+万元/);
  });
});

describe('model transforms', () => {
  it('moves one bound and fixes integers without touching the model', () => {
    const built = buildModel(d, t11);
    const before = JSON.stringify(built.linear);
    const moved = withBoundMoved(built.linear, 'cap[sand]', 'upper', 5);
    expect(moved.constraints.find((c) => c.name === 'cap[sand]')?.ub).toBe(2005);
    const fixed = withIntegersFixed(built.linear, { 'n[Z01,large]': 2.9999999 });
    const n = fixed.variables.find((v) => v.name === 'n[Z01,large]');
    expect(n).toMatchObject({ integer: false, lb: 3, ub: 3 });
    expect(fixed.variables.every((v) => !v.integer)).toBe(true);
    expect(JSON.stringify(built.linear)).toBe(before);
  });

  it('names where the scenario file sets a bound', () => {
    expect(scenarioPathOf('cap[sand]', 'upper')).toBe('caps.sand.max');
    expect(scenarioPathOf('floor[clay]', 'lower')).toBe('caps.clay.min');
    expect(scenarioPathOf('rights[class12]', 'upper')).toBe('rightsCaps.class12');
    expect(scenarioPathOf('countyMax[moyu,sand]', 'upper')).toBe('countyBounds.moyu.sand.max');
    expect(scenarioPathOf('countyMin[moyu,sand]', 'lower')).toBe('countyBounds.moyu.sand.min');
    expect(scenarioPathOf('zoneVolume[Z04]', 'upper')).toBeNull();
  });
});
