/**
 * One constraint family at a time, on the made-up tiny region
 * (test/fixtures/tiny-region.json; its figures are listed in
 * test/helpers/tiny.ts), solved with the real glpk solver. Every expected
 * number is worked out by hand in the comment next to it.
 *
 * Notation: ε = 0.001·V/N is the max-value objective's cost of one mine,
 * V = Σ cap × value per unit (sand 20, stone 30 万元), N = total mines cap.
 * Most scenarios set the other mineral's cap to 0 so that one family decides.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import { buildModel } from '../src/model/build';
import type { SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import type { Solver } from '../src/solver/adapter';
import { scenario, tiny, tinyZonesOnly } from './helpers/tiny';

let solver: Solver;
let d: Dataset;

beforeAll(async () => {
  solver = await createNodeSolver();
  d = tiny();
});

const solve = (s: Scenario, data: Dataset = d): SolveReport => runScenario(data, s, solver);

function county(r: SolveReport, c: string, m: string) {
  const q = r.counties.find((x) => x.county === c && x.mineral === m);
  if (!q) throw new Error(`no county row ${c}/${m}`);
  return { volume: q.volume, mines: q.mines.large + q.mines.medium + q.mines.small, ...q.mines };
}

function minesOf(r: SolveReport, m: string, k?: 'large' | 'medium' | 'small'): number {
  return r.counties.filter((q) => q.mineral === m).reduce((a, q) => a + (k ? q.mines[k] : q.mines.large + q.mines.medium + q.mines.small), 0);
}

function binding(r: SolveReport, name: string) {
  const b = r.binding.find((x) => x.constraint === name);
  if (!b) throw new Error(`${name} is not among the binding rows: ${r.binding.map((x) => x.constraint).join(', ')}`);
  return b;
}

function expectOptimal(r: SolveReport): void {
  expect(r.status, JSON.stringify(r.explanation)).toBe('optimal');
}

describe('scale (专栏21 minimum and maximum per mine)', () => {
  it('a cap below the smallest mine allows nothing', () => {
    // sand cap 5 < small minimum 10: no mine fits, so no sand; stone cap 0.
    const r = solve(scenario('scale min', { caps: { sand: 5, stone: 0 } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(0, 6);
    expect(minesOf(r, 'sand')).toBe(0);
    expect(r.objective).toBeCloseTo(0, 6);
  });

  it('a cap at the smallest mine allows one small mine', () => {
    // sand cap 10 = small minimum: one small mine at 10 (medium needs ≥ 20).
    // V = 10×20 = 200, ε = 0.001×200/20 = 0.01; objective 10×20 − 0.01 = 199.99
    const r = solve(scenario('scale min reached', { caps: { sand: 10, stone: 0 } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(10, 6);
    expect(minesOf(r, 'sand', 'small')).toBe(1);
    expect(minesOf(r, 'sand')).toBe(1);
    expect(r.objective).toBeCloseTo(199.99, 6);
  });

  it('one mine allowed produces its class maximum', () => {
    // class-3 cap 1 → one sand mine; the best is a large mine at its maximum 60
    // in an outside cell (Z01 holds only 50, Z02 25). Sand cap 100 is not reached.
    // V = 100×20 = 2000, ε = 0.1; objective 60×20 − 0.1 = 1199.9
    const r = solve(scenario('scale max', { caps: { stone: 0 }, rightsCaps: { class3: 1 } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(60, 6);
    expect(minesOf(r, 'sand', 'large')).toBe(1);
    expect(minesOf(r, 'sand')).toBe(1);
    expect(r.objective).toBeCloseTo(1199.9, 6);
    expect(binding(r, 'rights[class3]').slack).toBeCloseTo(0, 6);
  });
});

describe('cap and floor', () => {
  it('the 专栏20 cap binds with the value per unit as its dual', () => {
    // sand cap 100 (专栏20), stone 0. 100 needs two mines (≤ 60 each), e.g. 60 + 40.
    // V = 2000, ε = 0.1; objective 100×20 − 2×0.1 = 1999.8.
    // With the mines fixed one of the two volumes is strictly inside its
    // scale range, so one more unit of cap is worth 20 万元: dual 20.
    const r = solve(scenario('cap', { caps: { stone: 0 } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(100, 6);
    expect(r.totals.sand?.cap).toBe(100);
    expect(minesOf(r, 'sand')).toBe(2);
    expect(r.objective).toBeCloseTo(1999.8, 6);
    const cap = binding(r, 'cap[sand]');
    expect(cap.slack).toBeCloseTo(0, 6);
    expect(cap.dual).toBeCloseTo(20, 6);
  });

  it('a floor binds when the objective pulls the volume down', () => {
    // Only stone (sand cap 0). Objective: value weight 0, deviation weight 1
    // against a reference north 40, south 10 (Σ 50); floor 70.
    // V = 120×30 = 3600 (cap 120 from 专栏20), ε = 0.001×3600/20 = 0.18;
    // deviation cost per unit = V / Σreference = 3600/50 = 72.
    // The floor forces 20 units above the reference in all. One mine can not
    // do it cheaply (70 in one county: deviation ≥ 40), two mines can
    // (north in [40,60], south = 70 − north): objective −72×20 − 2×0.18 = −1440.36.
    // One more unit of floor costs one more unit of deviation: dual −72.
    const r = solve(
      scenario('floor', {
        caps: { sand: 0, stone: { min: 70 } },
        reference: { north: { stone: 40 }, south: { stone: 10 } },
        objective: { weights: { value: 0, deviation: 1 } },
      }),
    );
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(70, 6);
    expect(r.totals.stone?.floor).toBe(70);
    expect(minesOf(r, 'stone')).toBe(2);
    expect(county(r, 'north', 'stone').volume).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(county(r, 'south', 'stone').volume).toBeGreaterThanOrEqual(10 - 1e-6);
    expect(r.objective).toBeCloseTo(-1440.36, 6);
    const floor = binding(r, 'floor[stone]');
    expect(floor.slack).toBeCloseTo(0, 6);
    expect(floor.dual).toBeCloseTo(-72, 6);
  });
});

describe('rights (mine counts, 专栏5 out-of-scope mines held fixed)', () => {
  it('class-3 cap', () => {
    // class-3 ≤ 2, sand cap 1000, stone 0: two large sand mines at 60 outside
    // the zones (north.out or south.out) = 120.
    // V = 1000×20 = 20000, ε = 1; objective 120×20 − 2 = 2398
    const r = solve(scenario('class3', { caps: { sand: 1000, stone: 0 }, rightsCaps: { class3: 2 } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(120, 6);
    expect(minesOf(r, 'sand', 'large')).toBe(2);
    expect(r.rights.class3).toEqual({ used: 2, cap: 2 });
    expect(r.objective).toBeCloseTo(2398, 6);
    expect(binding(r, 'rights[class3]').slack).toBeCloseTo(0, 6);
  });

  it('class-1/2 cap counts the 5 fixed gold mines', () => {
    // class-1/2 ≤ 6 with 5 gold mines fixed → one stone mine: a large one at
    // its maximum 100 (without the fixed mines, two mines would reach the
    // reserve limit 160). sand cap 0, stone cap 1000.
    // V = 1000×30 = 30000, ε = 1.5; objective 100×30 − 1.5 = 2998.5
    const r = solve(scenario('class12', { caps: { sand: 0, stone: 1000 }, rightsCaps: { class12: 6 } }));
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(100, 6);
    expect(minesOf(r, 'stone', 'large')).toBe(1);
    expect(minesOf(r, 'stone')).toBe(1);
    expect(r.rights.class12).toEqual({ used: 6, cap: 6 });
    expect(r.objective).toBeCloseTo(2998.5, 6);
    expect(binding(r, 'rights[class12]').slack).toBeCloseTo(0, 6);
  });

  it('total cap counts every class and the fixed mines', () => {
    // total ≤ 8 with 5 gold mines → three mines of sand or stone; caps 1000 each.
    // 2 stone (reserve 160 → 4800) + 1 sand (60 → 1200) = 6000 beats
    // 1 stone + 2 sand (3000 + 2400) and 3 stone (still 160 → 4800).
    // V = 1000×20 + 1000×30 = 50000, N = 8, ε = 6.25; objective 6000 − 3×6.25 = 5981.25
    const r = solve(scenario('total', { caps: { sand: 1000, stone: 1000 }, rightsCaps: { total: 8 } }));
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(160, 6);
    expect(r.totals.sand?.volume).toBeCloseTo(60, 6);
    expect(minesOf(r, 'stone')).toBe(2);
    expect(minesOf(r, 'sand')).toBe(1);
    expect(r.rights.total).toEqual({ used: 8, cap: 8 });
    expect(r.rights.class12).toEqual({ used: 7, cap: 10 });
    expect(r.rights.class3).toEqual({ used: 1, cap: 12 });
    expect(r.objective).toBeCloseTo(5981.25, 6);
    expect(binding(r, 'rights[total]').slack).toBeCloseTo(0, 6);
  });
});

describe('large/medium share', () => {
  it('forbids a small-only answer', () => {
    // stone cap 15 < medium minimum 20: only small mines fit, and with the
    // share ≥ 40% no small mine may open alone → nothing; sand cap 0.
    const r = solve(scenario('share 40%', { caps: { sand: 0, stone: 15 } }));
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(0, 6);
    expect(minesOf(r, 'stone')).toBe(0);
    expect(r.objective).toBeCloseTo(0, 6);
    expect(r.rights.largeMediumShare).toEqual({ value: null, min: 0.4 });
    expect(binding(r, 'share[largeMedium]').slack).toBeCloseTo(0, 6);
  });

  it('allows it when the share minimum is 0', () => {
    // one small stone mine at 15. V = 15×30 = 450, ε = 0.0225;
    // objective 15×30 − 0.0225 = 449.9775
    const r = solve(scenario('share 0', { caps: { sand: 0, stone: 15 }, largeMediumShare: { min: 0 } }));
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(15, 6);
    expect(minesOf(r, 'stone', 'small')).toBe(1);
    expect(r.rights.largeMediumShare).toEqual({ value: 0, min: 0 });
    expect(r.objective).toBeCloseTo(449.9775, 6);
  });
});

describe('zone capacity (专栏23 areas)', () => {
  it('zone volume: intensity × area', () => {
    // No sand rights outside the zones. Z01 holds 2×25 = 50, Z02 1×25 = 25;
    // sand cap 1000, stone 0. Z01: one large mine at 50; Z02: one medium at 25
    // (small ≤ 20, large ≥ 30). V = 20000, ε = 1; objective 75×20 − 2 = 1498.
    // Both volumes are inside their scale ranges: each zone row has dual 20.
    const r = solve(scenario('zone volume', { caps: { sand: 1000, stone: 0 } }), tinyZonesOnly());
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(75, 6);
    const z1 = r.zones.find((z) => z.zone === 'Z01');
    const z2 = r.zones.find((z) => z.zone === 'Z02');
    expect(z1).toMatchObject({ volume: 50, mines: 1, excluded: false, capacityUse: 1 });
    expect(z2).toMatchObject({ volume: 25, mines: 1, excluded: false, capacityUse: 1 });
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 50, large: 1, mines: 1 });
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 25, medium: 1, mines: 1 });
    expect(r.objective).toBeCloseTo(1498, 6);
    expect(binding(r, 'zoneVolume[Z01]').dual).toBeCloseTo(20, 6);
    expect(binding(r, 'zoneVolume[Z02]').dual).toBeCloseTo(20, 6);
  });

  it('zone mines: area ÷ area per mine', () => {
    // As above with zoneIntensity 1000 (capacities 2000 and 1000): the mine
    // counts bind instead, Z01 2/0.5 = 4 and Z02 1/0.5 = 2 large mines at 60:
    // 360. V = 20000, ε = 1; objective 360×20 − 6 = 7194
    const r = solve(scenario('zone mines', { caps: { sand: 1000, stone: 0 }, assumptions: { zoneIntensity: { sand: 1000 } } }), tinyZonesOnly());
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(360, 6);
    expect(r.zones.find((z) => z.zone === 'Z01')).toMatchObject({ volume: 240, mines: 4 });
    expect(r.zones.find((z) => z.zone === 'Z02')).toMatchObject({ volume: 120, mines: 2 });
    expect(r.objective).toBeCloseTo(7194, 6);
    expect(binding(r, 'zoneMines[Z01]').slack).toBeCloseTo(0, 6);
    expect(binding(r, 'zoneMines[Z02]').slack).toBeCloseTo(0, 6);
  });
});

describe('outside zones and excluded zones', () => {
  it('with the zones excluded only the existing rights outside them produce', () => {
    // Z01 and Z02 excluded; sand cap 1000, stone 0. Outside: north 3 mines,
    // south 1 (专栏5), each large at 60: north 180, south 60.
    // V = 20000, ε = 1; objective 240×20 − 4 = 4796
    const r = solve(scenario('outside', { caps: { sand: 1000, stone: 0 }, excludedZones: ['Z01', 'Z02'] }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(240, 6);
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 180, large: 3, mines: 3 });
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 60, large: 1, mines: 1 });
    expect(r.objective).toBeCloseTo(4796, 6);
    expect(binding(r, 'outside[north.sand.out]').slack).toBeCloseTo(0, 6);
    expect(binding(r, 'outside[south.sand.out]').slack).toBeCloseTo(0, 6);
    // excluded zones are reported, marked, with nothing in them
    expect(r.zones).toEqual([
      { zone: 'Z01', mineral: 'sand', county: 'north', volume: 0, mines: 0, excluded: true, capacityUse: null },
      { zone: 'Z02', mineral: 'sand', county: 'south', volume: 0, mines: 0, excluded: true, capacityUse: null },
    ]);
  });

  it('new mines outside the zones when the scenario allows them', () => {
    // As above with allowNewOutsideZones: only the class-3 cap 12 limits:
    // 12 large mines at 60 = 720 ≤ cap 1000. objective 720×20 − 12 = 14388
    const r = solve(scenario('outside open', { caps: { sand: 1000, stone: 0 }, excludedZones: ['Z01', 'Z02'], allowNewOutsideZones: true }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(720, 6);
    expect(minesOf(r, 'sand', 'large')).toBe(12);
    expect(r.objective).toBeCloseTo(14388, 6);
    expect(r.binding.some((b) => b.constraint.startsWith('outside['))).toBe(false);
    expect(binding(r, 'rights[class3]').slack).toBeCloseTo(0, 6);
  });
});

describe('reserves (专栏4 ÷ 专栏21 service years)', () => {
  it('a cap above the reserve limit: the reserve limit binds', () => {
    // stone cap 1000 > 1600/10 = 160; sand cap 0. 160 needs two large mines
    // (100 + 60: large + medium reaches only 150). V = 30000, ε = 1.5;
    // objective 160×30 − 3 = 4797. One volume is strictly inside [50,100]: dual 30.
    const r = solve(scenario('reserve', { caps: { sand: 0, stone: 1000 } }));
    expectOptimal(r);
    expect(r.totals.stone?.volume).toBeCloseTo(160, 6);
    expect(minesOf(r, 'stone', 'large')).toBe(2);
    expect(minesOf(r, 'stone')).toBe(2);
    expect(r.objective).toBeCloseTo(4797, 6);
    const reserve = binding(r, 'reserve[stone]');
    expect(reserve.slack).toBeCloseTo(0, 6);
    expect(reserve.dual).toBeCloseTo(30, 6);
    expect(r.binding.some((b) => b.constraint === 'cap[stone]')).toBe(false);
  });
});

describe('county bounds', () => {
  it('a county maximum', () => {
    // sand cap 1000, stone 0; south ≤ 40. North fills up: outside 3 large at 60
    // = 180 and Z01 one large at 50: 230. South: one large mine outside at 40
    // (Z02 holds 25; a Z02 + outside pair would be one mine more).
    // V = 20000, ε = 1; objective 270×20 − 5 = 5395.
    // The south mine is inside [30,60]: one more unit of the maximum is worth 20.
    const r = solve(scenario('county max', { caps: { sand: 1000, stone: 0 }, countyBounds: { south: { sand: { max: 40 } } } }));
    expectOptimal(r);
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 230, large: 4, mines: 4 });
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 40, large: 1, mines: 1 });
    expect(r.zones.find((z) => z.zone === 'Z02')?.volume).toBe(0);
    expect(r.objective).toBeCloseTo(5395, 6);
    const max = binding(r, 'countyMax[south,sand]');
    expect(max.slack).toBeCloseTo(0, 6);
    expect(max.dual).toBeCloseTo(20, 6);
  });

  it('a county minimum moves the quota into that county', () => {
    // zones excluded, sand cap 60, stone 0: one large mine at 60 would do
    // anywhere; south ≥ 45 puts it in south (north 0: a second mine would cost ε).
    // V = 60×20 = 1200, ε = 0.06; objective 1200 − 0.06 = 1199.94
    const r = solve(scenario('county min', { caps: { sand: 60, stone: 0 }, excludedZones: ['Z01', 'Z02'], countyBounds: { south: { sand: { min: 45 } } } }));
    expectOptimal(r);
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 60, large: 1, mines: 1 });
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 0, mines: 0 });
    expect(r.objective).toBeCloseTo(1199.94, 6);
  });

  it('a county minimum in a county left with no cell for the mineral is infeasible', () => {
    // No sand rights outside the zones, and Z01 (north's only sand cell) is
    // excluded (an ecological red line, say): north can produce no sand, so
    // north sand ≥ 10 can not hold. By hand: infeasible, and the elastic
    // explanation is the only possible one, lower countyMin[north,sand] by 10
    // (the row is 0 + slack ≥ 10). The same holds for a floor on a mineral
    // with no cell at all (caps: { sand: { min: 10 } } with both zones excluded).
    const r = solve(
      scenario('county min without cells', { caps: { sand: 1000, stone: 0 }, excludedZones: ['Z01'], countyBounds: { north: { sand: { min: 10 } } } }),
      tinyZonesOnly(),
    );
    expect(
      r.status,
      'BUG (src/model/build.ts Rows.add): a row with no terms is dropped whatever its bounds, so an unmeetable ' +
        `minimum (0 ≥ 10) vanishes and the scenario is reported ${r.status} with north sand ` +
        `${r.counties.find((q) => q.county === 'north' && q.mineral === 'sand')?.volume ?? 0} < 10`,
    ).toBe('infeasible');
    expect(r.explanation.map((x) => x.constraint)).toEqual(['countyMin[north,sand]']);
    expect(r.explanation[0]?.relaxBy).toBeCloseTo(10, 6);
  });

  it('a county minimum the optimum would not meet binds', () => {
    // Only stone (sand cap 0), value weight 0, deviation weight 1 against a
    // reference north 0, south 0 (Σ 0 → scale max(1, 0) = 1), stone cap 120:
    // V = 3600, each unit above the reference costs 3600, ε = 0.18.
    // north ≥ 25 forces one medium stone mine at 25 (small ≤ 20; the share
    // rule forbids a lone small mine anyway): objective −25×3600 − 0.18 = −90000.18,
    // dual of the minimum −3600.
    const r = solve(
      scenario('county min binds', {
        caps: { sand: 0 },
        reference: { north: { stone: 0 }, south: { stone: 0 } },
        objective: { weights: { value: 0, deviation: 1 } },
        countyBounds: { north: { stone: { min: 25 } } },
      }),
    );
    expectOptimal(r);
    expect(county(r, 'north', 'stone')).toMatchObject({ volume: 25, medium: 1, mines: 1 });
    expect(county(r, 'south', 'stone')).toMatchObject({ volume: 0, mines: 0 });
    expect(r.objective).toBeCloseTo(-90000.18, 4);
    const min = binding(r, 'countyMin[north,stone]');
    expect(min.slack).toBeCloseTo(0, 6);
    expect(min.dual).toBeCloseTo(-3600, 4);
  });
});

describe('demand and the transport radius', () => {
  // sand only (stone cap 0), cap 120; demand north 20, south 100 (Σ 120);
  // objective max-value plus unmet weight 1: V = 120×20 = 2400, ε = 0.12,
  // each unit of unmet demand costs V / Σdemand = 2400/120 = 20.
  const demandScenario = (radiusKm: number) =>
    scenario(`demand ${radiusKm} km`, {
      caps: { sand: 120, stone: 0 },
      demand: { enabled: true, radiusKm, perCounty: { north: { sand: 20 }, south: { sand: 100 } } },
      objective: { weights: { unmet: 1 } },
    });

  it('a radius that excludes the other county leaves demand unmet', () => {
    // 50 km < 80 km: each county serves itself. South can make at most
    // 60 (one outside mine) + 25 (Z02, one medium mine) = 85 → 15 unmet;
    // north makes the rest of the cap, 35 (≥ its demand 20), with one mine.
    // objective 120×20 − 15×20 − 3×0.12 = 2099.64
    const s = demandScenario(50);
    const r = solve(s);
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(120, 6);
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 85, mines: 2 });
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 35, mines: 1 });
    expect(r.objective).toBeCloseTo(2099.64, 6);
    const built = buildModel(d, s);
    expect(built.index.flows.every((f) => f.cell.county === f.county)).toBe(true);
    const sol = solver.solve(built.linear);
    expect(sol.values['unmet[south,sand]']).toBeCloseTo(15, 6);
    expect(sol.values['unmet[north,sand]']).toBeCloseTo(0, 6);
  });

  it('a radius that reaches the other county serves all demand', () => {
    // 100 km ≥ 80 km: north may ship to south, so the cap 120 = Σ demand is
    // all served, with two large mines at 60. objective 2400 − 2×0.12 = 2399.76
    const s = demandScenario(100);
    const r = solve(s);
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(120, 6);
    expect(minesOf(r, 'sand')).toBe(2);
    expect(r.objective).toBeCloseTo(2399.76, 6);
    const built = buildModel(d, s);
    expect(built.index.flows.some((f) => f.cell.county === 'north' && f.county === 'south' && f.km === 80)).toBe(true);
    const sol = solver.solve(built.linear);
    expect(sol.values['unmet[south,sand]']).toBeCloseTo(0, 6);
    expect(sol.values['unmet[north,sand]']).toBeCloseTo(0, 6);
  });
});

describe('deviation from a reference allocation', () => {
  // sand only (stone cap 0), cap 100: V = 2000, ε = 0.1; reference north 30,
  // south 30 (Σ 60): one unit of deviation costs w·2000/60.
  const ref = { north: { sand: 30 }, south: { sand: 30 } };

  it('a heavy deviation weight keeps the reference', () => {
    // weight 1: 33.33 per unit of deviation > 20 per unit of value: the
    // reference exactly, one mine per county (30 is a large or a medium mine).
    // objective 60×20 − 2×0.1 = 1199.8
    const r = solve(scenario('deviation 1', { caps: { stone: 0 }, reference: ref, objective: { weights: { deviation: 1 } } }));
    expectOptimal(r);
    expect(county(r, 'north', 'sand')).toMatchObject({ volume: 30, mines: 1 });
    expect(county(r, 'south', 'sand')).toMatchObject({ volume: 30, mines: 1 });
    expect(r.objective).toBeCloseTo(1199.8, 6);
  });

  it('a light deviation weight trades it for value', () => {
    // weight 0.5: 16.67 per unit < 20: fill the cap 100, 40 above the
    // reference (both counties ≥ 30), two mines (e.g. 60 + 40).
    // objective 2000 − 40×1000/60 − 2×0.1 = 1333.1333
    const r = solve(scenario('deviation 0.5', { caps: { stone: 0 }, reference: ref, objective: { weights: { deviation: 0.5 } } }));
    expectOptimal(r);
    expect(r.totals.sand?.volume).toBeCloseTo(100, 6);
    expect(county(r, 'north', 'sand').volume).toBeGreaterThanOrEqual(30 - 1e-6);
    expect(county(r, 'south', 'sand').volume).toBeGreaterThanOrEqual(30 - 1e-6);
    expect(minesOf(r, 'sand')).toBe(2);
    expect(r.objective).toBeCloseTo(2000 - 40_000 / 60 - 0.2, 6);
  });
});

describe('infeasible scenarios and determinism', () => {
  it('a floor above the cap is explained by the smallest relative relaxation', () => {
    // floor 150 > cap 100 (专栏20). Relaxing the floor by 50 costs 50/150 = 1/3,
    // the cap by 50 costs 50/100 = 1/2, any mix a/100 + (50 − a)/150 > 1/3:
    // the unique answer is "lower floor[sand] by 50".
    const r = solve(scenario('floor above cap', { caps: { sand: { min: 150 } } }));
    expect(r.status).toBe('infeasible');
    expect(r.objective).toBeNull();
    expect(r.explanation.map((x) => x.constraint)).toEqual(['floor[sand]']);
    expect(r.explanation[0]?.relaxBy).toBeCloseTo(50, 6);
    expect(r.explanation[0]?.unit).toBe('万m³');
    expect(r.binding).toEqual([]);
  });

  it('the same scenario solved twice gives the same report', () => {
    const s = scenario('twice', { countyBounds: { south: { sand: { max: 40 } } } });
    const a = solve(s);
    const b = solve(s);
    expectOptimal(a);
    const { solveTimeMs: _a, ...ra } = a;
    const { solveTimeMs: _b, ...rb } = b;
    expect(rb).toEqual(ra);
  });
});
