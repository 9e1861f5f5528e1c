// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { setLang } from '../src/ui/i18n';
import { CompareView } from '../src/ui/compare/CompareView';
import { compareBinding, compareCounties, compareKpis } from '../src/ui/compare/model';
import { toyDataset, toyInfeasibleReport, toyReport, toyScenario } from './helpers/toy-report';
import type { SolveReport } from '../src/model/report';
import { asIs } from '../src/model/said';
import type { Scenario } from '../src/domain/scenario';
import { diffInputs } from '../src/ui/compare/inputs';
import { compareMinesChart, compareVolumeCharts } from '../src/ui/compare/charts';
import { echarts } from '../src/present/charts/echarts';

afterEach(() => {
  cleanup();
  setLang('zh');
});

/** The toy with 和田 sand cut to 100 and one mine fewer, limestone cap no longer binding. */
function tighter(): SolveReport {
  const r = toyReport();
  const hetianSand = r.counties.find((c) => c.county === 'hetian' && c.mineral === 'sand')!;
  hetianSand.volume = 100;
  hetianSand.mines.small = 2;
  r.totals.sand!.volume = 180.25;
  r.totals.sand!.mines = 5;
  r.rights.class3.used = 5;
  r.rights.total.used = 10;
  r.objective = 110;
  r.binding = [r.binding[1]!, { constraint: 'zoneVolume[Z02]', label: asIs({ zh: '墨玉示例开采区开采能力', en: 'zone Z02 volume capacity' }), family: 'zoneVolume', slack: 0, dual: 0.3, unit: '万m³' }];
  return r;
}

const runs = () => [
  { name: '基准 Baseline', report: toyReport(), scenario: toyScenario },
  { name: '收紧 Tighter', report: tighter(), scenario: { ...toyScenario, name: 'Tighter' } },
  { name: '不可行 Infeasible', report: toyInfeasibleReport(), scenario: { ...toyScenario, name: 'Infeasible' } },
];

describe('compare model', () => {
  test('KPI and county deltas are against the first run; a run without a plan has none', () => {
    const k = compareKpis(runs(), toyDataset);
    const sand = k.find((r) => r.id === 'volume:sand')!;
    expect(sand.kpis.map((x) => x?.value ?? null)).toEqual([200.75, 180.25, null]);
    expect(sand.deltas).toEqual([0, -20.5, null]);
    const c = compareCounties(runs(), toyDataset);
    expect(c.map((r) => `${r.countyId}/${r.mineral}`)).toEqual(['hetian/sand', 'hetian/limestone', 'moyu/sand', 'moyu/limestone']);
    expect(c[0]).toMatchObject({ volumes: [120.5, 100, null], deltas: [0, -20.5, null], mines: [4, 3, null], mineDeltas: [0, -1, null] });
    const b = compareBinding(runs());
    expect(b.map((r) => [r.constraint, ...r.cells.map((x) => x.kind)])).toEqual([
      ['cap[limestone]', 'binding', 'off', 'noPlan'],
      ['rights[class12]', 'binding', 'binding', 'noPlan'],
      ['zoneVolume[Z02]', 'off', 'binding', 'noPlan'],
      ['floor[sand]', 'off', 'off', 'relax'],
    ]);
  });
});

describe('CompareView', () => {
  test('county table side by side with deltas: sign, arrow and highlight', () => {
    setLang('zh');
    render(() => <CompareView runs={runs()} dataset={toyDataset} />);
    const table = screen.getByRole('table', { name: /各方案县（市）× 矿种开采量/ });
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(header).toEqual(['县（市）', '矿种', '单位', '基准 Baseline', '收紧 Tighter', '不可行 Infeasible', 'Δ 相对“基准 Baseline”收紧 Tighter', 'Δ 相对“基准 Baseline”不可行 Infeasible']);
    const row = table.querySelector('tr[data-county="hetian"][data-mineral="sand"]') as HTMLElement;
    expect(row.classList.contains('row-changed')).toBe(true);
    const cells = [...row.querySelectorAll('td')];
    expect(cells[2]!.textContent).toBe('120.5 (4 个矿山)');
    expect(cells[3]!.textContent).toBe('100 (3 个矿山)');
    expect(cells[4]!.textContent).toBe('不可行');
    const d = cells[5]!;
    expect(d.classList.contains('changed')).toBe(true);
    expect(d.querySelector('.delta-down')!.textContent).toContain('▼ −20.5 (−17.0%)');
    expect(d.textContent).toContain('▼ −1');
    expect(d.textContent).toContain('减少');
    // unchanged rows say so, and are not highlighted
    const same = table.querySelector('tr[data-county="moyu"][data-mineral="sand"]') as HTMLElement;
    expect(same.querySelectorAll('td')[5]!.textContent).toContain('＝ 0');
    expect(same.querySelectorAll('td')[5]!.classList.contains('changed')).toBe(false);
  });

  test('KPI differences against the first run, in English', () => {
    setLang('en');
    render(() => <CompareView runs={runs()} dataset={toyDataset} />);
    const table = screen.getByRole('table', { name: /Plan KPIs per run/ });
    const sand = table.querySelector('tr[data-kpi="volume:sand"]') as HTMLElement;
    expect(within(sand).getByText('Construction sand: total volume')).toBeTruthy();
    expect(sand.textContent).toContain('200.75');
    expect(sand.textContent).toContain('180.25');
    expect(sand.querySelector('.delta-down')!.textContent).toContain('▼ −20.5');
    const obj = table.querySelector('tr[data-kpi="objective"]') as HTMLElement;
    expect(obj.textContent).toContain('▼ −13.456');
    const share = table.querySelector('tr[data-kpi="share"]') as HTMLElement;
    expect(share.textContent).toContain('＝ 0');
    expect(table.querySelector('tr[data-kpi="status"]')!.textContent).toContain('infeasible');
    expect(screen.queryByText(/objective values are not comparable/)).toBeNull();
  });

  test('warns when the runs optimise different objectives', () => {
    setLang('en');
    const r = runs().slice(0, 2);
    r[1]!.scenario = { ...r[1]!.scenario, objective: { preset: 'min-mines' } };
    render(() => <CompareView runs={r} dataset={toyDataset} />);
    expect(screen.getByText('The runs use different objectives (preset or weights): their objective values are not comparable.')).toBeTruthy();
  });

  test('which constraints bind in each run, as a matrix', () => {
    setLang('en');
    render(() => <CompareView runs={runs()} dataset={toyDataset} />);
    const m = screen.getByRole('table', { name: /Constraint × run/ });
    const cap = m.querySelector('tr[data-constraint="cap[limestone]"]') as HTMLElement;
    expect([...cap.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['● binding (dual 0.12)', '—', 'no plan']);
    const floor = m.querySelector('tr[data-constraint="floor[sand]"]') as HTMLElement;
    expect(floor.querySelectorAll('td')[2]!.textContent).toBe('✕ relax by 35.5 10⁴ m³');
  });

  test('grouped charts per unit and for mines, named for screen readers', () => {
    setLang('en');
    render(() => <CompareView runs={runs().slice(0, 2)} dataset={toyDataset} />);
    expect(screen.getAllByRole('img').map((e) => e.getAttribute('aria-label'))).toEqual([
      'Volume per mineral per run (10⁴ m³)',
      'Volume per mineral per run (10⁴ t)',
      'Mines per run',
    ]);
  });

  test('asks for two to four runs', () => {
    setLang('en');
    render(() => <CompareView runs={runs().slice(0, 1)} dataset={toyDataset} />);
    expect(screen.getByText('Choose two to four runs to compare.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('inputs that differ', () => {
  /** the toy scenario with the sand cap, a rights cap, the preset and the closed zones changed; its name and description too (not inputs) */
  const modified = (): Scenario => ({
    ...toyScenario,
    name: 'Modified',
    description: 'another text',
    caps: { sand: { max: 250 }, limestone: { max: 100, min: 50 } },
    rightsCaps: { class12: 5, class3: 9 },
    objective: { preset: 'min-mines', weights: { mines: 0.001 } },
    excludedZones: ['Z02'],
  });

  test('lists exactly the changed inputs, each by its label and unit, with every scenario value', () => {
    setLang('en');
    const diff = diffInputs([toyScenario, modified()], toyDataset, 'en');
    expect(diff.map((x) => x.path)).toEqual(['caps.sand.max', 'excludedZones', 'objective.preset', 'rightsCaps.class3']);
    const byPath = new Map(diff.map((x) => [x.path, x]));
    expect(byPath.get('caps.sand.max')).toMatchObject({ label: 'Construction sand total cap (10⁴ m³/yr)', values: ['210', '250'] });
    expect(byPath.get('objective.preset')).toMatchObject({ label: 'Objective preset', values: ['Maximum output value', 'Fewest mines (consolidation)'] });
    expect(byPath.get('excludedZones')!.values[0]).toBe('none');
    expect(byPath.get('excludedZones')!.values[1]).toMatch(/^Z02 /);
    // the baseline leaves the class-3 limit out (the toy model has no figure for it: the browser test sees the plan's)
    expect(byPath.get('rightsCaps.class3')).toMatchObject({ label: 'Class-3 (sand/gravel/clay) mines, at most (mines)', values: ['default', '9'] });
  });

  test('a cap written as a number and as {max} is the same input', () => {
    const a = { ...toyScenario, caps: { sand: 210, limestone: { max: 100, min: 50 } } };
    const b = { ...toyScenario, caps: { sand: { max: 210 }, limestone: { max: 100, min: 50 } } };
    expect(diffInputs([a, b], toyDataset, 'zh')).toEqual([]);
  });

  test('the Compare page shows the table in Chinese, one column per scenario', () => {
    setLang('zh');
    const r = runs().slice(0, 2);
    r[1]!.scenario = modified();
    render(() => <CompareView runs={r} dataset={toyDataset} />);
    const table = screen.getByRole('table', { name: /各方案取值不同的输入参数（4 项）/ });
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['参数', '基准 Baseline', '收紧 Tighter']);
    const sand = table.querySelector('tr[data-path="caps.sand.max"]') as HTMLElement;
    expect([...sand.children].map((c) => c.textContent)).toEqual(['建筑用砂开采总量上限（万m³/年）', '210', '250']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(4);
  });
});

describe('objective values that do not compare', () => {
  test('the objective delta is not coloured (no arrow) when the objectives differ; KPI deltas still are', () => {
    setLang('en');
    const r = runs().slice(0, 2);
    r[1]!.scenario = { ...r[1]!.scenario, objective: { preset: 'min-mines' } };
    render(() => <CompareView runs={r} dataset={toyDataset} />);
    const obj = screen.getByRole('table', { name: /Plan KPIs per run/ }).querySelector('tr[data-kpi="objective"]') as HTMLElement;
    expect(obj.querySelector('.delta')).toBeNull();
    expect(obj.querySelector('.not-comparable')!.textContent).toBe('not comparable');
    const sand = screen.getByRole('table', { name: /Plan KPIs per run/ }).querySelector('tr[data-kpi="volume:sand"]') as HTMLElement;
    expect(sand.querySelector('.delta-down')).not.toBeNull();
  });
});

describe('legend with four runs', () => {
  test('each chart keeps its legend on one line below the bars, whatever the names', () => {
    const four = [1, 2, 3, 4].map((i) => ({ name: `一个相当长的方案名称 A rather long scenario name ${i}`, report: toyReport(), scenario: toyScenario }));
    for (const spec of [...compareVolumeCharts(four, toyDataset, 'zh'), compareMinesChart(four, 'en')]) {
      const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 480, height: 320 });
      try {
        chart.setOption({ ...spec.option, animation: false });
        // the laid-out legend and plot area, as ECharts placed them
        const model = (chart as unknown as { getModel(): { getComponent(k: string): unknown } }).getModel();
        const view = (chart as unknown as { getViewOfComponentModel(m: unknown): { group: { getBoundingRect(): { y: number; height: number }; y: number } } }).getViewOfComponentModel(model.getComponent('legend'));
        const grid = (model.getComponent('grid') as { coordinateSystem: { getRect(): { y: number; height: number } } }).coordinateSystem.getRect();
        const legendTop = view.group.y + view.group.getBoundingRect().y;
        const legendHeight = view.group.getBoundingRect().height;
        expect(legendHeight).toBeLessThan(30); // one line
        expect(legendTop).toBeGreaterThan(grid.y + grid.height);
      } finally {
        chart.dispose();
      }
    }
  });
});
