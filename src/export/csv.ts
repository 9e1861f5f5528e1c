/**
 * Recommended county quotas as CSV for Excel: UTF-8 with a byte-order mark so
 * Excel shows the Chinese headers, CRLF line ends, one row per county × mineral.
 * Each row carries the 2020 figures, the quota's range when the run has one,
 * and the run's status and tie-break in words, so that a row copied out of
 * the file still says whether it was proven.
 *
 * The file opens with a block of `# key,value` lines (scenario, plan data,
 * model version, status, run and export time, how totals are rounded) and a
 * blank line: Excel and WPS show it as two columns above the table, and a
 * reader skips it as comments (Papa.parse with `comments: '#'`). Below the
 * county rows, one total row per mineral in the same columns, rounded as the
 * plan prints its quotas (专栏20).
 */
import Papa from 'papaparse';
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import { roundAsPlan } from '../domain/units';
import { hasSolution, type SolveReport } from '../model/report';
import { reportMinerals, solveStatusLine, tieBreakText } from '../present/kpis';
import { clean, mineralMeasure, mineralName, mineralUnit } from '../present/names';
import { countyRows, type CountyRow } from '../present/rows';
import { presentTr } from '../present/words';

export const BOM = '\uFEFF';

/** Starts each line of the header block; a reader passes it as `comments` to skip the block. */
const CSV_META_PREFIX = '#';

export const COUNTY_COLUMNS = [
  'county',
  'countyId',
  'mineral',
  'mineralId',
  'unit',
  'volume',
  'output2020',
  'change',
  'rights2020',
  'large',
  'medium',
  'small',
  'minesTotal',
  'cap',
] as const satisfies readonly (keyof CountyRow)[];

/** Written only when the report has ranges. */
export const RANGE_COLUMNS = ['rangeMin', 'rangeMax', 'rangeNote'] as const satisfies readonly (keyof CountyRow)[];

export interface CsvMeta {
  /** the scenario's name as the planner sees it */
  scenario?: string;
  /** when the run was solved; the export time stands alone without it */
  ranAt?: Date;
  /** export time; defaults to now */
  now?: Date;
}

const UNPARSE = { newline: '\r\n', escapeFormulae: true } as const;

type Cell = string | number | null;

/** One row per mineral: the report's total volume and cap, the counties' 2020 figures and mines summed; figures rounded as the plan prints them. */
function totalRows(report: SolveReport, d: Dataset, lang: Lang, rows: CountyRow[], label: string): Partial<Record<keyof CountyRow, Cell>>[] {
  return reportMinerals(report, d).map((m) => {
    const of = rows.filter((r) => r.mineralId === m);
    const total = report.totals[m];
    const measure = mineralMeasure(d, m, total?.unit ?? '');
    const round = (x: number | null) => (x === null ? null : roundAsPlan(x, measure));
    const sum = (k: 'output2020' | 'rights2020') => (of.every((r) => r[k] === null) ? null : of.reduce((a, r) => a + (r[k] ?? 0), 0));
    const volume = clean(total?.volume ?? of.reduce((a, r) => a + r.volume, 0));
    const output2020 = sum('output2020');
    const count = (k: 'large' | 'medium' | 'small' | 'minesTotal') => of.reduce((a, r) => a + r[k], 0);
    return {
      county: label,
      mineral: mineralName(d, m, lang),
      mineralId: m,
      unit: mineralUnit(d, m, lang, total?.unit ?? ''),
      volume: round(volume),
      output2020: round(output2020),
      change: output2020 === null ? null : round(volume - output2020),
      rights2020: sum('rights2020'),
      large: count('large'),
      medium: count('medium'),
      small: count('small'),
      minesTotal: count('minesTotal'),
      cap: total?.cap === null || total?.cap === undefined ? null : round(total.cap),
    };
  });
}

export function countyQuotasCsv(report: SolveReport, dataset: Dataset, lang: Lang, meta: CsvMeta = {}): string {
  const tr = presentTr(lang);
  const columns = [...COUNTY_COLUMNS, ...(report.ranges ? RANGE_COLUMNS : [])];
  const fields = [...columns.map((c) => tr(`export.col.${c}`)), tr('export.run.status'), tr('export.run.tieBreak')];
  const status = solveStatusLine(report, lang);
  const tieBreak = tieBreakText(report, lang);
  const rows = countyRows(report, dataset, lang);
  const line = (r: Partial<Record<keyof CountyRow, Cell>>) => [...columns.map((c) => r[c] ?? ''), status, tieBreak];
  // an infeasible run has no allocation to total
  const totals = hasSolution(report) ? totalRows(report, dataset, lang, rows, tr('units.csv.total')) : [];
  const data = [...rows.map(line), ...totals.map(line)];

  const header: [string, string | number][] = [
    ...(meta.scenario === undefined ? [] : [[tr('export.run.scenario'), meta.scenario] as [string, string]]),
    [tr('export.run.model'), `${dataset.name[lang]} (${dataset.id} ${dataset.version})`],
    [tr('export.run.modelVersion'), report.modelVersion],
    [tr('export.run.status'), status],
    [tr('export.run.solveTime'), Math.round(report.solveTimeMs)],
    ...(meta.ranAt ? [[tr('units.csv.ranAt'), meta.ranAt.toISOString()] as [string, string]] : []),
    [tr('export.run.exported'), (meta.now ?? new Date()).toISOString()],
    ...(totals.length > 0 ? [[tr('units.csv.total'), tr('units.csv.rounding')] as [string, string]] : []),
  ];
  const block = Papa.unparse(
    header.map(([k, v]) => [`${CSV_META_PREFIX} ${k}`, v]),
    { ...UNPARSE, quotes: false },
  );
  // A county named "#…" would read as a comment line: its first cell is quoted.
  const table = Papa.unparse({ fields, data }, { ...UNPARSE, quotes: (v: unknown, i: number) => i === 0 && String(v).startsWith(CSV_META_PREFIX) });
  return `${BOM}${block}\r\n\r\n${table}\r\n`;
}
