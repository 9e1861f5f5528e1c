/**
 * The plan as data (`quota-model/1`). Every table keeps the plan's own row
 * names and unit text next to the ids the model uses, and the table it came
 * from, so that any figure can be traced back to the printed plan.
 */
import { z } from './zod';
import { MEASURES } from './units';
import { because, issueOf, reason, type Reason, type ReasonKey } from './reasons';

export const SIZE_CLASSES = ['large', 'medium', 'small'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const RIGHTS_CLASSES = ['class3', 'class12'] as const;
export type RightsClass = (typeof RIGHTS_CLASSES)[number];

/**
 * The largest amount any figure may have, in its own unit (万m³, 万吨, 吨, 万元):
 * 1e9 万m³ is 10^13 m³, far beyond any prefecture, and a larger figure beside
 * the plan's (10^0 – 10^5) leaves the solver's relative tolerances (≈1e-9) no
 * precision, so 1e308 would be "solved" as noise.
 */
export const MAX_AMOUNT = 1e9;
/** The largest count of mines, deposits or rights: the plan's are in the hundreds. */
export const MAX_COUNT = 1e6;
/** A service life longer than a millennium is no plan figure. */
export const MAX_SERVICE_YEARS = 1000;
export const AMOUNT_TOO_BIG = because('validation.amountTooBig');
export const COUNT_TOO_BIG = because('validation.countTooBig');
export const NOT_NEGATIVE = because('validation.notNegative');
export const SCALE_ABOVE_ZERO = because('validation.scaleAboveZero');

/**
 * Names every JavaScript object already has (`toString`, `constructor`, ...):
 * an id spelled so would find the prototype's function in a lookup table
 * (`density[m.id]`) and give a NaN coefficient, so no id may be one.
 */
export function isReservedName(x: string): boolean {
  return x in Object.prototype;
}
const notReserved = (x: string) => !isReservedName(x);
const RESERVED_MESSAGE = because('validation.reserved');

export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, because('validation.id'))
  .refine(notReserved, RESERVED_MESSAGE);
/** A key of an assumption's map: any text but a reserved name. */
const assumptionKey = z.string().refine(notReserved, RESERVED_MESSAGE);
const id = idSchema;
const label = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const planTable = z.string().regex(/^专栏\d+$/, because('validation.planTable'));
const planRef = z.string().min(1);
const count = z.number().int().nonnegative(NOT_NEGATIVE).max(MAX_COUNT, COUNT_TOO_BIG);
const amount = z.number().nonnegative(NOT_NEGATIVE).max(MAX_AMOUNT, AMOUNT_TOO_BIG);
const measure = z.enum(MEASURES);
const counts = z.record(id, count);

const admUnit = z.object({
  id,
  name: label,
  planColumn: z.string().min(1),
  covers: z.string().optional(),
  seat: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
});

const mineral = z.object({
  id,
  name: label,
  planNames: z.array(z.string().min(1)).min(1),
  unit: measure,
  rightsClass: z.enum(RIGHTS_CLASSES),
  restricted: z.object({ source: planTable, note: z.string() }).optional(),
});

/** A row as the plan prints it: its own name, the mineral id it maps to (null: outside the model), its unit text. */
const planRow = z.object({ planName: z.string(), mineral: id.nullable(), unitText: z.string() });

const table4 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      deposits: count,
      reserve: amount,
      cumulative: amount,
    }),
  ),
});

const table5Row = z.object({ planName: z.string(), counts, total: count });
const table5 = z.object({
  source: planTable,
  columns: z.array(id).min(1),
  rows: z.array(
    table5Row.extend({
      mineral: id.nullable(),
      rightsClass: z.enum(RIGHTS_CLASSES),
      solid: z.boolean(),
    }),
  ),
  subtotals: z.array(table5Row.extend({ rightsClass: z.enum(RIGHTS_CLASSES) })),
  total: table5Row,
});

const table6 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      mines: count,
      output: amount,
      value: amount,
    }),
  ),
  total: z.object({ planName: z.string(), mines: count, value: amount }),
});

/** 专栏8: the 十三五 targets and what 2020 achieved (output, rights, the large/medium share). */
const table8 = z.object({
  source: planTable,
  rows: z.array(planRow.extend({ target: amount, achieved: amount })),
  rightsTotal: z.object({ target: count, achieved: count }),
  largeMediumShare: z.object({ target: z.number().min(0).max(1), achieved: z.number().min(0).max(1) }),
});

/** 专栏19: the key development projects (minerals outside the model; they count toward the class-1/2 mines). */
const table19 = z.object({
  source: planTable,
  projects: z.array(
    z.object({ name: z.string().min(1), planName: z.string(), unitText: z.string(), capacity: amount, onExistingRight: z.boolean() }),
  ),
});

const table11 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      target: amount,
      attribute: z.string(),
    }),
  ),
  largeMediumShareMin: z.number().min(0).max(1),
});

const table20 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      output2020: amount.nullable(),
      target2025: amount,
    }),
  ),
});

/** A mine of no output is no mine: a scale of 0 would remove its class. */
const scaleFigure = z.number().positive(SCALE_ABOVE_ZERO).max(MAX_AMOUNT, AMOUNT_TOO_BIG).nullable();
const table21 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      large: scaleFigure,
      medium: scaleFigure,
      small: scaleFigure,
      minServiceYears: z.number().positive().max(MAX_SERVICE_YEARS).nullable(),
      printed: z.string().optional(),
    }),
  ),
});

const table22 = z.object({
  source: planTable,
  rows: z.array(z.object({ planName: z.string(), mineral: id.nullable(), blocks: count })),
  statedTotal: z.object({ value: count, source: planRef }),
});

const zone = z.object({
  id: z.string().regex(/^Z\d{2,4}$/, because('validation.zoneId')),
  name: z.string().min(1),
  unit: id.nullable(),
  unitText: z.string(),
  areaKm2: z.number().positive().max(MAX_AMOUNT),
  mineral: id,
  mineralText: z.string(),
});

const table23 = z.object({
  source: planTable,
  statedCount: z.object({ value: count, source: planRef }),
  zones: z.array(zone).min(1),
});

const policyFigure = z.object({ value: z.number().nonnegative(NOT_NEGATIVE).max(MAX_COUNT, COUNT_TOO_BIG), source: planRef });
const policy = z.object({
  maxMinesTotal: policyFigure,
  maxClass12: policyFigure,
  maxClass3: policyFigure,
  minLargeMediumShare: policyFigure.extend({ value: z.number().min(0).max(1) }),
});

export const assumptionValue = z.union([
  z.number(),
  z.record(assumptionKey, z.number()),
  z.record(assumptionKey, z.record(assumptionKey, z.number())),
]);
export type AssumptionValue = z.infer<typeof assumptionValue>;

/**
 * What each known assumption may hold (models/README.md §5 states the same):
 * its form, the range of every figure in it and why. An assumption a model
 * adds beyond these is only held to finite figures of at most MAX_AMOUNT.
 */
export interface AssumptionRule {
  form: 'map' | 'matrix';
  min: number;
  /** the minimum itself is not allowed (a density or a service life of 0) */
  minExclusive?: boolean;
  max: number;
  integer?: boolean;
  /** at least one figure must be above 0 */
  someAboveZero?: boolean;
  /** the figures are 0 or 1 */
  flag?: boolean;
  why: ReasonKey;
}

export const ASSUMPTION_RULES: Record<string, AssumptionRule> = {
  serviceYears: { form: 'map', min: 0, minExclusive: true, max: MAX_SERVICE_YEARS, why: 'validation.why.serviceYears' },
  zoneIntensity: { form: 'map', min: 0, max: MAX_AMOUNT, why: 'validation.why.zoneIntensity' },
  areaPerMine: { form: 'map', min: 0, minExclusive: true, max: MAX_AMOUNT, why: 'validation.why.areaPerMine' },
  density: { form: 'map', min: 0, minExclusive: true, max: 25, why: 'validation.why.density' },
  population: { form: 'map', min: 0, max: MAX_AMOUNT, someAboveZero: true, why: 'validation.why.population' },
  roadKm: { form: 'matrix', min: 0, max: 40_000, why: 'validation.why.roadKm' },
  valuePerUnit: { form: 'map', min: 0, max: MAX_AMOUNT, why: 'validation.why.valuePerUnit' },
  demandGrowth: { form: 'map', min: 0, max: 1000, why: 'validation.why.demandGrowth' },
  unitMisprints: { form: 'matrix', min: 0, max: 1, flag: true, why: 'validation.why.unitMisprints' },
  output2020: { form: 'map', min: 0, max: MAX_AMOUNT, why: 'validation.why.output2020' },
  outsideGrowth: { form: 'map', min: -1, max: 1000, why: 'validation.why.outsideGrowth' },
  otherClass12: { form: 'map', min: 0, max: MAX_COUNT, integer: true, why: 'validation.why.otherClass12' },
};

/** The rule for an assumption id; `<mineral>Scale` (jadeScale) gives a mineral's minimum design scales. */
export function assumptionRule(assumptionId: string): AssumptionRule | undefined {
  if (Object.hasOwn(ASSUMPTION_RULES, assumptionId)) return ASSUMPTION_RULES[assumptionId];
  if (/Scale$/.test(assumptionId))
    return { form: 'map', min: 0, minExclusive: true, max: MAX_AMOUNT, why: 'validation.why.scale' };
  return undefined;
}

export interface AssumptionProblem {
  path: (string | number)[];
  said: Reason;
}

function describeRange(r: AssumptionRule): Reason {
  if (r.flag) return reason('validation.range.flag');
  const range = reason(r.minExclusive ? 'validation.range.above' : 'validation.range.from', { min: r.min, max: r.max });
  return r.integer ? reason('validation.range.whole', { range }) : range;
}

/** Checks one assumption's value against its rule; paths are relative to the value. */
export function assumptionProblems(assumptionId: string, value: AssumptionValue): AssumptionProblem[] {
  const out: AssumptionProblem[] = [];
  const rule = assumptionRule(assumptionId);
  const leaves: { path: string[]; x: number }[] = [];
  const depth = typeof value === 'number' ? 0 : Object.values(value).some((v) => typeof v !== 'number') ? 2 : 1;
  if (rule && depth !== (rule.form === 'map' ? 1 : 2) && !(depth === 1 && Object.keys(value).length === 0)) {
    out.push({ path: [], said: reason('validation.formWhy', { form: reason(`validation.form.${rule.form}`), why: reason(rule.why) }) });
    return out;
  }
  if (typeof value === 'number') leaves.push({ path: [], x: value });
  else
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number') leaves.push({ path: [k], x: v });
      else for (const [k2, x] of Object.entries(v as Record<string, number>)) leaves.push({ path: [k, k2], x });
    }
  for (const { path, x } of leaves) {
    if (!rule) {
      if (Math.abs(x) > MAX_AMOUNT) out.push({ path, said: reason('validation.beyond', { x, max: MAX_AMOUNT }) });
      continue;
    }
    const below = rule.minExclusive ? x <= rule.min : x < rule.min;
    const bad = below || x > rule.max || (rule.integer && !Number.isInteger(x)) || (rule.flag && x !== 0 && x !== 1);
    if (bad) out.push({ path, said: reason('validation.outOfRange', { x, range: describeRange(rule), why: reason(rule.why) }) });
  }
  if (rule?.someAboveZero && leaves.every((l) => l.x <= 0)) out.push({ path: [], said: reason('validation.allZero', { why: reason(rule.why) }) });
  return out;
}

const assumption = z.object({
  id,
  label,
  assumption: z.literal(true),
  value: assumptionValue,
  unit: z.string(),
  reason: z.string().min(1),
  source: z.string().optional(),
});

export const datasetSchema = z
  .object({
    format: z.literal('quota-model/1'),
    id,
    version: z.string().min(1),
    name: label,
    planPeriod: z.string(),
    sourceDocument: z.string(),
    units: z.array(admUnit).min(1),
    minerals: z.array(mineral).min(1),
    table4,
    table5,
    table6,
    table8: table8.optional(),
    table11,
    table19: table19.optional(),
    table20,
    table21,
    table22,
    table23,
    policy,
    assumptions: z.array(assumption),
  })
  .superRefine((d, ctx) => {
    const unitIds = new Set(d.units.map((u) => u.id));
    const mineralIds = new Set(d.minerals.map((m) => m.id));
    const unique = (ids: string[], path: (string | number)[]) => {
      const seen = new Set<string>();
      ids.forEach((x, i) => {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], ...issueOf(reason('validation.duplicate', { id: x })) });
        seen.add(x);
      });
    };
    unique(d.units.map((u) => u.id), ['units']);
    unique(d.minerals.map((m) => m.id), ['minerals']);
    unique(d.table23.zones.map((z) => z.id), ['table23', 'zones']);
    unique(d.assumptions.map((a) => a.id), ['assumptions']);
    const checkMineral = (m: string | null, path: (string | number)[]) => {
      if (m !== null && !mineralIds.has(m)) ctx.addIssue({ code: 'custom', path, ...issueOf(reason('validation.unknown.mineral', { id: m })) });
    };
    const checkUnit = (u: string | null, path: (string | number)[]) => {
      if (u !== null && !unitIds.has(u)) ctx.addIssue({ code: 'custom', path, ...issueOf(reason('validation.unknown.unit', { id: u })) });
    };
    const tables = ['table4', 'table6', 'table11', 'table20', 'table21', 'table22'] as const;
    for (const t of tables) d[t].rows.forEach((r, i) => checkMineral(r.mineral, [t, 'rows', i, 'mineral']));
    d.table8?.rows.forEach((r, i) => checkMineral(r.mineral, ['table8', 'rows', i, 'mineral']));
    d.table5.rows.forEach((r, i) => checkMineral(r.mineral, ['table5', 'rows', i, 'mineral']));
    d.table5.columns.forEach((c, i) => checkUnit(c, ['table5', 'columns', i]));
    const rows5 = [...d.table5.rows, ...d.table5.subtotals, d.table5.total];
    rows5.forEach((r) =>
      Object.keys(r.counts).forEach((c) => {
        if (!d.table5.columns.includes(c))
          ctx.addIssue({ code: 'custom', path: ['table5'], ...issueOf(reason('validation.unknownColumn', { row: r.planName, column: c })) });
      }),
    );
    d.table23.zones.forEach((z, i) => {
      checkUnit(z.unit, ['table23', 'zones', i, 'unit']);
      checkMineral(z.mineral, ['table23', 'zones', i, 'mineral']);
    });
    d.assumptions.forEach((a, i) =>
      assumptionProblems(a.id, a.value).forEach((p) => ctx.addIssue({ code: 'custom', path: ['assumptions', i, 'value', ...p.path], ...issueOf(p.said) })),
    );
  });

export type Dataset = z.infer<typeof datasetSchema>;
export type Mineral = Dataset['minerals'][number];
export type Zone = Dataset['table23']['zones'][number];
