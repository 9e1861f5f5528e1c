/**
 * LinearModel → glpk.js problem object. Pure: the GLPK constants come in as a
 * parameter, so this module loads no wasm and runs anywhere.
 *
 * glpk.js aborts its wasm module (an Emscripten `Aborted()` RuntimeError) on
 * input that GLPK's API rejects with `xerror`, e.g. the same column twice in
 * one row, a name longer than 255 bytes or holding a control character. The
 * conversion therefore merges repeated terms, and `validateModel` lists the
 * problems that must be fixed before anything reaches glpk.
 */
import type { GLPK, LP } from 'glpk.js/node';
import type { LinearModel, Term } from '../model/linear';

/** The constants this module needs; the glpk.js instance itself satisfies it. */
export type GlpkConstants = Pick<GLPK, 'GLP_MIN' | 'GLP_MAX' | 'GLP_FR' | 'GLP_LO' | 'GLP_UP' | 'GLP_DB' | 'GLP_FX'>;

export type GlpkLp = LP;

/** The names glpk sees, aligned with `model.variables` and `model.constraints`. */
export interface GlpkNames {
  problem: string;
  objective: string;
  columns: readonly string[];
  rows: readonly string[];
}

export interface GlpkBounds {
  type: number;
  lb: number;
  ub: number;
}

export class ModelError extends Error {
  constructor(
    readonly model: string,
    readonly problems: readonly string[],
  ) {
    super(`model ${model} is not well formed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    this.name = 'ModelError';
  }
}

/** Every structural problem glpk would choke on or silently misread (empty list: fine). */
export function validateModel(model: LinearModel): string[] {
  const problems: string[] = [];
  const vars = new Set<string>();
  for (const v of model.variables) {
    if (vars.has(v.name)) problems.push(`duplicate variable ${v.name}`);
    vars.add(v.name);
    if (Number.isNaN(v.lb) || v.lb === Infinity) problems.push(`variable ${v.name}: lower bound ${v.lb}`);
    if (v.ub !== null && (Number.isNaN(v.ub) || v.ub === -Infinity)) problems.push(`variable ${v.name}: upper bound ${v.ub}`);
  }
  const checkTerms = (where: string, terms: readonly Term[]) => {
    for (const t of terms) {
      if (!vars.has(t.variable)) problems.push(`${where}: unknown variable ${t.variable}`);
      if (!Number.isFinite(t.coef)) problems.push(`${where}: coefficient ${t.coef} on ${t.variable}`);
    }
  };
  checkTerms('objective', model.objective);
  if (!Number.isFinite(model.objectiveConstant)) problems.push(`objective constant ${model.objectiveConstant}`);
  const rows = new Set<string>();
  for (const c of model.constraints) {
    if (rows.has(c.name)) problems.push(`duplicate constraint ${c.name}`);
    rows.add(c.name);
    checkTerms(`constraint ${c.name}`, c.terms);
    if (c.lb !== null && (Number.isNaN(c.lb) || c.lb === Infinity)) problems.push(`constraint ${c.name}: lower bound ${c.lb}`);
    if (c.ub !== null && (Number.isNaN(c.ub) || c.ub === -Infinity)) problems.push(`constraint ${c.name}: upper bound ${c.ub}`);
  }
  return problems;
}

export function assertValidModel(model: LinearModel): void {
  const problems = validateModel(model);
  if (problems.length > 0) throw new ModelError(model.name, problems);
}

/** A bound pair as glpk wants it: ±Infinity and null both mean "no bound". */
export function glpkBounds(lb: number | null, ub: number | null, k: GlpkConstants): GlpkBounds {
  const lo = lb === null || lb === -Infinity ? null : lb;
  const hi = ub === null || ub === Infinity ? null : ub;
  if (lo === null && hi === null) return { type: k.GLP_FR, lb: 0, ub: 0 };
  if (hi === null) return { type: k.GLP_LO, lb: lo ?? 0, ub: 0 };
  if (lo === null) return { type: k.GLP_UP, lb: 0, ub: hi };
  if (lo === hi) return { type: k.GLP_FX, lb: lo, ub: hi };
  return { type: k.GLP_DB, lb: lo, ub: hi };
}

/** Sums repeated variables (glpk aborts on a duplicate matrix entry) and drops zeros. */
export function mergeTerms(terms: readonly Term[], nameOf: (variable: string) => string): { name: string; coef: number }[] {
  const sum = new Map<string, number>();
  for (const t of terms) sum.set(t.variable, (sum.get(t.variable) ?? 0) + t.coef);
  const out: { name: string; coef: number }[] = [];
  for (const [variable, coef] of sum) if (coef !== 0) out.push({ name: nameOf(variable), coef });
  return out;
}

/** The model's own names (fine for glpk.solve when they are unique and short). */
export function modelNames(model: LinearModel): GlpkNames {
  return {
    problem: model.name,
    objective: 'obj',
    columns: model.variables.map((v) => v.name),
    rows: model.constraints.map((c) => c.name),
  };
}

/** Short positional names (`x0`, `r0`): what the adapter hands glpk.solve, so no model name can upset it. */
export function indexNames(model: LinearModel): GlpkNames {
  return {
    problem: 'model',
    objective: 'obj',
    columns: model.variables.map((_, i) => `x${i}`),
    rows: model.constraints.map((_, i) => `r${i}`),
  };
}

/** Name of the fixed-at-zero column added when a model has no variables (glpk needs ≥ 1 column). */
export const PAD_COLUMN = '_noColumns';
/** Name of the free, empty row added when a model has no constraints (glpk.js needs ≥ 1 row to write a file). */
export const PAD_ROW = '_noRows';

/**
 * The glpk.js problem for `model`: objective (without `objectiveConstant`,
 * which glpk.js cannot carry: add it to `z`), one row per constraint with its
 * bound type from the null/non-null `lb`/`ub`, explicit bounds for every
 * variable (so a variable in no row still exists), integers as `generals`.
 */
export function toGlpkLp(model: LinearModel, k: GlpkConstants, names: GlpkNames = modelNames(model)): GlpkLp {
  const colName = new Map<string, string>();
  model.variables.forEach((v, i) => colName.set(v.name, names.columns[i] ?? v.name));
  const nameOf = (variable: string) => colName.get(variable) ?? variable;

  const bounds = model.variables.map((v, i) => ({ name: names.columns[i] ?? v.name, ...glpkBounds(v.lb, v.ub, k) }));
  if (bounds.length === 0) bounds.push({ name: PAD_COLUMN, type: k.GLP_FX, lb: 0, ub: 0 });

  const subjectTo = model.constraints.map((c, i) => ({
    name: names.rows[i] ?? c.name,
    vars: mergeTerms(c.terms, nameOf),
    bnds: glpkBounds(c.lb, c.ub, k),
  }));
  if (subjectTo.length === 0) subjectTo.push({ name: PAD_ROW, vars: [], bnds: { type: k.GLP_FR, lb: 0, ub: 0 } });

  const generals: string[] = [];
  model.variables.forEach((v, i) => {
    if (v.integer) generals.push(names.columns[i] ?? v.name);
  });

  const lp: GlpkLp = {
    name: names.problem,
    objective: {
      direction: model.sense === 'max' ? k.GLP_MAX : k.GLP_MIN,
      name: names.objective,
      vars: mergeTerms(model.objective, nameOf),
    },
    subjectTo,
    bounds,
  };
  if (generals.length > 0) lp.generals = generals;
  return lp;
}

/** Rows or columns whose lower bound exceeds the upper one: glpk answers UNDEF for these, never NOFEAS. */
export function crossedBounds(model: LinearModel, tol = 1e-9): string[] {
  const crossed = (lb: number | null, ub: number | null) =>
    lb !== null && ub !== null && lb > ub + tol * Math.max(1, Math.abs(lb), Math.abs(ub));
  return [
    ...model.variables.filter((v) => crossed(v.lb, v.ub)).map((v) => v.name),
    ...model.constraints.filter((c) => crossed(c.lb, c.ub)).map((c) => c.name),
  ];
}
