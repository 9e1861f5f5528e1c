/**
 * Resolves what the model needs from the plan tables, the model's assumptions
 * and the scenario's overrides, keeping the plan figure and its source beside
 * every number so that the editor and the report can show where it came from.
 * Pure: knows nothing of Hotan beyond what the dataset says.
 */
import type { AssumptionValue, Dataset, Mineral, SizeClass, Zone } from '../domain/dataset';
import { SIZE_CLASSES } from '../domain/dataset';
import type { Bound, CapSource, ObjectiveTerm, Scenario } from '../domain/scenario';
import { MAX_TIME_LIMIT_SEC, OBJECTIVE_TERMS } from '../domain/scenario';
import { convert, parsePlanUnit, type Measure } from '../domain/units';
import { DEFAULT_OBJECTIVE_PRESET, OBJECTIVE_PRESET_WEIGHTS } from '../domain/objective-presets';

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

export interface MineSize {
  /** the size classes a mine of this mineral can reach, with their output bands */
  classes: Partial<Record<SizeClass, ScaleClass>>;
  /** the largest sensible output of one mine, and where it comes from */
  largest: { value: number; reservePerDeposit: number | null; years: number | null; sources: string[] };
  /** the smallest class's minimum: no mine produces less */
  smallestMin: number;
  /** the least output of a large or medium mine; null when no mine can reach it */
  largeMediumMin: number | null;
  /** the mineral has no small class (专栏21 prints "-"), so every mine is large or medium */
  allLargeMedium: boolean;
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
  /** mine sizes per mineral: classes, the largest sensible mine */
  mineSize: Record<string, MineSize>;
  /** the size classes a mine can reach per mineral, with their output bands (mineSize's classes) */
  scale: Record<string, Partial<Record<SizeClass, ScaleClass>>>;
  rightsCaps: { class3: number; class12: number; total: number };
  /** class-1/2 and class-3 mines of minerals outside the model, held fixed (专栏5, plus new ones of assumption otherClass12) */
  fixedMines: { class3: number; class12: number };
  /** how many of the fixed class-1/2 mines are large or medium (assumption otherClass12) */
  fixedLargeMedium: number;
  share: { min: number; minerals: string[] };
  reserveLimit: Record<string, { limit: number; reserve: number; years: number; sources: string[] } | null>;
  zones: ZoneInput[];
  existingRights: Record<string, Record<string, number>>;
  /** 2020 output per county and mineral: 专栏6 output shared by 专栏5 rights (assumption output2020 where 专栏6 has no row) */
  output2020: Record<string, Record<string, number>>;
  /** growth allowed to existing mines outside the zones, as a fraction of the county's 2020 output */
  outsideGrowth: Record<string, number>;
  allowNewOutsideZones: boolean;
  valuePerUnit: Record<string, number>;
  countyBounds: Record<string, Record<string, Bound>>;
  demand: {
    enabled: boolean;
    radiusKm: number;
    perCounty: Record<string, Record<string, number>>;
    /** demand for minerals used prefecture-wide (no haul modelled): 专栏11's expected 2025 output */
    prefecture: Record<string, number>;
  };
  roadKm: Record<string, Record<string, number>>;
  reference: Record<string, Record<string, number>>;
  weights: Record<ObjectiveTerm, number>;
  timeLimitSec: number;
  /** relative MIP gap at which the planner lets the solver stop (0: prove the optimum) */
  mipGap: number;
}

export const DEFAULT_TIME_LIMIT_SEC = 60;
/** The scenario schema refuses a longer limit; a scenario built in code is still clamped to it. */
export { MAX_TIME_LIMIT_SEC };

/** The scenario's time limit: its own (at most MAX_TIME_LIMIT_SEC), else the default. */
export function timeLimitOf(s: Pick<Scenario, 'timeLimitSec'>): number {
  return Math.min(s.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC);
}
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
  // no prototype: an id such as "toString" must find nothing, not Object.prototype's function
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
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
  const out: Record<string, Record<string, number>> = Object.create(null) as Record<string, Record<string, number>>;
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

/**
 * A mine's largest sensible output: the reserves of an average deposit
 * (专栏4 保有资源量 ÷ 矿产地数) over its service life (专栏21 最低服务年限, or
 * the serviceYears assumption where 专栏21 gives none). A scenario's
 * `maxScale.<mineral>.large` replaces it.
 */
function largestMine(d: Dataset, s: Scenario, m: Mineral, density: Record<string, number>): MineSize['largest'] {
  const override = s.maxScale?.[m.id]?.large;
  if (override !== undefined) return { value: override, reservePerDeposit: null, years: null, sources: ['scenario'] };
  const rows = d.table4.rows.filter((r) => r.mineral === m.id);
  const reserves = rows.map((r) => toModelUnit(r.reserve, r.unitText, m, density));
  const deposits = rows.reduce((a, r) => a + r.deposits, 0);
  const planYears = d.table21.rows.find((r) => r.mineral === m.id)?.minServiceYears ?? null;
  const years = planYears ?? numberMap(d, s, 'serviceYears')[m.id] ?? null;
  if (rows.length === 0 || deposits === 0 || reserves.some((r) => r === null) || years === null || years <= 0)
    throw new ModelInputError(`no largest mine for ${m.id}: needs ${d.table4.source} reserves and deposits, and a service life (${d.table21.source} or assumption serviceYears.${m.id})`);
  const reservePerDeposit = reserves.reduce<number>((a, r) => a + (r ?? 0), 0) / deposits;
  const sources = [d.table4.source, planYears !== null ? d.table21.source : 'serviceYears'];
  return { value: reservePerDeposit / years, reservePerDeposit, years, sources };
}

/**
 * 专栏21 gives each class's minimum design scale; a class's maximum is the
 * next class's minimum, the largest class's the largest sensible mine. A
 * class whose minimum the largest mine cannot reach is not available.
 */
function mineSizes(d: Dataset, s: Scenario, density: Record<string, number>): Record<string, MineSize> {
  const out: Record<string, MineSize> = {};
  for (const m of d.minerals) {
    const row = d.table21.rows.find((r) => r.mineral === m.id);
    const fallback = numberMap(d, s, `${m.id}Scale`);
    const planMin: Partial<Record<SizeClass, number | null>> = row
      ? { large: row.large, medium: row.medium, small: row.small }
      : { large: fallback.large ?? null, medium: fallback.medium ?? null, small: fallback.small ?? null };
    const largest = largestMine(d, s, m, density);
    const mins: Partial<Record<SizeClass, number>> = {};
    for (const k of SIZE_CLASSES) {
      const v = s.minScale?.[m.id]?.[k] ?? planMin[k];
      if (v !== null && v !== undefined) mins[k] = v;
    }
    const order: SizeClass[] = ['small', 'medium', 'large'];
    const present = order.filter((k) => mins[k] !== undefined);
    if (present.length === 0) throw new ModelInputError(`no size classes for mineral ${m.id}`);
    const classes: Partial<Record<SizeClass, ScaleClass>> = {};
    present.forEach((k, i) => {
      const min = mins[k] as number;
      const next = present[i + 1];
      const max = next !== undefined ? Math.min(mins[next] as number, largest.value) : largest.value;
      if (min <= largest.value) classes[k] = { min, max };
    });
    const smallest = mins[present[0] as SizeClass] as number;
    const lmMin = (['medium', 'large'] as const).map((k) => mins[k]).find((x) => x !== undefined) ?? null;
    out[m.id] = {
      classes,
      largest,
      smallestMin: smallest,
      largeMediumMin: lmMin !== null && lmMin <= largest.value ? lmMin : null,
      allLargeMedium: present[0] !== 'small',
    };
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

/** Mines of minerals outside the model: 专栏5's rights kept as they are, plus the new ones of assumption otherClass12. */
function fixedMines(d: Dataset, s: Scenario): { mines: ModelInputs['fixedMines']; largeMedium: number } {
  const outside = d.table5.rows.filter((r) => r.mineral === null && r.solid);
  const sum = (cls: string) => outside.filter((r) => r.rightsClass === cls).reduce((a, r) => a + r.total, 0);
  const other = numberMap(d, s, 'otherClass12');
  return { mines: { class3: sum('class3'), class12: sum('class12') + (other.newMines ?? 0) }, largeMedium: other.largeMedium ?? 0 };
}

/** A mineral's line in 专栏6: its 2020 value and output, the output in the model's unit (null where the unit does not convert). */
function table6Line(d: Dataset, m: Mineral, density: Record<string, number>): { value: number; output: number | null } | undefined {
  const row = d.table6.rows.find((r) => r.mineral === m.id);
  return row && { value: row.value, output: toModelUnit(row.output, row.unitText, m, density) };
}

/** 2020 output of each mineral in its unit: 专栏6, else assumption output2020. */
function prefectureOutput2020(d: Dataset, s: Scenario, density: Record<string, number>): Record<string, number> {
  const assumed = numberMap(d, s, 'output2020');
  const out: Record<string, number> = {};
  for (const m of d.minerals) {
    const v = assumed[m.id] ?? table6Line(d, m, density)?.output;
    if (v !== null && v !== undefined) out[m.id] = v;
  }
  return out;
}

/** A county's 2020 output: the prefecture's (专栏6) shared by the county's valid rights (专栏5). */
function countyOutput2020(d: Dataset, rights: Record<string, Record<string, number>>, total: Record<string, number>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const m of d.minerals) {
    const all = d.units.reduce((a, u) => a + (rights[u.id]?.[m.id] ?? 0), 0);
    const t = total[m.id];
    if (all === 0 || t === undefined) continue;
    for (const u of d.units) (out[u.id] ??= {})[m.id] = (t * (rights[u.id]?.[m.id] ?? 0)) / all;
  }
  return out;
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
    const line = table6Line(d, m, density);
    const derived = line?.output ? line.value / line.output : undefined;
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

/**
 * Demand for the minerals without county demand: the plan's expected 2025
 * output (专栏11, 预期性), else 专栏20's figure; a scenario's
 * `demand.prefecture` replaces single minerals.
 */
function prefectureDemand(d: Dataset, s: Scenario, caps: Record<string, CapInput>, local: Set<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of d.minerals) {
    if (local.has(m.id)) continue;
    const figures = caps[m.id]?.planFigures ?? [];
    const expected = [d.table11.source, d.table20.source]
      .map((src) => figures.find((f) => f.source === src && f.inModelUnit !== null)?.inModelUnit)
      .find((x) => x !== undefined && x !== null);
    const v = s.demand?.prefecture?.[m.id] ?? expected;
    if (v !== undefined && v !== null) out[m.id] = v;
  }
  return out;
}

function weights(s: Scenario): Record<ObjectiveTerm, number> {
  const preset = OBJECTIVE_PRESET_WEIGHTS[s.objective?.preset ?? DEFAULT_OBJECTIVE_PRESET];
  const out = {} as Record<ObjectiveTerm, number>;
  for (const t of OBJECTIVE_TERMS) out[t] = s.objective?.weights?.[t] ?? preset[t];
  return out;
}

export function resolveInputs(d: Dataset, s: Scenario): ModelInputs {
  const density = numberMap(d, s, 'density');
  const demandOn = s.demand?.enabled ?? true;
  const perCounty = defaultDemand(d, s, density);
  const caps = capInputs(d, s, density);
  const rights = existingRights(d);
  const fixed = fixedMines(d, s);
  const sizes = mineSizes(d, s, density);
  for (const [u, byMineral] of Object.entries(s.demand?.perCounty ?? {}))
    for (const [m, v] of Object.entries(byMineral)) (perCounty[u] ??= {})[m] = v;
  const local = new Set(Object.values(perCounty).flatMap((b) => Object.keys(b)));
  return {
    minerals: d.minerals,
    unitOrder: d.units.map((u) => u.id),
    caps,
    mineSize: sizes,
    scale: Object.fromEntries(Object.entries(sizes).map(([m, x]) => [m, x.classes])),
    rightsCaps: {
      class3: s.rightsCaps?.class3 ?? d.policy.maxClass3.value,
      class12: s.rightsCaps?.class12 ?? d.policy.maxClass12.value,
      total: s.rightsCaps?.total ?? d.policy.maxMinesTotal.value,
    },
    fixedMines: fixed.mines,
    fixedLargeMedium: fixed.largeMedium,
    share: {
      min: s.largeMediumShare?.min ?? d.policy.minLargeMediumShare.value,
      minerals: s.largeMediumShare?.minerals ?? d.minerals.filter((m) => m.rightsClass === 'class12').map((m) => m.id),
    },
    reserveLimit: reserveLimits(d, density),
    zones: zoneInputs(d, s),
    existingRights: rights,
    output2020: countyOutput2020(d, rights, prefectureOutput2020(d, s, density)),
    outsideGrowth: numberMap(d, s, 'outsideGrowth'),
    allowNewOutsideZones: s.allowNewOutsideZones ?? false,
    valuePerUnit: valuePerUnit(d, s, density),
    countyBounds: s.countyBounds ?? {},
    demand: { enabled: demandOn, radiusKm: s.demand?.radiusKm ?? DEFAULT_RADIUS_KM, perCounty: demandOn ? perCounty : {}, prefecture: demandOn ? prefectureDemand(d, s, caps, local) : {} },
    roadKm: matrix(d, s, 'roadKm'),
    reference: s.reference ?? {},
    weights: weights(s),
    timeLimitSec: timeLimitOf(s),
    mipGap: s.mipGap ?? 0,
  };
}
