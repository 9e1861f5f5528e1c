/**
 * Named objective presets (see objective.ts for what a weight of 1 means).
 * `continuity` is the default: supply the demand (each unit left unmet
 * costs its 2020 value), with as few mines and as little haul as that
 * allows; output beyond demand earns nothing. The small weight on mines
 * picks, among equal supplies, the answer with fewer mines; the share
 * weight makes each large/medium mine missing from the plan's ≥40% target
 * cost as much as the whole plan's value per mine.
 */
import type { ObjectivePreset, ObjectiveTerm } from './scenario';

export const OBJECTIVE_PRESET_WEIGHTS: Record<ObjectivePreset, Record<ObjectiveTerm, number>> = {
  continuity: { value: 0, mines: 0.001, transport: 0.05, unmet: 1, deviation: 0, share: 1 },
  'max-value': { value: 1, mines: 0.001, transport: 0, unmet: 0, deviation: 0, share: 1 },
  'min-mines': { value: 0, mines: 1, transport: 0, unmet: 0, deviation: 0, share: 1 },
  'min-transport': { value: 0, mines: 0.001, transport: 1, unmet: 5, deviation: 0, share: 1 },
  balanced: { value: 0, mines: 0.5, transport: 0.5, unmet: 1, deviation: 0.2, share: 1 },
};

export const DEFAULT_OBJECTIVE_PRESET: ObjectivePreset = 'continuity';
