/**
 * The rows every export writes, in the plan's order (counties as the plan
 * lists them, then minerals), built once so CSV, XLSX and report agree.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { QuotaRange, SolveReport } from '../model/report';
import { clean, count, countyName, fmt, mineralName, mineralUnit, orderBy, zoneName } from './names';
import { presentTr } from './words';

export interface CountyRow {
  /** null: the prefecture's own zones that the plan assigns to no county */
  countyId: string | null;
  county: string;
  mineralId: string;
  mineral: string;
  /** the mineral's unit as read in the row's language (English: 10⁴ m³, 10⁴ t, t); every unit field of these rows is */
  unit: string;
  volume: number;
  large: number;
  medium: number;
  small: number;
  minesTotal: number;
  cap: number | null;
  /** 2020 output (专栏6 shared by 专栏5 rights, a stated proxy); null for runs of model v1 */
  output2020: number | null;
  /** volume − output2020 */
  change: number | null;
  /** valid rights in 2020 (专栏5); null for runs of model v1 */
  rights2020: number | null;
  /** the least and most the quota reached while the goal stays within the tolerance; null without ranges */
  rangeMin: number | null;
  rangeMax: number | null;
  /** what is not proven about the range's ends, in words; '' when both are proven or there is no range */
  rangeNote: string;
}

export interface DemandRow {
  /** null: demand of the whole prefecture (no haul modelled) */
  countyId: string | null;
  county: string;
  mineralId: string;
  mineral: string;
  unit: string;
  demand: number;
  supplied: number;
  unmet: number;
}

/** A shipment from one county's mines to another county's demand (own supply is not one). */
export interface FlowRow {
  fromId: string;
  from: string;
  toId: string;
  to: string;
  mineralId: string;
  mineral: string;
  unit: string;
  amount: number;
  km: number;
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

/** Unproven ends of a range in words (a planner-given limit cut the probes): the true end lies between the value found and the bound the probes proved. */
export function rangeNote(r: QuotaRange | undefined, lang: Lang): string {
  if (!r) return '';
  const tr = presentTr(lang);
  const end = (side: 'min' | 'max', value: number | null, proven: boolean | undefined, bound: number | null | undefined) => {
    if (value === null) return tr(`export.range.${side}Missing`, { bound: fmt(bound, lang) });
    return proven === false ? tr(`export.range.${side}Open`, { value: fmt(value, lang), bound: fmt(bound, lang) }) : '';
  };
  return [end('min', r.min, r.minProven, r.minBound), end('max', r.max, r.maxProven, r.maxBound)].filter(Boolean).join(tr('export.range.sep'));
}

const plain = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : clean(x));

export function countyRows(report: SolveReport, d: Dataset, lang: Lang): CountyRow[] {
  const units = d.units.map((u) => u.id);
  const minerals = d.minerals.map((m) => m.id);
  const byUnit = orderBy<{ county: string | null }>(units, (c) => c.county);
  const byMineral = orderBy<{ mineral: string }>(minerals, (c) => c.mineral);
  const rangeOf = (county: string | null, mineral: string) => report.ranges?.find((g) => g.county === county && g.mineral === mineral);
  return [...report.counties]
    .sort((a, b) => byUnit(a, b) || byMineral(a, b) || (a.county ?? '').localeCompare(b.county ?? '') || a.mineral.localeCompare(b.mineral))
    .map((c) => {
      const total = report.totals[c.mineral];
      const large = count(c.mines.large);
      const medium = count(c.mines.medium);
      const small = count(c.mines.small);
      const output2020 = plain(c.output2020);
      const range = rangeOf(c.county, c.mineral);
      return {
        countyId: c.county,
        county: countyName(d, c.county, lang),
        mineralId: c.mineral,
        mineral: mineralName(d, c.mineral, lang),
        unit: mineralUnit(d, c.mineral, lang, total?.unit ?? ''),
        volume: clean(c.volume),
        large,
        medium,
        small,
        minesTotal: large + medium + small,
        cap: total?.cap === null || total?.cap === undefined ? null : clean(total.cap),
        output2020,
        change: output2020 === null ? null : clean(c.volume - output2020),
        rights2020: c.rights2020 ?? null,
        rangeMin: plain(range?.min),
        rangeMax: plain(range?.max),
        rangeNote: rangeNote(range, lang),
      };
    });
}

/** Demand per county and mineral, then the prefecture's own demand lines; empty for runs of model v1. */
export function demandRows(report: SolveReport, d: Dataset, lang: Lang): DemandRow[] {
  const byUnit = orderBy<{ county: string | null }>(d.units.map((u) => u.id), (x) => x.county);
  const byMineral = orderBy<{ mineral: string }>(d.minerals.map((m) => m.id), (x) => x.mineral);
  const tr = presentTr(lang);
  return [...(report.demand ?? [])]
    .sort((a, b) => byUnit(a, b) || byMineral(a, b))
    .map((x) => ({
      countyId: x.county,
      county: x.county === null ? tr('export.demand.prefecture') : countyName(d, x.county, lang),
      mineralId: x.mineral,
      mineral: mineralName(d, x.mineral, lang),
      unit: mineralUnit(d, x.mineral, lang, report.totals[x.mineral]?.unit ?? ''),
      demand: clean(x.demand),
      supplied: clean(x.supplied),
      unmet: clean(x.unmet),
    }));
}

/** Shipments between counties, by mineral, then from and to in the plan's county order; a county's own supply is left out. */
export function flowRows(report: SolveReport, d: Dataset, lang: Lang): FlowRow[] {
  const units = d.units.map((u) => u.id);
  const byMineral = orderBy<{ mineral: string }>(d.minerals.map((m) => m.id), (x) => x.mineral);
  const byFrom = orderBy<{ from: string }>(units, (x) => x.from);
  const byTo = orderBy<{ to: string }>(units, (x) => x.to);
  return (report.flows ?? [])
    .filter((f) => f.from !== f.to && clean(f.amount) > 0)
    .sort((a, b) => byMineral(a, b) || byFrom(a, b) || byTo(a, b))
    .map((f) => ({
      fromId: f.from,
      from: countyName(d, f.from, lang),
      toId: f.to,
      to: countyName(d, f.to, lang),
      mineralId: f.mineral,
      mineral: mineralName(d, f.mineral, lang),
      unit: mineralUnit(d, f.mineral, lang, report.totals[f.mineral]?.unit ?? ''),
      amount: clean(f.amount),
      km: clean(f.km),
    }));
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
      unit: mineralUnit(d, z.mineral, lang, report.totals[z.mineral]?.unit ?? ''),
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
