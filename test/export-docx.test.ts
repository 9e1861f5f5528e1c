/**
 * The Word report, read back: the solved baseline's DOCX is unzipped and its
 * document.xml searched for the report's headings, the county quota table as a
 * real Word table (header row, one row per county and mineral, totals), the
 * charts as SVG with a PNG fallback, A4 portrait and a CJK font; every table
 * cell says what the printable page says, in the same order.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { deflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import type { Dataset } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import { reportDocx, type Rasterize } from '../src/export/docx';
import { countyName, fmt } from '../src/present/names';
import { reportHtml } from '../src/export/report';
import { reportContent } from '../src/export/report-content';
import type { SolveReport } from '../src/model/report';
import { solvedBaseline } from './helpers/baseline';
import { toyDataset, toyInfeasibleReport, toyScenario } from './helpers/toy-report';

/** A white PNG of the asked size: Node has no canvas, and what the test checks is where the fallback goes. */
const blankPng: Rasterize = async (_svg, width, height) => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte: none
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
};

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
/** Each Word table as rows of cell texts. */
function wordTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) => [...(r[1] ?? r[2])!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1]!))));
}
/** Paragraph texts of a heading style, in order. */
const headings = (xml: string, style: string) =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].filter((p) => p[1]!.includes(`<w:pStyle w:val="${style}"/>`)).map((p) => texts(p[1]!));
/** The printable page's table cells, in order (charts are SVG, which has no td). */
const htmlCells = (html: string) => [...html.matchAll(/<t[hd](?: [^>]*)?>(.*?)<\/t[hd]>/g)].map((m) => unescapeXml(m[1]!.replace(/<[^>]+>/g, '')));

function unzip(docx: Uint8Array) {
  const files = unzipSync(docx);
  return { files, document: strFromU8(files['word/document.xml']!), styles: strFromU8(files['word/styles.xml']!) };
}

describe('Word report of the solved baseline', () => {
  let dataset: Dataset;
  let scenario: Scenario;
  let report: SolveReport;
  let zh: ReturnType<typeof unzip>;
  const now = new Date('2025-01-02T03:04:05Z');

  beforeAll(async () => {
    ({ dataset, scenario, report } = await solvedBaseline());
    zh = unzip(await reportDocx(report, dataset, scenario, 'zh', { now, rasterize: blankPng }));
  }, 120_000);

  test('the report’s title and section headings, A4 portrait, a CJK font in the styles', () => {
    expect(report.status).toBe('optimal');
    expect(zh.files['[Content_Types].xml']).toBeDefined();
    expect(headings(zh.document, 'Heading1')).toEqual([`开采指标方案报告：${scenario.name}`]);
    expect(headings(zh.document, 'Heading2')).toEqual(['规划指标对照', '县（市）开采指标推荐值', '需求与供应', '跨县调运', '图表', '集中开采区', '起约束作用的限制', '方案参数']);
    expect(zh.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(zh.document).not.toContain('w:orient="landscape"');
    expect(zh.styles).toContain('w:eastAsia="Microsoft YaHei"');
    expect(zh.styles).toContain('w:eastAsia="zh-CN"');
  });

  test('the county quotas are a Word table: a repeating header row, one row per county and mineral, one total per mineral', () => {
    const tables = wordTables(zh.document);
    const counties = tables.find((t) => t[0]![0] === '县（市）' && t[0]!.includes('矿山数合计'))!;
    expect(counties).toBeDefined();
    const minerals = new Set(report.counties.map((c) => c.mineral));
    expect(counties).toHaveLength(1 + report.counties.length + minerals.size);
    const volume = counties[0]!.indexOf('开采总量');
    for (const c of report.counties) {
      // the prefecture's own zones, which the plan gives to no county, have a row of their own
      const county = countyName(dataset, c.county, 'zh');
      const mineral = dataset.minerals.find((m) => m.id === c.mineral)!.name.zh;
      const row = counties.find((r) => r[0] === county && r[1] === mineral)!;
      expect(row, `${county} ${mineral}`).toBeDefined();
      expect(row[volume]).toBe(fmt(c.volume, 'zh'));
    }
    const totals = counties.filter((r) => r[0] === '合计');
    expect(totals).toHaveLength(minerals.size);
    expect(totals.find((r) => r[1] === '建筑用砂')![volume]).toBe(fmt(report.totals.sand!.volume, 'zh'));
    // the header row repeats on each page a long table runs onto
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
    const countyXml = [...zh.document.matchAll(tbl)].map((m) => m[0]).find((x) => x.includes('矿山数合计'))!;
    expect(countyXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  test('every table cell says what the printable page says, in the same order', () => {
    const html = reportHtml(report, dataset, scenario, 'zh', { now, charts: false });
    const word = wordTables(zh.document).flatMap((t) => t.flat());
    expect(word.length).toBeGreaterThan(report.counties.length * 11);
    expect(word).toEqual(htmlCells(html));
  });

  test('each chart is an image: ECharts’ SVG with a PNG for Word processors without SVG', () => {
    const charts = reportContent(report, dataset, scenario, 'zh').sections.find((s) => s.id === 'charts')!.blocks;
    const media = Object.keys(zh.files).filter((f) => f.startsWith('word/media/'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    expect(svgs).toHaveLength(charts.length);
    // docx stores identical images once, and the blank stand-ins of charts of one size are identical
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const f of pngs) expect([...zh.files[f]!.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const svgText = svgs.map((f) => strFromU8(zh.files[f]!)).join('');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('和田市及和田县');
    // the PNG is the picture Word draws, the SVG rides along as its extension
    expect(zh.document.match(/<a:blip r:embed=/g)).toHaveLength(charts.length);
    expect(zh.document.match(/<asvg:svgBlip /g)).toHaveLength(charts.length);
    const rels = strFromU8(zh.files['word/_rels/document.xml.rels']!);
    for (const f of media) expect(rels).toContain(f.slice('word/'.length));
    // alt text: the chart's title, as the printable page's aria-label
    for (const b of charts) if (b.kind === 'chart') expect(zh.document).toContain(`title="${b.spec.title}"`);
  });

  test('English: the same document in English; a chart the rasterizer cannot draw is left out, the tables stay', async () => {
    const en = unzip(await reportDocx(report, dataset, scenario, 'en', { now, rasterize: () => Promise.reject(new Error('no canvas')) }));
    expect(headings(en.document, 'Heading1')).toEqual([`Quota plan report: ${scenario.name}`]);
    expect(headings(en.document, 'Heading2')).not.toContain('Charts');
    expect(headings(en.document, 'Heading2')).toContain('Recommended county quotas');
    expect(Object.keys(en.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(en.styles).toContain('w:val="en-US"');
    const counties = wordTables(en.document).find((t) => t[0]![0] === 'County')!;
    expect(counties).toHaveLength(wordTables(zh.document).find((t) => t[0]![0] === '县（市）' && t[0]!.includes('矿山数合计'))!.length);
  });
});

test('infeasible: the explanation is a numbered list of relaxations, with no quota table', async () => {
  const { document, files } = unzip(await reportDocx(toyInfeasibleReport(), toyDataset, toyScenario, 'en', { rasterize: blankPng }));
  expect(headings(document, 'Heading2')).toEqual(['The scenario is infeasible; these smallest relaxations would make it feasible', 'Scenario parameters']);
  const items = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].filter((p) => p[1]!.includes('<w:numPr>')).map((p) => texts(p[1]!));
  expect(items[0]).toBe('relax “Construction sand volume floor” by 35.5 10⁴ m³ to make the scenario feasible floor[sand]');
  expect(items).toHaveLength(toyInfeasibleReport().explanation.length);
  expect(strFromU8(files['word/numbering.xml']!)).toContain('w:val="decimal"');
  expect(wordTables(document).some((t) => t[0]!.includes('Construction sand'))).toBe(false);
});
