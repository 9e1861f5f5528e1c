/**
 * Resolves what the model needs from the plan tables, the model's assumptions
 * and the scenario's overrides, keeping the plan figure and its source beside
 * every number so that the editor and the report can show where it came from.
 * Pure: knows nothing of Hotan beyond what the dataset says.
 */
import type { AssumptionValue, Dataset, Mineral, SizeClass, Zone } from '../domain/dataset';
import { SIZE_CLASSES } from '../domain/dataset';
import type { Bound, CapSource, ObjectiveTerm, Scenario } from '../domain/scenario';
import { OBJECTIVE_TERMS } from '../domain/scenario';
import { convert, parsePlanUnit, type Measure } from '../domain/units';
import { OBJECTIVE_PRESET_WEIGHTS } from './objective-presets';

export interface PlanFigure {
  source: string;
  value: number;
  unitText: string;
  /** the figure in the mineral's model unit, null when its unit cannot be converted */
  inModelUnit: number | null;
  /** the printed unit is taken as a misprint for the mineral's own unit (assumption unitMisprints) */
  readAsMisprint: boolean;
}

export interface CapInput {
  max: number | null;
  min: number | null;
  source: CapSource | 'scenario' | null;
  planFigures: PlanFigure[];
}

export interface ScaleClass {
  min: number;
  max: number;
}

export interface ZoneInput {
  zone: Zone;
  excluded: boolean;
  volumeCapacity: number;
  maxMines: number;
}

export interface ModelInputs {
  minerals: Mineral[];
  /** county ids in the plan's column order */
  unitOrder: string[];
  caps: Record<string, CapInput>;
  /** size classes available per mineral; a class the plan marks "-" is absent */
  scale: Record<string, Partial<Record<SizeClass, ScaleClass>>>;
  rightsCaps: { class3: number; class12: number; total: number };
  /** class-1/2 and class-3 mines of minerals outside the model, held fixed (专栏5) */
  fixedMines: { class3: number; class12: number };
  share: { min: number; minerals: string[] };
  reserveLimit: Record<string, { limit: number; reserve: number; years: number; sources: string[] } | null>;
  zones: ZoneInput[];
  existingRights: Record<string, Record<string, number>>;
  allowNewOutsideZones: boolean;
  valuePerUnit: Record<string, number>;
  countyBounds: Record<string, Record<string, Bound>>;
  demand: {
    enabled: boolean;
    radiusKm: number;
    perCounty: Record<string, Record<string, number>>;
  };
  roadKm: Record<string, Record<string, number>>;
  reference: Record<string, Record<string, number>>;
  weights: Record<ObjectiveTerm, number>;
  timeLimitSec: number;
}

export const DEFAULT_TIME_LIMIT_SEC = 60;
export const DEFAULT_RADIUS_KM = 100;

export class ModelInputError extends Error {}

/** The scenario's value of an assumption if it sets one, else the model's. */
export function assumption(d: Dataset, s: Scenario, id: string): AssumptionValue | undefined {
  return s.assumptions?.[id] ?? d.assumptions.find((a) => a.id === id)?.value;
}

function numberMap(d: Dataset, s: Scenario, id: string): Record<string, number> {
  const v = assumption(d, s, id);
  if (v === undefined) return {};
  if (typeof v === 'number') throw new ModelInputError(`assumption "${id}" must be a map, not a number`);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'number') throw new ModelInputError(`assumption "${id}.${k}" must be a number`);
    out[k] = x;
  }
  return out;
}

function matrix(d: Dataset, s: Scenario, id: string): Record<string, Record<string, number>> {
  const v = assumption(d, s, id);
  if (v === undefined) return {};
  if (typeof v === 'number') throw new ModelInputError(`assumption "${id}" must be a matrix`);
  const out: Record<string, Record<string, number>> = {};
  for (const [k, row] of Object.entries(v)) {
    if (typeof row === 'number') throw new ModelInputError(`assumption "${id}.${k}" must be a map`);
    out[k] = row;
  }
  return out;
}

function toModelUnit(value: number, unitText: string, m: Mineral, density: Record<string, number>): number | null {
  const unit: Measure | null = parsePlanUnit(unitText);
  if (unit === null) return null;
  try {
    return convert(value, unit, m.unit, density[m.id]);
  } catch {
    return null;
  }
}

/**
 * A cap figure in the mineral's unit. Where the `unitMisprints` assumption
 * says a table's printed unit is a misprint, the figure is read in the
 * mineral's own unit instead of being converted.
 */
function capFigure(table: CapSource, source: string, value: number, unitText: string, m: Mineral, density: Record<string, number>, misprints: Record<string, Record<string, number>>): PlanFigure {
  const misprint = misprints[table]?.[m.id] === 1;
  return { source, value, unitText, inModelUnit: misprint ? value : toModelUnit(value, unitText, m, density), readAsMisprint: misprint };
}

function capInputs(d: Dataset, s: Scenario, density: Record<string, number>): Record<string, CapInput> {
  const capSource: CapSource = s.capSource ?? 'table20';
  const misprints = matrix(d, s, 'unitMisprints');
  const out: Record<string, CapInput> = {};
  for (const m of d.minerals) {
    const from20 = d.table20.rows
      .filter((r) => r.mineral === m.id)
      .map((r) => capFigure('table20', d.table20.source, r.target2025, r.unitText, m, density, misprints));
    const from11 = d.table11.rows
      .filter((r) => r.mineral === m.id)
      .map((r) => capFigure('table11', d.table11.source, r.target, r.unitText, m, density, misprints));
    const preferred = capSource === 'table20' ? [from20, from11] : [from11, from20];
    const chosen = preferred.flat().find((f) => f.inModelUnit !== null);
    const override = s.caps?.[m.id];
    const planMax = chosen?.inModelUnit ?? null;
    const planSource: CapSource | null = chosen ? (chosen.source === d.table20.source ? 'table20' : 'table11') : null;
    if (override === undefined) {
      out[m.id] = { max: planMax, min: null, source: planSource, planFigures: [...from20, ...from11] };
    } else if (typeof override === 'number') {
      out[m.id] = { max: override, min: null, source: 'scenario', planFigures: [...from20, ...from11] };
    } else {
      out[m.id] = {
        max: override.max ?? planMax,
        min: override.min ?? null,
        source: override.max !== undefined ? 'scenario' : planSource,
        planFigures: [...from20, ...from11],
      };
    }
  }
  return out;
}

/** 专栏21 gives each class's minimum; a class's maximum is the next class's minimum. */
function scaleInputs(d: Dataset, s: Scenario): ModelInputs['scale'] {
  const largest = numberMap(d, s, 'maxScaleLarge');
  const out: ModelInputs['scale'] = {};
  for (const m of d.minerals) {
    const row = d.table21.rows.find((r) => r.mineral === m.id);
    const fallback = numberMap(d, s, `${m.id}Scale`);
    const planMin: Partial<Record<SizeClass, number | null>> = row
      ? { large: row.large, medium: row.medium, small: row.small }
      : { large: fallback.large ?? null, medium: fallback.medium ?? null, small: fallback.small ?? null };
    const mins: Partial<Record<SizeClass, number>> = {};
    for (const k of SIZE_CLASSES) {
      const v = s.minScale?.[m.id]?.[k] ?? planMin[k];
      if (v !== null && v !== undefined) mins[k] = v;
    }
    const classes: Partial<Record<SizeClass, ScaleClass>> = {};
    const order: SizeClass[] = ['small', 'medium', 'large'];
    order.forEach((k, i) => {
      const min = mins[k];
      if (min === undefined) return;
      const next = order.slice(i + 1).map((n) => mins[n]).find((x) => x !== undefined);
      const max = s.maxScale?.[m.id]?.[k] ?? next ?? largest[m.id];
      if (max === undefined) throw new ModelInputError(`no largest scale for ${m.id}: set assumption maxScaleLarge.${m.id}`);
      classes[k] = { min, max };
    });
    if (Object.keys(classes).length === 0) throw new ModelInputError(`no size classes for mineral ${m.id}`);
    out[m.id] = classes;
  }
  return out;
}

function existingRights(d: Dataset): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of d.table5.rows) {
    if (row.mineral === null) continue;
    for (const [unit, n] of Object.entries(row.counts)) {
      const byMineral = (out[unit] ??= {});
      byMineral[row.mineral] = (byMineral[row.mineral] ?? 0) + n;
    }
  }
  return out;
}

function fixedMines(d: Dataset): ModelInputs['fixedMines'] {
  const outside = d.table5.rows.filter((r) => r.mineral === null && r.solid);
  const sum = (cls: string) => outside.filter((r) => r.rightsClass === cls).reduce((a, r) => a + r.total, 0);
  return { class3: sum('class3'), class12: sum('class12') };
}

function reserveLimits(d: Dataset, density: Record<string, number>): ModelInputs['reserveLimit'] {
  const out: ModelInputs['reserveLimit'] = {};
  for (const m of d.minerals) {
    const years = d.table21.rows.find((r) => r.mineral === m.id)?.minServiceYears ?? null;
    const rows = d.table4.rows.filter((r) => r.mineral === m.id);
    const converted = rows.map((r) => toModelUnit(r.reserve, r.unitText, m, density));
    if (years === null || rows.length === 0 || converted.some((c) => c === null)) {
      out[m.id] = null;
      continue;
    }
    const reserve = converted.reduce<number>((a, c) => a + (c ?? 0), 0);
    out[m.id] = { limit: reserve / years, reserve, years, sources: [d.table4.source, d.table21.source] };
  }
  return out;
}

function zoneInputs(d: Dataset, s: Scenario): ZoneInput[] {
  const intensity = numberMap(d, s, 'zoneIntensity');
  const areaPerMine = numberMap(d, s, 'areaPerMine');
  const excluded = new Set(s.excludedZones ?? []);
  return d.table23.zones.map((zone) => {
    const i = intensity[zone.mineral];
    const a = areaPerMine[zone.mineral];
    if (i === undefined || a === undefined)
      throw new ModelInputError(`zone ${zone.id}: no zoneIntensity or areaPerMine assumption for ${zone.mineral}`);
    return {
      zone,
      excluded: excluded.has(zone.id),
      volumeCapacity: i * zone.areaKm2,
      maxMines: Math.max(1, Math.floor(zone.areaKm2 / a)),
    };
  });
}

/** 万元 per unit of output: 2020 value ÷ 2020 output (专栏6), unless an assumption says otherwise. */
function valuePerUnit(d: Dataset, s: Scenario, density: Record<string, number>): Record<string, number> {
  const assumed = numberMap(d, s, 'valuePerUnit');
  const out: Record<string, number> = {};
  for (const m of d.minerals) {
    const row = d.table6.rows.find((r) => r.mineral === m.id);
    const output = row ? toModelUnit(row.output, row.unitText, m, density) : null;
    const derived = row && output ? row.value / output : undefined;
    const v = assumed[m.id] ?? derived;
    if (v === undefined) throw new ModelInputError(`no value per unit for ${m.id}: set assumption valuePerUnit.${m.id}`);
    out[m.id] = v;
  }
  return out;
}

/** 2020 output of each mineral, grown by demandGrowth and shared among counties by population. */
function defaultDemand(d: Dataset, s: Scenario, density: Record<string, number>): Record<string, Record<string, number>> {
  const growth = numberMap(d, s, 'demandGrowth');
  const population = numberMap(d, s, 'population');
  const totalPop = Object.values(population).reduce((a, b) => a + b, 0);
  const out: Record<string, Record<string, number>> = {};
  if (totalPop <= 0) return out;
  for (const [mineralId, g] of Object.entries(growth)) {
    const m = d.minerals.find((x) => x.id === mineralId);
    const row = d.table6.rows.find((r) => r.mineral === mineralId);
    const output = m && row ? toModelUnit(row.output, row.unitText, m, density) : null;
    if (output === null) continue;
    for (const u of d.units) {
      const share = (population[u.id] ?? 0) / totalPop;
      (out[u.id] ??= {})[mineralId] = output * g * share;
    }
  }
  return out;
}

function weights(s: Scenario): Record<ObjectiveTerm, number> {
  const preset = OBJECTIVE_PRESET_WEIGHTS[s.objective?.preset ?? 'max-value'];
  const out = {} as Record<ObjectiveTerm, number>;
  for (const t of OBJECTIVE_TERMS) out[t] = s.objective?.weights?.[t] ?? preset[t];
  return out;
}

export function resolveInputs(d: Dataset, s: Scenario): ModelInputs {
  const density = numberMap(d, s, 'density');
  const demandOn = s.demand?.enabled ?? s.objective?.preset === 'min-transport';
  const perCounty = defaultDemand(d, s, density);
  for (const [u, byMineral] of Object.entries(s.demand?.perCounty ?? {}))
    for (const [m, v] of Object.entries(byMineral)) (perCounty[u] ??= {})[m] = v;
  return {
    minerals: d.minerals,
    unitOrder: d.units.map((u) => u.id),
    caps: capInputs(d, s, density),
    scale: scaleInputs(d, s),
    rightsCaps: {
      class3: s.rightsCaps?.class3 ?? d.policy.maxClass3.value,
      class12: s.rightsCaps?.class12 ?? d.policy.maxClass12.value,
      total: s.rightsCaps?.total ?? d.policy.maxMinesTotal.value,
    },
    fixedMines: fixedMines(d),
    share: {
      min: s.largeMediumShare?.min ?? d.policy.minLargeMediumShare.value,
      minerals: s.largeMediumShare?.minerals ?? d.minerals.filter((m) => m.rightsClass === 'class12').map((m) => m.id),
    },
    reserveLimit: reserveLimits(d, density),
    zones: zoneInputs(d, s),
    existingRights: existingRights(d),
    allowNewOutsideZones: s.allowNewOutsideZones ?? false,
    valuePerUnit: valuePerUnit(d, s, density),
    countyBounds: s.countyBounds ?? {},
    demand: { enabled: demandOn, radiusKm: s.demand?.radiusKm ?? DEFAULT_RADIUS_KM, perCounty: demandOn ? perCounty : {} },
    roadKm: matrix(d, s, 'roadKm'),
    reference: s.reference ?? {},
    weights: weights(s),
    timeLimitSec: s.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC,
  };
}
