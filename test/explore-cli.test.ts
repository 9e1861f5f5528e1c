/**
 * The exploration commands as a script uses them: real model, real solver,
 * real files. --json prints only the promised object; bad input exits 1 with
 * the file, the JSON path and the reason.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(script: string, ...args: string[]): Promise<Out> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `src/cli/${script}.ts`, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const outs: Record<string, Out> = {};
const csvFile = join(dir, 'path.csv');
const badJson = join(dir, 'bad.json');

beforeAll(async () => {
  writeFileSync(badJson, JSON.stringify({ format: 'quota-scenario/1', name: 'bad', model: 'hotan-2021-2025', rightsCaps: { class3: -1 } }));
  const jobs: Record<string, Promise<Out>> = {
    sweep: cli('sweep', 'scenarios/table11-caps.json', '--param', 'caps.sand', '--from', '1500', '--to', '2500', '--steps', '3', '--json'),
    grid: cli('sweep', 'scenarios/strict-consolidation.json', '--param', 'rightsCaps.class3', '--from', '14', '--to', '30', '--steps', '2', '--param2', 'caps.sand.min', '--from2', '1000', '--to2', '1605.7', '--steps2', '2', '--json'),
    table: cli('sweep', 'scenarios/table11-caps.json', '--param', 'rightsCaps.class3', '--from', '20', '--to', '30', '--steps', '2', '--lang', 'en'),
    badPath: cli('sweep', 'scenarios/table11-caps.json', '--param', 'caps.sandd', '--from', '1', '--to', '2', '--steps', '2'),
    badValue: cli('sweep', 'scenarios/table11-caps.json', '--param', 'largeMediumShare.min', '--from', '0.5', '--to', '1.5', '--steps', '3'),
    badFile: cli('sweep', badJson, '--param', 'caps.sand', '--from', '1', '--to', '2', '--steps', '2'),
    frontier: cli('frontier', 'scenarios/strict-consolidation.json', '--limit', 'class3', '--max-solves', '10', '--json'),
    frontierBad: cli('frontier', 'scenarios/strict-consolidation.json', '--limit', 'class4'),
    path: cli('path', 'scenarios/table11-caps.json', '--json', '--csv', csvFile),
    pathText: cli('path', 'scenarios/table11-caps.json', '--fraction', '10', '--lang', 'en'),
  };
  const done = await Promise.all(Object.values(jobs));
  Object.keys(jobs).forEach((k, i) => (outs[k] = done[i] as Out));
}, 300_000);

describe('sweep', () => {
  it('--json prints only {param, points: [{value, status, objective, totals, rights, explanation}]}', () => {
    const o = outs.sweep as Out;
    expect(o.code).toBe(0);
    const r = JSON.parse(o.stdout) as { param: string; points: Record<string, unknown>[] };
    expect(Object.keys(r)).toEqual(['param', 'points']);
    expect(r.param).toBe('caps.sand');
    expect(r.points.map((p) => p.value)).toEqual([1500, 2000, 2500]);
    for (const p of r.points) {
      expect(Object.keys(p)).toEqual(['value', 'status', 'objective', 'totals', 'rights', 'explanation']);
      expect(p.status).toBe('optimal');
      const totals = p.totals as Record<string, { volume: number }>;
      expect(Object.keys(totals.sand ?? {})).toEqual(['volume']);
      expect(totals.sand?.volume).toBeLessThanOrEqual((p.value as number) + 1e-6);
    }
  });

  it('--json on a grid adds param2 and value2, infeasible points with their explanation', () => {
    const o = outs.grid as Out;
    expect(o.code).toBe(0);
    const r = JSON.parse(o.stdout) as { param: string; param2: string; points: { value: number; value2: number; status: string; objective: number | null; explanation: unknown[] }[] };
    expect([r.param, r.param2]).toEqual(['rightsCaps.class3', 'caps.sand.min']);
    expect(r.points.map((p) => [p.value, p.value2])).toEqual([[14, 1000], [14, 1605.7], [30, 1000], [30, 1605.7]]);
    const infeasible = r.points.find((p) => p.value === 14 && p.value2 === 1605.7);
    expect(infeasible?.status).toBe('infeasible');
    expect(infeasible?.objective).toBeNull();
    expect(infeasible?.explanation.length).toBeGreaterThan(0);
  });

  it('prints a readable table otherwise', () => {
    const o = outs.table as Out;
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/rightsCaps\.class3\s+status\s+objective/);
    // --lang en: units in powers of ten, never 万 (issue 10 item 3)
    expect(o.stdout).toContain('Construction sand(10⁴ m³)');
    expect(o.stdout).toContain('objective (10⁴ yuan)');
    expect(o.stdout).not.toContain('万');
    expect(o.stdout).toMatch(/2\/2 points/);
  });

  it('exits 1 naming the file, the JSON path and the reason for a bad parameter', () => {
    expect(outs.badPath?.code).toBe(1);
    expect(outs.badPath?.stderr.trim()).toBe('scenarios/table11-caps.json: $.caps.sandd: unknown mineral "sandd" (the model has sand, clay, limestone, gypsum, jade)');
    expect(outs.badValue?.code).toBe(1);
    expect(outs.badValue?.stderr).toMatch(/^scenarios\/table11-caps\.json: \$\.largeMediumShare\.min: at 1\.5: \$\.largeMediumShare\.min: /);
    expect(outs.badFile?.code).toBe(1);
    expect(outs.badFile?.stderr).toContain(`${badJson}: $.rightsCaps.class3:`);
    for (const k of ['badPath', 'badValue', 'badFile']) expect(outs[k]?.stdout, k).toBe('');
  });
});

describe('frontier', () => {
  it('--json parses: monotone points from the fewest mines to the cap, baseline, plan and knee', () => {
    const o = outs.frontier as Out;
    expect(o.code).toBe(0);
    const f = JSON.parse(o.stdout) as { limit: string; fewest: number; cap: number; solves: number; points: { limit: number; volume: number }[]; knee: { limit: number } | null; plan: { limit: number }; baseline: { limit: number } };
    expect(f.limit).toBe('class3');
    // v2 has no floors (caps are ceilings, demand is soft), so the fewest class-3 mines are 0;
    // strict-consolidation caps class 3 at 90 (see explore-frontier.test.ts for the hand calculation)
    expect(f.fewest).toBe(0);
    expect(f.points[0]?.limit).toBe(0);
    expect(f.plan.limit).toBe(90);
    expect(f.solves).toBeLessThanOrEqual(10);
    for (let i = 1; i < f.points.length; i++) expect((f.points[i] as { volume: number }).volume).toBeGreaterThanOrEqual((f.points[i - 1] as { volume: number }).volume);
    // sand ≤ 90 × 17.88 < its 2000 cap: the curve is a straight line, with no knee
    expect(f.knee).toBeNull();
    expect(typeof f.baseline.limit).toBe('number');
  });

  it('exits 1 on a bad option', () => {
    expect(outs.frontierBad?.code).toBe(1);
    expect(outs.frontierBad?.stderr).toMatch(/--limit is one of class3, class12, total/);
  });
});

describe('path', () => {
  it('--json parses; --csv writes the yearly quotas with a BOM', () => {
    const o = outs.path as Out;
    expect(o.code).toBe(0);
    const r = JSON.parse(o.stdout) as { status: string; years: number[]; rows: { county: string | null; mineral: string; quotas: Record<string, number>; limit: number }[]; assumptions: { zh: string; en: string }[] };
    expect(r.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(['ok', 'limit-too-tight']).toContain(r.status);
    for (const x of r.rows)
      for (const y of r.years.slice(1)) expect(Math.abs((x.quotas[y] as number) - (x.quotas[y - 1] as number))).toBeLessThanOrEqual(x.limit + 1e-6 * Math.max(1, x.limit));
    expect(r.assumptions[0]?.zh).toContain('专栏5');
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFF县（市）,矿种,单位,2020,2021,2022,2023,2024,2025,年变化上限');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(r.rows.length + 1);
  });

  it('prints the table with its assumptions', () => {
    const o = outs.pathText as Out;
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/County\s+Mineral\s+Unit\s+2020\s+2021\s+2022\s+2023\s+2024\s+2025/);
    expect(o.stdout).toContain('Assumptions:');
    expect(o.stdout).not.toMatch(/万[m吨元]/);
    expect(o.stdout).toContain('专栏6 gives no 2020 output of Jade (nephrite)');
  });
});
