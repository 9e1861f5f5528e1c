/**
 * The solve command as a planner or a script uses it: real model, real
 * solver, real files; exit codes and messages as the README promises.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuotaRange } from '../src/model/report';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { buildModel } from '../src/model/build';
import { oneAnswerModel } from '../src/model/one-answer';
import { lpFileNames } from '../src/solver/lp-names';
import { lpObjectiveWithHighs } from './helpers/highs';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'solve-cli-'));

async function solve(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/solve.ts', ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function scenarioFile(name: string, body: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'quota-scenario/1', name, model: 'hotan-2021-2025', ...body }));
  return path;
}

describe('solve --json on the baseline', () => {
  let out: { code: number; stdout: string; stderr: string };
  const lpFile = join(dir, 'baseline.lp');
  const csvFile = join(dir, 'baseline.csv');
  beforeAll(async () => {
    out = await solve('scenarios/baseline.json', '--json', '--lp', lpFile, '--csv', csvFile);
  });

  it('prints only the report object, with every key the issue names', () => {
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['status', 'objective', 'gap', 'tieBreak', 'totals', 'rights', 'counties', 'zones', 'demand', 'flows', 'binding', 'explanation']);
    expect(r.status).toBe('optimal');
    expect(r.gap).toBeNull();
    expect(r.tieBreak).toBe('proven');
    expect(Array.isArray(r.demand)).toBe(true);
    expect(Array.isArray(r.flows)).toBe(true);
    expect(r.explanation).toEqual([]);
  });

  it('keeps every total within its cap and counts the fixed class-1/2 mines', () => {
    const r = JSON.parse(out.stdout) as {
      totals: Record<string, { volume: number; cap: number; unit: string; mines: number }>;
      rights: { class12: { used: number; cap: number }; class3: { used: number; cap: number } };
      counties: { county: string | null; mineral: string; volume: number }[];
    };
    for (const [mineral, t] of Object.entries(r.totals)) {
      expect(t.volume).toBeLessThanOrEqual(t.cap + 1e-6);
      const byCounty = r.counties.filter((c) => c.mineral === mineral).reduce((a, c) => a + c.volume, 0);
      expect(byCounty).toBeCloseTo(t.volume, 4);
    }
    expect(r.totals.sand?.unit).toBe('万m³');
    // 55 class-1/2 mines of minerals outside the model (砂金 45, 金 2, 锂 1, 铅 3, 煤 1, 石英闪长岩 3; 专栏5) are held fixed
    expect(r.rights.class12.used).toBeGreaterThanOrEqual(55);
    expect(r.rights.class12.used).toBeLessThanOrEqual(r.rights.class12.cap);
  });

  it('writes the one-answer LP file, which another solver (HiGHS) solves to the same county quotas and goal', async () => {
    const r = JSON.parse(out.stdout) as { objective: number; counties: { county: string | null; mineral: string; volume: number }[] };
    const highs = await lpObjectiveWithHighs(readFileSync(lpFile, 'utf8'), 60, { mip_rel_gap: 0 });
    expect(highs.status).toBe('Optimal');
    // the file's column names, from the same model rebuilt here (names do not depend on the optimum)
    const d = loadDatasetFile('models/hotan-2021-2025.json');
    const built = buildModel(d, loadScenarioFile('scenarios/baseline.json'));
    const stage2 = oneAnswerModel(d, built, r.objective);
    const names = lpFileNames(stage2);
    const col = new Map(stage2.variables.map((v, j) => [v.name, names.columns[j] ?? '']));
    const at = (name: string) => highs.values[col.get(name) ?? ''] ?? 0;
    for (const q of r.counties) {
      const v = built.index.cells.filter((x) => x.cell.county === q.county && x.cell.mineral === q.mineral).reduce((a, x) => a + at(x.volume), 0);
      expect(Math.abs(v - q.volume), `${q.county ?? 'all'}.${q.mineral}`).toBeLessThan(1e-4);
    }
    // and HiGHS's answer keeps the planner's goal at its optimum
    const goal = built.linear.objective.reduce((a, t) => a + t.coef * at(t.variable), built.linear.objectiveConstant);
    expect(Math.abs(goal - r.objective) / Math.max(1, Math.abs(r.objective))).toBeLessThan(1e-6);
  });

  it('writes the county quotas as CSV with a BOM for Excel', () => {
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('建筑用砂');
  });
});

describe('solve --json --ranges', () => {
  // Every end runs until proven (no clock: src/model/ranges.ts); table11-caps is the baseline with 专栏11's caps.
  const TOLERANCE = 0.001;
  type Range = QuotaRange;
  let r: { status: string; objective: number; ranges: Range[] };
  const base = JSON.parse(readFileSync('scenarios/table11-caps.json', 'utf8')) as Record<string, unknown>;
  beforeAll(async () => {
    const out = await solve('scenarios/table11-caps.json', '--json', '--ranges', '--tolerance', String(TOLERANCE));
    expect(out.code).toBe(0);
    r = JSON.parse(out.stdout) as typeof r;
  }, 180_000);

  it('gives every county quota a range around the recommended quota', () => {
    expect(r.status).toBe('optimal');
    expect(r.ranges.length).toBeGreaterThan(0);
    for (const g of r.ranges) {
      expect(Object.keys(g).sort()).toEqual(['county', 'max', 'maxBound', 'maxProven', 'min', 'minBound', 'minProven', 'mineral', 'volume']);
      // a proven end is its own bound; with no --range-time every end is proven
      expect([g.minProven, g.maxProven], `${g.county}.${g.mineral}`).toEqual([true, true]);
      expect([g.minBound, g.maxBound]).toEqual([g.min, g.max]);
      expect(g.min, `${g.county}.${g.mineral}`).not.toBeNull();
      expect(g.max, `${g.county}.${g.mineral}`).not.toBeNull();
      expect((g.min ?? Number.NaN) - 1e-6, `${g.county}.${g.mineral}`).toBeLessThanOrEqual(g.volume);
      expect(g.volume, `${g.county}.${g.mineral}`).toBeLessThanOrEqual((g.max ?? Number.NaN) + 1e-6);
    }
    expect(r.ranges.some((g) => (g.max ?? 0) - (g.min ?? 0) > 1)).toBe(true);
  });

  it('a quota forced to either end of its range still solves within the tolerance of the optimum', async () => {
    const g = r.ranges.filter((x) => x.county !== null && (x.max ?? 0) - (x.min ?? 0) > 1).sort((a, b) => (b.max ?? 0) - (b.min ?? 0) - ((a.max ?? 0) - (a.min ?? 0)))[0];
    expect(g).toBeDefined();
    if (!g || g.county === null || g.min === null || g.max === null) return;
    const floor = r.objective - TOLERANCE * Math.max(1, Math.abs(r.objective)) - 1e-6 * Math.max(1, Math.abs(r.objective));
    // the range's ends are rounded to 1e-6: force them with a hair of room
    for (const [side, bound] of [['min', g.max - 1e-5], ['max', g.min + 1e-5]] as const) {
      const file = scenarioFile(`forced-${side}.json`, { ...base, name: `forced ${side}`, countyBounds: { [g.county]: { [g.mineral]: { [side]: bound } } } });
      const out = await solve(file, '--json');
      expect(out.code, out.stderr).toBe(0);
      const f = JSON.parse(out.stdout) as { status: string; objective: number; counties: { county: string | null; mineral: string; volume: number }[] };
      expect(f.status).toBe('optimal');
      expect(f.objective, `${g.county}.${g.mineral} ${side} ${bound}`).toBeGreaterThanOrEqual(floor);
      const q = f.counties.find((x) => x.county === g.county && x.mineral === g.mineral)?.volume ?? Number.NaN;
      if (side === 'min') expect(q).toBeGreaterThanOrEqual(bound - 1e-6);
      else expect(q).toBeLessThanOrEqual(bound + 1e-6);
    }
  }, 120_000);
});

describe('solve exit codes and messages', () => {
  it('prints a readable county table without --json', async () => {
    const out = await solve('scenarios/baseline.json', '--lang', 'en');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Status: optimal/);
    expect(out.stdout).toMatch(/Construction sand/);
  });

  it('exits 2 with the smallest relaxation for an infeasible scenario', async () => {
    // a sand floor of 2500 万m³ against the 专栏20 cap of 2000: either moves by 500, but relative to its
    // own figure lowering the floor is the smaller change (500/2500 = 20% < 500/2000 = 25%)
    const file = scenarioFile('infeasible.json', { caps: { sand: { min: 2500 } } });
    const out = await solve(file, '--json');
    expect(out.code).toBe(2);
    const r = JSON.parse(out.stdout) as { status: string; explanation: { constraint: string; relaxBy: number }[] };
    expect(r.status).toBe('infeasible');
    expect(r.explanation).toHaveLength(1);
    expect(r.explanation[0]?.constraint).toBe('floor[sand]');
    expect(r.explanation[0]?.relaxBy).toBeCloseTo(500, 4);
  });

  it('prints each relaxation as the figure to set, the rows it runs into and the scenario path (zh, en)', async () => {
    const file = scenarioFile('infeasible-text.json', { caps: { sand: { min: 2500 } }, countyBounds: { yutian: { gypsum: { min: 10 } } } });
    const en = await solve(file, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('  Set ‘Construction sand total floor (10⁴ m³/yr)’ to at most 2,000 (now 2,500; 500 less). It runs into: Construction sand total extraction cap (专栏20).  [caps.sand.min]');
    expect(en.stdout).toContain('  Set ‘Yutian (Keriya) County Gypsum minimum (10⁴ t/yr)’ to at most 0 (now 10; 10 less). No cell counts toward this minimum (no rights or zones of this mineral there): no mine can meet it, whatever the other limits; only lowering the minimum helps.  [countyBounds.yutian.gypsum.min]');
    const zh = await solve(file, '--lang', 'zh');
    expect(zh.stdout).toContain('  把『建筑用砂开采总量下限（万m³/年）』设为至多 2,000（现为 2,500，放宽 500）。与之冲突的约束：建筑用砂开采总量上限（专栏20）。  [caps.sand.min]');
    expect(zh.stdout).toContain('没有任何单元可计入该下限（此处没有此矿种的采矿权或集中开采区），任何矿山都无法满足，只能降低该下限本身。');
    const json = JSON.parse((await solve(file, '--json')).stdout) as { explanation: { constraint: string; target: number; opposing: { constraint: string }[] }[] };
    expect(json.explanation.find((x) => x.constraint === 'floor[sand]')).toMatchObject({ target: 2000, opposing: [{ constraint: 'cap[sand]' }] });
  });

  it('exits 1 naming the file, the JSON path and the reason for a bad scenario', async () => {
    const file = scenarioFile('bad.json', { caps: { sand: -5 }, excludedZones: ['Z99'] });
    const out = await solve(file, '--json');
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${file}: $.caps.sand`);
  });

  it('exits 1 for ids the model does not know', async () => {
    const file = scenarioFile('unknown.json', { excludedZones: ['Z99'], caps: { gold: 5 } });
    const out = await solve(file, '--lang', 'en');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${file}: $.excludedZones[0]: unknown zone "Z99"`);
    expect(out.stderr).toContain(`${file}: $.caps.gold: unknown mineral "gold"`);
    // the reasons follow --lang (zh by default)
    const zh = await solve(file);
    expect(zh.stderr).toContain(`${file}: $.excludedZones[0]: 模型中没有集中开采区“Z99”`);
  });

  it('exits 1 for a file that is not JSON, and for a missing file', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "format": ');
    const broken = await solve(file, '--lang', 'en');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${file}: $: not valid JSON`);
    const missing = await solve(join(dir, 'nope.json'), '--lang', 'en');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the file');
  });

  it('exits 1 for a bad model file given with --model', async () => {
    const model = join(dir, 'model.json');
    const data = JSON.parse(readFileSync('models/hotan-2021-2025.json', 'utf8')) as { table23: { zones: { areaKm2: number }[] } };
    (data.table23.zones[3] as { areaKm2: number }).areaKm2 = -1;
    writeFileSync(model, JSON.stringify(data));
    const out = await solve('scenarios/baseline.json', '--model', model);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${model}: $.table23.zones[3].areaKm2`);
  });
});
