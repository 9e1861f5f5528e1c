/**
 * The solver adapter: LinearModel in, planner-facing solution out, on top of a
 * *synchronous* glpk.js instance (the `glpk.js/node` build, which is also what
 * our own web worker loads). Imports no Node module and no wasm itself: Node
 * code gets an instance from `./node`, the browser from `./worker`.
 *
 * Conventions of the returned numbers:
 * - `objective` includes `model.objectiveConstant` (glpk.js cannot carry it).
 * - `duals[row]` is glpk's row dual: the change of the objective per unit
 *   increase of the row's active bound (so ≥ 0 for a binding ≤ row of a max
 *   problem). For a MIP they are the duals of the LP with the integers fixed:
 *   every integer variable is fixed at its (rounded) MIP value and the
 *   remaining LP is re-solved.
 * - `timeLimitSec` applies to each glpk call (the main solve, and the
 *   classifying or fixed-integer LP re-solves, which are normally fast).
 */
import type { GLPK, Options, Result } from 'glpk.js/node';
import { MAX_TIME_LIMIT_SEC } from '../model/inputs';
import type { Constraint, ConstraintFamily, LinearModel, Variable } from '../model/linear';
import type { BoundRow } from '../model/explain';
import { type BindingConstraint, hasSolution, type Relaxation, type SolveStatus } from '../model/report';
import type { Solution as ModelSolution } from '../model/run';
import { sayModel } from '../model/said';
import { assertValidModel, crossedBounds, indexNames, toGlpkLp, type GlpkLp, type GlpkNames } from './glpk-format';
import { lpFileNames } from './lp-names';
import { muteGlpkOutput } from './quiet';
import { mapStatus, SolverError, type MappedStatus, type RawStatus } from './status';

export interface SolveOptions {
  /** wall-clock limit per glpk call, seconds; absent, ≤ 0 or non-finite: none */
  timeLimitSec?: number;
  /** relative MIP gap at which glpk may stop (then status 'feasible'); default 0 */
  mipGap?: number;
}

/** The model layer's `Solution` (values, row activities and duals by planner name). */
export interface Solution extends ModelSolution {
  /** the solve stopped at its time limit ('timeout', or 'feasible' without proof of optimality) */
  timedOut: boolean;
}

export interface ElasticRelaxation extends Relaxation {
  family: ConstraintFamily;
  /** 'upper': raise the row's upper bound by relaxBy; 'lower': lower its lower bound by relaxBy */
  side: 'upper' | 'lower';
  /** the bound being relaxed, in `unit` */
  bound: number;
  /** relaxBy / max(1, |bound|): the size the elastic objective minimised */
  relative: number;
}

export interface InfeasibilityFlags {
  /**
   * status of the elastic solve ('timeout': no answer within the time limit;
   * 'infeasible': the model stays infeasible even with every elastic (policy)
   * row relaxed without limit, so a physical row or a variable bound is the problem)
   */
  status: SolveStatus;
  timedOut: boolean;
  timeMs: number;
  /**
   * Elastic rows of the model at one of their own bounds in the relaxed
   * answer and not relaxed themselves: the candidates for the other side of
   * each relaxation (`src/model/explain.ts`). Empty without a relaxed answer.
   */
  binding: BoundRow[];
}

/**
 * The relaxations, largest relative relaxation first (empty when the model
 * needs none, or when none helps: then `status` is 'infeasible'), with the flags
 * as properties of the array. Structured cloning (postMessage, comlink)
 * keeps only the elements: send `InfeasibilityExplanation` across instead.
 */
export type Explanation = ElasticRelaxation[] & InfeasibilityFlags;

/** The same as a plain object, safe to clone. */
export interface InfeasibilityExplanation extends InfeasibilityFlags {
  relaxations: ElasticRelaxation[];
}

export function toExplanation(x: InfeasibilityExplanation): Explanation {
  const { relaxations, ...flags } = x;
  return Object.assign([...relaxations], flags);
}

/** What `bindingConstraints` reads of a solution. */
export type SolutionRows = Pick<Solution, 'status' | 'rowActivity' | 'duals'>;

export interface Solver {
  readonly glpkVersion: string;
  solve(model: LinearModel, opts?: SolveOptions): Solution;
  /** The exact model as a CPLEX LP file, names mapped as `lpFileNames` documents. */
  writeLp(model: LinearModel): string;
  /** Smallest relative relaxation of the elastic rows that makes the model feasible. */
  explainInfeasible(model: LinearModel, opts?: SolveOptions): Explanation;
  /** `explainInfeasible` as a plain object (clone-safe). */
  explainInfeasibility(model: LinearModel, opts?: SolveOptions): InfeasibilityExplanation;
  bindingConstraints(model: LinearModel, solution: SolutionRows): BindingConstraint[];
  /** Row duals of the LP left when the integers are fixed at `values` (null when that LP has no optimum). */
  dualsAt(model: LinearModel, values: Record<string, number>, opts?: SolveOptions): Record<string, number> | null;
}

/** Slack below this (in the row's unit) is no relaxation. */
const RELAXATION_TOL = 1e-6;

function timeLimitOf(opts: SolveOptions): number | undefined {
  const t = opts.timeLimitSec;
  return t !== undefined && Number.isFinite(t) && t > 0 ? Math.min(t, MAX_TIME_LIMIT_SEC) : undefined;
}

/** A glpk call that returned at (or within clock noise of) its limit. */
function reachedLimit(ms: number, limitSec: number | undefined): boolean {
  if (limitSec === undefined) return false;
  const limitMs = limitSec * 1000;
  return ms >= limitMs - Math.max(50, 0.02 * limitMs);
}

function decided(s: MappedStatus): SolveStatus {
  if (s === 'resolve') throw new SolverError('status still undecided after the classifying re-solve');
  return s;
}

function withoutIntegers(lp: GlpkLp): GlpkLp {
  const { generals: _generals, binaries: _binaries, ...rest } = lp;
  return rest;
}

function byModelName<T>(names: readonly string[], modelNames: readonly string[], source: Record<string, T> | undefined, fallback: T): Record<string, T> {
  const out: Record<string, T> = {};
  modelNames.forEach((name, i) => {
    const key = names[i];
    out[name] = (key !== undefined ? source?.[key] : undefined) ?? fallback;
  });
  return out;
}

function formatNumber(x: number): string {
  return String(Number(x.toPrecision(15)));
}

export function createSolver(glpk: GLPK): Solver {
  function run(lp: GlpkLp, options: Options): { result: Result['result']; ms: number } {
    const t = performance.now();
    try {
      const { result } = glpk.solve(lp, { ...options, msglev: glpk.GLP_MSG_OFF });
      return { result, ms: performance.now() - t };
    } catch (e) {
      throw new SolverError(`glpk failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function fixedIntegerDuals(model: LinearModel, lp: GlpkLp, names: GlpkNames, values: Record<string, number>, base: Options) {
    const fixedValue = new Map<string, number>();
    model.variables.forEach((v, i) => {
      const col = names.columns[i];
      if (v.integer && col !== undefined) fixedValue.set(col, Math.round(values[v.name] ?? 0));
    });
    const fixed: GlpkLp = {
      ...withoutIntegers(lp),
      bounds: (lp.bounds ?? []).map((b) => {
        const x = fixedValue.get(b.name);
        return x === undefined ? b : { name: b.name, type: glpk.GLP_FX, lb: x, ub: x };
      }),
    };
    const { result } = run(fixed, { ...base, presol: true, mipgap: undefined });
    return result.status === glpk.GLP_OPT ? result.dual ?? null : null;
  }

  function solve(model: LinearModel, opts: SolveOptions = {}): Solution {
    const t0 = performance.now();
    assertValidModel(model);
    const empty = (status: SolveStatus): Solution => ({
      status,
      objective: null,
      values: {},
      rowActivity: {},
      duals: null,
      timedOut: status === 'timeout',
      timeMs: performance.now() - t0,
    });
    // glpk reports crossed bounds as UNDEF whatever the presolve setting.
    if (crossedBounds(model).length > 0) return empty('infeasible');

    const names = indexNames(model);
    const lp = toGlpkLp(model, glpk, names);
    const isMip = model.variables.some((v) => v.integer);
    const limit = timeLimitOf(opts);
    const base: Options = { rows: true };
    if (limit !== undefined) base.tmlim = limit;
    if (isMip && opts.mipGap !== undefined && opts.mipGap > 0) base.mipgap = opts.mipGap;

    const first = run(lp, { ...base, presol: true });
    const raw: RawStatus = { problem: isMip ? 'mip' : 'lp', status: first.result.status, timedOut: reachedLimit(first.ms, limit) };
    let mapped = mapStatus(raw, glpk);
    let result = first.result;
    if (mapped === 'resolve') {
      // LP: presolve hides NOFEAS/UNBND behind UNDEF. MIP: classify by the LP relaxation.
      const again = run(isMip ? withoutIntegers(lp) : lp, { ...base, presol: false, mipgap: undefined });
      mapped = mapStatus({ ...raw, reSolveStatus: again.result.status }, glpk);
      if (!isMip) result = again.result;
    }
    const status = decided(mapped);
    if (!hasSolution({ status })) return empty(status);

    const values = byModelName(names.columns, model.variables.map((v) => v.name), result.vars, 0);
    const rowActivity = byModelName(names.rows, model.constraints.map((c) => c.name), result.rows, 0);
    let duals: Record<string, number> | null = null;
    if (!isMip && status === 'optimal' && result.dual) {
      duals = byModelName(names.rows, model.constraints.map((c) => c.name), result.dual, 0);
    } else if (isMip) {
      const d = fixedIntegerDuals(model, lp, names, values, base);
      if (d) duals = byModelName(names.rows, model.constraints.map((c) => c.name), d, 0);
    }
    // A MIP stopped before proof: the LP relaxation bounds the optimum, so the gap can be stated.
    const bound = isMip && status === 'feasible' ? relaxationBound(lp, base) : null;
    return {
      status,
      objective: result.z + model.objectiveConstant,
      values,
      rowActivity,
      duals,
      timedOut: status === 'feasible' && raw.timedOut,
      bound: bound === null ? null : bound + model.objectiveConstant,
      timeMs: performance.now() - t0,
    };
  }

  function relaxationBound(lp: GlpkLp, base: Options): number | null {
    const { result } = run(withoutIntegers(lp), { ...base, presol: true, mipgap: undefined });
    return result.status === glpk.GLP_OPT ? result.z : null;
  }

  function dualsAt(model: LinearModel, values: Record<string, number>, opts: SolveOptions = {}): Record<string, number> | null {
    assertValidModel(model);
    const names = indexNames(model);
    const lp = toGlpkLp(model, glpk, names);
    const limit = timeLimitOf(opts);
    const base: Options = { rows: true };
    if (limit !== undefined) base.tmlim = limit;
    const d = fixedIntegerDuals(model, lp, names, values, base);
    return d ? byModelName(names.rows, model.constraints.map((c) => c.name), d, 0) : null;
  }

  function writeLp(model: LinearModel): string {
    assertValidModel(model);
    const names = lpFileNames(model);
    // glpk.js writes to `<problem name>.lp` in its in-memory file system: keep that name plain.
    const lp = toGlpkLp(model, glpk, { problem: 'model', ...names });
    let text: string;
    try {
      text = muteGlpkOutput(() => glpk.write(lp));
    } catch (e) {
      throw new SolverError(`glpk could not write the LP file: ${e instanceof Error ? e.message : String(e)}`);
    }
    const title = model.name.replace(/[\r\n]+/g, ' ').replace(/\*\\/g, '* \\');
    text = text.replace(/^\\\* Problem: .* \*\\$/m, () => `\\* Problem: ${title} *\\`);
    if (model.objectiveConstant !== 0) {
      // The constant closes the objective section, on a line of its own.
      const lines = text.split('\n');
      const head = lines.findIndex((l) => l === 'Maximize' || l === 'Minimize');
      if (head < 0) throw new SolverError('unexpected LP file from glpk: no objective section');
      let end = head + 1;
      while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
      const c = model.objectiveConstant;
      lines.splice(end, 0, ` ${c < 0 ? '-' : '+'} ${formatNumber(Math.abs(c))}`);
      text = lines.join('\n');
    }
    return text;
  }

  function explainInfeasibility(model: LinearModel, opts: SolveOptions = {}): InfeasibilityExplanation {
    const t0 = performance.now();
    assertValidModel(model);
    const { model: elastic, slacks } = elasticModel(model);
    const sol = solve(elastic, opts);
    const base = { status: sol.status, timedOut: sol.timedOut };
    if (!hasSolution(sol)) {
      return { ...base, relaxations: [], timeMs: performance.now() - t0, binding: [] };
    }
    const relaxations: ElasticRelaxation[] = [];
    const relaxed = new Set<string>();
    for (const s of slacks) {
      const relaxBy = sol.values[s.variable] ?? 0;
      if (relaxBy <= RELAXATION_TOL) continue;
      relaxed.add(s.constraint.name);
      relaxations.push({
        constraint: s.constraint.name,
        ...(s.constraint.key ? { key: s.constraint.key } : {}),
        label: s.constraint.label,
        family: s.constraint.family,
        unit: s.constraint.unit,
        side: s.side,
        bound: s.bound,
        relaxBy,
        relative: relaxBy / s.scale,
      });
    }
    relaxations.sort((a, b) => b.relative - a.relative || a.constraint.localeCompare(b.constraint));
    const binding = rowsAtBound(model.constraints.filter((c) => c.elastic && !relaxed.has(c.name)), sol.values);
    return { ...base, relaxations, timeMs: performance.now() - t0, binding };
  }

  return {
    glpkVersion: glpk.version,
    solve,
    writeLp,
    explainInfeasibility,
    explainInfeasible: (model, opts) => toExplanation(explainInfeasibility(model, opts)),
    bindingConstraints,
    dualsAt,
  };
}

export interface ElasticSlack {
  /** the slack column's name in the elastic model */
  variable: string;
  constraint: Constraint;
  side: 'upper' | 'lower';
  bound: number;
  /** max(1, |bound|): the slack's cost is 1 / scale */
  scale: number;
}

function freshName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}~${n}`;
  taken.add(name);
  return name;
}

/**
 * The elastic model: every `elastic` row gets a nonnegative slack on each side
 * it has (≤ rows: `a·x − s_up ≤ ub`; ≥ rows: `a·x + s_lo ≥ lb`; equalities
 * both, on one row; ranged rows are split into their two halves so that even
 * a row with lb > ub can be relaxed), integers and physical rows stay, and the
 * objective becomes min Σ s / max(1, |bound|): the relaxation smallest in
 * relative terms.
 */
export function elasticModel(model: LinearModel): { model: LinearModel; slacks: ElasticSlack[] } {
  const varNames = new Set(model.variables.map((v) => v.name));
  const rowNames = new Set(model.constraints.map((c) => c.name));
  const variables: Variable[] = [...model.variables];
  const constraints: Constraint[] = [];
  const slacks: ElasticSlack[] = [];

  const slack = (c: Constraint, side: 'upper' | 'lower', bound: number): Variable => {
    const name = freshName(varNames, `elastic.${side}[${c.name}]`);
    const v: Variable = {
      name,
      label: sayModel(side === 'upper' ? 'model.elastic.upper' : 'model.elastic.lower', { row: c.label }),
      integer: false,
      lb: 0,
      ub: null,
    };
    variables.push(v);
    slacks.push({ variable: name, constraint: c, side, bound, scale: Math.max(1, Math.abs(bound)) });
    return v;
  };

  for (const c of model.constraints) {
    const lb = c.lb === -Infinity ? null : c.lb;
    const ub = c.ub === Infinity ? null : c.ub;
    if (!c.elastic || (lb === null && ub === null)) {
      constraints.push(c);
      continue;
    }
    if (lb !== null && ub !== null && lb !== ub) {
      const lo = slack(c, 'lower', lb);
      const up = slack(c, 'upper', ub);
      constraints.push({ ...c, ub: null, terms: [...c.terms, { variable: lo.name, coef: 1 }] });
      constraints.push({ ...c, name: freshName(rowNames, `${c.name}.upper`), lb: null, terms: [...c.terms, { variable: up.name, coef: -1 }] });
      continue;
    }
    const terms = [...c.terms];
    if (lb !== null) terms.push({ variable: slack(c, 'lower', lb).name, coef: 1 });
    if (ub !== null) terms.push({ variable: slack(c, 'upper', ub).name, coef: -1 });
    constraints.push({ ...c, terms });
  }

  return {
    model: {
      name: `${model.name} (elastic)`,
      sense: 'min',
      objective: slacks.map((s) => ({ variable: s.variable, coef: 1 / s.scale })),
      objectiveConstant: 0,
      variables,
      constraints,
    },
    slacks,
  };
}

/** Which bound each row sits on at `values` (its own terms only, within 1e-6 relative to the bound); rows at neither are left out. */
function rowsAtBound(rows: readonly Constraint[], values: Record<string, number>, tol = 1e-6): BoundRow[] {
  const out: BoundRow[] = [];
  for (const c of rows) {
    const act = c.terms.reduce((a, t) => a + t.coef * (values[t.variable] ?? 0), 0);
    const near = (bound: number | null) => bound !== null && Number.isFinite(bound) && Math.abs(bound - act) <= tol * Math.max(1, Math.abs(bound));
    if (near(c.ub)) out.push({ constraint: c.name, side: 'upper' });
    else if (near(c.lb)) out.push({ constraint: c.name, side: 'lower' });
  }
  return out;
}

/**
 * Rows at one of their bounds in `solution` (within 1e-6 relative to the
 * bound), largest |dual| first. `slack` is the distance to that bound
 * (≈ 0; an equality row reports its upper side).
 */
export function bindingConstraints(model: LinearModel, solution: SolutionRows, tol = 1e-6): BindingConstraint[] {
  if (!hasSolution(solution)) return [];
  const out: BindingConstraint[] = [];
  for (const c of model.constraints) {
    const act = solution.rowActivity[c.name];
    if (act === undefined) continue;
    const near = (bound: number | null): bound is number =>
      bound !== null && Number.isFinite(bound) && Math.abs(bound - act) <= tol * Math.max(1, Math.abs(bound));
    let slack: number;
    if (near(c.ub)) slack = c.ub - act;
    else if (near(c.lb)) slack = act - c.lb;
    else continue;
    out.push({ constraint: c.name, ...(c.key ? { key: c.key } : {}), label: c.label, family: c.family, slack, dual: solution.duals?.[c.name] ?? null, unit: c.unit });
  }
  return out.sort((a, b) => Math.abs(b.dual ?? 0) - Math.abs(a.dual ?? 0));
}
