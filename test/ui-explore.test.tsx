// @vitest-environment jsdom
/**
 * The Explore page's views on real solves (the Node solver, the Hotan model,
 * the baseline preset): the sweep table and chart options of a 3-point sweep
 * of the sand cap, infeasible points marked and explained (line, heat map,
 * table, CSV), the parameter list with current values, the frontier chart's
 * marks, the path chart and CSV, and every key the page builds from a value.
 */
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { computeFrontier, MINE_LIMITS } from '../src/model/explore/frontier';
import { pathTo2025 } from '../src/model/explore/path';
import { paramInfo, runSweep, setPath, type SweepSpec } from '../src/model/explore/sweep';
import { STATUSES, type SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import type { StoredSweepPoint } from '../src/store/sweeps';
import { setLang, tOr } from '../src/ui/i18n';
import { frontierOption, marksOf } from '../src/ui/explore/frontierView';
import { PARAM_GROUPS, sweepParams } from '../src/ui/explore/labels';
import { pathCsv, pathOption } from '../src/ui/explore/pathView';
import { SweepResults } from '../src/ui/explore/SweepResults';
import { sweepCsv, sweepHeatmapOption, sweepLineOption, sweepRows, tableOutputs } from '../src/ui/explore/sweepView';
import { EXPLORE_TABS } from '../src/ui/explore/ExplorePage';
import { inProcessWorker } from './helpers/in-process-pool';

let solver: Solver;
let d: Dataset;
let baseline: Scenario;
const solve = (s: Scenario) => runScenario(d, s, solver);

async function sweep(spec: SweepSpec): Promise<StoredSweepPoint[]> {
  const res = await runSweep(d, baseline, spec, [inProcessWorker()]);
  return res.points.map((p, index) => ({ index, ...p }));
}

type Series = { id: string; type: string; name: string; yAxisIndex?: number; data: { value: (number | string)[]; tip: string; limit?: number }[] };
const seriesOf = (o: Record<string, unknown>, id: string) => (o.series as Series[]).find((s) => s.id === id) as Series;

let sand: StoredSweepPoint[];
const sandSpec: SweepSpec = { axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 3 }] };

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
  baseline = checkScenarioAgainst(loadScenarioFile('scenarios/baseline.json'), d, 'baseline');
  sand = await sweep(sandSpec);
});

afterEach(() => {
  cleanup();
  setLang('zh');
});

describe('sweep of the sand cap (3 points, real solves)', () => {
  it('table rows carry each point’s parameter, status and outputs, equal to its report', () => {
    const rows = sweepRows(sandSpec, sand, tableOutputs(d), 'zh');
    expect(rows.map((r) => r.params)).toEqual([[1000], [1500], [2000]]);
    expect(rows.map((r) => r.kind)).toEqual(['solved', 'solved', 'solved']);
    rows.forEach((r, i) => {
      const rep = sand[i]!.report;
      expect(r.values['volume.sand']).toBe(rep.totals.sand!.volume);
      expect(r.values['mines.class3']).toBe(rep.rights.class3.used);
      expect(r.values.objective).toBe(rep.objective);
    });
    // v2 (continuity): sand goes to its demand, 1605.7 万m³; the cap binds below it (1000, 1500) and not at 2000
    expect(rows.map((r) => Math.round(r.values['volume.sand']!))).toEqual([1000, 1500, 1606]);
  });

  it('line chart option: the chosen output against the parameter, nothing on the infeasible axis', () => {
    const rows = sweepRows(sandSpec, sand, ['volume.sand'], 'zh');
    const o = sweepLineOption(d, sandSpec, rows, 'volume.sand', 'zh') as Record<string, unknown>;
    expect((o.title as { text: string }).text).toBe('建筑用砂开采总量随“建筑用砂开采总量上限”的变化');
    expect((o.xAxis as { name: string }).name).toBe('万m³');
    expect((o.yAxis as { name?: string }[])[0]!.name).toBe('万m³');
    const line = seriesOf(o, 'output');
    expect(line.type).toBe('line');
    expect(line.data.map((p) => p.value)).toEqual(sand.map((p) => [p.params['caps.sand'], p.report.totals.sand!.volume]));
    expect(line.data[0]!.tip).toContain('建筑用砂开采总量上限 = 1,000 万m³');
    expect(line.data[0]!.tip).toContain('最优');
    expect(seriesOf(o, 'infeasible').data).toEqual([]);
    const en = sweepLineOption(d, sandSpec, rows, 'volume.sand', 'en') as Record<string, unknown>;
    expect((en.title as { text: string }).text).toBe('Construction sand volume against “Construction sand total cap”');
  });

  it('SweepResults shows the table with units; choosing another output adds its column and highlights it', async () => {
    render(() => <SweepResults dataset={d} spec={sandSpec} points={sand} name="基准" />);
    const table = screen.getByRole('table', { name: '扫描结果：每个点的求解状态与主要指标' });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head[0]).toBe('建筑用砂开采总量上限 万m³');
    expect(head[1]).toBe('求解状态');
    expect(head).toContain('建筑用砂开采总量 万m³');
    expect(within(rows[2] as HTMLElement).getByRole('rowheader').textContent).toBe('2,000');
    // at the 2000 cap sand meets its demand of 1605.7 (v2, continuity)
    expect((rows[2] as HTMLElement).querySelector('td.chosen')!.textContent).toBe('1,605.7');
    const select = screen.getByLabelText('图表指标') as HTMLSelectElement;
    // county quotas offered are those some point has
    expect([...select.options].some((o) => o.value === 'county.hetian.sand')).toBe(true);
    fireEvent.change(select, { target: { value: 'county.hetian.sand' } });
    const chosen = table.querySelector('thead th.chosen')!;
    expect(chosen.textContent).toBe('和田市及和田县建筑用砂开采指标 万m³');
    const hetian = sand.map((p) => p.report.counties.filter((q) => q.county === 'hetian' && q.mineral === 'sand').reduce((a, q) => a + q.volume, 0));
    expect([...table.querySelectorAll('tbody td.chosen')].map((td) => td.textContent)).toEqual(hetian.map((v) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(Number(v.toFixed(6)))));
  });

  it('reads in English', () => {
    setLang('en');
    render(() => <SweepResults dataset={d} spec={sandSpec} points={sand} name="Baseline" />);
    const table = screen.getByRole('table', { name: 'Sweep results: status and main figures of each point' });
    expect(table.querySelector('thead th')!.textContent).toBe('Construction sand total cap 10⁴ m³');
    expect(table.querySelector('tbody td.status')!.textContent).toBe('Optimal');
  });
});

describe('points without a solution', () => {
  const floorSpec: SweepSpec = { axes: [{ path: 'caps.sand.min', from: 1000, to: 3000, steps: 3 }] };
  let floor: StoredSweepPoint[];
  beforeAll(async () => {
    floor = await sweep(floorSpec);
  });

  it('an infeasible point is a gap in the line and a ✕ at the foot of the chart, explained in its tooltip', () => {
    const rows = sweepRows(floorSpec, floor, ['volume.sand'], 'zh');
    expect(rows.map((r) => r.status)).toEqual(['optimal', 'optimal', 'infeasible']);
    expect(rows[2]!.why).toEqual(['将“建筑用砂开采总量下限”放宽 1,000 万m³，方案即可行']);
    const o = sweepLineOption(d, floorSpec, rows, 'volume.sand', 'zh') as Record<string, unknown>;
    // a floor of 1000 is below the demand (1605.7), which sand meets; a floor of 2000 forces 2000
    expect(seriesOf(o, 'output').data.map((p) => p.value[1])).toEqual([1605.7, 2000, '-']);
    const bad = seriesOf(o, 'infeasible');
    expect(bad.name).toBe('✕ 不可行');
    expect(bad.yAxisIndex).toBe(1);
    expect(bad.data.map((p) => p.value)).toEqual([[3000, 0]]);
    expect(bad.data[0]!.tip).toContain('不可行<br>将“建筑用砂开采总量下限”放宽 1,000 万m³，方案即可行');
  });

  it('the table marks the row and lists why; the CSV keeps the reason and leaves the figures empty', () => {
    render(() => <SweepResults dataset={d} spec={floorSpec} points={floor} name="基准" />);
    const row = document.querySelector('table.sweep-table tr[data-status="infeasible"]') as HTMLElement;
    expect(row.querySelector('td.status .mark')!.textContent).toBe('✕ 不可行');
    expect(row.querySelector('td.status')!.getAttribute('title')).toBe('将“建筑用砂开采总量下限”放宽 1,000 万m³，方案即可行');
    expect(row.querySelector('ul.why')!.textContent).toContain('放宽 1,000 万m³');
    expect([...row.querySelectorAll('td.num')].every((td) => td.textContent === '—')).toBe(true);

    const csv = sweepCsv(d, floorSpec, sweepRows(floorSpec, floor, tableOutputs(d), 'zh'), tableOutputs(d), 'zh');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['建筑用砂开采总量下限 (万m³)', '求解状态', '目标函数值 (万元)']);
    expect(lines[3]!.startsWith('3000,不可行,,')).toBe(true);
    expect(lines[3]).toContain('将“建筑用砂开采总量下限”放宽 1,000 万m³，方案即可行');
  });

  it('on a grid, the heat map colours the solved cells and marks the infeasible ones apart', async () => {
    const spec: SweepSpec = {
      axes: [
        { path: 'caps.sand.min', from: 1000, to: 3000, steps: 2 },
        { path: 'caps.clay', from: 50, to: 100, steps: 2 },
      ],
    };
    const points = await sweep(spec);
    const rows = sweepRows(spec, points, ['volume.clay'], 'zh');
    const o = sweepHeatmapOption(d, spec, rows, 'volume.clay', 'zh') as Record<string, unknown>;
    expect((o.xAxis as { data: string[] }).data).toEqual(['1,000', '3,000']);
    expect((o.yAxis as { data: string[] }).data).toEqual(['50', '100']);
    const ok = seriesOf(o, 'output');
    expect(ok.type).toBe('heatmap');
    expect(ok.data.map((c) => c.value)).toEqual([
      [0, 0, points[0]!.report.totals.clay!.volume],
      [0, 1, points[1]!.report.totals.clay!.volume],
    ]);
    expect(seriesOf(o, 'infeasible').data.map((c) => c.value)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
    ]);
    const vm = o.visualMap as { seriesIndex: number; min: number; max: number }[];
    expect(vm[0]).toMatchObject({ seriesIndex: 0, min: 50, max: 100 });
    expect(vm.map((v) => v.seriesIndex)).toEqual([0, 1, 2]);
  });
});

describe('parameters offered', () => {
  it('lists caps (max and min), rights caps, scale minimums, the share, the radius and county bounds with current values and units', () => {
    const ps = sweepParams(d, baseline, 'zh');
    const by = (p: string) => ps.find((x) => x.path === p);
    expect(by('caps.sand')).toMatchObject({ label: '建筑用砂开采总量上限', unit: '万m³', current: 2000, own: false, group: 'caps' });
    expect(by('caps.sand.min')).toMatchObject({ current: null, range: { from: 0, to: 2000 } });
    expect(by('rightsCaps.class3')).toMatchObject({ label: '三类（砂石土）矿山数上限', unit: '个', current: 250, integer: true, range: { from: 125, to: 375 } });
    expect(by('largeMediumShare.min')).toMatchObject({ current: 0.4, max: 1 });
    // v2: demand is on by default, so the baseline scenario no longer sets the radius itself
    expect(by('demand.radiusKm')).toMatchObject({ current: 100, unit: 'km', own: false });
    expect(by('minScale.sand.small')?.unit).toBe('万m³/年');
    expect(by('countyBounds.hetian.sand.max')).toMatchObject({ label: '和田市及和田县建筑用砂开采量上限', current: null, group: 'county' });
    expect(new Set(ps.map((p) => p.group))).toEqual(new Set(PARAM_GROUPS));
    // every one is a path the engine accepts, and its starting range can be set
    for (const p of ps) {
      expect(() => paramInfo(p.path, d)).not.toThrow();
      expect(() => setPath(baseline, p.path, p.range.to, d)).not.toThrow();
    }
  });
});

describe('frontier chart', () => {
  it('marks the plan’s cap, this scenario’s point and the knee; every point carries its limit for a click', async () => {
    const f = await computeFrontier(d, baseline, { limit: 'class3', maxSolves: 10 }, (s, o) => runScenario(d, s, solver, o));
    const o = frontierOption(f, 'zh') as Record<string, unknown>;
    expect((o.title as { text: string }).text).toBe('三类（砂石土）矿山数上限与最大开采量');
    const line = seriesOf(o, 'frontier') as Series & { data: { limit: number }[] };
    expect(line.data.map((p) => p.limit)).toEqual(f.points.filter((p) => p.volume !== null).map((p) => p.limit));
    const plan = seriesOf(o, 'plan') as Series & { data: { limit: number }[] };
    expect(plan.name).toBe('规划上限 250');
    expect(plan.data.map((p) => p.limit)).toEqual([250]);
    expect(seriesOf(o, 'baseline').data).toHaveLength(1);
    expect(f.knee).not.toBeNull();
    expect((seriesOf(o, 'knee') as Series & { data: { limit: number }[] }).data[0]!.limit).toBe(f.knee!.limit);
    expect(marksOf(f, f.points.at(-1)!)).toContain('plan');
    expect(marksOf(f, f.knee!)).toContain('knee');
  });
});

describe('path to 2025', () => {
  it('a line per county for a mineral, 2020 to 2025, and a CSV with BOM, names and ids', () => {
    const report: SolveReport = solve(baseline);
    const r = pathTo2025(d, baseline, report, solver, { fraction: 0.25 });
    const o = pathOption(d, r, 'sand', 'zh') as Record<string, unknown>;
    expect((o.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    const series = o.series as { id: string; name: string; data: number[] }[];
    const rows = r.rows.filter((x) => x.mineral === 'sand');
    expect(series.map((s) => s.id)).toEqual(rows.map((x) => `${x.county ?? 'none'}.sand`));
    const hetian = series.find((s) => s.id === 'hetian.sand')!;
    expect(hetian.name).toBe('和田市及和田县');
    expect(hetian.data[5]).toBeCloseTo(report.counties.filter((q) => q.county === 'hetian' && q.mineral === 'sand').reduce((a, q) => a + q.volume, 0), 6);
    const csv = pathCsv(d, r, 'zh');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('县（市）,县代码,矿种,矿种代码,单位,2020,2021,2022,2023,2024,2025,年际变化上限,最大年际变化');
    expect(lines).toHaveLength(r.rows.length + 1);
    expect(pathCsv(d, r, 'en').slice(1).split('\r\n')[0]).toBe('County,County id,Mineral,Mineral id,Unit,2020,2021,2022,2023,2024,2025,Year-to-year limit,Largest yearly change');
  });
});

describe('strings the page builds from a value', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`[${lang}] exist`, () => {
      setLang(lang);
      const keys = [
        ...EXPLORE_TABS.map((x) => `explore.tab.${x}`),
        ...STATUSES.map((s) => `explore.status.${s}`),
        ...MINE_LIMITS.flatMap((l) => [`explore.limit.${l}`, `explore.limit.short.${l}`, `explore.param.rights.${l}`]),
        ...['volume', 'value'].map((m) => `explore.measure.${m}`),
        ...['fewest', 'baseline', 'probe', 'grid', 'refine'].map((p) => `explore.frontier.phase.${p}`),
        ...PARAM_GROUPS.map((g) => `explore.group.${g}`),
        ...['overall', 'volume', 'mines', 'county', 'zone'].map((g) => `explore.outGroup.${g}`),
        ...['large', 'medium', 'small'].map((k) => `size.${k}`),
        ...['running', 'done', 'cancelled', 'failed'].map((s) => `explore.sweep.state.${s}`),
        ...['none', 'invalid'].map((w) => `explore.noScenario.${w}`),
        ...['total', 'class3', 'class12'].map((m) => `explore.out.mines.${m}`),
        'explore.goScenarios',
        'explore.goEditor',
        'explore.frontier.knee',
        'explore.frontier.baseline',
        'shell.page.explore',
      ];
      expect(keys.filter((k) => tOr(k, k) === k)).toEqual([]);
    });
});
