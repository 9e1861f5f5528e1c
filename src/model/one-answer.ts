/**
 * One answer among equals. The planner's goal (stage 1) often leaves room:
 * many allocations reach the same optimum. Stage 2 keeps the goal at its
 * optimum and picks, by a stated rule, the allocation closest to the status
 * quo, so that any exact solver reading the stage-2 LP file returns the same
 * county quotas:
 *
 *   min  3·Σ_s v[s]                                            (no output the goal does not need: one more unit
 *                                                                moves the county terms by at most 2)
 *      + Σ_{c,m} |q[c,m] − share2020[c,m]·Q[m]|                (continuity of the county split)
 *      + 0.1·Σ_s |v[s] − ref[s]|                               (existing mines first, zones by capacity)
 *      + ε·Σ_j w_j·x_j                                         (a fixed order among what is still equal)
 *   s.t. every row of the model, and  goal ≥ z* − tol
 *
 * share2020[c,m]: the county's share of the mineral's 2020 output (专栏6 by
 * 专栏5 rights). ref[s]: an outside cell's 2020 output; a zone's share of its
 * county's zone output in proportion to its capacity. ε = 1e-4 and w_j = √p_j
 * with p_j the j-th prime (j: the column's place in the model): square roots
 * of distinct primes never add up to the same sum, so no two allocations tie.
 */
import type { Dataset } from '../domain/dataset';
import type { BuiltModel } from './build';
import { countyLabel } from './labels';
import { sayModel, type ModelSaid } from './said';
import type { Cell } from './cells';
import type { Constraint, LinearModel, Term, Variable } from './linear';

export const OUTPUT_WEIGHT = 3;
export const CELL_WEIGHT = 0.1;
export const ORDER_EPSILON = 1e-4;
/** the goal may give up this much (relative) so that rounding in the stage-1 optimum cannot make stage 2 infeasible */
export const GOAL_TOLERANCE = 1e-9;

function primes(count: number): number[] {
  const out: number[] = [];
  for (let k = 2; out.length < count; k++) if (out.every((p) => p * p > k || k % p !== 0)) out.push(k);
  return out;
}

/** The row "stage-1 objective ≥ floor", named `goal`. */
export function goalRow(model: LinearModel, floor: number): Constraint {
  const bound = floor - model.objectiveConstant;
  return {
    name: 'goal',
    family: 'goal',
    elastic: false,
    unit: '万元',
    label: sayModel('model.goal'),
    terms: model.objective,
    lb: model.sense === 'max' ? bound : null,
    ub: model.sense === 'max' ? null : -bound,
  };
}

/** The goal's floor: the optimum less a relative tolerance. */
export function goalFloor(optimum: number, tolerance: number): number {
  return optimum - tolerance * Math.max(1, Math.abs(optimum));
}

interface Deviation {
  name: string;
  label: ModelSaid;
  terms: Term[];
  rhs: number;
  weight: number;
  unit: string;
}

function countyShares(b: BuiltModel, mineral: string): Map<string, number> {
  const by2020 = new Map<string, number>();
  const byRights = new Map<string, number>();
  for (const c of b.inputs.unitOrder) {
    by2020.set(c, b.inputs.output2020[c]?.[mineral] ?? 0);
    byRights.set(c, b.inputs.existingRights[c]?.[mineral] ?? 0);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, x) => a + x, 0);
  const basis = sum(by2020) > 0 ? by2020 : byRights;
  const total = sum(basis);
  return new Map([...basis].map(([c, x]) => [c, total > 0 ? x / total : 0]));
}

function continuityDeviations(d: Dataset, b: BuiltModel): Deviation[] {
  const out: Deviation[] = [];
  const unit = (m: string) => b.inputs.minerals.find((x) => x.id === m)?.unit ?? '';
  for (const m of b.inputs.minerals) {
    const cells = b.index.cells.filter((x) => x.cell.mineral === m.id && x.cell.county !== null);
    if (cells.length === 0) continue;
    const shares = countyShares(b, m.id);
    for (const county of b.inputs.unitOrder) {
      const own = cells.filter((x) => x.cell.county === county);
      if (own.length === 0) continue;
      const share = shares.get(county) ?? 0;
      const coef = new Map<string, number>();
      for (const x of cells) coef.set(x.volume, (x.cell.county === county ? 1 : 0) - share);
      const place = sayModel('model.countyMineral', { county: countyLabel(d, county), mineral: m.name });
      out.push({
        name: `continuity[${county},${m.id}]`,
        label: sayModel('model.continuity.county', { place }),
        terms: [...coef].filter(([, c]) => c !== 0).map(([variable, c]) => ({ variable, coef: c })),
        rhs: 0,
        weight: 1,
        unit: unit(m.id),
      });
    }
  }
  return out;
}

function cellDeviations(b: BuiltModel): Deviation[] {
  const out: Deviation[] = [];
  const unit = (m: string) => b.inputs.minerals.find((x) => x.id === m)?.unit ?? '';
  const zoneCapacity = (c: Cell) => c.zone?.volumeCapacity ?? 0;
  for (const x of b.index.cells) {
    const { cell } = x;
    if (cell.kind === 'outside') {
      const ref = cell.maxVolume ?? b.inputs.output2020[cell.county ?? '']?.[cell.mineral] ?? 0;
      out.push({ name: `continuity[${cell.id}]`, label: sayModel('model.continuity.outside', { cell: cell.label }), terms: [{ variable: x.volume, coef: 1 }], rhs: ref, weight: CELL_WEIGHT, unit: unit(cell.mineral) });
    }
    if (cell.kind === 'zone') {
      const group = b.index.cells.filter((y) => y.cell.kind === 'zone' && y.cell.mineral === cell.mineral && y.cell.county === cell.county);
      const total = group.reduce((a, y) => a + zoneCapacity(y.cell), 0);
      if (group.length < 2 || total <= 0) continue;
      const share = zoneCapacity(cell) / total;
      const terms = group.map((y) => ({ variable: y.volume, coef: (y.cell.id === cell.id ? 1 : 0) - share })).filter((t) => t.coef !== 0);
      out.push({ name: `continuity[${cell.id}]`, label: sayModel('model.continuity.zone', { cell: cell.label }), terms, rhs: 0, weight: CELL_WEIGHT, unit: unit(cell.mineral) });
    }
  }
  return out;
}

/** The stage-2 model: stage 1's rows, the goal kept at `optimum`, the continuity rule as the objective. */
export function oneAnswerModel(d: Dataset, b: BuiltModel, optimum: number): LinearModel {
  const stage1 = b.linear;
  const variables: Variable[] = [...stage1.variables];
  const constraints: Constraint[] = [...stage1.constraints, goalRow(stage1, goalFloor(optimum, GOAL_TOLERANCE))];
  const objective: Term[] = [];
  for (const dev of [...continuityDeviations(d, b), ...cellDeviations(b)]) {
    variables.push({ name: `${dev.name}.up`, label: sayModel('model.tieBreak.above', { row: dev.label }), integer: false, lb: 0, ub: null });
    variables.push({ name: `${dev.name}.down`, label: sayModel('model.tieBreak.below', { row: dev.label }), integer: false, lb: 0, ub: null });
    constraints.push({
      name: dev.name, family: 'tieBreak', elastic: false, unit: dev.unit, label: dev.label, lb: dev.rhs, ub: dev.rhs,
      terms: [...dev.terms, { variable: `${dev.name}.up`, coef: -1 }, { variable: `${dev.name}.down`, coef: 1 }],
    });
    objective.push({ variable: `${dev.name}.up`, coef: dev.weight }, { variable: `${dev.name}.down`, coef: dev.weight });
  }
  for (const x of b.index.cells) objective.push({ variable: x.volume, coef: OUTPUT_WEIGHT });
  const order = primes(stage1.variables.length);
  stage1.variables.forEach((v, j) => objective.push({ variable: v.name, coef: ORDER_EPSILON * Math.sqrt(order[j] ?? 2) }));
  return { name: `${stage1.name} (one answer)`, sense: 'min', objective, objectiveConstant: 0, variables, constraints };
}
