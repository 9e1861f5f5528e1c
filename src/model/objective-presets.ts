/**
 * Named objective presets. Each term is normalised (see objective.ts) so a
 * weight of 1 means "as important as the whole output value of the plan".
 * The small weight on mines in max-value breaks ties towards fewer mines, so
 * that equal-value answers do not open mines for nothing.
 */
import type { ObjectivePreset, ObjectiveTerm } from '../domain/scenario';

export const OBJECTIVE_PRESET_WEIGHTS: Record<ObjectivePreset, Record<ObjectiveTerm, number>> = {
  'max-value': { value: 1, mines: 0.001, transport: 0, unmet: 0, deviation: 0 },
  'min-mines': { value: 0.2, mines: 1, transport: 0, unmet: 0, deviation: 0 },
  'min-transport': { value: 0.1, mines: 0.001, transport: 1, unmet: 2, deviation: 0 },
  balanced: { value: 1, mines: 0.5, transport: 0.5, unmet: 1, deviation: 0.2 },
};
