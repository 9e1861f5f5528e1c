/**
 * What a solve tells a planner: the shape of `solve --json`, of a stored run
 * and of everything the results pages show.
 */
import type { Label } from '../domain/label';
import type { SizeClass } from '../domain/dataset';

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
    largeMediumShare: { value: number | null; min: number };
  };
  counties: CountyQuota[];
  zones: ZoneQuota[];
  binding: BindingConstraint[];
  explanation: Relaxation[];
  size: { variables: number; integers: number; constraints: number };
  solveTimeMs: number;
  modelVersion: string;
}
