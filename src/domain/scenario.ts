/**
 * A scenario (`quota-scenario/1`) names its model and overrides the model's
 * defaults; a key left out means "use the plan's figure or the model's
 * default assumption".
 */
import { z } from './zod';
import { SIZE_CLASSES, assumptionValue } from './dataset';
import type { Label, Lang } from './label';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id is ASCII letters, digits, _ or -');
const amount = z.number().nonnegative();
const bound = z
  .object({ min: amount.optional(), max: amount.optional() })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min is larger than max');

export const OBJECTIVE_PRESETS = ['continuity', 'max-value', 'min-mines', 'min-transport', 'balanced'] as const;
export type ObjectivePreset = (typeof OBJECTIVE_PRESETS)[number];
export const OBJECTIVE_TERMS = ['value', 'mines', 'transport', 'unmet', 'deviation', 'share'] as const;
export type ObjectiveTerm = (typeof OBJECTIVE_TERMS)[number];

export const CAP_SOURCES = ['table20', 'table11'] as const;
export type CapSource = (typeof CAP_SOURCES)[number];

const perClass = z.object(Object.fromEntries(SIZE_CLASSES.map((k) => [k, amount.optional()]))).strict();

export const scenarioSchema = z
  .object({
    format: z.literal('quota-scenario/1'),
    name: z.string().min(1),
    description: z.string().optional(),
    model: id,
    caps: z.record(id, z.union([amount, bound])).optional(),
    capSource: z.enum(CAP_SOURCES).optional(),
    rightsCaps: z.object({ class3: amount.optional(), class12: amount.optional(), total: amount.optional() }).strict().optional(),
    largeMediumShare: z
      .object({ min: z.number().min(0).max(1).optional(), minerals: z.array(id).optional() })
      .strict()
      .optional(),
    minScale: z.record(id, perClass).optional(),
    maxScale: z.record(id, perClass).optional(),
    excludedZones: z.array(z.string().regex(/^Z\d{2,4}$/, 'a zone id is Z followed by two to four digits')).optional(),
    allowNewOutsideZones: z.boolean().optional(),
    countyBounds: z.record(id, z.record(id, bound)).optional(),
    demand: z
      .object({
        enabled: z.boolean().optional(),
        radiusKm: z.number().positive().optional(),
        perCounty: z.record(id, z.record(id, amount)).optional(),
        prefecture: z.record(id, amount).optional(),
      })
      .strict()
      .optional(),
    reference: z.record(id, z.record(id, amount)).optional(),
    objective: z
      .object({
        preset: z.enum(OBJECTIVE_PRESETS).optional(),
        weights: z.object(Object.fromEntries(OBJECTIVE_TERMS.map((t) => [t, amount.optional()]))).strict().optional(),
      })
      .strict()
      .optional(),
    assumptions: z.record(id, assumptionValue).optional(),
    timeLimitSec: z.number().positive().optional(),
    /** relative MIP gap at which the solver may stop; absent or 0: prove the optimum */
    mipGap: z.number().min(0).max(0.5).optional(),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

/** A file's `name` or `description`: one string, or the text in both languages. */
export type FileText = string | Label;
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A scenario as a file gives it: `name` and `description` may be
 * `{ "zh": …, "en": … }`; reading the file picks the planner's language
 * (localiseScenario), so a Scenario holds plain strings.
 */
export const scenarioFileSchema = scenarioSchema.extend({
  name: z.union([z.string().min(1), bilingual]),
  description: z.union([z.string(), bilingual]).optional(),
});

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
