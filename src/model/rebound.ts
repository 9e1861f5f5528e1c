/**
 * A sweep solves one scenario many times with one number changed. Where that
 * number is a cap (`caps.*`), a rights cap (`rightsCaps.*`) or a county bound
 * (`countyBounds.*`), the model keeps its columns, cells and every other row:
 * the builder's own functions (boundRows, objectiveOf) rewrite the rows those
 * keys set and the objective (caps and the total mine cap scale its terms),
 * and the result equals buildModel's. Any other change, or a bound that adds
 * or removes a row, builds the model again.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { BOUND_FAMILIES, boundRows, buildModel, type BuiltModel } from './build';
import { resolveInputs } from './inputs';
import type { Constraint } from './linear';
import { objectiveOf } from './objective';

/** The scenario without the keys a rebound may change. */
function structural(s: Scenario): string {
  const { name: _name, caps: _caps, rightsCaps: _rights, countyBounds: _county, ...rest } = s;
  return JSON.stringify(rest);
}

/**
 * `built` (the model of `from`) with the bounds of `to`; null when `to`
 * differs from `from` in anything else, or sets a bound that adds or removes
 * a row.
 */
export function reboundModel(d: Dataset, from: Scenario, built: BuiltModel, to: Scenario): BuiltModel | null {
  if (structural(from) !== structural(to)) return null;
  const inputs = resolveInputs(d, to);
  const fresh = boundRows(d, inputs, built.index);
  let next = 0;
  const constraints: Constraint[] = [];
  for (const c of built.linear.constraints) {
    if (!BOUND_FAMILIES.has(c.family)) {
      constraints.push(c);
      continue;
    }
    const row = fresh[next++];
    if (row?.name !== c.name) return null;
    constraints.push(row);
  }
  if (next !== fresh.length) return null;
  const objective = objectiveOf(inputs, built.index);
  return {
    ...built,
    inputs,
    linear: { ...built.linear, name: to.name, objective: objective.terms, objectiveConstant: objective.constant, constraints },
  };
}

/** Builds each scenario's model from the last one where reboundModel can (one cache per solver worker). */
export class ModelCache {
  private last: { dataset: Dataset; scenario: Scenario; built: BuiltModel } | null = null;
  /** models built from scratch and models rebounded, since the cache was made */
  readonly counts = { built: 0, rebounded: 0 };

  model(d: Dataset, s: Scenario): BuiltModel {
    const last = this.last;
    let built = last && last.dataset === d ? reboundModel(d, last.scenario, last.built, s) : null;
    if (built) this.counts.rebounded++;
    else {
      built = buildModel(d, s);
      this.counts.built++;
    }
    this.last = { dataset: d, scenario: s, built };
    return built;
  }
}
