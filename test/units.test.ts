/**
 * Units as the planner reads them (issue 10 item 3) and the CSV's header block
 * and totals (item 7): the solved baseline exported in English never shows 万
 * or 个 (a misread 万 is a 10,000× error) and names 10⁴ m³ and 10⁴ t; exported
 * in Chinese it has no English unit words; the CSV reads back with its
 * metadata and one total per mineral rounded as the plan prints it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import type { Dataset } from '../src/domain/dataset';
import type { Lang } from '../src/domain/label';
import type { Scenario } from '../src/domain/scenario';
import { auditDataset, findingText, type Finding } from '../src/domain/audit';
import { planUnitLabel, roundAsPlan, unitLabel } from '../src/domain/units';
import { countyQuotasCsv } from '../src/export/csv';
import { reportDocx } from '../src/export/docx';
import { reportHtml } from '../src/export/report';
import { workbookXlsx } from '../src/export/xlsx';
import type { SolveReport } from '../src/model/report';
import { shippedModel, solvedBaseline } from './helpers/baseline';
import { main as solveMain } from '../src/cli/solve';

/** English unit words a Chinese export must not carry. */
const EN_UNIT_WORDS = /\b(persons|mines|years|tonnes?|yuan)\b/;

/** Every text a workbook shows: its sheets' and shared strings' XML with the tags taken out. */
function xlsxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
    .join('\n');
}

/** The Word report's body text and its charts' SVG text. */
function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => name === 'word/document.xml' || name.endsWith('.svg'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
    .join('\n');
}

/** A white 1×1 PNG: Node has no canvas; the SVG the test reads rides along. */
const onePixel = async () => Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMB/6XW7fsAAAAASUVORK5CYII=', 'base64'));

/** The CSV's `# key,value` lines as an object, and its table (header row, then rows) with the block skipped as comments. */
function readCsv(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const body = csv.slice(1);
  const [block, rest] = body.split('\r\n\r\n');
  const meta = Object.fromEntries(Papa.parse<string[]>(block!, { skipEmptyLines: true }).data.map(([k, v]) => [k!.replace(/^# /, ''), v]));
  const table = Papa.parse<Record<string, string>>(body, { header: true, comments: '#', skipEmptyLines: true });
  expect(rest).toBeDefined();
  return { meta, table };
}

describe('unitLabel', () => {
  test('English shows powers of ten, never 万; Chinese keeps the plan’s units', () => {
    expect(['万m³', '万吨', '吨', '个', '万元', '吨/年'].map((u) => unitLabel(u, 'en'))).toEqual(['10⁴ m³', '10⁴ t', 't', 'mines', '10⁴ yuan', 't/yr']);
    expect(['万m³', '万吨', '吨', '个', '万元', 'mines'].map((u) => unitLabel(u, 'zh'))).toEqual(['万m³', '万吨', '吨', '个', '万元', '个']);
  });

  test('assumption units read in Chinese; a unit text the dictionary does not know is shown as written', () => {
    expect(unitLabel('persons', 'zh')).toBe('人');
    expect(unitLabel('years', 'zh')).toBe('年');
    expect(unitLabel('km²', 'zh')).toBe('km²');
    expect(unitLabel('barrels per day', 'en')).toBe('barrels per day');
  });

  test('every assumption of the shipped model has a Chinese unit without English words and an English one without 万', () => {
    for (const a of shippedModel().assumptions) {
      expect(unitLabel(a.unit, 'zh'), a.id).not.toMatch(/\b(persons|mines|years|ratio|mineral|fraction|read)\b/);
      expect(unitLabel(a.unit, 'en'), a.id).not.toContain('万');
    }
  });

  test('a unit as the plan printed it: Chinese keeps the words, English adds the unit they mean', () => {
    expect(planUnitLabel('矿石万吨', 'zh')).toBe('矿石万吨');
    expect(planUnitLabel('矿石万吨', 'en')).toBe('矿石万吨 (10⁴ t)');
    expect(planUnitLabel('万立方米', 'en')).toBe('万立方米 (10⁴ m³)');
    // 亿吨 is no unit of the model: shown as printed
    expect(planUnitLabel('亿吨', 'en')).toBe('亿吨');
  });

  test('the data audit’s English messages give units as 10⁴ m³ / 10⁴ t; only the plan’s own words, quoted, keep 万', () => {
    const findings = auditDataset(shippedModel());
    const unitFindings = findings.filter((f) => f.kind === 'unit');
    expect(unitFindings.length).toBeGreaterThan(0);
    const messageEn = (f: Finding) => findingText(f, 'en');
    for (const f of findings) expect(messageEn(f).replace(/"[^"]*"/g, '""'), messageEn(f)).not.toContain('万');
    expect(unitFindings.some((f) => messageEn(f).includes('10⁴ m³') && messageEn(f).includes('10⁴ t'))).toBe(true);
  });

  test('totals round as the plan prints quotas: 万m³ and 万吨 to one decimal, 吨 whole', () => {
    expect(roundAsPlan(1234.567, '万m³')).toBe(1234.6);
    expect(roundAsPlan(12.34, '万吨')).toBe(12.3);
    expect(roundAsPlan(2999.5, '吨')).toBe(3000);
    expect(roundAsPlan(-0.01, '万吨')).toBe(0);
  });
});

describe('exports of the solved baseline', () => {
  let dataset: Dataset;
  let scenario: Scenario;
  let report: SolveReport;
  const now = new Date('2025-01-02T03:04:05Z');
  const ranAt = new Date('2025-01-02T03:00:00Z');
  const texts: Record<Lang, Record<'csv' | 'xlsx' | 'report' | 'docx', string>> = { zh: {} as never, en: {} as never };

  beforeAll(async () => {
    ({ dataset, scenario, report } = await solvedBaseline());
    for (const lang of ['zh', 'en'] as const) {
      texts[lang] = {
        csv: countyQuotasCsv(report, dataset, lang, { scenario: scenario.name, ranAt, now }),
        xlsx: xlsxText(await workbookXlsx(report, dataset, scenario, lang, { now })),
        report: reportHtml(report, dataset, scenario, lang, { now }),
        docx: docxText(await reportDocx(report, dataset, scenario, lang, { now, rasterize: onePixel })),
      };
    }
  }, 180_000);

  test.each(['csv', 'xlsx', 'report', 'docx'] as const)('%s in English: no 万 or 个 anywhere, 10⁴ m³ and 10⁴ t named', (kind) => {
    const text = texts.en[kind];
    expect(text).not.toMatch(/[万个]/);
    expect(text).toContain('10⁴ m³');
    expect(text).toContain('10⁴ t');
  });

  test.each(['csv', 'xlsx', 'report', 'docx'] as const)('%s in Chinese: the plan’s units, no English unit words', (kind) => {
    const text = texts.zh[kind];
    expect(text).toContain('万m³');
    expect(text).toContain('万吨');
    expect(text).not.toMatch(EN_UNIT_WORDS);
  });

  test('CSV: the header block names scenario, plan data, model version, status, run and export time; the table follows it', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { meta, table } = readCsv(texts[lang].csv);
      const key = lang === 'zh' ? { scenario: '方案名称', version: '模型版本', status: '求解状态', ranAt: '运行时间', exported: '导出时间' } : { scenario: 'Scenario', version: 'Model version', status: 'Solve status', ranAt: 'Run at', exported: 'Exported at' };
      expect(meta[key.scenario]).toBe(scenario.name);
      expect(meta[key.version]).toBe(report.modelVersion);
      expect(meta[key.status]).toBe(lang === 'zh' ? '最优（已证明）' : 'optimal (proven)');
      expect(meta[key.ranAt]).toBe(ranAt.toISOString());
      expect(meta[key.exported]).toBe(now.toISOString());
      expect(table.errors).toEqual([]);
      expect(table.meta.fields?.[0]).toBe(lang === 'zh' ? '县（市）' : 'County');
    }
  });

  test('CSV: one total row per mineral under the county rows, rounded as the plan prints it, mines summed', () => {
    const { table } = readCsv(texts.en.csv);
    const totals = table.data.filter((r) => r.County === 'Prefecture total');
    const counties = table.data.filter((r) => r.County !== 'Prefecture total');
    expect(counties).toHaveLength(report.counties.length);
    expect(table.data.slice(-totals.length)).toEqual(totals);
    expect(totals.map((r) => r['Mineral id'])).toEqual(dataset.minerals.map((m) => m.id).filter((m) => report.totals[m]));
    for (const t of totals) {
      const m = t['Mineral id']!;
      const unit = dataset.minerals.find((x) => x.id === m)!.unit;
      const volume = t['Annual volume']!;
      expect(Number(volume)).toBe(roundAsPlan(report.totals[m]!.volume, unit));
      // the plan prints 万m³/万吨 to one decimal and 吨 whole
      expect(volume).toMatch(unit === '吨' ? /^-?\d+$/ : /^-?\d+(\.\d)?$/);
      expect(t.Unit).toBe(unitLabel(unit, 'en'));
      const of = counties.filter((r) => r['Mineral id'] === m);
      expect(Number(t['Mines, total'])).toBe(of.reduce((a, r) => a + Number(r['Mines, total']), 0));
      expect(Number(t['2020 valid rights (专栏5)'])).toBe(of.reduce((a, r) => a + Number(r['2020 valid rights (专栏5)'] || 0), 0));
    }
  });
});

describe('solve CLI text output', () => {
  /** The readable output of `solve scenarios/baseline.json --lang <lang>`. */
  async function solveText(lang: Lang): Promise<string> {
    let out = '';
    const code = await solveMain(['scenarios/baseline.json', '--lang', lang], { out: (t) => void (out += t), err: (t) => void (out += t) });
    expect(code).toBe(0);
    return out;
  }

  test('--lang en: units in powers of ten and mines, no 万; --lang zh keeps 万m³ and 万元', async () => {
    const en = await solveText('en');
    expect(en).not.toContain('万');
    expect(en).toContain('Objective (10⁴ yuan)');
    expect(en).toMatch(/ 10⁴ m³ /);
    expect(en).toMatch(/ 10⁴ t /);
    const zh = await solveText('zh');
    expect(zh).toContain('目标值（万元）');
    expect(zh).toMatch(/ 万m³ /);
    expect(zh).not.toMatch(EN_UNIT_WORDS);
  }, 120_000);
});
