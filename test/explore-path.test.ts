/**
 * The yearly path from 2020 to the 2025 allocation, on the real model with the
 * real solver: it starts at the derived 2020 figures, ends at the solved
 * allocation, keeps every step within its limit, and when the limit asked
 * for cannot be met it reports the smallest that can — checked against the
 * LP itself (a hair below it, the LP is infeasible).
 *
 * By hand: 专栏6 2020 sand 1605.7 万m³ over 200 sand rights (专栏5): Luopu's 38 →
 * 305.083; gypsum 7.5 万吨 over 6 rights: Luopu's 2 → 2.5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { output2020, pathModel, pathTo2025, pathYears, PathError, type PathResult, type PathRow } from '../src/model/explore/path';
import type { QuotaRange, SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import { inBoth } from './helpers/said';

let solver: Solver;
let d: Dataset;
let s: Scenario;
let report: SolveReport;

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
  s = checkScenarioAgainst(loadScenarioFile('scenarios/table11-caps.json'), d, 'table11-caps');
  report = runScenario(d, s, solver);
});

function rowOf(r: PathResult, county: string | null, mineral: string): PathRow {
  const x = r.rows.find((q) => q.county === county && q.mineral === mineral);
  if (!x) throw new Error(`no path row ${county}/${mineral}`);
  return x;
}

/** Every row starts at its 2020 figure, ends at its 2025 allocation and keeps each step within its limit. */
function expectValidPath(r: PathResult): void {
  const first = r.years[0] as number;
  const last = r.years[r.years.length - 1] as number;
  for (const x of r.rows) {
    expect(x.quotas[first]).toBeCloseTo(x.start, 9);
    expect(x.quotas[last]).toBeCloseTo(x.end, 9);
    const allocated = report.counties.filter((q) => q.county === x.county && q.mineral === x.mineral).reduce((a, q) => a + q.volume, 0);
    expect(x.end).toBeCloseTo(allocated, 9);
    for (const y of r.years.slice(1)) {
      const step = Math.abs((x.quotas[y] as number) - (x.quotas[y - 1] as number));
      expect(step, `${x.county}/${x.mineral} ${y}`).toBeLessThanOrEqual(x.limit + 1e-6 * Math.max(1, x.limit));
      expect(x.quotas[y] as number).toBeGreaterThanOrEqual(-1e-9);
    }
  }
}

describe('the path to 2025', () => {
  it('covers the plan period from the base year', () => {
    expect(pathYears(d)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('derives each county 2020 figure from 专栏6 shared by 专栏5 rights, and says so', () => {
    const r = pathTo2025(d, s, report, solver, { fraction: 10 });
    expect(rowOf(r, 'luopu', 'sand').start).toBeCloseTo((1605.7 * 38) / 200, 9);
    expect(rowOf(r, 'luopu', 'gypsum').start).toBeCloseTo((7.5 * 2) / 6, 9);
    const starts = output2020(d, s);
    for (const m of ['sand', 'clay', 'limestone', 'gypsum']) {
      const sum = r.rows.filter((x) => x.mineral === m).reduce((a, x) => a + x.start, 0);
      expect(sum, m).toBeCloseTo(starts[m] as number, 6);
    }
    expect(inBoth(r.assumptions[0]!).zh).toMatch(/专栏6.*专栏5/);
    expect(inBoth(r.assumptions[0]!).en).toMatch(/no 2020 output per county/);
    // 专栏6 has no jade: left out, with the reason
    expect(r.rows.some((x) => x.mineral === 'jade')).toBe(false);
    expect(r.omitted.map((o) => o.mineral)).toEqual(['jade']);
  });

  it('with a limit that can be met, keeps it, ends at the 2025 allocation and follows the straight line', () => {
    const r = pathTo2025(d, s, report, solver, { fraction: 10 });
    expect(r.status).toBe('ok');
    expect(r.lpStatus).toBe('optimal');
    expectValidPath(r);
    for (const x of r.rows)
      for (const y of r.years) expect(x.quotas[y]).toBeCloseTo(x.start + ((x.end - x.start) * (y - 2020)) / 5, 6);
    expect(rowOf(r, 'luopu', 'sand').limit).toBeCloseTo(10 * rowOf(r, 'luopu', 'sand').start, 6);
  });

  it('with the default 25 % it reports the smallest workable limit per mineral and draws the path with it', () => {
    const r = pathTo2025(d, s, report, solver);
    expect(r.asked.fraction).toBe(0.25);
    expect(r.status).toBe('limit-too-tight');
    expectValidPath(r);
    // Luopu gypsum goes from 2.5 to its 2025 quota in five steps of at most f × 2.5
    const gypsum = rowOf(r, 'luopu', 'gypsum');
    expect(gypsum.needs).toBeCloseTo(Math.abs(gypsum.end - 2.5) / 5 / 2.5, 9);
    for (const [m, f] of Object.entries(r.smallest.fractionByMineral)) {
      const rows = r.rows.filter((x) => x.mineral === m);
      expect(f).toBeCloseTo(Math.max(...rows.map((x) => x.needs)), 12);
      expect(r.used.fraction[m]).toBeCloseTo(Math.max(0.25, f), 12);
    }
    expect(r.smallest.fraction).toBeCloseTo(Math.max(...Object.values(r.smallest.fractionByMineral)), 12);
  });

  it('the smallest limit is the smallest: a hair below it, the LP has no path', () => {
    const r = pathTo2025(d, s, report, solver);
    const tightest = [...r.rows].sort((a, b) => b.needs - a.needs)[0] as PathRow;
    const base = tightest.limitBase === 'start' ? tightest.start : tightest.end;
    const pair = [{ county: tightest.county, mineral: tightest.mineral, unit: tightest.unit, start: tightest.start, end: tightest.end, scale: base }];
    const at = (f: number) => solver.solve(pathModel(pair, r.years, [f * base]), {}).status;
    expect(at(tightest.needs)).toBe('optimal');
    expect(at(tightest.needs * (1 - 1e-6))).toBe('infeasible');
    // and with that fraction for every mineral, the whole path holds
    const again = pathTo2025(d, s, report, solver, { fraction: r.smallest.fraction as number });
    expect(again.status).toBe('ok');
    expectValidPath(again);
  });

  it('takes absolute limits per mineral and a 2020 figure where 专栏6 has none', () => {
    const r = pathTo2025(d, s, report, solver, { fraction: 10, absolute: { sand: 40 }, output2020: { jade: 60 } });
    const sand = r.rows.filter((x) => x.mineral === 'sand');
    expect(sand.every((x) => x.limitBase === 'absolute' && x.limit === r.used.absolute.sand)).toBe(true);
    const sandNeed = Math.max(...sand.map((x) => Math.abs(x.end - x.start) / 5));
    if (sandNeed > 40) {
      expect(r.status).toBe('limit-too-tight');
      expect(r.smallest.absolute.sand).toBeCloseTo(sandNeed, 9);
      expect(r.used.absolute.sand).toBeCloseTo(sandNeed, 9);
    } else expect(r.status).toBe('ok');
    expectValidPath(r);
    expect(r.omitted).toEqual([]);
    // jade's 60 吨 shared by its 40 rights; the zones of no county start at 0 and take their 2025 quota as the base
    expect(rowOf(r, 'pishan', 'jade').start).toBeCloseTo((60 * 11) / 40, 9);
    const prefecture = r.rows.find((x) => x.county === null && x.mineral === 'jade');
    if (prefecture) {
      expect(prefecture.start).toBe(0);
      expect(prefecture.limitBase).toBe('end');
    }
  });

  it('refuses what it cannot use', () => {
    expect(() => pathTo2025(d, s, report, solver, { fraction: 0 })).toThrow(PathError);
    expect(() => pathTo2025(d, s, report, solver, { absolute: { gold: 5 } })).toThrow(/unknown mineral "gold"/);
    expect(() => pathTo2025(d, s, { ...report, status: 'infeasible' }, solver)).toThrow(/no 2025 allocation/);
  });
});

describe('the path within the quota ranges', () => {
  /** ranges from each row: [lo, hi] = f(row) */
  const rangesFrom = (r: PathResult, f: (x: PathRow) => [number, number]): QuotaRange[] =>
    r.rows.map((x) => {
      const [min, max] = f(x);
      return { county: x.county, mineral: x.mineral, volume: x.recommended, min, max, minProven: true, maxProven: true, minBound: min, maxBound: max };
    });
  const totalOf = (r: PathResult, m: string, pick: (x: PathRow) => number) => r.rows.filter((x) => x.mineral === m).reduce((a, x) => a + pick(x), 0);

  it('with each range a single point, the smallest limit is the closed-form one (the LP agrees with |end − start| ÷ 5)', () => {
    const fixed = pathTo2025(d, s, report, solver);
    const r = pathTo2025(d, s, report, solver, { ranges: rangesFrom(fixed, (x) => [x.recommended, x.recommended]) });
    for (const [m, v] of Object.entries(fixed.smallest.fractionByMineral)) expect(r.smallestWithinRanges?.[m], m).toBeCloseTo(v, 6);
    expect(r.status).toBe(fixed.status);
  });

  it('with wide ranges a mineral is unreachable only if no allocation within them (its total kept) reaches it', () => {
    const fixed = pathTo2025(d, s, report, solver);
    const wide = rangesFrom(fixed, (x) => [0, totalOf(fixed, x.mineral, (y) => y.recommended)]);
    const r = pathTo2025(d, s, report, solver, { ranges: wide });
    const within = r.smallestWithinRanges ?? {};
    let easier = 0;
    for (const [m, v] of Object.entries(fixed.smallest.fractionByMineral)) {
      expect(within[m], m).toBeLessThanOrEqual(v + 1e-9);
      if ((within[m] as number) < v - 1e-6) easier++;
    }
    // the rights-shared 2020 split differs from the 2025 split, so some mineral gets easier when its counties may trade
    expect(easier).toBeGreaterThan(0);
    const first = r.years[0] as number;
    const last = r.years[r.years.length - 1] as number;
    for (const x of r.rows) {
      expect(x.quotas[first]).toBeCloseTo(x.start, 9);
      expect(x.end).toBeGreaterThanOrEqual(-1e-9);
      for (const y of r.years.slice(1)) expect(Math.abs((x.quotas[y] as number) - (x.quotas[y - 1] as number))).toBeLessThanOrEqual(x.limit * (1 + 1e-6) + 1e-6);
      expect(x.quotas[last]).toBeCloseTo(x.end, 9);
    }
    for (const m of Object.keys(within)) expect(totalOf(r, m, (x) => x.end), m).toBeCloseTo(totalOf(r, m, (x) => x.recommended), 6);
    // at the largest within-range smallest, every mineral is reachable: the status says so
    const enough = Math.max(...Object.values(within));
    expect(pathTo2025(d, s, report, solver, { ranges: wide, fraction: enough * (1 + 1e-6) }).status).toBe('ok');
    // and just below a mineral's own smallest it is still reported as unreachable
    const [hardest] = Object.entries(within).sort((a, b) => b[1] - a[1]);
    if (hardest && hardest[1] > 1e-6) expect(pathTo2025(d, s, report, solver, { ranges: wide, fraction: hardest[1] * 0.99 }).status).toBe('limit-too-tight');
  });
});
