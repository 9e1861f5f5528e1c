/**
 * A scenario (`quota-scenario/1`) names its model and overrides the model's
 * defaults; a key left out means "use the plan's figure or the model's
 * default assumption".
 */
import { z } from './zod';
import { AMOUNT_TOO_BIG, COUNT_TOO_BIG, MAX_COUNT, MAX_AMOUNT, NOT_NEGATIVE, SCALE_ABOVE_ZERO, SIZE_CLASSES, assumptionValue, idSchema } from './dataset';
import type { Label, Lang } from './label';
import { because, issueOf, reason } from './reasons';
// A constant table with only type imports back into the domain, so no cycle at run time.
import { DEFAULT_OBJECTIVE_PRESET, OBJECTIVE_PRESET_WEIGHTS } from './objective-presets';

/**
 * The longest time limit a solve is given, in seconds (about 23 days): glpk's
 * `tm_lim` and a browser timer's delay are both C ints of milliseconds (at
 * most 2^31−1 ms ≈ 2,147,483 s, the latter plus the watchdog's grace).
 */
export const MAX_TIME_LIMIT_SEC = 2_000_000;
/** A haul radius beyond the equator's length is no radius. */
export const MAX_RADIUS_KM = 40_000;
/**
 * A weight is 0 (the term is off) or within these: the terms are normalised
 * to about 1 (objective.ts), so weights 10^12 apart already leave the smaller
 * term below the solver's tolerances, and 1e300 overflows the objective.
 */
export const MIN_WEIGHT = 1e-6;
export const MAX_WEIGHT = 1e6;
/** The terms that ask for output; with all of them at 0 the best answer is to produce nothing. */
export const CORE_TERMS = ['value', 'mines', 'transport', 'unmet'] as const;

const id = idSchema;
const amount = z.number().nonnegative(NOT_NEGATIVE).max(MAX_AMOUNT, AMOUNT_TOO_BIG);
/** A mine's design scale: a scale of 0 is no mine, and would remove its class or the whole mineral. */
const scale = z.number().positive(SCALE_ABOVE_ZERO).max(MAX_AMOUNT, AMOUNT_TOO_BIG);
const weight = z
  .number()
  .refine((w) => w === 0 || (w >= MIN_WEIGHT && w <= MAX_WEIGHT), issueOf(reason('validation.weight', { min: MIN_WEIGHT, max: MAX_WEIGHT })));
const bound = z
  .object({ min: amount.optional(), max: amount.optional() })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, because('validation.minOverMax'));

export const OBJECTIVE_PRESETS = ['continuity', 'max-value', 'min-mines', 'min-transport', 'balanced'] as const;
export type ObjectivePreset = (typeof OBJECTIVE_PRESETS)[number];
export const OBJECTIVE_TERMS = ['value', 'mines', 'transport', 'unmet', 'deviation', 'share'] as const;
export type ObjectiveTerm = (typeof OBJECTIVE_TERMS)[number];

export const CAP_SOURCES = ['table20', 'table11'] as const;
export type CapSource = (typeof CAP_SOURCES)[number];

/** A number of mines; the plan's are in the hundreds. */
const mines = z.number().nonnegative(NOT_NEGATIVE).max(MAX_COUNT, COUNT_TOO_BIG);
const perClass = z.object(Object.fromEntries(SIZE_CLASSES.map((k) => [k, scale.optional()]))).strict();
type PerClass = Partial<Record<(typeof SIZE_CLASSES)[number], number>>;

/** Only the large class's maximum is read: a smaller class's maximum is the next class's minimum. */
const maxPerClass = perClass.superRefine((c: PerClass, ctx) => {
  for (const k of ['medium', 'small'] as const)
    if (c[k] !== undefined)
      ctx.addIssue({ code: 'custom', path: [k], ...issueOf(reason('validation.onlyLargeMax', { size: reason(`size.${k}`) })) });
});

const objective = z
  .object({
    preset: z.enum(OBJECTIVE_PRESETS).optional(),
    weights: z.object(Object.fromEntries(OBJECTIVE_TERMS.map((t) => [t, weight.optional()]))).strict().optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const preset = OBJECTIVE_PRESET_WEIGHTS[o.preset ?? DEFAULT_OBJECTIVE_PRESET];
    const given = o.weights as Partial<Record<ObjectiveTerm, number>> | undefined;
    if (CORE_TERMS.every((t) => (given?.[t] ?? preset[t]) === 0))
      ctx.addIssue({ code: 'custom', path: ['weights'], ...issueOf(reason('validation.allWeightsZero', { terms: CORE_TERMS.join(', ') })) });
  });

const shape = {
    format: z.literal('quota-scenario/1'),
    name: z.string().min(1),
    description: z.string().optional(),
    model: id,
    caps: z.record(id, z.union([amount, bound])).optional(),
    capSource: z.enum(CAP_SOURCES).optional(),
    rightsCaps: z.object({ class3: mines.optional(), class12: mines.optional(), total: mines.optional() }).strict().optional(),
    largeMediumShare: z
      .object({ min: z.number().min(0).max(1).optional(), minerals: z.array(id).optional() })
      .strict()
      .optional(),
    minScale: z.record(id, perClass).optional(),
    maxScale: z.record(id, maxPerClass).optional(),
    excludedZones: z.array(z.string().regex(/^Z\d{2,4}$/, because('validation.zoneId'))).optional(),
    allowNewOutsideZones: z.boolean().optional(),
    countyBounds: z.record(id, z.record(id, bound)).optional(),
    demand: z
      .object({
        enabled: z.boolean().optional(),
        radiusKm: z.number().positive(because('validation.radiusAboveZero')).max(MAX_RADIUS_KM, because('validation.radiusTooBig')).optional(),
        perCounty: z.record(id, z.record(id, amount)).optional(),
        prefecture: z.record(id, amount).optional(),
      })
      .strict()
      .optional(),
    reference: z.record(id, z.record(id, amount)).optional(),
    objective: objective.optional(),
    assumptions: z.record(id, assumptionValue).optional(),
    timeLimitSec: z.number().positive().max(MAX_TIME_LIMIT_SEC, because('validation.timeLimit')).optional(),
    /** relative MIP gap at which the solver may stop; absent or 0: prove the optimum */
    mipGap: z.number().min(0).max(0.5).optional(),
};

/** A class's minimum and maximum given in the same scenario: an inverted pair would drop the class without a word. */
function scalesInOrder(s: { minScale?: Record<string, PerClass>; maxScale?: Record<string, PerClass> }, ctx: z.RefinementCtx): void {
  for (const [m, max] of Object.entries(s.maxScale ?? {}))
    for (const k of SIZE_CLASSES) {
      const lo = s.minScale?.[m]?.[k];
      const hi = max[k];
      if (lo !== undefined && hi !== undefined && lo > hi)
        ctx.addIssue({
          code: 'custom',
          path: ['maxScale', m, k],
          ...issueOf(reason('validation.maxBelowMin', { max: hi, min: lo, at: `minScale.${m}.${k}`, size: reason(`size.${k}`) })),
        });
    }
}

export const scenarioSchema = z.object(shape).strict().superRefine(scalesInOrder);

export type Scenario = z.infer<typeof scenarioSchema>;

/** A file's `name` or `description`: one string, or the text in both languages. */
export type FileText = string | Label;
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A scenario as a file gives it: `name` and `description` may be
 * `{ "zh": …, "en": … }`; reading the file picks the planner's language
 * (localiseScenario), so a Scenario holds plain strings.
 */
export const scenarioFileSchema = z
  .object({
    ...shape,
    name: z.union([z.string().min(1), bilingual]),
    description: z.union([z.string(), bilingual]).optional(),
  })
  .strict()
  .superRefine(scalesInOrder);

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export function textIn(text: FileText, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** The scenario a file describes, with its name and description in `lang` (keys in the schema's order). */
export function localiseScenario(file: ScenarioFile, lang: Lang): Scenario {
  const { format, name, description, ...rest } = file;
  return { format, name: textIn(name, lang), ...(description === undefined ? {} : { description: textIn(description, lang) }), ...rest };
}
export type Bound = { min?: number; max?: number };
