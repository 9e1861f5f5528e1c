/**
 * The rows every export writes, in the plan's order (counties as the plan
 * lists them, then minerals), built once so CSV, XLSX and report agree.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { SolveReport } from '../model/report';
import { clean, count, countyName, mineralName, mineralUnit, orderBy, zoneName } from './names';

export interface CountyRow {
  /** null: the prefecture's own zones that the plan assigns to no county */
  countyId: string | null;
  county: string;
  mineralId: string;
  mineral: string;
  unit: string;
  volume: number;
  large: number;
  medium: number;
  small: number;
  minesTotal: number;
  cap: number | null;
}

export interface ZoneRow {
  zoneId: string;
  zoneName: string;
  countyId: string | null;
  county: string;
  mineralId: string;
  mineral: string;
  unit: string;
  areaKm2: number | null;
  volume: number;
  mines: number;
  capacityUse: number | null;
  excluded: boolean;
}

export function countyRows(report: SolveReport, d: Dataset, lang: Lang): CountyRow[] {
  const units = d.units.map((u) => u.id);
  const minerals = d.minerals.map((m) => m.id);
  const byUnit = orderBy<{ county: string | null }>(units, (c) => c.county);
  const byMineral = orderBy<{ mineral: string }>(minerals, (c) => c.mineral);
  return [...report.counties]
    .sort((a, b) => byUnit(a, b) || byMineral(a, b) || (a.county ?? '').localeCompare(b.county ?? '') || a.mineral.localeCompare(b.mineral))
    .map((c) => {
      const total = report.totals[c.mineral];
      const large = count(c.mines.large);
      const medium = count(c.mines.medium);
      const small = count(c.mines.small);
      return {
        countyId: c.county,
        county: countyName(d, c.county, lang),
        mineralId: c.mineral,
        mineral: mineralName(d, c.mineral, lang),
        unit: mineralUnit(d, c.mineral, total?.unit ?? ''),
        volume: clean(c.volume),
        large,
        medium,
        small,
        minesTotal: large + medium + small,
        cap: total?.cap === null || total?.cap === undefined ? null : clean(total.cap),
      };
    });
}

export function zoneRows(report: SolveReport, d: Dataset, lang: Lang): ZoneRow[] {
  const zones = d.table23.zones.map((z) => z.id);
  return [...report.zones].sort(orderBy(zones, (z) => z.zone)).map((z) => {
    const zone = d.table23.zones.find((x) => x.id === z.zone);
    return {
      zoneId: z.zone,
      zoneName: zoneName(d, z.zone),
      countyId: z.county,
      county: countyName(d, z.county, lang),
      mineralId: z.mineral,
      mineral: mineralName(d, z.mineral, lang),
      unit: mineralUnit(d, z.mineral, report.totals[z.mineral]?.unit ?? ''),
      areaKm2: zone?.areaKm2 ?? null,
      volume: clean(z.volume),
      mines: count(z.mines),
      capacityUse: z.capacityUse === null ? null : clean(z.capacityUse),
      excluded: z.excluded,
    };
  });
}

/** Mines per size class per mineral, summed over counties. */
export function minesByClass(report: SolveReport): Record<string, { large: number; medium: number; small: number }> {
  const out: Record<string, { large: number; medium: number; small: number }> = {};
  for (const c of report.counties) {
    const m = (out[c.mineral] ??= { large: 0, medium: 0, small: 0 });
    m.large += count(c.mines.large);
    m.medium += count(c.mines.medium);
    m.small += count(c.mines.small);
  }
  return out;
}
