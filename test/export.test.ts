import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { validateDataset, validateScenario } from '../src/domain';
import { BOM, countyQuotasCsv, flattenScenario, planKpis, reportHtml, scenarioJson, workbookXlsx } from '../src/export';
import { bindingWorth, kpiStatus } from '../src/export/kpis';
import { toyDataset, toyInfeasibleReport, toyReport, toyScenario } from './helpers/toy-report';
import type { SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import { readFileSync } from 'node:fs';

const ZH_HEADERS = ['县（市）', '县（市）代码', '矿种', '矿种代码', '单位', '开采总量', '大型矿山数', '中型矿山数', '小型矿山数', '矿山数合计', '全地区该矿种总量上限'];
const EN_HEADERS = ['County', 'County id', 'Mineral', 'Mineral id', 'Unit', 'Annual volume', 'Large mines', 'Medium mines', 'Small mines', 'Mines, total', 'Prefecture cap for this mineral'];

function readCsv(csv: string): Papa.ParseResult<Record<string, string>> {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The csv/xlsx checks shared by the toy and the real baseline. */
function checkCsv(report: SolveReport, csv: string, headers: string[], lang: 'zh' | 'en', names: Record<string, string>) {
  const parsed = readCsv(csv);
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(headers);
  expect(parsed.data).toHaveLength(report.counties.length);
  for (const c of report.counties) {
    const row = parsed.data.find((r) => r[headers[1]!] === (c.county ?? '') && r[headers[3]!] === c.mineral);
    expect(row, `${c.county}/${c.mineral}`).toBeDefined();
    expect(Number(row![headers[5]!])).toBeCloseTo(c.volume, 6);
    expect(Number(row![headers[6]!])).toBe(Math.round(c.mines.large));
    expect(Number(row![headers[7]!])).toBe(Math.round(c.mines.medium));
    expect(Number(row![headers[8]!])).toBe(Math.round(c.mines.small));
    if (c.county) expect(row![headers[0]!]).toBe(names[c.county]);
    const cap = report.totals[c.mineral]?.cap;
    if (cap !== null && cap !== undefined) expect(Number(row![headers[10]!])).toBeCloseTo(cap, 6);
  }
  void lang;
}

describe('toy report (hand-made, 2 counties × 2 minerals)', () => {
  test('the toy dataset and scenario are valid files', () => {
    expect(validateDataset(toyDataset).ok).toBe(true);
    expect(validateScenario(toyScenario).ok).toBe(true);
  });

  test('CSV: BOM first, Chinese headers, numbers equal the report', () => {
    const csv = countyQuotasCsv(toyReport(), toyDataset, 'zh');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('\r\n');
    checkCsv(toyReport(), csv, ZH_HEADERS, 'zh', { hetian: '和田市及和田县', moyu: '墨玉县' });
    const rows = readCsv(csv).data;
    // plan order: counties as the dataset lists them, minerals within
    expect(rows.map((r) => `${r['县（市）代码']}/${r['矿种代码']}`)).toEqual(['hetian/sand', 'hetian/limestone', 'moyu/sand', 'moyu/limestone']);
    expect(rows[0]).toMatchObject({ 矿种: '建筑用砂', 单位: '万m³', 开采总量: '120.5', 矿山数合计: '4', 全地区该矿种总量上限: '210' });
  });

  test('CSV: English headers and names', () => {
    const csv = countyQuotasCsv(toyReport(), toyDataset, 'en');
    checkCsv(toyReport(), csv, EN_HEADERS, 'en', { hetian: 'Hotan City and Hotan County', moyu: 'Moyu (Karakax) County' });
    expect(readCsv(csv).data[1]).toMatchObject({ Mineral: 'Limestone', Unit: '万吨', 'Annual volume': '60', 'Large mines': '1' });
  });

  test('CSV: a name that looks like a formula is not executed by Excel', () => {
    const d = structuredClone(toyDataset);
    d.units[0]!.name.en = '=HYPERLINK("x")';
    const csv = countyQuotasCsv(toyReport(), d, 'en');
    expect(readCsv(csv).data[0]!.County).toBe(`'=HYPERLINK("x")`);
  });

  test('XLSX: sheets, headers bold and frozen, a cell per sheet equals the report', async () => {
    const report = toyReport();
    const wb = await readXlsx(await workbookXlsx(report, toyDataset, toyScenario, 'zh', { now: new Date('2025-01-02T03:04:05Z') }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['县市开采指标', '集中开采区', '规划指标对照', '情景参数', '起约束作用的限制', '运行信息']);

    const counties = wb.getWorksheet('县市开采指标')!;
    expect(counties.getRow(1).values).toEqual([undefined, ...ZH_HEADERS]);
    expect(counties.getRow(1).font?.bold).toBe(true);
    expect(counties.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(counties.getColumn(1).width).toBeGreaterThanOrEqual(14);
    expect(counties.rowCount).toBe(1 + report.counties.length);
    expect(counties.getRow(2).values).toEqual([undefined, '和田市及和田县', 'hetian', '建筑用砂', 'sand', '万m³', 120.5, 0, 1, 3, 4, 210]);

    const zones = wb.getWorksheet('集中开采区')!;
    expect(zones.getCell('A3').value).toBe('Z02');
    expect(zones.getCell('G3').value).toBe(80.25);
    expect(zones.getCell('I3').value).toBe(0.97);
    expect(zones.getCell('I3').numFmt).toBe('0.0%');

    const kpis = wb.getWorksheet('规划指标对照')!;
    const labels = kpis.getColumn(1).values.slice(2);
    expect(labels).toEqual(['建筑用砂开采总量', '石灰岩开采总量', '石灰岩开采总量下限', '三类（砂石土）采矿权数', '一、二类（省市级）固体矿产采矿权数', '有效采矿权总数', '大中型矿山占比（一、二类）']);
    expect(kpis.getRow(2).values).toEqual([undefined, '建筑用砂开采总量', '万m³', 200.75, '不超过（≤）', 210, expect.closeTo(200.75 / 210, 6), '△ 接近上限（≥95%）']);
    expect(kpis.getCell('G3').value).toBe('■ 达到上限');
    expect(kpis.getCell('C8').value).toBe(0.6667);
    expect(kpis.getCell('G8').value).toBe('✓ 正常');

    const params = wb.getWorksheet('情景参数')!;
    const pairs = Object.fromEntries(params.getSheetValues().slice(2).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs['caps.sand']).toBe(210);
    expect(pairs['caps.limestone.max']).toBe(100);
    expect(pairs['objective.weights.mines']).toBe(0.001);
    expect(pairs['excludedZones']).toBe('[]');
    expect(pairs.model).toBe('toy');

    const binding = wb.getWorksheet('起约束作用的限制')!;
    expect(binding.getCell('A2').value).toBe('cap[limestone]');
    expect(binding.getCell('G2').value).toBe('上限每放宽 1 万吨，目标值增加 0.12');

    const run = wb.getWorksheet('运行信息')!;
    const info = Object.fromEntries(run.getSheetValues().slice(2).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(info['求解状态']).toBe('最优');
    expect(info['目标函数值']).toBe(123.456);
    expect(info['导出时间']).toBe('2025-01-02T03:04:05.000Z');
  });

  test('XLSX in English uses English sheet names and labels', async () => {
    const wb = await readXlsx(await workbookXlsx(toyReport(), toyDataset, toyScenario, 'en'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['County quotas', 'Zones', 'KPIs', 'Scenario parameters', 'Binding constraints', 'Run']);
    expect(wb.getWorksheet('County quotas')!.getCell('A2').value).toBe('Hotan City and Hotan County');
    expect(wb.getWorksheet('KPIs')!.getCell('A2').value).toBe('Construction sand: total volume');
    expect(wb.getWorksheet('Binding constraints')!.getCell('G2').value).toBe('each extra 1 万吨 of this cap raises the objective by 0.12');
  });

  test('infeasible: CSV has headers only, XLSX and report carry the explanation', async () => {
    const report = toyInfeasibleReport();
    const parsed = readCsv(countyQuotasCsv(report, toyDataset, 'en'));
    expect(parsed.meta.fields).toEqual(EN_HEADERS);
    expect(parsed.data).toEqual([]);
    const wb = await readXlsx(await workbookXlsx(report, toyDataset, toyScenario, 'zh'));
    const ex = wb.getWorksheet('不可行原因')!;
    expect(ex.getCell('A2').value).toBe('floor[sand]');
    expect(ex.getCell('C2').value).toBe(35.5);
    expect(ex.getCell('E2').value).toBe('将“建筑用砂开采总量下限”放宽 35.5 万m³，情景即可行');
    const html = reportHtml(report, toyDataset, toyScenario, 'en');
    expect(html).toContain('relax “Construction sand volume floor” by 35.5 万m³ to make the scenario feasible');
    expect(html).not.toContain('<svg');
  });

  test('scenario JSON is pretty and stable whatever the key order', () => {
    const json = scenarioJson(toyScenario);
    expect(JSON.parse(json)).toEqual(toyScenario);
    expect(json.endsWith('\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "format": "quota-scenario/1",');
    const shuffled = JSON.parse(JSON.stringify({ objective: toyScenario.objective, rightsCaps: toyScenario.rightsCaps, model: 'toy', caps: { limestone: { min: 50, max: 100 }, sand: 210 }, excludedZones: [], description: toyScenario.description, name: toyScenario.name, format: toyScenario.format }));
    expect(scenarioJson(shuffled)).toBe(json);
    expect(json.indexOf('"min"')).toBeLessThan(json.indexOf('"max"'));
  });

  test('flattened scenario: key paths to values', () => {
    expect(flattenScenario(toyScenario)).toEqual([
      { key: 'format', value: 'quota-scenario/1' },
      { key: 'name', value: '示例方案 Toy' },
      { key: 'description', value: 'two counties, two minerals' },
      { key: 'model', value: 'toy' },
      { key: 'caps.limestone.min', value: 50 },
      { key: 'caps.limestone.max', value: 100 },
      { key: 'caps.sand', value: 210 },
      { key: 'rightsCaps.class12', value: 5 },
      { key: 'excludedZones', value: '[]' },
      { key: 'objective.preset', value: 'max-value' },
      { key: 'objective.weights.mines', value: 0.001 },
    ]);
  });

  test('KPI status: ok, near (≥95%), at, over; minimum: near, at, under', () => {
    expect(kpiStatus(90, 100, 'max')).toBe('ok');
    expect(kpiStatus(95, 100, 'max')).toBe('near');
    expect(kpiStatus(100, 100, 'max')).toBe('at');
    expect(kpiStatus(100.5, 100, 'max')).toBe('over');
    expect(kpiStatus(0.6, 0.4, 'min')).toBe('ok');
    expect(kpiStatus(0.41, 0.4, 'min')).toBe('near');
    expect(kpiStatus(0.4, 0.4, 'min')).toBe('at');
    expect(kpiStatus(0.3, 0.4, 'min')).toBe('under');
    expect(kpiStatus(null, 0.4, 'min')).toBe('none');
    expect(planKpis(toyReport(), toyDataset).map((k) => `${k.id}:${k.status}`)).toEqual([
      'volume:sand:near',
      'volume:limestone:at',
      'floor:limestone:ok',
      'class3:ok',
      'class12:at',
      'total:ok',
      'share:ok',
    ]);
  });

  test('what relaxing a binding constraint is worth, in planner words', () => {
    expect(bindingWorth({ family: 'cap', dual: 0.12, unit: '万m³' }, 'zh')).toBe('上限每放宽 1 万m³，目标值增加 0.12');
    expect(bindingWorth({ family: 'cap', dual: 0.12, unit: '万m³' }, 'en')).toBe('each extra 1 万m³ of this cap raises the objective by 0.12');
    // a minimum is relaxed by lowering it: a negative dual means relaxing it helps
    expect(bindingWorth({ family: 'share', dual: -2.5, unit: '个' }, 'zh')).toBe('下限每降低 1 个，目标值增加 2.5');
    expect(bindingWorth({ family: 'cap', dual: 0, unit: '万m³' }, 'en')).toBe('relaxing it alone does not change the objective');
    expect(bindingWorth({ family: 'cap', dual: null, unit: '万m³' }, 'en')).toBe('no dual value for this run');
    expect(bindingWorth({ family: 'countyBound', key: { side: 'min' }, dual: -0.4, unit: '万m³' }, 'en')).toBe('each 1 万m³ taken off this minimum raises the objective by 0.4');
    expect(bindingWorth({ family: 'countyBound', key: { side: 'max' }, dual: 0.4, unit: '万m³' }, 'en')).toBe('each extra 1 万m³ of this cap raises the objective by 0.4');
    expect(bindingWorth({ family: 'demand', dual: 0.4, unit: '万m³' }, 'zh')).toBe('该限值每提高 1 万m³，目标值增加 0.4');
  });

  test('printable report: KPIs, tables, charts as SVG, escaped text, print CSS', () => {
    const d = structuredClone(toyDataset);
    d.units[1]!.name.zh = '墨玉县<script>alert(1)</script>';
    const html = reportHtml(toyReport(), d, toyScenario, 'zh', { now: new Date('2025-01-02T03:04:05Z') });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@media print');
    expect(html).toContain('开采指标方案报告：示例方案 Toy');
    expect(html).toContain('△ 接近上限（≥95%）');
    expect(html).toContain('<td class="num">120.5</td>');
    expect(html).toContain('上限每放宽 1 万吨，目标值增加 0.12');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('墨玉县&lt;script&gt;');
    expect((html.match(/<svg/g) ?? []).length).toBe(5); // 万m³ and 万吨 quota charts, cap use, mines by size, county map
    expect(html).toContain('caps.limestone.max');
  });
});

/* The real baseline (scenarios/baseline.json on models/hotan-2021-2025.json) through the engine. */
describe('real baseline', () => {
  test('solve the baseline and export it', async () => {
    const dataset = validateDataset(JSON.parse(readFileSync('models/hotan-2021-2025.json', 'utf8')));
    const scenario = validateScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));
    if (!dataset.ok || !scenario.ok) throw new Error('baseline files do not validate');
    const report = runScenario(dataset.value, scenario.value, await createNodeSolver());
    expect(['optimal', 'feasible']).toContain(report.status);
    const names = Object.fromEntries(dataset.value.units.map((u) => [u.id, u.name.zh]));
    checkCsv(report, countyQuotasCsv(report, dataset.value, 'zh'), ZH_HEADERS, 'zh', names);
    const wb = await readXlsx(await workbookXlsx(report, dataset.value, scenario.value, 'en'));
    expect(wb.worksheets.slice(0, 4).map((w) => w.name)).toEqual(['County quotas', 'Zones', 'KPIs', 'Scenario parameters']);
    const sheet = wb.getWorksheet('County quotas')!;
    expect(sheet.rowCount).toBe(1 + report.counties.length);
    const first = sheet.getRow(2);
    const match = report.counties.find((c) => (c.county ?? '') === (first.getCell(2).value ?? '') && c.mineral === first.getCell(4).value);
    expect(first.getCell(6).value).toBeCloseTo(match!.volume, 6);
    const sand = wb.getWorksheet('KPIs')!.getRow(2);
    expect(sand.getCell(3).value).toBeCloseTo(report.totals.sand!.volume, 6);
    expect(reportHtml(report, dataset.value, scenario.value, 'zh')).toContain('<svg');
  }, 120_000);
});
