/**
 * A write-only SpreadsheetML (.xlsx) writer for the parts our workbook uses:
 * several sheets, shared strings, numbers, booleans, cell and column styles
 * (number format, bold/italic, solid fill, thin bottom border, wrapped and
 * vertically centred text), column widths, frozen top rows, an autofilter and
 * the document's creator, title and creation time. fflate zips the parts.
 *
 * Text is always a shared string: a user's "=HYPERLINK(…)" stays text and is
 * never written as a formula.
 */
import { strToU8, zipSync } from 'fflate';

export type XlsxValue = string | number | boolean | null;

export interface XlsxStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** solid fill, ARGB like 'FFD9E1F2' */
  fill?: string;
  borderBottom?: boolean;
  wrap?: boolean;
  vCenter?: boolean;
}

export interface XlsxCell {
  value: XlsxValue;
  style?: XlsxStyle;
}

export interface XlsxColumn {
  /** in characters, as Excel measures them */
  width: number;
  /** what a value typed later into this column looks like */
  style?: XlsxStyle;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  /** an empty row is a blank line */
  rows: XlsxCell[][];
  frozenRows?: number;
  /** rows 1..n (header included) get filter buttons on the header */
  autoFilterRows?: number;
}

export interface XlsxProps {
  creator: string;
  title: string;
  created: Date;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
/** custom number formats are numbered from 164: lower ids are Excel's built-in formats */
const FIRST_CUSTOM_FMT = 164;

/**
 * Characters XML 1.0 cannot carry (control characters, lone surrogates) are
 * dropped, and a literal "_x0041_" is escaped so Excel does not decode it as "A".
 */
function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** 1 → A, 27 → AA */
export function columnLetters(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Each distinct style becomes one cellXfs entry; fonts, fills, borders and formats are shared. */
class Styles {
  private readonly xfs = new Map<string, number>([['', 0]]);
  private readonly xfXml = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = [`<font>${FONT}</font>`];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];

  id(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify([style.numFmt, style.bold, style.italic, style.fill, style.borderBottom, style.wrap, style.vCenter]);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;

    const numFmtId = style.numFmt === undefined ? 0 : FIRST_CUSTOM_FMT + this.index(this.numFmts, style.numFmt);
    const fontId = style.bold || style.italic ? this.index(this.fonts, `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}${FONT}</font>`) : 0;
    const fillId = style.fill ? this.index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const borderId = style.borderBottom ? this.index(this.borders, '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>') : 0;
    const align = style.wrap || style.vCenter ? `<alignment${style.vCenter ? ' vertical="center"' : ''}${style.wrap ? ' wrapText="1"' : ''}/>` : '';
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const id = this.xfXml.push(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`) - 1;
    this.xfs.set(key, id);
    return id;
  }

  private index(list: string[], item: string): number {
    const i = list.indexOf(item);
    return i >= 0 ? i : list.push(item) - 1;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const fmts = this.numFmts.map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FMT + i}" formatCode="${xmlText(f)}"/>`);
    return (
      `${HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (fmts.length ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfXml) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }

  xml(): string {
    const items = [...this.index.keys()].map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`);
    return `${HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

function cellXml(ref: string, cell: XlsxCell, styles: Styles, strings: SharedStrings): string {
  const s = styles.id(cell.style);
  const sAttr = s ? ` s="${s}"` : '';
  const v = cell.value;
  if (v === null) return s ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Excel has no NaN or infinity: those are written as the text JavaScript prints
  return `<c r="${ref}"${sAttr} t="s"><v>${strings.id(String(v))}</v></c>`;
}

function sheetXml(sheet: XlsxSheet, first: boolean, styles: Styles, strings: SharedStrings): string {
  const width = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const lastRef = `${columnLetters(width)}${Math.max(1, sheet.rows.length)}`;
  const frozen = sheet.frozenRows ?? 0;
  const topLeft = `A${frozen + 1}`;
  const view = frozen
    ? `<pane ySplit="${frozen}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`
    : '';
  const cols = sheet.columns.map((c, i) => {
    const s = styles.id(c.style);
    return `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${s ? ` style="${s}"` : ''}/>`;
  });
  const rows = sheet.rows.map((r, i) => {
    const cells = r.map((c, j) => cellXml(`${columnLetters(j + 1)}${i + 1}`, c, styles, strings)).join('');
    return cells ? `<row r="${i + 1}">${cells}</row>` : '';
  });
  const filter = sheet.autoFilterRows ? `<autoFilter ref="A1:${columnLetters(sheet.columns.length)}${sheet.autoFilterRows}"/>` : '';
  return (
    `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastRef}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${view}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    filter +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The .xlsx file's bytes. Its zip entries carry props.created, so the same input gives the same bytes. */
export function writeXlsx(sheets: XlsxSheet[], props: XlsxProps): Uint8Array {
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((s, i) => sheetXml(s, i === 0, styles, strings));
  const n = sheets.length;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${type}+xml"/>`;
  const when = props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main') +
      sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, 'officedocument.spreadsheetml.worksheet')).join('') +
      override('/xl/styles.xml', 'officedocument.spreadsheetml.styles') +
      override('/xl/sharedStrings.xml', 'officedocument.spreadsheetml.sharedStrings') +
      override('/docProps/core.xml', 'package.core-properties') +
      '</Types>',
    '_rels/.rels':
      `${HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      rel('rId1', `${NS_REL}/officeDocument`, 'xl/workbook.xml') +
      rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
      '</Relationships>',
    'docProps/core.xml':
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${xmlText(props.title)}</dc:title><dc:creator>${xmlText(props.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => rel(`rId${i + 1}`, `${NS_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`)).join('') +
      rel(`rId${n + 1}`, `${NS_REL}/styles`, 'styles.xml') +
      rel(`rId${n + 2}`, `${NS_REL}/sharedStrings`, 'sharedStrings.xml') +
      '</Relationships>',
    ...Object.fromEntries(sheetFiles.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml])),
    'xl/styles.xml': styles.xml(),
    'xl/sharedStrings.xml': strings.xml(),
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])), { level: 6, mtime: props.created });
}
