/**
 * The recommended plan as an Excel workbook: county quotas, zones, KPIs
 * against targets, scenario parameters, binding constraints (or, for an
 * infeasible scenario, the relaxations that would make it feasible) and the
 * run's provenance. Bold frozen headers, number formats, widths that fit.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { hasSolution, type SolveReport } from '../model/report';
import type { Scenario } from '../domain/scenario';
import { RANGE_COLUMNS } from './csv';
import { bindingWorth, familyText, kpiLabel, planKpis, relaxationText, shareShortfallText, solveStatusLine, statusText, tieBreakText, unitText, type KpiStatus } from '../present/kpis';
import { clean, fmt } from '../present/names';
import { countyRows, demandRows, flowRows, zoneRows } from '../present/rows';
import { flattenScenario } from './scenario';
import { writeXlsx, type XlsxCell, type XlsxSheet, type XlsxStyle } from './xlsx-writer';
import { presentTr, type KeysUnder } from '../present/words';

export interface WorkbookOptions {
  /** export time written to the Run sheet; defaults to now */
  now?: Date;
}

type Cell = string | number | boolean | null;
interface Col {
  header: string;
  numFmt?: string;
  minWidth?: number;
}

const FMT_VOLUME = '#,##0.00##';
const FMT_COUNT = '#,##0';
const FMT_PCT = '0.0%';
const FMT_CHANGE = '+#,##0.00##;-#,##0.00##;0';

const HEADER_STYLE: XlsxStyle = { bold: true, vCenter: true, wrap: true, fill: 'FFD9E1F2', borderBottom: true };
const NOTE_STYLE: XlsxStyle = { italic: true };

const STATUS_FILL: Record<KpiStatus, string | null> = {
  ok: 'FFE2F0D9',
  near: 'FFFFF2CC',
  at: 'FFF8CBAD',
  over: 'FFF4B183',
  under: 'FFF4B183',
  none: null,
};

/** Display width of a value: CJK characters take two columns in Excel. */
function textWidth(v: Cell, numFmt?: string): number {
  if (v === null) return 0;
  if (typeof v === 'number') return (numFmt === FMT_PCT ? (v * 100).toFixed(1) + '%' : fmt(v, 'en', 4)).length;
  let w = 0;
  for (const ch of String(v)) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** A header row (bold, filled, frozen, with filter buttons) over the rows, each column formatted and as wide as its widest value. */
function table(name: string, cols: Col[], rows: Cell[][]): XlsxSheet {
  return {
    name,
    columns: cols.map((c, i) => {
      const widest = Math.max(textWidth(c.header), ...rows.map((r) => textWidth(r[i] ?? null, c.numFmt)));
      return { width: Math.min(60, Math.max(c.minWidth ?? 8, widest + 2)), style: c.numFmt ? { numFmt: c.numFmt } : undefined };
    }),
    rows: [
      cols.map((c) => ({ value: c.header, style: HEADER_STYLE })),
      ...rows.map((r) => r.map((value, i): XlsxCell => ({ value, style: cols[i]?.numFmt ? { numFmt: cols[i].numFmt } : undefined }))),
    ],
    frozenRows: 1,
    autoFilterRows: rows.length > 0 ? rows.length + 1 : undefined,
  };
}

/** Sentences under a table, after a blank row, in italics. */
function addNotes(sheet: XlsxSheet, notes: string[]): void {
  if (notes.length === 0) return;
  sheet.rows.push([], ...notes.map((n) => [{ value: n, style: NOTE_STYLE }]));
}

/** Excel forbids []:*?/\ in sheet names and limits them to 31 characters. */
function sheetName(s: string): string {
  return s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export async function workbookXlsx(report: SolveReport, dataset: Dataset, scenario: Scenario, lang: Lang, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const tr = presentTr(lang);
  const col = (k: KeysUnder<'export.col.'>, numFmt?: string, minWidth?: number): Col => ({ header: tr(`export.col.${k}`), numFmt, minWidth });
  const yesNo = (b: boolean) => tr(b ? 'export.yes' : 'export.no');
  const sheets: XlsxSheet[] = [];
  const addTable = (...args: Parameters<typeof table>): XlsxSheet => {
    const sheet = table(...args);
    sheets.push(sheet);
    return sheet;
  };

  const status = solveStatusLine(report, lang);
  const tieBreak = tieBreakText(report, lang);
  const shortfall = shareShortfallText(report, lang);
  const ranges = report.ranges !== undefined;
  const counties = addTable(
    sheetName(tr('export.sheet.counties')),
    [
      col('county'), col('countyId'), col('mineral'), col('mineralId'), col('unit'), col('volume', FMT_VOLUME),
      col('output2020', FMT_VOLUME), col('change', FMT_CHANGE), col('rights2020', FMT_COUNT),
      col('large', FMT_COUNT), col('medium', FMT_COUNT), col('small', FMT_COUNT), col('minesTotal', FMT_COUNT), col('cap', FMT_VOLUME),
      ...(ranges ? RANGE_COLUMNS.map((c) => col(c, c === 'rangeNote' ? undefined : FMT_VOLUME)) : []),
    ],
    countyRows(report, dataset, lang).map((r) => [
      r.county, r.countyId, r.mineral, r.mineralId, r.unit, r.volume, r.output2020, r.change, r.rights2020, r.large, r.medium, r.small, r.minesTotal, r.cap,
      ...(ranges ? [r.rangeMin, r.rangeMax, r.rangeNote || null] : []),
    ]),
  );
  addNotes(counties, [`${tr('export.run.status')}: ${status}`, tieBreak, ...(ranges ? [tr('export.range.meaning')] : [])]);

  addTable(
    sheetName(tr('export.sheet.zones')),
    [col('zone'), col('zoneName'), col('county'), col('mineral'), col('unit'), col('areaKm2', '#,##0.00'), col('volume', FMT_VOLUME), col('mines', FMT_COUNT), col('capacityUse', FMT_PCT), col('excluded')],
    zoneRows(report, dataset, lang).map((z) => [z.zoneId, z.zoneName, z.county, z.mineral, z.unit, z.areaKm2, z.volume, z.mines, z.capacityUse, yesNo(z.excluded)]),
  );

  const demand = demandRows(report, dataset, lang);
  if (demand.length > 0) {
    addTable(
      sheetName(tr('export.sheet.demand')),
      [col('county'), col('countyId'), col('mineral'), col('mineralId'), col('unit'), col('demand', FMT_VOLUME), col('supplied', FMT_VOLUME), col('unmet', FMT_VOLUME)],
      demand.map((x) => [x.county, x.countyId, x.mineral, x.mineralId, x.unit, x.demand, x.supplied, x.unmet]),
    );
  }
  if (report.flows !== undefined && hasSolution(report)) {
    const flows = flowRows(report, dataset, lang);
    const sheet = addTable(
      sheetName(tr('export.sheet.flows')),
      [col('from'), col('fromId'), col('to'), col('toId'), col('mineral'), col('mineralId'), col('unit'), col('amount', FMT_VOLUME), col('km', FMT_COUNT)],
      flows.map((f) => [f.from, f.fromId, f.to, f.toId, f.mineral, f.mineralId, f.unit, f.amount, f.km]),
    );
    addNotes(sheet, [...(flows.length === 0 ? [tr('export.flows.none')] : []), tr('export.flows.note')]);
  }

  const kpis = planKpis(report, dataset);
  const kpiSheet = addTable(
    sheetName(tr('export.sheet.kpis')),
    [col('indicator'), col('unit'), col('value'), col('limitKind'), col('limit'), col('ratio', FMT_PCT), col('status')],
    kpis.map((k) => [
      kpiLabel(k, dataset, lang),
      unitText(k.unit, lang),
      k.value === null ? null : clean(k.value),
      tr(`export.kind.${k.kind}`),
      k.limit === null ? null : clean(k.limit),
      k.ratio === null ? null : clean(k.ratio),
      statusText(k.status, k.kind, lang),
    ]),
  );
  kpis.forEach((k, i) => {
    const row = kpiSheet.rows[i + 1]!;
    const numFmt = k.unit === 'share' ? FMT_PCT : k.unit === 'mines' ? FMT_COUNT : FMT_VOLUME;
    row[2]!.style = { numFmt };
    row[4]!.style = { numFmt };
    const fill = STATUS_FILL[k.status];
    if (fill) row[6]!.style = { fill };
  });
  if (shortfall) addNotes(kpiSheet, [shortfall]);

  const params = addTable(
    sheetName(tr('export.sheet.scenario')),
    [col('key', undefined, 24), col('paramValue', undefined, 12)],
    flattenScenario(scenario).map((p) => [p.key, p.value]),
  );
  addNotes(params, [tr('export.run.defaultsNote')]);

  if (report.explanation.length > 0) {
    addTable(
      sheetName(tr('export.sheet.explanation')),
      [col('constraint'), col('indicator'), col('relaxBy', FMT_VOLUME), col('unit'), col('sentence')],
      report.explanation.map((r) => [r.constraint, tr(r.label.key, r.label.params), clean(r.relaxBy), unitLabel(r.unit, lang), relaxationText(r, lang)]),
    );
  }
  if (report.binding.length > 0) {
    addTable(
      sheetName(tr('export.sheet.binding')),
      [col('constraint'), col('indicator'), col('family'), col('slack', '0.####'), col('dual', '0.######'), col('unit'), col('worth')],
      report.binding.map((b) => [b.constraint, tr(b.label.key, b.label.params), familyText(b.family, lang), clean(b.slack), b.dual === null ? null : b.dual, unitLabel(b.unit, lang), bindingWorth(b, lang)]),
    );
  }

  const now = options.now ?? new Date();
  const run = addTable(
    sheetName(tr('export.sheet.run')),
    [col('item'), col('paramValue', undefined, 16)],
    [
      [tr('export.run.scenario'), scenario.name],
      ...(scenario.description ? [[tr('export.run.description'), scenario.description] as Cell[]] : []),
      [tr('export.run.model'), `${dataset.name[lang]} (${dataset.id} ${dataset.version})`],
      [tr('export.run.modelVersion'), report.modelVersion],
      [tr('export.run.status'), status],
      [tr('export.run.gap'), report.gap ?? '—'],
      ...(hasSolution(report) ? [[tr('export.run.tieBreak'), tieBreak] as Cell[]] : []),
      ...(shortfall ? [[tr('export.run.shareShortfall'), shortfall] as Cell[]] : []),
      [tr('export.run.objective'), hasSolution(report) && report.objective !== null ? report.objective : '—'],
      [tr('export.run.solveTime'), Math.round(report.solveTimeMs)],
      [tr('export.run.size'), `${report.size.variables} / ${report.size.integers} / ${report.size.constraints}`],
      [tr('export.run.exported'), now.toISOString()],
    ],
  );
  for (const row of run.rows) {
    if (row[0]?.value === tr('export.run.gap') && typeof row[1]?.value === 'number') row[1].style = { numFmt: '0.00##%' };
  }

  return writeXlsx(sheets, { creator: 'Hotan quota workbench', title: scenario.name, created: now });
}
