/**
 * The objective: weighted, normalised terms, then scaled back by the
 * reference value so that the objective (and every dual) reads in 万元 of
 * output-value equivalent. With the max-value preset it is the output value.
 *
 *   max  V·( w_value·value/V − w_mines·mines/N − w_transport·t·km/T
 *            − w_unmet·Σ_m unmet_m/D_m/|M| − w_deviation·Σ_m dev_m/R_m/|M| )
 */
import type { ModelIndex } from './build';
import type { ModelInputs } from './inputs';
import type { Term } from './linear';

export interface ObjectiveScales {
  /** output value at the caps, 万元 */
  value: number;
  /** mines allowed in all */
  mines: number;
  /** demand × radius, unit·km */
  transport: number;
}

export function objectiveScales(inputs: ModelInputs, index: ModelIndex): ObjectiveScales {
  const value = inputs.minerals.reduce((a, m) => {
    const cap = inputs.caps[m.id]?.max ?? inputs.reserveLimit[m.id]?.limit ?? 0;
    return a + cap * (inputs.valuePerUnit[m.id] ?? 0);
  }, 0);
  const demand = index.unmet.reduce((a, u) => a + u.demand, 0);
  return {
    value: value > 0 ? value : 1,
    mines: Math.max(1, inputs.rightsCaps.total),
    transport: Math.max(1, demand * inputs.demand.radiusKm),
  };
}

function perMineralShare<T extends { mineral: string }>(items: T[], size: (x: T) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const x of items) totals.set(x.mineral, (totals.get(x.mineral) ?? 0) + size(x));
  return totals;
}

export function objectiveTerms(inputs: ModelInputs, index: ModelIndex): Term[] {
  const w = inputs.weights;
  const s = objectiveScales(inputs, index);
  const terms = new Map<string, number>();
  const add = (variable: string, coef: number) => {
    if (coef !== 0) terms.set(variable, (terms.get(variable) ?? 0) + coef);
  };
  for (const x of index.volume) add(x.variable, w.value * (inputs.valuePerUnit[x.cell.mineral] ?? 0));
  for (const x of index.mines) add(x.variable, (-w.mines * s.value) / s.mines);
  for (const f of index.flows) add(f.variable, (-w.transport * s.value * f.km) / s.transport);
  const demandBy = perMineralShare(index.unmet, (u) => u.demand);
  for (const u of index.unmet) {
    const total = demandBy.get(u.mineral) ?? 0;
    if (total > 0) add(u.variable, (-w.unmet * s.value) / total / demandBy.size);
  }
  const refBy = perMineralShare(index.deviation, (r) => r.reference);
  for (const r of index.deviation) {
    const total = Math.max(1, refBy.get(r.mineral) ?? 0);
    const coef = (-w.deviation * s.value) / total / refBy.size;
    add(r.up, coef);
    add(r.down, coef);
  }
  return [...terms].map(([variable, coef]) => ({ variable, coef }));
}
