/**
 * Recommended county quotas as CSV for Excel: UTF-8 with a byte-order mark so
 * Excel shows the Chinese headers, CRLF line ends, one row per county × mineral.
 */
import Papa from 'papaparse';
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { SolveReport } from '../model/report';
import exportDict from '../ui/i18n/dict/export';
import { countyRows } from './rows';
import { translatorFor } from './tr';

export const BOM = '\uFEFF';

export const COUNTY_COLUMNS = [
  'county',
  'countyId',
  'mineral',
  'mineralId',
  'unit',
  'volume',
  'large',
  'medium',
  'small',
  'minesTotal',
  'cap',
] as const;

export function countyQuotasCsv(report: SolveReport, dataset: Dataset, lang: Lang): string {
  const tr = translatorFor(exportDict, lang);
  const fields = COUNTY_COLUMNS.map((c) => tr(`export.col.${c}`));
  const data = countyRows(report, dataset, lang).map((r) => COUNTY_COLUMNS.map((c) => r[c] ?? ''));
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false, escapeFormulae: true }) + '\r\n';
}
