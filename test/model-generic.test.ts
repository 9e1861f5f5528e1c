/**
 * The builder is generic: it knows nothing of Hotan, so a made-up region in
 * the same format builds and solves, with planner-named rows and columns.
 * And the real baseline (Hotan 2021–2025 + scenarios/baseline.json) solves to
 * an answer that satisfies every constraint of DESIGN.md's allocation model,
 * checked here from the report and the solution, with the limits recomputed
 * from the plan tables rather than read back from the builder where possible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, SizeClass } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import { convert, parsePlanUnit } from '../src/domain/units';
import { validateDataset, validateScenario, validateScenarioAgainst } from '../src/domain/validation';
import { buildModel, type BuiltModel, type CellColumns } from '../src/model/build';
import type { SolveReport } from '../src/model/report';
import { reportFrom, runScenario, solveBuilt, type Answer, type Solution } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import { scenario, tiny, tinyJson } from './helpers/tiny';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (p: string): unknown => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as unknown;

/** name[key] in planner terms, or a bare name for a model-wide column (shareShortfall) */
const PLANNER_NAME = /^[A-Za-z]+(\[[^\]]+\])?$/;
const TOL = 1e-6;

let solver: Solver;
beforeAll(async () => {
  solver = await createNodeSolver();
});

describe('the builder knows nothing of Hotan', () => {
  it('the tiny region is a valid quota-model/1 file', () => {
    const v = validateDataset(tinyJson(), 'tiny-region.json');
    expect(v.ok ? [] : v.problems).toEqual([]);
  });

  it('the tiny region shares no id with the Hotan model', () => {
    const hotan = loadHotan();
    const d = tiny();
    const ids = (x: Dataset) => new Set([x.id, ...x.units.map((u) => u.id)]);
    for (const id of ids(d)) expect(ids(hotan).has(id), id).toBe(false);
    expect(d.units.map((u) => u.name.zh).some((n) => hotan.units.some((u) => u.name.zh === n))).toBe(false);
  });

  it('no model source file names a Hotan county, mineral or zone', () => {
    const hotan = loadHotan();
    const ids = [
      hotan.id,
      ...hotan.units.map((u) => u.id),
      ...hotan.units.map((u) => u.name.zh),
      ...hotan.minerals.map((m) => m.id),
      ...hotan.table23.zones.map((z) => z.id),
    ];
    const dir = resolve(root, 'src/model');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(resolve(dir, f), 'utf8');
      for (const id of ids) {
        const quoted = new RegExp(`['"\`]${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
        expect(quoted.test(text), `src/model/${f} has the literal "${id}"`).toBe(false);
      }
    }
  });

  it('builds and solves the tiny region to the hand-worked optimum', () => {
    // Defaults ('continuity'): supply the demand with the fewest mines. Sand demand
    // north 75 + south 25 = 100 (= cap; 2 + 1 mines of ≤ 50), stone prefecture demand
    // 100 (< cap 120; 2 mines of ≤ 80, one large/medium for the 40% share with the
    // 5 fixed gold mines). V = 100×20 + 120×30 = 5600, one mine costs ε = 0.001×5600/20
    // = 0.28; objective = 20×100 + 30×100 − 5×0.28 = 4998.6 (less the 1e-7 goal tolerance
    // the one-answer stage may spend on less output)
    const d = tiny();
    const r = runScenario(d, scenario('defaults'), solver);
    expect(r.status).toBe('optimal');
    expect(r.modelVersion).toBe('tiny-region@0.1.0');
    expect(r.totals.sand?.volume).toBeCloseTo(100, 3);
    expect(r.totals.stone?.volume).toBeCloseTo(100, 3);
    expect(r.totals.sand?.mines).toBe(3);
    expect(r.totals.stone?.mines).toBe(2);
    expect(r.objective).toBeCloseTo(4998.6, 2);
    expect(r.rights.class12.used).toBe(2 + 5);
  });

  it('names every row and column in planner terms', () => {
    // demand and a reference switch on the flow, unmet and deviation columns
    const d = tiny();
    const s = scenario('all families', {
      demand: { enabled: true, radiusKm: 100 },
      reference: { north: { sand: 50 }, south: { stone: 20 } },
      countyBounds: { north: { stone: { min: 10, max: 90 } } },
      caps: { sand: { min: 10 } },
    });
    const built = buildModel(d, s);
    const names = [...built.linear.variables.map((v) => v.name), ...built.linear.constraints.map((c) => c.name)];
    const bad = names.filter((n) => !PLANNER_NAME.test(n));
    expect(bad).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    const families = new Set(built.linear.constraints.map((c) => c.family));
    for (const f of ['scale', 'cap', 'floor', 'rights', 'share', 'zoneVolume', 'zoneMines', 'outsideZones', 'reserve', 'countyBound', 'demand', 'supply', 'deviation'])
      expect(families.has(f as never), f).toBe(true);
    // every cell is made of the tiny region's own ids
    const known = new Set<string | null>([null, ...d.units.map((u) => u.id)]);
    expect(built.cells.every((c) => known.has(c.county) && d.minerals.some((m) => m.id === c.mineral))).toBe(true);
    expect(built.cells.map((c) => c.id).sort()).toEqual(['Z01', 'Z02', 'north.sand.out', 'north.stone', 'south.sand.out', 'south.stone']);
    const r = runScenario(d, s, solver);
    expect(r.status).toBe('optimal');
  });
});

// ---- the real baseline ----------------------------------------------------

function loadHotan(): Dataset {
  const v = validateDataset(readJson('models/hotan-2021-2025.json'), 'models/hotan-2021-2025.json');
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

function loadBaseline(d: Dataset): Scenario {
  const v = validateScenario(readJson('scenarios/baseline.json'), 'scenarios/baseline.json');
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const w = validateScenarioAgainst(v.value, d, 'scenarios/baseline.json');
  if (!w.ok) throw new Error(JSON.stringify(w.problems));
  return w.value;
}

function assumptionMap(d: Dataset, id: string): Record<string, number> {
  const v = d.assumptions.find((a) => a.id === id)?.value;
  if (v === undefined || typeof v === 'number') throw new Error(`assumption ${id} is not a map`);
  return v as Record<string, number>;
}

describe('the Hotan baseline satisfies every constraint', () => {
  let d: Dataset;
  let built: BuiltModel;
  let answer: Answer;
  let sol: Solution;
  let r: SolveReport;
  const val = (name: string) => sol.values[name] ?? 0;
  const whole = (name: string) => Math.round(val(name));
  const within = (x: number, limit: number) => x <= limit + TOL * Math.max(1, Math.abs(limit));
  /** large-or-medium mines of a cell as the model counts them */
  const lmOf = (x: CellColumns) => (x.largeMedium === 'all' ? whole(x.mines) : x.largeMedium === null ? 0 : whole(x.largeMedium));

  beforeAll(() => {
    d = loadHotan();
    built = buildModel(d, loadBaseline(d));
    answer = solveBuilt(d, built, solver);
    sol = answer.solution;
    r = reportFrom(d, built, answer, [], solver.bindingConstraints(built.linear, sol));
  });

  it('solves to optimal, with the tie among equal answers broken and proven', () => {
    expect(sol.status).toBe('optimal');
    expect(answer.goal.status).toBe('optimal');
    expect(r.status).toBe('optimal');
    expect(r.gap).toBeNull();
    expect(r.tieBreak).toBe('proven');
    expect(answer.oneAnswer).not.toBeNull();
    expect(r.objective).not.toBeNull();
    // the final answer keeps the goal's optimum
    expect(Math.abs((r.objective ?? Number.NaN) - (answer.goal.objective ?? Number.NaN))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(answer.goal.objective ?? 0)));
    // the same answer as runScenario
    const again = runScenario(d, loadBaseline(d), solver);
    expect(again.objective).toBeCloseTo(r.objective ?? Number.NaN, 6);
  });

  it('every cell has whole mines, the totals are integers and volumes are nonnegative', () => {
    expect(built.index.cells.length).toBe(built.cells.length);
    for (const x of built.index.cells) {
      expect(Math.abs(val(x.mines) - whole(x.mines)), x.mines).toBeLessThan(1e-6);
      if (x.largeMedium !== null && x.largeMedium !== 'all') {
        expect(Math.abs(val(x.largeMedium) - whole(x.largeMedium)), x.largeMedium).toBeLessThan(1e-6);
        expect(whole(x.largeMedium), x.largeMedium).toBeLessThanOrEqual(whole(x.mines));
      }
      expect(val(x.volume), x.volume).toBeGreaterThanOrEqual(-TOL);
    }
    for (const t of built.index.totals) expect(Math.abs(val(t) - Math.round(val(t))), t).toBeLessThan(1e-6);
    for (const v of built.linear.variables.filter((x) => x.integer)) expect(built.index.totals).toContain(v.name);
  });

  it('county volumes add up to the totals, and the totals are the solution', () => {
    for (const m of d.minerals) {
      const counties = r.counties.filter((q) => q.mineral === m.id).reduce((a, q) => a + q.volume, 0);
      const fromValues = built.index.cells.filter((x) => x.cell.mineral === m.id).reduce((a, x) => a + val(x.volume), 0);
      expect(counties, m.id).toBeCloseTo(r.totals[m.id]?.volume ?? Number.NaN, 4);
      expect(fromValues, m.id).toBeCloseTo(r.totals[m.id]?.volume ?? Number.NaN, 4);
      const mines = r.counties.filter((q) => q.mineral === m.id).reduce((a, q) => a + q.mines.large + q.mines.medium + q.mines.small, 0);
      expect(mines, m.id).toBe(r.totals[m.id]?.mines);
    }
  });

  it("the class split of each county's mines adds up to its cells' mines", () => {
    for (const q of r.counties) {
      const cells = built.index.cells.filter((x) => x.cell.county === q.county && x.cell.mineral === q.mineral);
      expect(cells.length, `${q.county}.${q.mineral}`).toBeGreaterThan(0);
      const mines = cells.reduce((a, x) => a + whole(x.mines), 0);
      expect(q.mines.large + q.mines.medium + q.mines.small, `${q.county}.${q.mineral}`).toBe(mines);
      // at least as many large/medium mines as the model counted
      expect(q.mines.large + q.mines.medium, `${q.county}.${q.mineral}`).toBeGreaterThanOrEqual(cells.reduce((a, x) => a + lmOf(x), 0));
      // a class the mineral cannot reach has no mines
      const classes = built.inputs.mineSize[q.mineral]?.classes ?? {};
      for (const k of ['large', 'medium', 'small'] as const) if (classes[k] === undefined) expect(q.mines[k], `${q.county}.${q.mineral} ${k}`).toBe(0);
      expect(q.volume, `${q.county}.${q.mineral}`).toBeCloseTo(cells.reduce((a, x) => a + val(x.volume), 0), 4);
    }
  });

  it('totals stay within the caps (专栏20 as the baseline chooses)', () => {
    for (const m of d.minerals) {
      const t = r.totals[m.id];
      expect(t, m.id).toBeDefined();
      if (!t) continue;
      // the cap comes from 专栏20 (the baseline's capSource); jade's printed 万吨 is read as 吨 (unitMisprints)
      const row = d.table20.rows.find((x) => x.mineral === m.id);
      expect(row, `专栏20 row for ${m.id}`).toBeDefined();
      expect(t.cap).toBe(row?.target2025);
      if (t.cap !== null) expect(within(t.volume, t.cap), `${m.id}: ${t.volume} ≤ ${t.cap}`).toBe(true);
      if (t.floor !== null) expect(t.volume + TOL >= t.floor, `${m.id} floor`).toBe(true);
    }
  });

  it('mine counts stay within the rights caps, with the fixed out-of-scope mines included', () => {
    // out-of-scope mines from 专栏5 directly: rows with no model mineral
    const table5_12 = d.table5.rows.filter((x) => x.mineral === null && x.rightsClass === 'class12' && x.solid).reduce((a, x) => a + x.total, 0);
    const fixed3 = d.table5.rows.filter((x) => x.mineral === null && x.rightsClass === 'class3' && x.solid).reduce((a, x) => a + x.total, 0);
    expect(table5_12).toBe(45 + 2 + 1 + 3 + 1 + 3);
    // plus the new ones of assumption otherClass12
    expect(built.inputs.fixedMines.class12).toBeGreaterThanOrEqual(table5_12);
    expect(built.inputs.fixedMines.class3).toBe(fixed3);
    const fixed12 = built.inputs.fixedMines.class12;
    const cls = (m: string) => d.minerals.find((x) => x.id === m)?.rightsClass;
    const count = (keep: (m: string) => boolean) => built.index.cells.filter((x) => keep(x.cell.mineral)).reduce((a, x) => a + whole(x.mines), 0);
    const class3 = count((m) => cls(m) === 'class3') + fixed3;
    const class12 = count((m) => cls(m) === 'class12') + fixed12;
    expect(r.rights.class3).toEqual({ used: class3, cap: d.policy.maxClass3.value });
    expect(r.rights.class12).toEqual({ used: class12, cap: d.policy.maxClass12.value });
    expect(r.rights.total).toEqual({ used: class3 + class12, cap: d.policy.maxMinesTotal.value });
    expect(class3).toBeLessThanOrEqual(250);
    expect(class12).toBeLessThanOrEqual(150);
    expect(class3 + class12).toBeLessThanOrEqual(400);
  });

  it('large and medium mines are at least 40% of the class-1/2 mines, less the shortfall the report names', () => {
    expect(r.rights.largeMediumShare.min).toBe(0.4);
    expect(d.policy.minLargeMediumShare.value).toBe(0.4);
    const scope = new Set(built.inputs.share.minerals);
    expect([...scope].every((m) => d.minerals.find((x) => x.id === m)?.rightsClass === 'class12')).toBe(true);
    const inScope = built.index.cells.filter((x) => scope.has(x.cell.mineral));
    const all = inScope.reduce((a, x) => a + whole(x.mines), 0) + built.inputs.fixedMines.class12;
    const lm = inScope.reduce((a, x) => a + lmOf(x), 0) + built.inputs.fixedLargeMedium;
    const shortfall = built.index.shareShortfall === null ? 0 : val(built.index.shareShortfall);
    expect(shortfall).toBeGreaterThanOrEqual(-TOL);
    expect(lm + shortfall + TOL >= d.policy.minLargeMediumShare.value * all, `${lm} + ${shortfall} of ${all}`).toBe(true);
    expect(r.rights.largeMediumShare.shortfall).toBeCloseTo(shortfall, 4);
    // the report classes mines by output: never fewer large/medium than the model counted
    if (all > 0) expect((r.rights.largeMediumShare.value ?? 0) + 1e-4).toBeGreaterThanOrEqual(lm / all);
  });

  it('every zone stays within intensity × area and area ÷ area per mine (专栏23)', () => {
    const intensity = assumptionMap(d, 'zoneIntensity');
    const perMine = assumptionMap(d, 'areaPerMine');
    expect(r.zones.length).toBe(d.table23.zones.length);
    for (const z of d.table23.zones) {
      const q = r.zones.find((x) => x.zone === z.id);
      expect(q, z.id).toBeDefined();
      if (!q) continue;
      const cells = built.index.cells.filter((x) => x.cell.id === z.id);
      const vol = cells.reduce((a, x) => a + val(x.volume), 0);
      const mines = cells.reduce((a, x) => a + whole(x.mines), 0);
      expect(q.volume, z.id).toBeCloseTo(vol, 4);
      // + 0: a count of -0 (a round of a tiny negative value) is no mine
      expect(q.mines + 0, z.id).toBe(mines + 0);
      const cap = (intensity[z.mineral] ?? Number.NaN) * z.areaKm2;
      expect(within(vol, cap), `${z.id}: ${vol} ≤ ${cap}`).toBe(true);
      expect(mines, z.id).toBeLessThanOrEqual(Math.max(1, Math.floor(z.areaKm2 / (perMine[z.mineral] ?? Number.NaN))));
    }
  });

  it('outside the zones no more mines than the existing rights (专栏5)', () => {
    const zoned = new Set(d.table23.zones.map((z) => z.mineral));
    const outside = built.cells.filter((c) => c.kind === 'outside');
    expect(outside.length).toBeGreaterThan(0);
    for (const c of outside) {
      expect(zoned.has(c.mineral)).toBe(true);
      const rights = d.table5.rows.filter((x) => x.mineral === c.mineral).reduce((a, x) => a + (x.counts[c.county ?? ''] ?? 0), 0);
      const mines = built.index.cells.filter((x) => x.cell.id === c.id).reduce((a, x) => a + whole(x.mines), 0);
      expect(mines, c.id).toBeLessThanOrEqual(rights);
    }
    // and a zoned mineral has no cell outside the zones where 专栏5 has no rights
    for (const m of zoned)
      for (const u of d.units) {
        const rights = d.table5.rows.filter((x) => x.mineral === m).reduce((a, x) => a + (x.counts[u.id] ?? 0), 0);
        if (rights === 0) expect(outside.some((c) => c.mineral === m && c.county === u.id), `${u.id}.${m}`).toBe(false);
      }
  });

  it('every cell produces within its mines (min_smallest·n ≤ v ≤ largest·n)', () => {
    for (const x of built.index.cells) {
      const size = built.inputs.mineSize[x.cell.mineral];
      expect(size, x.cell.id).toBeDefined();
      if (!size) continue;
      const n = whole(x.mines);
      const v = val(x.volume);
      const lo = size.smallestMin * n;
      const hi = size.largest.value * n;
      expect(v + TOL * Math.max(1, lo) >= lo, `${x.volume}: ${v} ≥ ${size.smallestMin}×${n}`).toBe(true);
      expect(within(v, hi), `${x.volume}: ${v} ≤ ${size.largest.value}×${n}`).toBe(true);
      // large/medium mines produce at least the medium minimum
      const lm = lmOf(x);
      if (lm > 0 && size.largeMediumMin !== null)
        expect(v + TOL * Math.max(1, v) >= size.largeMediumMin * lm + size.smallestMin * (n - lm), `${x.volume}: large/medium minimum`).toBe(true);
    }
  });

  it('mine sizes come from the plan: 专栏21 minima, the largest mine from 专栏4 reserves per deposit ÷ service life', () => {
    const density = assumptionMap(d, 'density');
    const serviceYears = assumptionMap(d, 'serviceYears');
    for (const m of d.minerals) {
      const size = built.inputs.mineSize[m.id];
      expect(size, m.id).toBeDefined();
      if (!size) continue;
      const rows = d.table4.rows.filter((x) => x.mineral === m.id);
      const years = d.table21.rows.find((x) => x.mineral === m.id)?.minServiceYears ?? serviceYears[m.id] ?? null;
      expect(rows.length, m.id).toBeGreaterThan(0);
      expect(years, m.id).not.toBeNull();
      const reserve = rows.reduce((a, x) => {
        const unit = parsePlanUnit(x.unitText);
        if (unit === null) throw new Error(`unit ${x.unitText}`);
        return a + convert(x.reserve, unit, m.unit, density[m.id]);
      }, 0);
      const deposits = rows.reduce((a, x) => a + x.deposits, 0);
      const largest = reserve / deposits / (years ?? Number.NaN);
      expect(size.largest.value, `${m.id} largest mine`).toBeCloseTo(largest, 6);
      expect(built.inputs.scale[m.id]).toEqual(size.classes);
    }
    // the class limits themselves come from 专栏21 (a class's maximum is the next class's minimum, the largest class's the largest mine)
    for (const row of d.table21.rows) {
      if (row.mineral === null) continue;
      const size = built.inputs.mineSize[row.mineral];
      const s = size?.classes ?? {};
      const largest = size?.largest.value ?? Number.NaN;
      const order: SizeClass[] = ['small', 'medium', 'large'];
      const present = order.filter((k) => row[k] !== null);
      expect(size?.smallestMin, `${row.mineral} smallest`).toBe(row[present[0] as SizeClass]);
      for (const k of order) {
        const min = row[k];
        if (min === null || min > largest) {
          expect(s[k], `${row.mineral} ${k}`).toBeUndefined();
          continue;
        }
        expect(s[k]?.min, `${row.mineral} ${k} min`).toBe(min);
        const next = order.slice(order.indexOf(k) + 1).map((c) => row[c]).find((c) => c !== null);
        expect(s[k]?.max, `${row.mineral} ${k} max`).toBe(next !== undefined && next !== null ? Math.min(next, largest) : largest);
      }
    }
  });

  it('output stays within reserves ÷ minimum service years (专栏4, 专栏21)', () => {
    const density = assumptionMap(d, 'density');
    let checked = 0;
    for (const m of d.minerals) {
      const years = d.table21.rows.find((x) => x.mineral === m.id)?.minServiceYears ?? null;
      const rows = d.table4.rows.filter((x) => x.mineral === m.id);
      if (years === null || rows.length === 0) continue;
      const reserve = rows.reduce((a, x) => {
        const unit = parsePlanUnit(x.unitText);
        if (unit === null) throw new Error(`unit ${x.unitText}`);
        return a + convert(x.reserve, unit, m.unit, density[m.id]);
      }, 0);
      const limit = reserve / years;
      const volume = r.totals[m.id]?.volume ?? Number.NaN;
      expect(within(volume, limit), `${m.id}: ${volume} ≤ ${limit}`).toBe(true);
      expect(built.inputs.reserveLimit[m.id]?.limit, m.id).toBeCloseTo(limit, 6);
      checked++;
    }
    // limestone and gypsum have both figures in the plan
    expect(checked).toBe(2);
  });

  it('demand is supplied or reported unmet, and no cell ships more than it extracts', () => {
    const demand = r.demand ?? [];
    expect(demand.length).toBe(built.index.unmet.length);
    for (const u of built.index.unmet) {
      const line = demand.find((x) => x.county === u.county && x.mineral === u.mineral);
      expect(line, u.variable).toBeDefined();
      expect(val(u.variable), u.variable).toBeGreaterThanOrEqual(-TOL);
      expect(line?.unmet, u.variable).toBeCloseTo(val(u.variable), 4);
      if (u.county !== null) {
        const inflow = built.index.flows.filter((f) => f.county === u.county && f.cell.mineral === u.mineral).reduce((a, f) => a + val(f.variable), 0);
        expect(inflow + val(u.variable), u.variable).toBeCloseTo(u.demand, 4);
      } else {
        const out = built.index.cells.filter((x) => x.cell.mineral === u.mineral).reduce((a, x) => a + val(x.volume), 0);
        expect(out + val(u.variable) + TOL * Math.max(1, u.demand) >= u.demand, u.variable).toBe(true);
      }
    }
    for (const x of built.index.cells) {
      const shipped = built.index.flows.filter((f) => f.cell.id === x.cell.id).reduce((a, f) => a + val(f.variable), 0);
      expect(within(shipped, val(x.volume)), x.cell.id).toBe(true);
    }
    for (const f of built.index.flows) expect(f.km, f.variable).toBeLessThanOrEqual(built.inputs.demand.radiusKm);
  });

  it('every row of the model holds at the solution', () => {
    for (const c of built.linear.constraints) {
      const act = c.terms.reduce((a, t) => a + t.coef * val(t.variable), 0);
      const scale = TOL * Math.max(1, Math.abs(c.ub ?? 0), Math.abs(c.lb ?? 0));
      if (c.ub !== null) expect(act <= c.ub + scale, `${c.name}: ${act} ≤ ${c.ub}`).toBe(true);
      if (c.lb !== null) expect(act >= c.lb - scale, `${c.name}: ${act} ≥ ${c.lb}`).toBe(true);
    }
    for (const v of built.linear.variables) {
      expect(val(v.name) >= v.lb - TOL, v.name).toBe(true);
      if (v.ub !== null) expect(val(v.name) <= v.ub + TOL, v.name).toBe(true);
    }
  });

  it('names every row and column in planner terms', () => {
    const names = [...built.linear.variables.map((v) => v.name), ...built.linear.constraints.map((c) => c.name)];
    expect(names.filter((n) => !PLANNER_NAME.test(n))).toEqual([]);
  });
});
