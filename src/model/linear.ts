/**
 * A solver-neutral linear model whose rows and columns carry planner names
 * (`cap[sand]`, `n[Z07,medium]`) and labels said by key (./words.ts, shown in
 * the reader's language), so that an LP file, a binding constraint or an
 * infeasibility explanation reads as the plan does.
 */
import type { ModelSaid } from './said';

export type ConstraintFamily =
  | 'scale'
  | 'cap'
  | 'floor'
  | 'rights'
  | 'share'
  | 'zoneVolume'
  | 'zoneMines'
  | 'outsideZones'
  | 'reserve'
  | 'countyBound'
  | 'demand'
  | 'supply'
  | 'deviation'
  | 'pathLine'
  | 'pathStep'
  | 'mineCount'
  | 'goal'
  | 'tieBreak';

/**
 * What a row is about, typed, so that results, sensitivity and KPI tables
 * never parse row names: its mineral, county, zone or cell, rights class,
 * which side of a quantity it bounds, and the scenario path that sets it.
 */
export interface RowKey {
  mineral?: string;
  county?: string;
  zone?: string;
  cell?: string;
  rightsClass?: 'class3' | 'class12' | 'total';
  side?: 'min' | 'max';
  path?: string;
}

export interface Term {
  variable: string;
  coef: number;
}

export interface Variable {
  name: string;
  label: ModelSaid;
  integer: boolean;
  lb: number;
  ub: number | null;
}

export interface Constraint {
  name: string;
  family: ConstraintFamily;
  label: ModelSaid;
  terms: Term[];
  lb: number | null;
  ub: number | null;
  /** Policy rows may be relaxed when explaining an infeasible scenario; physical rows may not. */
  elastic: boolean;
  /** Unit of the row's right-hand side, for reporting slack and duals. */
  unit: string;
  key?: RowKey;
}

export interface LinearModel {
  name: string;
  sense: 'max' | 'min';
  objective: Term[];
  objectiveConstant: number;
  variables: Variable[];
  constraints: Constraint[];
}

/** The model as an LP with every integer variable fixed at its value in `values`. */
export function withIntegersFixed(model: LinearModel, values: Record<string, number>): LinearModel {
  return {
    ...model,
    variables: model.variables.map((v) => {
      if (!v.integer) return v;
      const x = Math.round(values[v.name] ?? 0);
      return { ...v, integer: false, lb: x, ub: x };
    }),
  };
}
