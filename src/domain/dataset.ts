/**
 * The plan as data (`quota-model/1`). Every table keeps the plan's own row
 * names and unit text next to the ids the model uses, and the table it came
 * from, so that any figure can be traced back to the printed plan.
 */
import { z } from './zod';
import { MEASURES } from './units';

export const SIZE_CLASSES = ['large', 'medium', 'small'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const RIGHTS_CLASSES = ['class3', 'class12'] as const;
export type RightsClass = (typeof RIGHTS_CLASSES)[number];

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id is ASCII letters, digits, _ or -');
const label = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const planTable = z.string().regex(/^专栏\d+$/, 'a plan table is written 专栏N');
const planRef = z.string().min(1);
const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
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

const scaleFigure = amount.nullable();
const table21 = z.object({
  source: planTable,
  rows: z.array(
    planRow.extend({
      large: scaleFigure,
      medium: scaleFigure,
      small: scaleFigure,
      minServiceYears: z.number().positive().nullable(),
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
  id: z.string().regex(/^Z\d{2,4}$/, 'a zone id is Z followed by two to four digits'),
  name: z.string().min(1),
  unit: id.nullable(),
  unitText: z.string(),
  areaKm2: z.number().positive(),
  mineral: id,
  mineralText: z.string(),
});

const table23 = z.object({
  source: planTable,
  statedCount: z.object({ value: count, source: planRef }),
  zones: z.array(zone).min(1),
});

const policyFigure = z.object({ value: z.number().nonnegative(), source: planRef });
const policy = z.object({
  maxMinesTotal: policyFigure,
  maxClass12: policyFigure,
  maxClass3: policyFigure,
  minLargeMediumShare: policyFigure.extend({ value: z.number().min(0).max(1) }),
});

export const assumptionValue = z.union([
  z.number(),
  z.record(z.string(), z.number()),
  z.record(z.string(), z.record(z.string(), z.number())),
]);
export type AssumptionValue = z.infer<typeof assumptionValue>;

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
        if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${x}"` });
        seen.add(x);
      });
    };
    unique(d.units.map((u) => u.id), ['units']);
    unique(d.minerals.map((m) => m.id), ['minerals']);
    unique(d.table23.zones.map((z) => z.id), ['table23', 'zones']);
    unique(d.assumptions.map((a) => a.id), ['assumptions']);
    const checkMineral = (m: string | null, path: (string | number)[]) => {
      if (m !== null && !mineralIds.has(m)) ctx.addIssue({ code: 'custom', path, message: `unknown mineral "${m}"` });
    };
    const checkUnit = (u: string | null, path: (string | number)[]) => {
      if (u !== null && !unitIds.has(u)) ctx.addIssue({ code: 'custom', path, message: `unknown unit "${u}"` });
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
          ctx.addIssue({ code: 'custom', path: ['table5'], message: `row "${r.planName}" counts unknown column "${c}"` });
      }),
    );
    d.table23.zones.forEach((z, i) => {
      checkUnit(z.unit, ['table23', 'zones', i, 'unit']);
      checkMineral(z.mineral, ['table23', 'zones', i, 'mineral']);
    });
  });

export type Dataset = z.infer<typeof datasetSchema>;
export type AdminUnit = Dataset['units'][number];
export type Mineral = Dataset['minerals'][number];
export type Zone = Dataset['table23']['zones'][number];
export type Assumption = Dataset['assumptions'][number];
