/**
 * What a solve tells a planner: the shape of `solve --json`, of a stored run
 * and of everything the results pages show.
 */
import type { SizeClass } from '../domain/dataset';
import type { RowKey } from './linear';
import type { ModelSaid } from './said';

export const STATUSES = ['optimal', 'feasible', 'infeasible', 'unbounded', 'timeout'] as const;
export type SolveStatus = (typeof STATUSES)[number];

/**
 * A solve has a solution when the solver found one: proven optimal, or
 * feasible (within the gap allowed, or the best found by the time limit).
 * A time-out found none, whatever zero-filled tables its report carries.
 */
export function hasSolution(x: { readonly status: SolveStatus | null }): boolean {
  return x.status === 'optimal' || x.status === 'feasible';
}

export type MinesByClass = Record<SizeClass, number>;

export interface MineralTotal {
  volume: number;
  cap: number | null;
  floor: number | null;
  unit: string;
  mines: number;
}

export interface RightsUse {
  used: number;
  cap: number;
}

export interface CountyQuota {
  /** null: zones the plan assigns to no county (the prefecture's jade placer zones) */
  county: string | null;
  mineral: string;
  volume: number;
  mines: MinesByClass;
  /** the county's 2020 output (专栏6 shared by 专栏5 rights): the continuity reference; absent for stored runs of model v1 */
  output2020?: number | null;
  /** valid rights in 2020 (专栏5) */
  rights2020?: number;
}

export interface DemandLine {
  /** null: demand of the whole prefecture (no haul modelled) */
  county: string | null;
  mineral: string;
  demand: number;
  supplied: number;
  unmet: number;
}

export interface Flow {
  from: string;
  to: string;
  mineral: string;
  amount: number;
  km: number;
}

/**
 * How far a county quota may move while the planner's goal stays within the
 * tolerance of its optimum. `min`/`max`: the least and most an allocation
 * found reaches (forcing the quota there still solves); when the planner's
 * time limit (`--range-time`) stopped an end before proof, `minProven`/
 * `maxProven` is false and `minBound`/`maxBound` says how far the end can be
 * at most (the limit proven so far, at worst the LP relaxation's bound).
 */
export interface QuotaRange {
  county: string | null;
  mineral: string;
  volume: number;
  min: number | null;
  max: number | null;
  minProven?: boolean;
  maxProven?: boolean;
  minBound?: number | null;
  maxBound?: number | null;
}

export interface ZoneQuota {
  zone: string;
  mineral: string;
  county: string | null;
  volume: number;
  mines: number;
  excluded: boolean;
  /** volume ÷ zone capacity, null when the zone has no capacity row (excluded) */
  capacityUse: number | null;
}

export interface BindingConstraint {
  constraint: string;
  /** what the row is about (absent on runs stored before model v2) */
  key?: RowKey;
  label: ModelSaid;
  family: string;
  slack: number;
  dual: number | null;
  unit: string;
}

/** A row on the other side of a conflict (explain.ts says which rows count). */
export interface OpposingRow {
  constraint: string;
  label: ModelSaid;
  key?: RowKey;
}

/**
 * Why no allocation can meet a minimum, whatever the policy rows allow
 * (explain.ts): 'noCell': no cell counts toward it (no rights or zones of the
 * mineral there, or the scenario excluded them: `excludedZones`); 'noMine':
 * no mine of the mineral can exist (its smallest class's minimum scale is
 * above the largest mine), so its output is 0.
 */
export type InfeasibilityCause =
  | { kind: 'noCell'; constraint: string; label: ModelSaid; key?: RowKey; excludedZones: string[] }
  | { kind: 'noMine'; constraint: string; label: ModelSaid; key?: RowKey; mineral: string; minScale: number; largest: number; unit: string; path: string };

export interface Relaxation {
  constraint: string;
  label: ModelSaid;
  relaxBy: number;
  unit: string;
  /** what the row is about; `key.path` is the scenario field that sets it (absent on runs stored before model v2) */
  key?: RowKey;
  /** the planner's figure now, as the scenario states it (a rights ceiling with the mines of other minerals included) */
  figure?: number;
  /** the figure to set instead: a minimum lowered, a maximum raised, by relaxBy (mine counts whole) */
  target?: number;
  /** rows binding in the relaxed answer that meet this one from the other side */
  opposing?: OpposingRow[];
  /** the reason no mine can meet this row, when there is one: then only the row itself can give way */
  cause?: InfeasibilityCause;
}

export interface SolveReport {
  status: SolveStatus;
  objective: number | null;
  totals: Record<string, MineralTotal>;
  rights: {
    class3: RightsUse;
    class12: RightsUse;
    total: RightsUse;
    /** over all class-1/2 mines, those of other minerals included; shortfall: large/medium mines missing from the target */
    largeMediumShare: { value: number | null; min: number; shortfall?: number };
  };
  counties: CountyQuota[];
  zones: ZoneQuota[];
  binding: BindingConstraint[];
  explanation: Relaxation[];
  /** infeasible only: minimums nothing can meet, read from the scenario (explain.ts) */
  causes?: InfeasibilityCause[];
  /** relative gap of a solution not proven optimal (an upper bound: ≤ this far from the optimum); null when proven or none */
  gap?: number | null;
  /** 'proven': the second stage picked one allocation among the equally good ones by the stated rule and proved it */
  tieBreak?: 'proven' | 'not-proven' | 'none';
  demand?: DemandLine[];
  flows?: Flow[];
  ranges?: QuotaRange[];
  size: { variables: number; integers: number; constraints: number };
  solveTimeMs: number;
  modelVersion: string;
}
