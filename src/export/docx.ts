/**
 * The report as a Word document (.docx), for planners who hand in and edit
 * their reports in Word or WPS: the same content as the printable page
 * (report-content.ts), with real Word tables (a repeating header row, totals
 * set apart) and the charts as images, on A4 portrait in a CJK font.
 *
 * Each chart is embedded as ECharts' SVG (the printable page's own drawing),
 * with a PNG beside it for Word and WPS versions that cannot show SVG. The PNG
 * needs a rasterizer: the browser's canvas by default; Node callers pass one.
 * This module pulls in the `docx` package, so the UI loads it on demand.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from '../model/report';
import { renderSvg } from '../present/charts/echarts';
import type { KpiStatus } from '../present/kpis';
import { documentLanguage } from '../present/names';
import { reportContent, type Block, type Cell, type ParagraphStyle, type ReportOptions, type Run, type Section, type TableBlock } from './report-content';

/** Draws an SVG of the given size to PNG bytes. */
export type Rasterize = (svg: string, width: number, height: number) => Promise<Uint8Array>;

export interface DocxOptions extends ReportOptions {
  /** SVG → PNG for the charts' fallback images; the browser's canvas when left out */
  rasterize?: Rasterize;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A4 portrait with 15 mm margins, as the printable page's @page rule (twips: 1/1440 inch).
const PAGE = { width: 11906, height: 16838, margin: 850 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The text width in CSS pixels (96 per inch), the unit docx sizes images in. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

// Microsoft YaHei is on every Chinese Windows; WPS and Word substitute their own Chinese sans-serif where it is missing.
const FONT = 'Microsoft YaHei';
const CODE_FONT = 'Consolas';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const HEAD_FILL = 'E8EDF6';
const FOOT_FILL = 'F2F2F2';
const ALERT = '8B1E1E';
// The printable page's status colours (its .status-* rules).
const STATUS_FILL: Record<KpiStatus, string | null> = { ok: 'E2F0D9', near: 'FFF2CC', at: 'F8CBAD', over: ALERT, under: ALERT, none: null };
const LIST = 'relaxations';

/** Half-points, as Word counts font sizes. */
const pt = (x: number) => x * 2;

function textRuns(runs: Run[], style: IRunOptions = {}): TextRun[] {
  return runs.map((r) => new TextRun({ ...style, text: r.text, ...(r.code ? { font: CODE_FONT, color: '555555', size: pt(7.5) } : {}) }));
}

/** How wide a text sets, in units of a Latin letter: a CJK character takes two. */
function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return n;
}

/**
 * Column widths in proportion to their longest text, so that consumers reading
 * only the grid (WPS, LibreOffice) lay out as Word's autofit does. A long
 * column name may wrap onto a few lines; the figures under it should not.
 */
function columnWidths(t: TableBlock): number[] {
  const rows = [...t.rows, ...(t.foot ?? [])].map((r) => r.map((c) => c.runs.map((x) => x.text).join('')));
  const n = Math.max(t.header?.length ?? 0, ...rows.map((r) => r.length));
  const weights = Array.from({ length: n }, (_, i) => {
    const body = Math.max(0, ...rows.map((r) => textWidth(r[i] ?? '')));
    const header = Math.min(12, textWidth(t.header?.[i] ?? ''));
    return 2 + Math.min(36, Math.max(4, body, header)); // 2: the cell's own margins
  });
  const total = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
}

function cellOf(c: Cell, row: 'head' | 'body' | 'foot', width: number): TableCell {
  const statusFill = c.status ? STATUS_FILL[c.status] : null;
  const fill = row === 'head' ? HEAD_FILL : row === 'foot' ? FOOT_FILL : statusFill;
  const bold = row !== 'body' || c.head === true;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: c.num ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: textRuns(c.runs, { bold, size: pt(9), ...(statusFill === ALERT ? { color: 'FFFFFF' } : {}) }),
      }),
    ],
  });
}

function tableOf(t: TableBlock): Table {
  const widths = columnWidths(t);
  const row = (cells: Cell[], kind: 'head' | 'body' | 'foot') => new TableRow({ cantSplit: true, tableHeader: kind === 'head', children: cells.map((c, i) => cellOf(c, kind, widths[i]!)) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.AUTOFIT,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      ...(t.header ? [row(t.header.map((h) => ({ runs: [{ text: h }] })), 'head')] : []),
      ...t.rows.map((r) => row(t.header ? r : r.map((c, i) => (i === 0 ? { ...c, head: true } : c)), 'body')),
      ...(t.foot ?? []).map((r) => row(r, 'foot')),
    ],
  });
}

const PARAGRAPH_STYLE: Record<ParagraphStyle, { run?: IRunOptions; border?: boolean }> = {
  warning: { border: true },
  note: { run: { size: pt(9), color: '333333' } },
  footer: { run: { size: pt(9), color: '555555' } },
};

function paragraphOf(lines: string[], style: ParagraphStyle | undefined): Paragraph {
  const s = style ? PARAGRAPH_STYLE[style] : undefined;
  return new Paragraph({
    ...(s?.border ? { border: { left: { style: BorderStyle.SINGLE, size: 24, color: ALERT, space: 6 } } } : {}),
    spacing: { before: style === 'footer' ? 240 : 60, after: 60 },
    children: lines.map((text, i) => new TextRun({ ...s?.run, text, ...(i > 0 ? { break: 1 } : {}) })),
  });
}

async function chartOf(b: Extract<Block, { kind: 'chart' }>, rasterize: Rasterize): Promise<Paragraph | null> {
  const svg = renderSvg(b.spec.option, b.width, b.height);
  if (svg === null) return null;
  let png: Uint8Array;
  try {
    png = await rasterize(svg, b.width, b.height);
  } catch {
    // as on the printable page, a chart that cannot be drawn is left out and the tables still come
    return null;
  }
  const width = Math.min(b.width, TEXT_WIDTH_PX);
  const children: ParagraphChild[] = [
    new ImageRun({
      type: 'svg',
      data: new TextEncoder().encode(svg),
      fallback: { type: 'png', data: png },
      transformation: { width, height: Math.round((b.height * width) / b.width) },
      altText: { name: b.spec.id, title: b.spec.title, description: b.spec.title },
    }),
  ];
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children });
}

async function blockOf(b: Block, rasterize: Rasterize): Promise<(Paragraph | Table)[]> {
  switch (b.kind) {
    case 'table':
      return [tableOf(b)];
    case 'paragraph':
      return [paragraphOf(b.lines, b.style)];
    case 'list':
      return b.items.map((runs) => new Paragraph({ numbering: { reference: LIST, level: 0 }, children: textRuns(runs) }));
    case 'chart': {
      const p = await chartOf(b, rasterize);
      return p ? [p] : [];
    }
  }
}

async function sectionOf(s: Section, rasterize: Rasterize): Promise<(Paragraph | Table)[]> {
  const blocks = (await Promise.all(s.blocks.map((b) => blockOf(b, rasterize)))).flat();
  if (!blocks.length) return [];
  const heading = s.heading
    ? [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s.heading, ...(s.alert ? { color: ALERT } : {}) })] })]
    : [];
  return [...heading, ...blocks];
}

/** The browser's rasterizer: the SVG as an image on a canvas at twice its size, for print. */
export const canvasRasterize: Rasterize = async (svg, width, height) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('canvas gave no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
};

export async function reportDocx(report: SolveReport, dataset: Dataset, scenario: Scenario, lang: Lang, options: DocxOptions = {}): Promise<Uint8Array> {
  const content = reportContent(report, dataset, scenario, lang, options);
  const rasterize = options.rasterize ?? canvasRasterize;
  const body = (await Promise.all(content.sections.map((s) => sectionOf(s, rasterize)))).flat();
  const language = { value: documentLanguage(lang), eastAsia: 'zh-CN' };
  const doc = new Document({
    title: content.title,
    creator: dataset.name[lang],
    styles: {
      default: {
        document: { run: { font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT }, size: pt(10.5), language } },
        heading1: { run: { font: FONT, size: pt(17), bold: true, color: '111111' }, paragraph: { spacing: { after: 120 }, keepNext: true } },
        heading2: {
          run: { font: FONT, size: pt(13), bold: true, color: '111111' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, border: { bottom: { ...BORDER, space: 1 } } },
        },
      },
    },
    numbering: {
      config: [{ reference: LIST, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 480, hanging: 360 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(content.title)] }), ...body],
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
