/**
 * Whole mines per cell. The goal and the one-answer solves count mines as
 * integers per county and mineral (and per mineral), with each cell's share
 * continuous beneath them. This step gives every cell a whole number of
 * mines: for one group (a county's cells of one mineral) at a time, every
 * other column is held at its value, the group keeps its quota, its mine
 * totals and what it ships to each county, and the cells' outputs move as
 * little as they must (Σ|v − v*|, then the fixed order of one-answer.ts) so
 * that each cell's mines are whole and every row of the model holds. The
 * county quotas, the objective and every plan-level count are unchanged.
 */
import type { BuiltModel, CellColumns } from './build';
import type { Constraint, LinearModel, Term, Variable } from './linear';
import type { ModelSolver, SolveLimits } from './run';
import { asIs } from './said';
import { hasSolution } from './report';

const FRACTION = 1e-6;

function groupsOf(b: BuiltModel): CellColumns[][] {
  const groups = new Map<string, CellColumns[]>();
  for (const x of b.index.cells) {
    const key = `${x.cell.county ?? ''}|${x.cell.mineral}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  return [...groups.values()];
}

const countColumns = (x: CellColumns) => [x.mines, ...(x.largeMedium !== null && x.largeMedium !== 'all' ? [x.largeMedium] : [])];

function isWhole(values: Record<string, number>, group: CellColumns[]): boolean {
  return group.flatMap(countColumns).every((c) => Math.abs((values[c] ?? 0) - Math.round(values[c] ?? 0)) <= FRACTION);
}

function groupModel(b: BuiltModel, group: CellColumns[], values: Record<string, number>): LinearModel {
  const counts = new Set(group.flatMap(countColumns));
  const volumes = new Set(group.map((x) => x.volume));
  const cellIds = new Set(group.map((x) => x.cell.id));
  const flows = b.index.flows.filter((f) => cellIds.has(f.cell.id));
  const free = new Set([...counts, ...volumes, ...flows.map((f) => f.variable)]);
  const variables: Variable[] = b.linear.variables.map((v) => {
    if (counts.has(v.name)) return { ...v, integer: true };
    if (free.has(v.name)) return v;
    const x = values[v.name] ?? 0;
    return { ...v, integer: false, lb: x, ub: x };
  });
  const sum = (names: string[]): Term[] => names.map((variable) => ({ variable, coef: 1 }));
  const fixedSum = (name: string, names: string[]): Constraint => {
    const total = names.reduce((a, n) => a + (values[n] ?? 0), 0);
    return { name, family: 'tieBreak', elastic: false, unit: '', label: asIs(name), terms: sum(names), lb: total, ub: total };
  };
  const constraints: Constraint[] = [...b.linear.constraints, fixedSum('keep[quota]', [...volumes])];
  for (const to of new Set(flows.map((f) => f.county)))
    constraints.push(fixedSum(`keep[to:${to}]`, flows.filter((f) => f.county === to).map((f) => f.variable)));
  const objective: Term[] = [];
  group.forEach((x, i) => {
    const up = `move[${x.cell.id}].up`;
    const down = `move[${x.cell.id}].down`;
    variables.push({ name: up, label: asIs(up), integer: false, lb: 0, ub: null }, { name: down, label: asIs(down), integer: false, lb: 0, ub: null });
    const v = values[x.volume] ?? 0;
    constraints.push({ name: `move[${x.cell.id}]`, family: 'tieBreak', elastic: false, unit: '', label: asIs(x.cell.id), terms: [{ variable: x.volume, coef: 1 }, { variable: up, coef: -1 }, { variable: down, coef: 1 }], lb: v, ub: v });
    const order = 1 + (i + 1) / (group.length + 1) / 1000;
    objective.push({ variable: up, coef: order }, { variable: down, coef: order });
    for (const c of countColumns(x)) objective.push({ variable: c, coef: 1e-6 * (i + 1) });
  });
  return { name: `${b.linear.name} (whole mines)`, sense: 'min', objective, objectiveConstant: 0, variables, constraints };
}

export interface WholeMines {
  values: Record<string, number>;
  /** groups whose cells could not all get whole mines (their shares are left as the solve gave them) */
  unresolved: string[];
}

/** `limits` is asked before each group's solve, so that a shared time budget shrinks as the groups are solved. */
export function wholeMines(b: BuiltModel, values: Record<string, number>, solver: ModelSolver, limits: () => SolveLimits): WholeMines {
  let current = { ...values };
  const unresolved: string[] = [];
  for (const group of groupsOf(b)) {
    if (isWhole(current, group)) {
      for (const c of group.flatMap(countColumns)) current[c] = Math.round(current[c] ?? 0);
      continue;
    }
    const sol = solver.solve(groupModel(b, group, current), { ...limits(), mipGap: 0 });
    if (hasSolution(sol)) {
      const next = { ...current };
      for (const v of b.linear.variables) if (v.name in sol.values) next[v.name] = sol.values[v.name] ?? 0;
      for (const c of group.flatMap(countColumns)) next[c] = Math.round(next[c] ?? 0);
      current = next;
    } else unresolved.push(`${group[0]?.cell.county ?? ''}|${group[0]?.cell.mineral ?? ''}`);
  }
  return { values: current, unresolved };
}
