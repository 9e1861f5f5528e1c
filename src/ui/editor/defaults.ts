/**
 * What each editor field falls back to when the planner leaves it empty, with
 * the plan figure and its source. This is the one place the editor asks the
 * engine (resolveInputs) for defaults; everything the editor shows as
 * "default" comes from here.
 */
import type { AssumptionValue, Dataset, SizeClass } from '../../domain/dataset';
import { OBJECTIVE_PRESETS, CAP_SOURCES, type ObjectivePreset, type ObjectiveTerm, type Scenario, scenarioSchema } from '../../domain/scenario';
import { resolveInputs, type CapInput, type ZoneInput } from '../../model/inputs';
import { DEFAULT_OBJECTIVE_PRESET } from '../../domain/objective-presets';

export interface EditorDefaults {
  caps: Record<string, CapInput>;
  rightsCaps: { class3: number; class12: number; total: number };
  share: { min: number; minerals: string[] };
  minScale: Record<string, Partial<Record<SizeClass, number>>>;
  maxScale: Record<string, Partial<Record<SizeClass, number>>>;
  zones: ZoneInput[];
  demandEnabled: boolean;
  radiusKm: number;
  demand: Record<string, Record<string, number>>;
  weights: Record<ObjectiveTerm, number>;
  preset: ObjectivePreset;
  timeLimitSec: number;
  assumptions: Record<string, AssumptionValue>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * The settings that change other fields' defaults (cap source, objective
 * preset, assumptions, min scales, demand switch), taken from the draft where
 * each is valid on its own, so that defaults still show while another field
 * is being fixed.
 */
function context(d: Dataset, draft: Record<string, unknown>): Scenario {
  const s: Scenario = { format: 'quota-scenario/1', name: 'defaults', model: d.id };
  const capSource = draft.capSource;
  if (typeof capSource === 'string' && (CAP_SOURCES as readonly string[]).includes(capSource)) s.capSource = capSource as Scenario['capSource'];
  const objective = draft.objective;
  if (isObject(objective) && typeof objective.preset === 'string' && (OBJECTIVE_PRESETS as readonly string[]).includes(objective.preset))
    s.objective = { preset: objective.preset as ObjectivePreset };
  const tryKey = <K extends keyof Scenario>(key: K) => {
    const candidate = { ...s, [key]: draft[key] };
    const parsed = scenarioSchema.safeParse(candidate);
    if (!parsed.success) return;
    try {
      resolveInputs(d, parsed.data);
      s[key] = parsed.data[key];
    } catch {
      /* keep the model's own */
    }
  };
  if (draft.assumptions !== undefined) tryKey('assumptions');
  if (draft.minScale !== undefined) tryKey('minScale');
  if (isObject(draft.demand) && typeof draft.demand.enabled === 'boolean') s.demand = { enabled: draft.demand.enabled };
  return s;
}

/** The part of a draft that other fields' defaults depend on (a change elsewhere leaves the defaults as they are). */
export function defaultsInputs(draft: Record<string, unknown>): Record<string, unknown> {
  const objective = isObject(draft.objective) ? { preset: draft.objective.preset } : undefined;
  const demand = isObject(draft.demand) ? { enabled: draft.demand.enabled } : undefined;
  return { capSource: draft.capSource, objective, assumptions: draft.assumptions, minScale: draft.minScale, demand };
}

export function editorDefaults(d: Dataset, draft: Record<string, unknown>): EditorDefaults {
  const s = context(d, draft);
  const inputs = resolveInputs(d, s);
  const withoutMin = resolveInputs(d, { ...s, minScale: undefined });
  const demandOn = resolveInputs(d, { ...s, demand: { enabled: true } });
  const pick = (scale: typeof inputs.scale, part: 'min' | 'max') =>
    Object.fromEntries(Object.entries(scale).map(([m, byClass]) => [m, Object.fromEntries(Object.entries(byClass).map(([k, v]) => [k, v[part]]))]));
  return {
    caps: inputs.caps,
    rightsCaps: inputs.rightsCaps,
    share: inputs.share,
    minScale: pick(withoutMin.scale, 'min'),
    maxScale: pick(inputs.scale, 'max'),
    zones: inputs.zones,
    demandEnabled: inputs.demand.enabled,
    radiusKm: inputs.demand.radiusKm,
    demand: demandOn.demand.perCounty,
    weights: inputs.weights,
    preset: s.objective?.preset ?? DEFAULT_OBJECTIVE_PRESET,
    timeLimitSec: inputs.timeLimitSec,
    assumptions: Object.fromEntries(d.assumptions.map((a) => [a.id, a.value])),
  };
}
