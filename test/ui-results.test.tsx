// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { setLang } from '../src/ui/i18n';
import { ResultsView } from '../src/ui/results/ResultsView';
import { ExportPanel } from '../src/ui/results/ExportPanel';
import { toyDataset, toyInfeasibleReport, toyReport, toyScenario } from './helpers/toy-report';
import { validateBoundary } from '../src/ui/charts/geojson';

afterEach(() => {
  cleanup();
  setLang('zh');
});

describe('ResultsView', () => {
  test('shows the county × mineral table with names, units and mines by size class', () => {
    setLang('zh');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    const table = screen.getByRole('table', { name: '推荐的县（市）开采指标及按规模分的矿山数' });
    const row = table.querySelector('tr[data-county="hetian"][data-mineral="sand"]') as HTMLElement;
    expect(within(row).getByText('和田市及和田县')).toBeTruthy();
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['建筑用砂', '120.5', '万m³', '0', '1', '3', '4']);
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

  test('zones with capacity use, binding constraints with their worth in planner words', () => {
    setLang('en');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    const zones = screen.getByRole('table', { name: 'Zone volumes and capacity use' });
    const z2 = zones.querySelector('tr[data-zone="Z02"]') as HTMLElement;
    expect(z2.textContent).toContain('97.0%');
    expect(z2.textContent).toContain('△ near the cap (≥95%)');
    const binding = screen.getByRole('table', { name: /Constraints at their limit/ });
    const cap = binding.querySelector('tr[data-constraint="cap[limestone]"]') as HTMLElement;
    expect(cap.textContent).toContain('Limestone volume cap');
    expect(cap.textContent).toContain('each extra 1 万吨 of this cap raises the objective by 0.12');
    // names follow the language
    expect(screen.getByRole('table', { name: 'Recommended county quotas with mines by size class' }).textContent).toContain('Hotan City and Hotan County');
  });

  test('switching the language re-renders the tables', async () => {
    setLang('zh');
    render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
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
    expect(within(alert).getByText('情景不可行')).toBeTruthy();
    expect(alert.textContent).toContain('将“建筑用砂开采总量下限”放宽 35.5 万m³，情景即可行');
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('an infeasible report in English', () => {
    setLang('en');
    render(() => <ResultsView report={toyInfeasibleReport()} dataset={toyDataset} scenario={toyScenario} />);
    expect(screen.getByRole('alert').textContent).toContain('relax “Construction sand volume floor” by 35.5 万m³ to make the scenario feasible');
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

  test('charts are mounted with accessible names (ECharts SVG renderer in jsdom)', () => {
    setLang('en');
    const { container } = render(() => <ResultsView report={toyReport()} dataset={toyDataset} scenario={toyScenario} />);
    const names = screen.getAllByRole('img').map((e) => e.getAttribute('aria-label'));
    expect(names).toEqual([
      'Quotas by county (万m³)',
      'Quotas by county (万吨)',
      'Volume as a share of each mineral’s cap',
      'Mines per mineral by size class',
      'County map (schematic): Construction sand volume (万m³)',
    ]);
    // ECharts drew into the wrappers (SVG renderer needs no canvas)
    expect(container.querySelectorAll('.echart svg').length).toBe(5);
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
    expect(String(saved[0]!.data).startsWith('\uFEFFCounty,County id')).toBe(true);
    await click('Excel workbook', 2);
    expect(saved[1]!.name.endsWith('.xlsx')).toBe(true);
    expect((saved[1]!.data as Uint8Array).length).toBeGreaterThan(1000);
    await click('Scenario JSON', 3);
    expect(JSON.parse(String(saved[2]!.data))).toEqual(toyScenario);
    await click('LP model file', 4);
    expect(saved[3]).toMatchObject({ name: '示例方案_Toy.lp', mime: 'text/plain;charset=utf-8' });
    expect(getLp).toHaveBeenCalledOnce();
    await click('Printable report', 5);
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
    fireEvent.click(screen.getByRole('button', { name: '情景 JSON' }));
    await waitFor(() => expect(screen.getByText('生成 情景 JSON 失败：disk full')).toBeTruthy());
  });
});
