// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { fmtSig } from '../src/present/names';
import { sensitivity } from '../src/model/explore/sensitivity';
import { rangeOf, rangePlan } from '../src/model/range-jobs';
import type { SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import type { Solver } from '../src/solver/adapter';
import { addRun, type RunRecord } from '../src/store';
import { setLang } from '../src/ui/i18n';
import { BindingTable } from '../src/ui/results/BindingTable';
import { ResultsView } from '../src/ui/results/ResultsView';
import { ExportPanel } from '../src/ui/export/ExportPanel';
import { db, useDb } from '../src/ui/state/db';
import { rangePhase, useRangeWorkers, type RangeWorker } from '../src/ui/state/ranges';
import { deleteDatabasesAfterEach, openFresh } from './helpers/fresh-db';
import { toyDataset, toyInfeasibleReport, toyReport, toyScenario } from './helpers/toy-report';
import { validateBoundary } from '../src/ui/charts/geojson';

afterEach(() => {
  cleanup();
  setLang('zh');
});

/** ResultsView draws the matrix, map, tables and charts just after the frame that shows the KPIs. */
const detailShown = () => waitFor(() => expect(document.querySelector('.area-matrix')).not.toBeNull());

describe('ResultsView', () => {
  test('shows the county × mineral table with names, units and mines by size class', async () => {
    setLang('zh');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    await detailShown();
    const table = screen.getByRole('table', { name: '推荐的县（市）开采指标及按规模分的矿山数' });
    const row = table.querySelector('tr[data-county="hetian"][data-mineral="sand"]') as HTMLElement;
    expect(within(row).getByText('和田市及和田县')).toBeTruthy();
    // a hand-made report of model v1: no 2020 figures
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['建筑用砂', '120.5', '—', '—', '万m³', '—', '0', '1', '3', '4']);
    const moyuSand = table.querySelector('tr[data-county="moyu"][data-mineral="sand"]') as HTMLElement;
    expect(moyuSand.querySelector('td.volume')!.textContent).toBe('80.25');
    // prefecture totals per mineral
    const total = table.querySelector('tr[data-total="sand"]') as HTMLElement;
    expect(within(total).getByText('全地区合计')).toBeTruthy();
    expect(total.querySelector('td.volume')!.textContent).toBe('200.75');
  });

  test('KPIs against targets carry their status in words, not colour alone', () => {
    setLang('zh');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    const kpis = screen.getByRole('table', { name: /规划指标与控制目标对照/ });
    const sand = kpis.querySelector('tr[data-kpi="volume:sand"]') as HTMLElement;
    expect(sand.textContent).toContain('200.75');
    expect(sand.textContent).toContain('≤ 210');
    expect(sand.textContent).toContain('95.6%');
    expect(within(sand).getByText('△ 接近上限（≥95%）').className).toContain('status-near');
    expect(kpis.querySelector('tr[data-kpi="class12"]')!.textContent).toContain('■ 达到上限');
    expect(kpis.querySelector('tr[data-kpi="share"]')!.textContent).toContain('66.7%');
    expect(kpis.querySelector('tr[data-kpi="share"]')!.textContent).toContain('≥ 40.0%');
  });

  test('zones with capacity use, binding constraints with their worth in planner words', async () => {
    setLang('en');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    await detailShown();
    const zones = screen.getByRole('table', { name: 'Zone volumes and capacity use' });
    const z2 = zones.querySelector('tr[data-zone="Z02"]') as HTMLElement;
    expect(z2.textContent).toContain('97.0%');
    expect(z2.textContent).toContain('△ near the cap (≥95%)');
    const binding = screen.getByRole('table', { name: /Constraints at their limit/ });
    const cap = binding.querySelector('tr[data-constraint="cap[limestone]"]') as HTMLElement;
    expect(cap.textContent).toContain('Limestone volume cap');
    // the dual is shown as the LP with the mines fixed gives it; what relaxing is worth waits for the re-solves
    expect(cap.querySelector('td.dual')!.textContent).toBe('0.12');
    expect(cap.querySelector('td.worth')!.textContent).toBe('not measured');
    // names follow the language
    expect(screen.getByRole('table', { name: 'Recommended county quotas with mines by size class' }).textContent).toContain('Hotan City and Hotan County');
  });

  test('switching the language re-renders the tables', async () => {
    setLang('zh');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    await detailShown();
    const table = () => screen.getByRole('table', { name: /按规模分的矿山数|mines by size class/ });
    expect(within(table()).getByText('墨玉县')).toBeTruthy();
    setLang('en');
    await waitFor(() => expect(within(table()).getByText('Moyu (Karakax) County')).toBeTruthy());
    expect(within(table()).queryByText('墨玉县')).toBeNull();
  });

  test('an infeasible report shows the explanation, not empty tables', () => {
    setLang('zh');
    render(() => <ResultsView report={toyInfeasibleReport()} dataset={toyDataset} scenario={toyScenario} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('方案不可行')).toBeTruthy();
    expect(alert.textContent).toContain('将“建筑用砂开采总量下限”放宽 35.5 万m³，方案即可行');
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('an infeasible report in English', () => {
    setLang('en');
    render(() => <ResultsView report={toyInfeasibleReport()} dataset={toyDataset} scenario={toyScenario} />);
    expect(screen.getByRole('alert').textContent).toContain('relax “Construction sand volume floor” by 35.5 10⁴ m³ to make the scenario feasible');
  });

  test('a stale run says the scenario changed since', () => {
    setLang('en');
    const [stale, setStale] = createSignal(true);
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} stale={stale()} />);
    const banner = screen.getByText(/The scenario has changed since this run/);
    expect(banner.closest('[role="status"]')).not.toBeNull();
    setStale(false);
    expect(screen.queryByText(/The scenario has changed since this run/)).toBeNull();
  });

  test('charts are mounted with accessible names (ECharts SVG renderer in jsdom)', async () => {
    setLang('en');
    const { container } = render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    await detailShown();
    const names = screen.getAllByRole('img').map((e) => e.getAttribute('aria-label'));
    // the map sits beside the KPIs, above the charts
    expect(names).toEqual([
      'County map (schematic): Construction sand volume (10⁴ m³)',
      'Quotas by county (10⁴ m³)',
      'Quotas by county (10⁴ t)',
      'Volume as a share of each mineral’s cap',
      'Mines per mineral by size class',
    ]);
    // ECharts drew into the wrappers (SVG renderer needs no canvas), once loaded and one chart at a time (EChart.tsx)
    await waitFor(() => expect(container.querySelectorAll('.echart svg').length).toBe(5), { timeout: 10_000 });
  });
});

describe('county map boundary file', () => {
  const square = (name: string, x: number) => ({
    type: 'Feature',
    properties: { name },
    geometry: { type: 'Polygon', coordinates: [[[x, 37], [x + 0.5, 37], [x + 0.5, 37.5], [x, 37.5], [x, 37]]] },
  });

  test('validation names the JSON path and the reason', () => {
    expect(validateBoundary('{')).toEqual({ ok: false, path: '$', reason: 'json' });
    expect(validateBoundary('{"type":"Feature"}')).toEqual({ ok: false, path: '$.type', reason: 'notFc' });
    expect(validateBoundary('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: false, path: '$.features', reason: 'noFeatures' });
    const badPoint = { type: 'FeatureCollection', features: [square('a', 79), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }] };
    expect(validateBoundary(JSON.stringify(badPoint))).toEqual({ ok: false, path: '$.features[1].geometry', reason: 'geometry' });
    const badCoords = { type: 'FeatureCollection', features: [{ ...square('a', 79), geometry: { type: 'Polygon', coordinates: [[[300, 37], [1, 1], [2, 2], [300, 37]]] } }] };
    expect(validateBoundary(JSON.stringify(badCoords))).toEqual({ ok: false, path: '$.features[0].geometry.coordinates', reason: 'coords' });
    const good = validateBoundary(JSON.stringify({ type: 'FeatureCollection', features: [square('墨玉县', 79), square('和田县', 80)] }));
    expect(good.ok && good.names).toEqual(['墨玉县', '和田县']);
  });

  test('a bad file shows a clear error; a good one is drawn and matched to counties', async () => {
    setLang('en');
    const opened: string[] = [];
    render(() => (
      <>
        <ExportPanel report={toyReport()} dataset={toyDataset} scenario={toyScenario} save={() => undefined} openReport={(html) => (opened.push(html), true)} />
        <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />
      </>
    ));
    await detailShown();
    const input = screen.getByLabelText('Load a county boundary GeoJSON file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{"type":"Topology"}'], 'bad.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Cannot use “bad.json”: $.type must be a GeoJSON FeatureCollection ("type": "FeatureCollection")'));
    const fc = { type: 'FeatureCollection', features: [square('墨玉县', 79.5), square('和田县', 79.9), square('Nowhere', 85)] };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(fc)], 'hotan.geojson')] } });
    await waitFor(() => expect(screen.getByText('Boundaries “hotan.geojson” loaded: 3 areas, 2 matched to county names.')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    // the printable report draws the planner's map too: 4 charts, the schematic map and the boundary map
    fireEvent.click(screen.getByRole('button', { name: 'Printable report' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect((opened[0]!.match(/<svg/g) ?? []).length).toBe(6);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the schematic map' }));
    expect(screen.getByText('Schematic: drawn from county seat coordinates, not boundaries.')).toBeTruthy();
  });

  /** The Results page's boundary file input, with what the loader writes to its value recorded (jsdom's file input reads back '' whatever its files). */
  async function watchedBoundaryInput(chosen: string): Promise<{ input: HTMLInputElement; written: string[] }> {
    setLang('en');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    await detailShown();
    const input = screen.getByLabelText('Load a county boundary GeoJSON file') as HTMLInputElement;
    const written: string[] = [];
    Object.defineProperty(input, 'value', { configurable: true, get: () => written.at(-1) ?? `C:\\fakepath\\${chosen}`, set: (v: string) => written.push(v) });
    return { input, written };
  }

  test('a file that cannot be read names the whole file ($) and clears the input, so the same file can be chosen again', async () => {
    const { input, written } = await watchedBoundaryInput('hotan.geojson');
    const unreadable = new File(['{}'], 'hotan.geojson');
    unreadable.text = () => Promise.reject(new DOMException('The file changed on disk', 'NotReadableError'));
    fireEvent.change(input, { target: { files: [unreadable] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Cannot use “hotan.geojson”: $ could not be read'));
    expect(written).toEqual(['']);
    const fc = { type: 'FeatureCollection', features: [square('墨玉县', 79.5)] };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(fc)], 'hotan.geojson')] } });
    await waitFor(() => expect(screen.getByText('Boundaries “hotan.geojson” loaded: 1 areas, 1 matched to county names.')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(written).toEqual(['']);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the schematic map' }));
  });

  test('a file over the size limit is refused before it is read and the input is cleared', async () => {
    const { input, written } = await watchedBoundaryInput('big.geojson');
    const big = new File(['{}'], 'big.geojson');
    Object.defineProperty(big, 'size', { value: 9 * 1048576 });
    const read = vi.fn(() => Promise.resolve('{}'));
    big.text = read;
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Cannot use “big\.geojson”: \$ /));
    expect(read).not.toHaveBeenCalled();
    expect(written).toEqual(['']);
  });
});

describe('ExportPanel', () => {
  test('every export has an accessible button and saves the right file', async () => {
    setLang('en');
    const saved: { name: string; data: string | Uint8Array; mime: string }[] = [];
    const opened: string[] = [];
    const getLp = vi.fn(async () => '\\ model\nMaximize\n obj: x\nEnd\n');
    render(() => (
      <ExportPanel
        report={toyReport()}
        dataset={toyDataset}
        scenario={toyScenario}
        getLp={getLp}
        save={(name, data, mime) => saved.push({ name, data, mime })}
        openReport={(html) => (opened.push(html), true)}
      />
    ));
    const click = async (name: string, n: number) => {
      fireEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(saved.length + opened.length).toBe(n));
    };
    await click('County quotas CSV', 1);
    expect(saved[0]!.name).toBe('示例方案_Toy-county-quotas.csv');
    // the header block (scenario first) above the table
    expect(String(saved[0]!.data).startsWith(`\uFEFF# Scenario,${toyScenario.name}\r\n`)).toBe(true);
    expect(String(saved[0]!.data)).toContain('\r\n\r\nCounty,County id');
    await click('Excel workbook', 2);
    expect(saved[1]!.name.endsWith('.xlsx')).toBe(true);
    expect((saved[1]!.data as Uint8Array).length).toBeGreaterThan(1000);
    // the scenario JSON is the Export page's own button (one JSON export), not the run's panel's
    expect(screen.queryByRole('button', { name: /JSON/ })).toBeNull();
    await click('LP model file', 3);
    expect(saved[2]).toMatchObject({ name: '示例方案_Toy.lp', mime: 'text/plain;charset=utf-8' });
    expect(getLp).toHaveBeenCalledOnce();
    await click('Printable report', 4);
    expect(opened[0]).toContain('Quota plan report: 示例方案 Toy');
    await waitFor(() => expect(screen.getByRole('button', { name: 'County quotas CSV' }).hasAttribute('disabled')).toBe(false));
    expect(screen.getByRole('button', { name: 'County quotas CSV' }).getAttribute('aria-describedby')).toBeTruthy();
  });

  test('without getLp the LP button is disabled and says why; a failure is reported', async () => {
    setLang('zh');
    render(() => (
      <ExportPanel
        report={toyReport()}
        dataset={toyDataset}
        scenario={toyScenario}
        save={() => {
          throw new Error('disk full');
        }}
      />
    ));
    const lp = screen.getByRole('button', { name: 'LP 模型文件' });
    expect(lp.hasAttribute('disabled')).toBe(true);
    expect(lp.getAttribute('title')).toBe('当前无法生成 LP 文件');
    fireEvent.click(screen.getByRole('button', { name: '县市指标 CSV' }));
    await waitFor(() => expect(screen.getByText('生成 县市指标 CSV 失败：disk full')).toBeTruthy());
  });
});

/**
 * The Results page on real answers: the Hotan baseline solved by glpk in
 * this process (model v2: proven, tie-break, 2020 figures, demand, flows,
 * the share shortfall), and quota ranges computed through the range store.
 */
describe('ResultsView on the solved Hotan baseline', () => {
  let d: Dataset;
  let baseline: Scenario;
  let solver: Solver;
  let report: SolveReport;
  /** 专栏11 caps: its ranges solve in well under a second each at tolerance 0.1% (the baseline's slowest take a minute) */
  let table11: Scenario;
  let table11Report: SolveReport;
  deleteDatabasesAfterEach();

  beforeAll(async () => {
    d = loadDatasetFile('models/hotan-2021-2025.json');
    baseline = loadScenarioFile('scenarios/baseline.json');
    table11 = loadScenarioFile('scenarios/table11-caps.json');
    solver = await createNodeSolver();
    report = runScenario(d, baseline, solver);
    table11Report = runScenario(d, table11, solver);
  }, 120_000);

  const view = (r: SolveReport, run?: RunRecord) => render(() => <ResultsView report={r} dataset={d} scenario={baseline} {...(run ? { run } : {})} />);

  test('the status says proven optimal, and how the one allocation was picked', () => {
    expect(report.status).toBe('optimal');
    setLang('zh');
    view(report);
    expect(document.querySelector('.solve-status')!.textContent).toBe('求解状态: 已证明最优');
    expect(document.querySelector('.tie-break')!.textContent).toContain(`等优解的选取: `);
    expect(document.querySelector('.tie-break')!.textContent).toContain('models/README.md');
    cleanup();
    setLang('en');
    view(report);
    expect(document.querySelector('.solve-status')!.textContent).toBe('Solve status: proven optimal');
    expect(document.querySelector('.tie-break')!.textContent).toMatch(report.tieBreak === 'proven' ? /by the stated rule.*proven\./ : /not proven/);
  });

  test('an answer not proven shows its gap, rounded up; a stored v1 run says the gap was not recorded', () => {
    setLang('zh');
    // the same answer as a solve stopped by the time limit would report it
    view({ ...report, status: 'feasible', gap: 0.01234 });
    expect(document.querySelector('.solve-status')!.textContent).toBe('求解状态: 未证明最优，差距 ≤ 1.3%');
    cleanup();
    setLang('en');
    view({ ...report, status: 'feasible', gap: undefined });
    expect(document.querySelector('.solve-status')!.textContent).toBe('Solve status: not proven optimal (gap not recorded)');
  });

  test('the county table puts the 2025 quota next to the 2020 proxy, the change and the 2020 rights', async () => {
    setLang('zh');
    view(report);
    await detailShown();
    const table = screen.getByRole('table', { name: '推荐的县（市）开采指标及按规模分的矿山数' });
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers.slice(0, 7)).toEqual(['县（市）', '矿种', '2025年指标', '2020年产量（估算）*', '较2020年变化', '单位', '2020年有效采矿权']);
    expect(headers).not.toContain('规划值');
    const hetian = report.counties.find((c) => c.county === 'hetian' && c.mineral === 'sand')!;
    const row = table.querySelector('tr[data-county="hetian"][data-mineral="sand"]') as HTMLElement;
    const num = (sel: string) => Number(row.querySelector(sel)!.textContent!.replace(/[,+]/g, '').replace('−', '-'));
    expect(num('td.volume')).toBeCloseTo(hetian.volume, 2);
    expect(num('td.output2020')).toBeCloseTo(hetian.output2020!, 2);
    expect(num('td.change')).toBeCloseTo(hetian.volume - hetian.output2020!, 2);
    expect(num('td.rights2020')).toBe(hetian.rights2020);
    // prefecture totals: 2020 output of sand is 专栏6's 1605.7, shared among the counties
    const total = table.querySelector('tr[data-total="sand"]') as HTMLElement;
    expect(Number(total.querySelector('td.output2020')!.textContent!.replace(/,/g, ''))).toBeCloseTo(1605.7, 1);
    expect(table.parentElement!.textContent).toMatch(/专栏6 的全地区2020年产量按专栏5 各县有效采矿权数分摊，是说明性估算/);
    // no range column before ranges are computed
    expect(headers.some((h) => h?.startsWith('可调范围'))).toBe(false);
  });

  /** A figure as shown: thousands separators, a sign as + or −. */
  const shown = (el: Element | null) => Number(el!.firstChild!.textContent!.replace(/[,+]/g, '').replace('−', '-'));

  test('the matrix: every county with 2020, 2025 recommended and the change per mineral; the totals are the report’s', async () => {
    setLang('zh');
    view(report);
    await detailShown();
    const table = screen.getByRole('table', { name: '各县（市）× 矿种：2020年产量（估算）*、2025年推荐开采量及其变化' });
    // grouped headers: each mineral with its unit spans 2020 | 2025 | change
    const groups = [...table.querySelectorAll('thead th[scope="colgroup"]')] as HTMLTableCellElement[];
    expect(groups.map((g) => g.textContent)).toEqual(['建筑用砂（万m³）', '砖瓦用粘土（万吨）', '石灰岩（万吨）', '石膏（万吨）', '玉石（吨）']);
    expect(groups.every((g) => g.colSpan === 3)).toBe(true);
    expect([...table.querySelectorAll('thead tr:nth-child(2) th')].map((th) => th.textContent)).toEqual(Array.from({ length: 5 }, () => ['2020年*', '2025年推荐值', '变化']).flat());
    // one row per county (and the prefecture's own zones), then the total
    const counties = new Set(report.counties.map((q) => q.county ?? 'prefecture'));
    expect(table.querySelectorAll('tbody tr[data-county]').length).toBe(counties.size);
    for (const q of report.counties) {
      const at = (cls: string) => table.querySelector(`tr[data-county="${q.county ?? 'prefecture'}"] td.${cls}[data-mineral="${q.mineral}"]`);
      expect(shown(at('y2025'))).toBeCloseTo(q.volume, 2);
      if (q.county === null) continue;
      expect(shown(at('y2020'))).toBeCloseTo(q.output2020!, 2);
      // each figure rounded to 2 decimals, so the change shown may differ from the difference shown by 0.01
      expect(Math.abs(shown(at('change')) - (q.volume - q.output2020!))).toBeLessThanOrEqual(0.0051);
    }
    for (const [m, total] of Object.entries(report.totals)) expect(shown(table.querySelector(`tr[data-total] td.y2025[data-mineral="${m}"]`))).toBeCloseTo(total.volume, 2);
    expect(shown(table.querySelector('tr[data-total] td.y2020[data-mineral="sand"]'))).toBeCloseTo(1605.7, 1);
    // the change also in % of 2020; jade had no 2020 output (专栏6), so its 2025 output is new
    const hetian = report.counties.find((q) => q.county === 'hetian' && q.mineral === 'sand')!;
    const pct = table.querySelector('tr[data-county="hetian"] td.change[data-mineral="sand"] .pct')!.textContent!;
    expect(Number(pct.replace(/[+%]/g, '').replace('−', '-'))).toBeCloseTo(((hetian.volume - hetian.output2020!) / hetian.output2020!) * 100, 1);
    expect(table.querySelector('tr[data-total] td.change[data-mineral="jade"] .pct')!.textContent).toBe('新增');
  });

  test('the matrix of mines: 2020 valid rights against the 2025 mines, in English', async () => {
    setLang('en');
    view(report);
    await detailShown();
    fireEvent.click(screen.getByRole('radio', { name: 'Mines' }));
    const table = screen.getByRole('table', { name: 'County × mineral: 2020 valid mining rights, recommended 2025 mines and the change' });
    expect(table.querySelector('thead th[scope="colgroup"]')!.textContent).toBe('Construction sand (mines)');
    expect(table.querySelector('thead tr:nth-child(2) th')!.textContent).toBe('2020 rights');
    for (const q of report.counties.filter((x) => x.county !== null)) {
      const at = (cls: string) => table.querySelector(`tr[data-county="${q.county}"] td.${cls}[data-mineral="${q.mineral}"]`);
      expect(shown(at('y2020'))).toBe(q.rights2020);
      expect(shown(at('y2025'))).toBe(q.mines.large + q.mines.medium + q.mines.small);
    }
    for (const [m, total] of Object.entries(report.totals)) expect(shown(table.querySelector(`tr[data-total] td.y2025[data-mineral="${m}"]`))).toBe(total.mines);
  });

  for (const [lang, recommended, money] of [['zh', '推荐值（2025年）', '万元'], ['en', 'Recommended (2025)', '10⁴ yuan']] as const)
    test(`[${lang}] the solution column is called the recommendation; the objective carries its unit`, () => {
      setLang(lang);
      view(report);
      const kpis = document.querySelector('table.kpis')!;
      expect([...kpis.querySelectorAll('thead th')].map((th) => th.textContent)).toContain(recommended);
      expect(document.body.textContent).not.toMatch(/规划值|Plan value/);
      const objective = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 4 }).format(report.objective!);
      expect(document.querySelector('.summary')!.textContent).toContain(`${objective} ${money}`);
    });

  test('the binding table’s worth is the sensitivity’s measured figure, where the dual prices one direction only', () => {
    // 专栏11's gypsum demand (100 万吨) equals the cap: a unit more earns nothing, a unit less loses its value (157.44)
    // less the share penalty it saves (0.4 × 166.17 for one small class-1/2 mine fewer) ≈ 90.97; the dual says 157.44
    const sens = sensitivity(d, baseline, solver, { constraints: ['cap[gypsum]', 'cap[clay]'], maxDoublings: 0, bisections: 0 });
    const gypsum = sens.constraints.find((c) => c.constraint === 'cap[gypsum]')!;
    const clay = sens.constraints.find((c) => c.constraint === 'cap[clay]')!;
    expect(gypsum.up.perUnit).toBeCloseTo(0, 6);
    expect(gypsum.down.perUnit).toBeGreaterThan(90);
    expect(gypsum.down.perUnit).toBeLessThan(92);
    setLang('zh');
    render(() => <BindingTable report={report} measured={sens.constraints} />);
    const row = (name: string) => document.querySelector(`table.binding tr[data-constraint="${name}"]`)!;
    expect(row('cap[gypsum]').querySelector('td.dual')!.textContent).toBe('157');
    expect(row('cap[gypsum]').querySelector('.loosen')!.textContent).toBe('放宽 1 万吨：目标值不变');
    expect(row('cap[gypsum]').querySelector('.tighten')!.textContent).toBe(`收紧 1 万吨：目标值减少 ${fmtSig(gypsum.down.perUnit!, 'zh')} 万元`);
    // clay: the re-solve opens what the fixed mines cannot, so one more 万吨 is worth more than the dual
    expect(clay.up.perUnit! - clay.dual!).toBeGreaterThan(0.3);
    expect(row('cap[clay]').querySelector('.loosen')!.textContent).toBe(`放宽 1 万吨：目标值增加 ${fmtSig(clay.up.perUnit!, 'zh')} 万元`);
    // rows the study has not reached say so rather than show a dual as a worth
    expect(row('cap[jade]').querySelector('td.worth')!.textContent).toBe('未测算');
  });

  test('a minimum (≥) is loosened downwards: the share target lowered by one mine gains what the shortfall costs', () => {
    const sens = sensitivity(d, baseline, solver, { constraints: ['share[largeMedium]'], maxDoublings: 0, bisections: 0 });
    const share = sens.constraints[0]!;
    expect(share.side).toBe('lower');
    // one large/medium mine short costs V/N (models/README §0): the same each way while the target cannot be met
    expect(share.up.perUnit).toBeLessThan(-100);
    setLang('en');
    render(() => <BindingTable report={report} measured={sens.constraints} />);
    const row = document.querySelector('table.binding tr[data-constraint="share[largeMedium]"]')!;
    // a binding row's slack is 0, not the solver's −6e-14
    expect(row.querySelector('td.slack')!.textContent).toBe('0');
    const amount = fmtSig(Math.abs(share.up.perUnit!), 'en');
    expect(row.querySelector('.loosen')!.textContent).toBe(`loosened by 1 (mines): objective +${fmtSig(-share.down.perUnit!, 'en')} 10⁴ yuan`);
    expect(row.querySelector('.tighten')!.textContent).toBe(`tightened by 1 (mines): objective −${amount} 10⁴ yuan`);
  });

  test('the demand table has county and prefecture rows; unmet demand is what was not supplied', async () => {
    setLang('en');
    view(report);
    await detailShown();
    const table = screen.getByRole('table', { name: /2025 demand, supplied and unmet/ });
    expect(report.demand!.length).toBeGreaterThan(0);
    expect(table.querySelectorAll('tbody tr').length).toBe(report.demand!.length);
    for (const line of report.demand!) {
      const row = table.querySelector(`tr[data-county="${line.county ?? 'prefecture'}"][data-mineral="${line.mineral}"]`) as HTMLElement;
      expect(Number(row.querySelector('td.unmet')!.textContent!.replace(/,/g, ''))).toBeCloseTo(line.unmet, 2);
      expect(line.supplied + line.unmet).toBeCloseTo(line.demand, 6);
    }
    const limestone = table.querySelector('tr[data-county="prefecture"][data-mineral="limestone"]') as HTMLElement;
    expect(within(limestone).getByText('Whole prefecture (no haul modelled)')).toBeTruthy();
    // clay: 117.1 demanded, the 100 cap supplied, 17.1 unmet (models/README.md §0)
    const clayUnmet = report.demand!.filter((x) => x.mineral === 'clay').reduce((a, x) => a + x.unmet, 0);
    expect(clayUnmet).toBeCloseTo(17.1, 1);
  });

  test('flows between counties: a table without own supply and a sankey per mineral', async () => {
    setLang('zh');
    view(report);
    await detailShown();
    const between = report.flows!.filter((f) => f.from !== f.to && f.amount > 1e-6);
    expect(between.length).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: '从一县（市）矿山运往另一县（市）需求的数量（本县自给不列）' });
    expect(table.querySelectorAll('tbody tr').length).toBe(between.length);
    const f = between[0]!;
    const row = table.querySelector(`tr[data-from="${f.from}"][data-to="${f.to}"][data-mineral="${f.mineral}"]`) as HTMLElement;
    expect(Number(row.querySelector('td.amount')!.textContent!.replace(/,/g, ''))).toBeCloseTo(f.amount, 2);
    const minerals = [...new Set(between.map((x) => x.mineral))];
    const charts = screen.getAllByRole('img').map((e) => e.getAttribute('aria-label')).filter((n) => n?.includes('县际运输'));
    expect(charts).toHaveLength(minerals.length);
    expect(charts[0]).toMatch(/^建筑用砂县际运输（万m³）$|^砖瓦用粘土县际运输/);
    // a run of model v1 has neither section
    cleanup();
    const { demand: _d, flows: _f, ...v1 } = report;
    view(v1);
    await detailShown();
    expect(screen.queryByRole('table', { name: /需求量|运往另一县/ })).toBeNull();
    expect(screen.queryByText('县际运输：谁供应谁')).toBeNull();
  });

  test('the large/medium share shortfall is said in words', () => {
    const shortfall = report.rights.largeMediumShare.shortfall!;
    expect(shortfall).toBeGreaterThan(0);
    setLang('zh');
    view(report);
    expect(document.querySelector('.shortfall')!.textContent).toBe(
      `大中型矿山占比目标（≥40%）在本方案中无法达到：一、二类矿山中还差 ${shortfall.toFixed(2).replace(/\.?0+$/, '')} 个大中型矿山。规划用语为“力争”，是努力目标而非硬性约束。`,
    );
    cleanup();
    view({ ...report, rights: { ...report.rights, largeMediumShare: { ...report.rights.largeMediumShare, shortfall: 0 } } });
    expect(document.querySelector('.shortfall')).toBeNull();
  });

  /** Range workers in this process on the real solver; `jobs` keeps the first quotas only. */
  function inProcessRanges(jobs: number, hang = false): RangeWorker & { restarts: number } {
    const w = {
      restarts: 0,
      rangePlan: async (dd: Dataset, s: Scenario) => {
        const plan = rangePlan(dd, s, solver);
        return { ...plan, jobs: plan.jobs.slice(0, jobs) };
      },
      quotaRange: (...[dd, s, basis, tolerance, job]: Parameters<RangeWorker['quotaRange']>) =>
        hang ? new Promise<never>(() => undefined) : Promise.resolve(rangeOf(dd, s, solver, basis, tolerance, job)),
      restart: () => {
        w.restarts++;
      },
    };
    return w;
  }

  test('Compute quota ranges: progress, then the range column from the run stored with its ranges', async () => {
    setLang('en');
    useDb(openFresh());
    const workers = [inProcessRanges(4), inProcessRanges(4)];
    useRangeWorkers(async () => workers);
    const stored = await addRun(db(), { scenarioId: 's', scenario: table11, report: table11Report });
    const [run, setRun] = createSignal(stored);
    render(() => <ResultsView report={run().report} dataset={d} scenario={table11} run={run()} />);
    await detailShown();
    const tolerance = screen.getByLabelText('Tolerance (%)') as HTMLInputElement;
    expect(tolerance.value).toBe('1');
    fireEvent.input(tolerance, { target: { value: 'x' } });
    expect(screen.getByText('The tolerance must be a number from 0 to 100.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Compute quota ranges' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(tolerance, { target: { value: '0.1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compute quota ranges' }));
    expect(screen.getByRole('progressbar', { name: 'Computing quota ranges' })).toBeTruthy();
    await waitFor(() => expect(rangePhase().phase).toBe('done'), { timeout: 60_000 });
    expect(screen.getByText(/^Ranges of 4 quotas computed in [0-9.]+ s\.$/)).toBeTruthy();
    const again = (await db().runs.get(stored.id))!;
    expect(again.rangeTolerance).toBe(0.001);
    expect(again.report.ranges).toHaveLength(4);
    setRun(again);
    const table = screen.getByRole('table', { name: 'Recommended county quotas with mines by size class' });
    // the tables follow a new run just after the frame that shows its KPIs
    await waitFor(() => expect([...table.querySelectorAll('thead th')].at(-1)!.textContent).toBe('Range (tolerance 0.1%)'));
    for (const r of again.report.ranges!) {
      // the recommended quota lies in its range, and a range solved in time is proven at both ends
      expect(r.min! <= r.volume + 1e-6 && r.volume <= r.max! + 1e-6).toBe(true);
      expect([r.minProven, r.maxProven]).toEqual([true, true]);
      const cell = table.querySelector(`tr[data-county="${r.county ?? ''}"][data-mineral="${r.mineral}"] td.range`) as HTMLElement;
      expect(cell.textContent).toBe(`${r.min!.toLocaleString('en-US', { maximumFractionDigits: 2 })} – ${r.max!.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
      // the matrix shows the same range under the recommended quota, and in its tooltip
      const quota = document.querySelector(`table.matrix tr[data-county="${r.county ?? 'prefecture'}"] td.y2025[data-mineral="${r.mineral}"]`) as HTMLElement;
      const range = `${r.min!.toLocaleString('en-US', { maximumFractionDigits: 2 })}–${r.max!.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
      expect(quota.querySelector('.range')!.textContent).toBe(range);
      expect(quota.title).toMatch(new RegExp(`^Range: ${range.replace(/[.]/g, '\\.')} `));
    }
    expect(screen.getByText(/^The small figures under a 2025 recommendation are its range \(tolerance 0\.1%\)/)).toBeTruthy();
    expect(screen.getByText('The county table shows the ranges at tolerance 0.1%; compute again for another tolerance.')).toBeTruthy();
  }, 120_000);

  test('Cancel stops the range solves: the workers restart and nothing is stored', async () => {
    setLang('zh');
    useDb(openFresh());
    const workers = [inProcessRanges(3, true), inProcessRanges(3, true)];
    useRangeWorkers(async () => workers);
    const stored = await addRun(db(), { scenarioId: 's', scenario: baseline, report });
    view(report, stored);
    await detailShown();
    fireEvent.click(screen.getByRole('button', { name: '计算指标可调范围' }));
    await waitFor(() => expect(screen.getByText('已完成 0 / 3 项指标')).toBeTruthy(), { timeout: 60_000 });
    fireEvent.click(screen.getByRole('button', { name: '取消计算' }));
    await waitFor(() => expect(rangePhase().phase).toBe('cancelled'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getAllByText('已取消可调范围计算，求解器已重启，未保存任何结果。').length).toBeGreaterThan(0);
    expect(workers.map((w) => w.restarts)).toEqual([1, 1]);
    expect((await db().runs.get(stored.id))!.report.ranges).toBeUndefined();
    expect((screen.getByRole('button', { name: '计算指标可调范围' }) as HTMLButtonElement).disabled).toBe(false);
  }, 120_000);
});
