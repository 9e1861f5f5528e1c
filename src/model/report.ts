/**
 * What a solve tells a planner: the shape of `solve --json`, of a stored run
 * and of everything the results pages show.
 */
import type { Label } from '../domain/label';
import type { SizeClass } from '../domain/dataset';
import type { RowKey } from './linear';

export const STATUSES = ['optimal', 'feasible', 'infeasible', 'unbounded', 'timeout'] as const;
export type SolveStatus = (typeof STATUSES)[number];

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
 * found reaches (forcing the quota there still solves); when a solve stopped
 * at the time limit before proving its end, `minProven`/`maxProven` is false
 * and `minBound`/`maxBound` says how far the end can be at most (the LP
 * relaxation's bound).
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
  label: Label;
  family: string;
  slack: number;
  dual: number | null;
  unit: string;
}

export interface Relaxation {
  constraint: string;
  label: Label;
  relaxBy: number;
  unit: string;
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
