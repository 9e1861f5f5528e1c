import { beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { validateDataset, validateScenario } from '../src/domain';
import { BOM, countyQuotasCsv, flattenScenario, planKpis, reportHtml, workbookXlsx } from '../src/export';
import { scenarioJson } from '../src/domain/scenario-json';
import { bindingWorth, kpiStatus, solveStatusLine } from '../src/present/kpis';
import { columnLetters } from '../src/export/xlsx-writer';
import { buildModel } from '../src/model/build';
import { quotaRange, rangeTargets } from '../src/model/ranges';
import { toyDataset, toyInfeasibleReport, toyReport, toyScenario } from './helpers/toy-report';
import type { SolveReport } from '../src/model/report';
import { runAnswer, runScenario } from '../src/model/run';
import type { Dataset } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import { createNodeSolver } from '../src/solver/node';
import { readFileSync } from 'node:fs';

const ZH_HEADERS = ['县（市）', '县（市）代码', '矿种', '矿种代码', '单位', '开采总量', '2020年开采量（专栏6按采矿权分县）', '较2020年增减', '2020年有效采矿权（专栏5）', '大型矿山数', '中型矿山数', '小型矿山数', '矿山数合计', '全地区该矿种总量上限', '求解状态', '等优解的选取'];
const EN_HEADERS = ['County', 'County id', 'Mineral', 'Mineral id', 'Unit', 'Annual volume', '2020 output (专栏6 shared by 专栏5 rights)', 'Change 2025 − 2020', '2020 valid rights (专栏5)', 'Large mines', 'Medium mines', 'Small mines', 'Mines, total', 'Prefecture cap for this mineral', 'Solve status', 'How this allocation was picked'];
/** with report.ranges: three columns before the status */
const withRanges = (h: string[], zh: boolean) => [...h.slice(0, 14), ...(zh ? ['可调范围下限', '可调范围上限', '范围说明'] : ['Range: least', 'Range: most', 'Range note']), ...h.slice(14)];
const EN_PROVEN = 'optimal (proven)';
const EN_PICKED = 'One allocation picked among equally good ones by the stated rule: closest to the 2020 county split (see models/README.md §0); proven.';
const EN_NOT_RECORDED = 'Not recorded (a run of an earlier model version).';

/** The county rows of the CSV: its `# key,value` header block skipped as comments, its total rows (test/units.test.ts reads both) left out. */
function readCsv(csv: string): Papa.ParseResult<Record<string, string>> {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, comments: '#', skipEmptyLines: true });
  const total = new Set(['全地区合计', 'Prefecture total']);
  return { ...parsed, data: parsed.data.filter((r) => !total.has(r[parsed.meta.fields![0]!]!)) };
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The CSV checks shared by the toy and the real baseline: every row's figures equal the report's, looked up by header. */
function checkCsv(report: SolveReport, csv: string, headers: string[], names: Record<string, string>) {
  const parsed = readCsv(csv);
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(headers);
  expect(parsed.data).toHaveLength(report.counties.length);
  const h = (i: number) => headers[i]!;
  const optional = (x: number | null | undefined) => (x === null || x === undefined ? '' : x);
  for (const c of report.counties) {
    const row = parsed.data.find((r) => r[h(1)] === (c.county ?? '') && r[h(3)] === c.mineral);
    expect(row, `${c.county}/${c.mineral}`).toBeDefined();
    const n = (i: number) => Number(row![h(i)]);
    expect(n(5)).toBeCloseTo(c.volume, 6);
    if (c.output2020 === null || c.output2020 === undefined) expect([row![h(6)], row![h(7)]]).toEqual(['', '']);
    else {
      expect(n(6)).toBeCloseTo(c.output2020, 6);
      // a negative change stays a number: formula escaping only touches text
      expect(n(7)).toBeCloseTo(c.volume - c.output2020, 5);
    }
    expect(row![h(8)]).toBe(String(optional(c.rights2020)));
    expect(n(9)).toBe(Math.round(c.mines.large));
    expect(n(10)).toBe(Math.round(c.mines.medium));
    expect(n(11)).toBe(Math.round(c.mines.small));
    if (c.county) expect(row![h(0)]).toBe(names[c.county]);
    const cap = report.totals[c.mineral]?.cap;
    if (cap !== null && cap !== undefined) expect(n(13)).toBeCloseTo(cap, 6);
    if (report.ranges) {
      const g = report.ranges.find((x) => x.county === c.county && x.mineral === c.mineral);
      expect([row![h(14)], row![h(15)]]).toEqual([String(optional(g?.min)), String(optional(g?.max))]);
    }
  }
  return parsed.data;
}

/** A sheet's values below its header as objects by header (up to the first empty row: the notes follow it). */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    if (row.cellCount === 0) break;
    out.push(Object.fromEntries(headers.map((k, j) => [k, row.getCell(j + 1).value ?? null])));
  }
  return out;
}

/** The italic sentences under a sheet's table. */
function sheetNotes(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row, i) => {
    if (i > 1 && row.getCell(1).font?.italic) out.push(String(row.getCell(1).value));
  });
  return out;
}

function runInfo(wb: ExcelJS.Workbook, name: string): Record<string, unknown> {
  return Object.fromEntries(wb.getWorksheet(name)!.getSheetValues().slice(2).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
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
    checkCsv(toyReport(), csv, ZH_HEADERS, { hetian: '和田市及和田县', moyu: '墨玉县' });
    const rows = readCsv(csv).data;
    // plan order: counties as the dataset lists them, minerals within
    expect(rows.map((r) => `${r['县（市）代码']}/${r['矿种代码']}`)).toEqual(['hetian/sand', 'hetian/limestone', 'moyu/sand', 'moyu/limestone']);
    expect(rows[0]).toMatchObject({ 矿种: '建筑用砂', 单位: '万m³', 开采总量: '120.5', 矿山数合计: '4', 全地区该矿种总量上限: '210' });
    // a run of model v1: no 2020 figures, status proven, tie-break not recorded
    expect(rows[0]).toMatchObject({ '较2020年增减': '', '2020年有效采矿权（专栏5）': '', 求解状态: '最优（已证明）', 等优解的选取: '未记录（早期模型版本的运行）。' });
  });

  test('CSV: English headers and names', () => {
    const csv = countyQuotasCsv(toyReport(), toyDataset, 'en');
    checkCsv(toyReport(), csv, EN_HEADERS, { hetian: 'Hotan City and Hotan County', moyu: 'Moyu (Karakax) County' });
    expect(readCsv(csv).data[1]).toMatchObject({ Mineral: 'Limestone', Unit: '10⁴ t', 'Annual volume': '60', 'Large mines': '1' });
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['县市开采指标', '集中开采区', '规划指标对照', '方案参数', '起约束作用的限制', '运行信息']);

    const counties = wb.getWorksheet('县市开采指标')!;
    expect(counties.getRow(1).values).toEqual([undefined, ...ZH_HEADERS.slice(0, 14)]);
    const header = counties.getRow(1);
    expect(Array.from({ length: 14 }, (_, i) => header.getCell(i + 1).font?.bold)).toEqual(Array(14).fill(true));
    expect(counties.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(counties.getColumn(1).width).toBeGreaterThanOrEqual(14);
    expect(sheetRows(counties)).toHaveLength(report.counties.length);
    expect(counties.getRow(2).values).toEqual([undefined, '和田市及和田县', 'hetian', '建筑用砂', 'sand', '万m³', 120.5, undefined, undefined, undefined, 0, 1, 3, 4, 210]);
    expect(sheetNotes(counties)).toEqual(['求解状态: 最优（已证明）', '未记录（早期模型版本的运行）。']);

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

    const params = wb.getWorksheet('方案参数')!;
    const pairs = Object.fromEntries(params.getSheetValues().slice(2).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs['caps.sand']).toBe(210);
    expect(pairs['caps.limestone.max']).toBe(100);
    expect(pairs['objective.weights.mines']).toBe(0.001);
    expect(pairs['excludedZones']).toBe('[]');
    expect(pairs.model).toBe('toy');

    const binding = wb.getWorksheet('起约束作用的限制')!;
    expect(binding.getCell('A2').value).toBe('cap[limestone]');
    expect(binding.getCell('G2').value).toBe('上限每放宽 1 万吨，目标值增加 0.12');

    const info = runInfo(wb, '运行信息');
    expect(info['求解状态']).toBe('最优（已证明）');
    expect(info['相对差距（未证明时的上界）']).toBe('—');
    expect(info['等优解的选取']).toBe('未记录（早期模型版本的运行）。');
    expect(info['目标函数值']).toBe(123.456);
    expect(info['导出时间']).toBe('2025-01-02T03:04:05.000Z');
  });

  test('XLSX in English uses English sheet names and labels', async () => {
    const wb = await readXlsx(await workbookXlsx(toyReport(), toyDataset, toyScenario, 'en'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['County quotas', 'Zones', 'KPIs', 'Scenario parameters', 'Binding constraints', 'Run']);
    expect(wb.getWorksheet('County quotas')!.getCell('A2').value).toBe('Hotan City and Hotan County');
    expect(wb.getWorksheet('KPIs')!.getCell('A2').value).toBe('Construction sand: total volume');
    expect(wb.getWorksheet('Binding constraints')!.getCell('G2').value).toBe('each extra 1 10⁴ t of this cap raises the objective by 0.12');
  });

  test('XLSX: text that looks like a formula, markup or an Excel escape stays the same text, never a formula', async () => {
    const d = structuredClone(toyDataset);
    const tricky = '=HYPERLINK("http://x", "y") & <b>_x0041_</b>\u0007 ';
    d.units[0]!.name.en = tricky;
    const scenario = { ...toyScenario, name: '=1+1', description: '@SUM(A1)' };
    const bytes = await workbookXlsx(toyReport(), d, scenario, 'en');
    const wb = await readXlsx(bytes);
    const county = wb.getWorksheet('County quotas')!.getCell('A2');
    // XML 1.0 cannot carry a BEL character: it is the one thing dropped
    expect(county.value).toBe(tricky.replace('\u0007', ''));
    expect(county.type).toBe(ExcelJS.ValueType.String);
    const info = runInfo(wb, 'Run');
    expect([info['Scenario'], info['Description']]).toEqual(['=1+1', '@SUM(A1)']);
    expect(wb.title).toBe('=1+1');
    const sheets = Object.entries(unzipSync(bytes)).filter(([name]) => name.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(6);
    for (const [, xml] of sheets) expect(strFromU8(xml)).not.toMatch(/<f[ >]/);
  });

  test('XLSX: header and KPI status fills, widths that fit, filter on the table, document properties, same bytes for the same input', async () => {
    const now = new Date('2025-01-02T03:04:05Z');
    const bytes = await workbookXlsx(toyReport(), toyDataset, toyScenario, 'en', { now });
    const wb = await readXlsx(bytes);
    expect([wb.creator, wb.title, wb.created?.toISOString()]).toEqual(['Hotan quota workbench', '示例方案 Toy', '2025-01-02T03:04:05.000Z']);
    const kpis = wb.getWorksheet('KPIs')!;
    const fill = (ref: string) => (kpis.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill('A1'), fill('G2'), fill('G3'), fill('G8')]).toEqual(['FFD9E1F2', 'FFFFF2CC', 'FFF8CBAD', 'FFE2F0D9']);
    expect(kpis.getCell('A1').border?.bottom?.style).toBe('thin');
    expect(kpis.getCell('A1').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect([kpis.getCell('C8').numFmt, kpis.getCell('E2').numFmt]).toEqual(['0.0%', '#,##0.00##']);
    const counties = wb.getWorksheet('County quotas')!;
    expect(counties.autoFilter).toBe('A1:N5');
    // 'Hotan City and Hotan County' is 27 characters, plus 2 of margin
    expect(counties.getColumn(1).width).toBe(29);
    expect(counties.getColumn(6).numFmt).toBe('#,##0.00##');
    expect(await workbookXlsx(toyReport(), toyDataset, toyScenario, 'en', { now })).toEqual(bytes);
  });

  test('XLSX column letters go past Z as Excel counts them', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
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
    expect(ex.getCell('E2').value).toBe('将“建筑用砂开采总量下限”放宽 35.5 万m³，方案即可行');
    const html = reportHtml(report, toyDataset, toyScenario, 'en');
    expect(html).toContain('relax “Construction sand volume floor” by 35.5 10⁴ m³ to make the scenario feasible');
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
    expect(bindingWorth({ family: 'cap', dual: 0.12, unit: '万m³' }, 'en')).toBe('each extra 1 10⁴ m³ of this cap raises the objective by 0.12');
    // a minimum is relaxed by lowering it: a negative dual means relaxing it helps
    expect(bindingWorth({ family: 'share', dual: -2.5, unit: '个' }, 'zh')).toBe('下限每降低 1 个，目标值增加 2.5');
    expect(bindingWorth({ family: 'cap', dual: 0, unit: '万m³' }, 'en')).toBe('relaxing it alone does not change the objective');
    expect(bindingWorth({ family: 'cap', dual: null, unit: '万m³' }, 'en')).toBe('no dual value for this run');
    expect(bindingWorth({ family: 'countyBound', key: { side: 'min' }, dual: -0.4, unit: '万m³' }, 'en')).toBe('each 1 10⁴ m³ taken off this minimum raises the objective by 0.4');
    expect(bindingWorth({ family: 'countyBound', key: { side: 'max' }, dual: 0.4, unit: '万m³' }, 'en')).toBe('each extra 1 10⁴ m³ of this cap raises the objective by 0.4');
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
    // the scenario's parameters are named by their field label and unit, not their path
    expect(html).toContain('<td>石灰岩开采总量上限（万吨/年）</td><td>100</td>');
    expect(html).not.toContain('caps.limestone.max');
  });
});

/** A toy report as model v2 writes it: 2020 figures, a gap, demand, flows and ranges (one end of each unproven). */
function toyV2Report(): SolveReport {
  const r = toyReport();
  const output2020: Record<string, number> = { 'hetian/sand': 135, 'moyu/sand': 45, 'hetian/limestone': 30, 'moyu/limestone': 60 };
  const rights2020: Record<string, number> = { 'hetian/sand': 4, 'moyu/sand': 2, 'hetian/limestone': 1, 'moyu/limestone': 2 };
  return {
    ...r,
    status: 'feasible',
    gap: 0.0011992,
    tieBreak: 'not-proven',
    counties: r.counties.map((c) => ({ ...c, output2020: output2020[`${c.county}/${c.mineral}`]!, rights2020: rights2020[`${c.county}/${c.mineral}`]! })),
    demand: [
      { county: null, mineral: 'limestone', demand: 120, supplied: 100, unmet: 20 },
      { county: 'moyu', mineral: 'sand', demand: 90, supplied: 90, unmet: 0 },
      { county: 'hetian', mineral: 'sand', demand: 110.75, supplied: 110.75, unmet: 0 },
    ],
    flows: [
      { from: 'hetian', to: 'hetian', mineral: 'sand', amount: 110.75, km: 0 },
      { from: 'hetian', to: 'moyu', mineral: 'sand', amount: 9.75, km: 26 },
      { from: 'moyu', to: 'moyu', mineral: 'sand', amount: 80.25, km: 0 },
    ],
    ranges: [
      { county: 'hetian', mineral: 'sand', volume: 120.5, min: 85.961004, max: 150, minProven: false, maxProven: true, minBound: 83.623448, maxBound: 150 },
      { county: 'moyu', mineral: 'sand', volume: 80.25, min: 50, max: null, minProven: true, maxProven: false, minBound: 50, maxBound: 160 },
    ],
    rights: { ...r.rights, largeMediumShare: { value: 0.375, min: 0.4, shortfall: 2.2 } },
  };
}

describe('toy report as model v2 writes it (not proven, ranges with open ends)', () => {
  test('CSV: 2020 figures and change, range columns, unproven ends in words, status with its gap rounded up', () => {
    const report = toyV2Report();
    const rows = checkCsv(report, countyQuotasCsv(report, toyDataset, 'en'), withRanges(EN_HEADERS, false), { hetian: 'Hotan City and Hotan County', moyu: 'Moyu (Karakax) County' });
    expect(rows[0]).toMatchObject({
      '2020 output (专栏6 shared by 专栏5 rights)': '135',
      'Change 2025 − 2020': '-14.5',
      'Range: least': '85.961004',
      'Range note': 'least not proven: it lies between 83.62 (proven bound) and 85.96',
      'Solve status': 'feasible — not proven optimal, gap ≤ 0.12%',
      'How this allocation was picked': expect.stringContaining('not proven within the solve limits'),
    });
    expect(rows[2]).toMatchObject({ 'Range: most': '', 'Range note': 'most not found within the time limit: ≤ 160' });
    expect(rows[1]!['Range note']).toBe('');
    const zh = readCsv(countyQuotasCsv(report, toyDataset, 'zh')).data[0]!;
    expect(zh['范围说明']).toBe('下限未证明：最小值介于 83.62（已证明的界）与 85.96 之间');
    expect(zh['求解状态']).toBe('可行——未证明最优，差距 ≤ 0.12%');
  });

  test('XLSX: demand with the prefecture row labelled, flows between counties only, notes, gap as a number', async () => {
    const report = toyV2Report();
    const wb = await readXlsx(await workbookXlsx(report, toyDataset, toyScenario, 'en'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['County quotas', 'Zones', 'Demand and supply', 'Shipments between counties', 'KPIs', 'Scenario parameters', 'Binding constraints', 'Run']);
    const counties = wb.getWorksheet('County quotas')!;
    expect(sheetRows(counties)[0]).toMatchObject({ 'Change 2025 − 2020': -14.5, '2020 valid rights (专栏5)': 4, 'Range: least': 85.961004, 'Range: most': 150 });
    expect(counties.getCell('H2').numFmt).toBe('+#,##0.00##;-#,##0.00##;0');
    expect(sheetNotes(counties)).toEqual([
      'Solve status: feasible — not proven optimal, gap ≤ 0.12%',
      expect.stringContaining('An allocation picked among equally good ones by the stated rule (closest to the 2020 county split'),
      expect.stringMatching(/^Range: the least and most/),
    ]);
    expect(sheetRows(wb.getWorksheet('Demand and supply')!)).toEqual([
      { County: 'Hotan City and Hotan County', 'County id': 'hetian', Mineral: 'Construction sand', 'Mineral id': 'sand', Unit: '10⁴ m³', Demand: 110.75, Supplied: 110.75, 'Unmet demand': 0 },
      { County: 'Moyu (Karakax) County', 'County id': 'moyu', Mineral: 'Construction sand', 'Mineral id': 'sand', Unit: '10⁴ m³', Demand: 90, Supplied: 90, 'Unmet demand': 0 },
      { County: 'Whole prefecture (no haul modelled)', 'County id': null, Mineral: 'Limestone', 'Mineral id': 'limestone', Unit: '10⁴ t', Demand: 120, Supplied: 100, 'Unmet demand': 20 },
    ]);
    const flows = wb.getWorksheet('Shipments between counties')!;
    expect(sheetRows(flows)).toEqual([
      { 'From county': 'Hotan City and Hotan County', 'From county id': 'hetian', 'To county': 'Moyu (Karakax) County', 'To county id': 'moyu', Mineral: 'Construction sand', 'Mineral id': 'sand', Unit: '10⁴ m³', Amount: 9.75, 'Distance (km)': 26 },
    ]);
    expect(sheetNotes(flows)).toEqual([expect.stringMatching(/^Only shipments between counties are listed/)]);
    expect(sheetNotes(wb.getWorksheet('KPIs')!)).toEqual([
      'The large/medium share target (≥ 40%) cannot be reached in this answer: 2.2 large or medium class-1/2 mines short. The plan says 力争 (strive for): a goal, not a hard limit.',
    ]);
    const info = runInfo(wb, 'Run');
    expect(info['Solve status']).toBe('feasible — not proven optimal, gap ≤ 0.12%');
    expect(info['Relative gap (bound, when not proven)']).toBe(0.0011992);
    expect(info['Large/medium share']).toMatch(/^The large\/medium share target/);
  });

  test('printable report: status with its gap, tie-break, 2020 columns, marked range ends, demand, flows, shortfall', () => {
    const html = reportHtml(toyV2Report(), toyDataset, toyScenario, 'zh', { charts: false });
    expect(html).toContain('可行——未证明最优，差距 ≤ 0.12%');
    expect(html).toContain('但在求解限制内未证明');
    expect(html).toContain('<td class="num">−14.5</td>');
    expect(html).toContain('<td class="num">85.96*</td>');
    expect(html).toContain('* 和田市及和田县 建筑用砂: 下限未证明：最小值介于 83.62（已证明的界）与 85.96 之间');
    expect(html).toContain('<th scope="row">全地区（不分县，不计运输）</th><td>石灰岩</td><td class="num">120</td><td class="num">100</td><td class="num">20</td>');
    expect(html).toContain('<th scope="row">和田市及和田县</th><td>墨玉县</td><td>建筑用砂</td><td class="num">9.75</td>');
    expect(html).toContain('大中型矿山占比目标（≥40%）在本方案中无法达到：一、二类矿山中还差 2.2 个大中型矿山');
  });

  test('a run of model v1 that was not proven says so, without a gap, and has no demand or flow tables', async () => {
    const report: SolveReport = { ...toyReport(), status: 'feasible' };
    expect(solveStatusLine(report, 'en')).toBe('feasible — not proven optimal (gap not recorded)');
    expect(readCsv(countyQuotasCsv(report, toyDataset, 'en')).data[0]).toMatchObject({ 'Solve status': 'feasible — not proven optimal (gap not recorded)', 'How this allocation was picked': EN_NOT_RECORDED });
    const wb = await readXlsx(await workbookXlsx(report, toyDataset, toyScenario, 'en'));
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Demand and supply');
    expect(runInfo(wb, 'Run')['Solve status']).toBe('feasible — not proven optimal (gap not recorded)');
    const html = reportHtml(report, toyDataset, toyScenario, 'en', { charts: false });
    expect(html).toContain('feasible — not proven optimal (gap not recorded)');
    expect(html).not.toContain('Shipments between counties');
  });
});

/* The real baseline (scenarios/baseline.json on models/hotan-2021-2025.json) through the engine. */
describe('real baseline', () => {
  let dataset: Dataset;
  let scenario: Scenario;
  let report: SolveReport;
  let names: Record<string, string>;
  let solver: Awaited<ReturnType<typeof createNodeSolver>>;

  beforeAll(async () => {
    const d = validateDataset(JSON.parse(readFileSync('models/hotan-2021-2025.json', 'utf8')));
    const s = validateScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));
    if (!d.ok || !s.ok) throw new Error('baseline files do not validate');
    solver = await createNodeSolver();
    dataset = d.value;
    scenario = s.value;
    names = Object.fromEntries(dataset.units.map((u) => [u.id, u.name.zh]));
    // As `solve --ranges` does, for three quotas (a few keep the test short).
    const built = buildModel(dataset, scenario);
    const { report: r, answer } = runAnswer(dataset, built, solver);
    const chosen = new Set(['hetian/sand', 'moyu/limestone', 'luopu/gypsum']);
    const limits = { timeLimitSec: built.inputs.timeLimitSec, mipGap: 0 };
    r.ranges = rangeTargets(built, answer.solution.values)
      .filter((t) => chosen.has(`${t.county}/${t.mineral}`))
      .map((t) => quotaRange(built, solver, answer.goal.objective!, 0.01, t, limits, answer.solution.values));
    report = r;
  }, 120_000);

  test('proven: CSV and XLSX carry the report’s 2020 figures, ranges, demand and flows', async () => {
    expect(report.status).toBe('optimal');
    expect(report.tieBreak).toBe('proven');
    expect(report.ranges).toHaveLength(3);
    const rows = checkCsv(report, countyQuotasCsv(report, dataset, 'zh'), withRanges(ZH_HEADERS, true), names);
    expect(new Set(rows.map((r) => r['求解状态']))).toEqual(new Set(['最优（已证明）']));
    expect(new Set(rows.map((r) => r['等优解的选取']))).toEqual(new Set(['在同样好的多个解中按既定规则选定一个：最接近2020年各县比例（见 models/README.md 第0节）；已证明。']));

    const wb = await readXlsx(await workbookXlsx(report, dataset, scenario, 'en'));
    expect(wb.worksheets.slice(0, 6).map((w) => w.name)).toEqual(['County quotas', 'Zones', 'Demand and supply', 'Shipments between counties', 'KPIs', 'Scenario parameters']);
    const counties = sheetRows(wb.getWorksheet('County quotas')!);
    expect(counties).toHaveLength(report.counties.length);
    for (const c of report.counties) {
      const row = counties.find((r) => r['County id'] === c.county && r['Mineral id'] === c.mineral)!;
      expect(row['Annual volume']).toBeCloseTo(c.volume, 6);
      if (c.output2020 === null || c.output2020 === undefined) expect([row['2020 output (专栏6 shared by 专栏5 rights)'], row['Change 2025 − 2020']]).toEqual([null, null]);
      else {
        expect(row['2020 output (专栏6 shared by 专栏5 rights)']).toBeCloseTo(c.output2020, 6);
        expect(row['Change 2025 − 2020']).toBeCloseTo(c.volume - c.output2020, 5);
      }
      expect(row['2020 valid rights (专栏5)']).toBe(c.rights2020 ?? null);
      const g = report.ranges!.find((x) => x.county === c.county && x.mineral === c.mineral);
      expect([row['Range: least'], row['Range: most']]).toEqual([g?.min ?? null, g?.max ?? null]);
    }
    expect(sheetNotes(wb.getWorksheet('County quotas')!).slice(0, 2)).toEqual([`Solve status: ${EN_PROVEN}`, EN_PICKED]);

    const demand = sheetRows(wb.getWorksheet('Demand and supply')!);
    expect(demand).toHaveLength(report.demand!.length);
    for (const x of report.demand!) {
      const row = demand.find((r) => r['County id'] === x.county && r['Mineral id'] === x.mineral)!;
      expect([row.Demand, row.Supplied, row['Unmet demand']]).toEqual([expect.closeTo(x.demand, 6), expect.closeTo(x.supplied, 6), expect.closeTo(x.unmet, 6)]);
      if (x.county === null) expect(row.County).toBe('Whole prefecture (no haul modelled)');
    }
    expect(demand.filter((r) => r['County id'] === null).map((r) => r['Mineral id'])).toEqual(['limestone', 'gypsum', 'jade']);

    const shipped = report.flows!.filter((f) => f.from !== f.to);
    expect(shipped.length).toBeGreaterThan(0);
    const flows = sheetRows(wb.getWorksheet('Shipments between counties')!);
    expect(flows).toHaveLength(shipped.length);
    for (const f of shipped) {
      const row = flows.find((r) => r['From county id'] === f.from && r['To county id'] === f.to && r['Mineral id'] === f.mineral)!;
      expect([row.Amount, row['Distance (km)']]).toEqual([expect.closeTo(f.amount, 6), f.km]);
    }
    expect(flows.every((r) => r['From county id'] !== r['To county id'])).toBe(true);

    const sand = wb.getWorksheet('KPIs')!.getRow(2);
    expect(sand.getCell(3).value).toBeCloseTo(report.totals.sand!.volume, 6);
  }, 60_000);

  test('the 40% share out of reach is said in words, in the workbook and the report', async () => {
    const short = report.rights.largeMediumShare.shortfall!;
    expect(short).toBeGreaterThan(0);
    const sentence = `The large/medium share target (≥ 40%) cannot be reached in this answer: ${short} large or medium class-1/2 mines short. The plan says 力争 (strive for): a goal, not a hard limit.`;
    const wb = await readXlsx(await workbookXlsx(report, dataset, scenario, 'en'));
    expect(sheetNotes(wb.getWorksheet('KPIs')!)).toEqual([sentence]);
    const html = reportHtml(report, dataset, scenario, 'en');
    expect(html).toContain(sentence);
    expect(html).toContain('<svg');
    expect(html).toContain(EN_PICKED);
  }, 60_000);

  test('not proven: a gap the planner allows stops glpk early; every export says "not proven" with the gap', async () => {
    const loose = runScenario(dataset, { ...scenario, mipGap: 0.01 }, solver);
    expect(loose.status).toBe('feasible');
    expect(loose.gap).toBeGreaterThan(0);
    expect(loose.gap).toBeLessThanOrEqual(0.01);
    expect(loose.tieBreak).toBe('not-proven');
    const status = solveStatusLine(loose, 'en');
    const printed = Number(/gap ≤ ([\d.]+)%$/.exec(status)![1]);
    expect(printed / 100).toBeGreaterThanOrEqual(loose.gap!); // the printed bound still holds
    expect(printed / 100).toBeLessThan(loose.gap! * 1.1);

    const rows = readCsv(countyQuotasCsv(loose, dataset, 'en')).data;
    expect(rows).toHaveLength(loose.counties.length);
    expect(new Set(rows.map((r) => r['Solve status']))).toEqual(new Set([status]));
    expect(rows[0]!['How this allocation was picked']).toContain('not proven within the solve limits');
    const wb = await readXlsx(await workbookXlsx(loose, dataset, scenario, 'en'));
    const info = runInfo(wb, 'Run');
    expect(info['Solve status']).toBe(status);
    expect(info['Relative gap (bound, when not proven)']).toBe(loose.gap);
    expect(reportHtml(loose, dataset, scenario, 'en', { charts: false })).toContain(status);
  }, 60_000);
});
