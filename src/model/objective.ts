/**
 * The objective, in 万元. Demand and value terms are priced at the 2020
 * value per unit (专栏6); the other terms are normalised so that a weight of
 * 1 means "as important as the whole output value of the plan":
 *
 *   max  w_value·Σ p_m·v − w_unmet·Σ p_m·unmet + w_unmet·Σ p_m·D_m
 *        − V·( w_mines·Σn/N + w_transport·Σ km·x/T + w_deviation·Σ_m dev_m/R_m/|M| )
 *        − w_share·(V/N)·shortfall
 *
 * The constant w_unmet·Σ p_m·D_m makes the continuity objective read as
 * "value of the demand supplied, less the costs".
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
  const demand = index.unmet.filter((u) => u.county !== null).reduce((a, u) => a + u.demand, 0);
  return {
    value: value > 0 ? value : 1,
    mines: Math.max(1, inputs.rightsCaps.total),
    transport: Math.max(1, demand * inputs.demand.radiusKm),
  };
}

function perMineralTotal<T extends { mineral: string }>(items: T[], size: (x: T) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const x of items) totals.set(x.mineral, (totals.get(x.mineral) ?? 0) + size(x));
  return totals;
}

export interface Objective {
  terms: Term[];
  constant: number;
}

export function objectiveOf(inputs: ModelInputs, index: ModelIndex): Objective {
  const w = inputs.weights;
  const s = objectiveScales(inputs, index);
  const price = (m: string) => inputs.valuePerUnit[m] ?? 0;
  const terms = new Map<string, number>();
  const add = (variable: string, coef: number) => {
    if (coef !== 0) terms.set(variable, (terms.get(variable) ?? 0) + coef);
  };
  for (const x of index.cells) {
    add(x.volume, w.value * price(x.cell.mineral));
    add(x.mines, (-w.mines * s.value) / s.mines);
  }
  for (const f of index.flows) add(f.variable, (-w.transport * s.value * f.km) / s.transport);
  let constant = 0;
  for (const u of index.unmet) {
    add(u.variable, -w.unmet * price(u.mineral));
    constant += w.unmet * price(u.mineral) * u.demand;
  }
  const refBy = perMineralTotal(index.deviation, (r) => r.reference);
  for (const r of index.deviation) {
    const total = Math.max(1, refBy.get(r.mineral) ?? 0);
    const coef = (-w.deviation * s.value) / total / refBy.size;
    add(r.up, coef);
    add(r.down, coef);
  }
  if (index.shareShortfall) add(index.shareShortfall, (-w.share * s.value) / s.mines);
  return { terms: [...terms].map(([variable, coef]) => ({ variable, coef })), constant };
}
