/**
 * Recommended county quotas as CSV for Excel: UTF-8 with a byte-order mark so
 * Excel shows the Chinese headers, CRLF line ends, one row per county × mineral.
 * Each row carries the 2020 figures, the quota's range when the run has one,
 * and the run's status and tie-break in words, so that a row copied out of
 * the file still says whether it was proven.
 */
import Papa from 'papaparse';
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { SolveReport } from '../model/report';
import exportDict from '../ui/i18n/dict/export';
import { solveStatusLine, tieBreakText } from './kpis';
import { countyRows, type CountyRow } from './rows';
import { translatorFor } from './tr';

export const BOM = '\uFEFF';

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

export function countyQuotasCsv(report: SolveReport, dataset: Dataset, lang: Lang): string {
  const tr = translatorFor(exportDict, lang);
  const columns = [...COUNTY_COLUMNS, ...(report.ranges ? RANGE_COLUMNS : [])];
  const fields = [...columns.map((c) => tr(`export.col.${c}`)), tr('export.run.status'), tr('export.run.tieBreak')];
  const status = solveStatusLine(report, lang);
  const tieBreak = tieBreakText(report, lang);
  const data = countyRows(report, dataset, lang).map((r) => [...columns.map((c) => r[c] ?? ''), status, tieBreak]);
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false, escapeFormulae: true }) + '\r\n';
}
