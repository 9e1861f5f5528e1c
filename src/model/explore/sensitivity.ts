/**
 * Sensitivity of a solved scenario: for each binding policy constraint, what
 * one more unit (or one more mine) of its right-hand side is worth, found by
 * re-solving the MIP with the bound moved by +δ and −δ, and over what range
 * that value holds (steps outwards, doubling, until the average value per
 * unit differs by more than 1 %; a bounded number of solves).
 *
 * Beside it, the same moves on the LP with the integers fixed at the base
 * solution: the value the duals (report.binding[].dual) describe, which
 * counts only what the volumes can do with the mines already chosen.
 *
 * Re-solves stop at the MIP gap like every solve; a move whose solves are not
 * proven optimal carries `uncertainty`, the most the gap lets the value per
 * unit be off by.
 */
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { buildModel, type BuiltModel } from '../build';
import { withIntegersFixed, type Constraint, type LinearModel } from '../linear';
import { hasSolution, type SolveStatus } from '../report';
import { DEFAULT_MIP_GAP, reportFrom, type ModelSolver, type Solution } from '../run';
import { sayModel, type ModelSaid } from '../said';
import { sig } from './format';

export interface SensitivityOptions {
  /** constraint names to study; default every binding policy constraint */
  constraints?: string[];
  /** the step, in the row's unit (mines for mine counts); default 1 */
  delta?: number;
  /** relative change of the value per unit that ends its range; default 0.01 */
  tolerance?: number;
  /** doublings of the step on each side when looking for the range; default 8 (up to 256 δ) */
  maxDoublings?: number;
  /** bisections of the interval where the value changed, to place the range's end; default 2 */
  bisections?: number;
  /**
   * MIP gap of the re-solves; default DEFAULT_MIP_GAP (0: proven), as every solve.
   */
  mipGap?: number;
  timeLimitSec?: number;
  onProgress?: (p: { constraint: string; solves: number }) => void;
}

export interface Move {
  /** signed change of the row's bound */
  delta: number;
  status: SolveStatus;
  objective: number | null;
  /** (objective change) ÷ delta, 万元 per unit; null without a solution */
  perUnit: number | null;
  /** most the MIP gap lets perUnit be off by (0 when both solves are proven optimal) */
  uncertainty: number;
}

export interface ValueRange {
  /** planner value of the bound where the range starts and ends */
  from: number;
  to: number;
  /** the value still held at the farthest step tried: the range may go on */
  openEnd: boolean;
}

export interface ConstraintSensitivity {
  constraint: string;
  label: ModelSaid;
  family: string;
  unit: string;
  /** which bound binds: 'upper' for caps (≤), 'lower' for floors and minimums (≥) */
  side: 'upper' | 'lower';
  /** the bound as the planner sets it (a rights cap includes the mines held fixed) */
  rhs: number;
  /** where the scenario file sets this bound, if it does */
  scenarioPath: string | null;
  /** dual of the LP with the integers fixed, per unit increase of the bound */
  dual: number | null;
  /** re-solve of the MIP with the bound raised / lowered by δ */
  up: Move;
  down: Move;
  /** the same moves on the LP with the integers fixed (what the dual predicts) */
  fixedUp: Move;
  fixedDown: Move;
  /** over which values of the bound up.perUnit holds, and down.perUnit */
  upRange: ValueRange | null;
  downRange: ValueRange | null;
  /** planner sentence, e.g. "每增加1个三类矿山指标，目标值增加12万元" */
  sentence: ModelSaid;
  solves: number;
}

export interface Sensitivity {
  status: SolveStatus;
  objective: number | null;
  /** the MIP gap the re-solves used (0: exact) */
  mipGap: number;
  constraints: ConstraintSensitivity[];
  solves: number;
  timeMs: number;
}

const DEFAULTS = { delta: 1, tolerance: 0.01, maxDoublings: 8, bisections: 2 };


/** The model with one row's active bound moved by t. */
export function withBoundMoved(model: LinearModel, name: string, side: 'upper' | 'lower', t: number): LinearModel {
  return {
    ...model,
    constraints: model.constraints.map((c) =>
      c.name !== name ? c : side === 'upper' ? { ...c, ub: (c.ub ?? 0) + t } : { ...c, lb: (c.lb ?? 0) + t },
    ),
  };
}


function activeSide(c: Constraint, activity: number): 'upper' | 'lower' {
  const near = (b: number | null) => b !== null && Math.abs(b - activity) <= 1e-6 * Math.max(1, Math.abs(b));
  if (near(c.ub)) return 'upper';
  if (near(c.lb)) return 'lower';
  return c.ub !== null ? 'upper' : 'lower';
}

/** Where the scenario file sets a row's bound (for a sweep over it), or null: the row's typed key says. */
export function scenarioPathOf(c: Pick<Constraint, 'key'>): string | null {
  return c.key?.path ?? null;
}

/** The planner's value of a bound: rights rows leave out the mines held fixed, the planner's cap does not. */
function plannerOffset(b: BuiltModel, c: Constraint): number {
  const cls = c.key?.rightsClass;
  if (c.family !== 'rights' || c.ub === null || cls === undefined) return 0;
  return b.inputs.rightsCaps[cls] - c.ub;
}

const RIGHTS_CLASSES = new Set(['class3', 'class12', 'total'] as const);

function isRightsClass(c: string | undefined): c is 'class3' | 'class12' | 'total' {
  return RIGHTS_CLASSES.has(c as 'class3');
}

function rangeText(r: ValueRange | null, unit: string): ModelSaid | '' {
  if (!r) return '';
  const lo = sig(Math.min(r.from, r.to), 6);
  const hi = sig(Math.max(r.from, r.to), 6);
  return sayModel(r.openEnd ? 'model.sens.range.open' : 'model.sens.range.closed', { lo, hi, unit });
}

/** "每增加1个三类矿山指标，目标值增加12万元" / "one more class-3 mine adds 12 万元". */
export function sentenceOf(x: Pick<ConstraintSensitivity, 'label' | 'family' | 'unit' | 'up' | 'down' | 'upRange' | 'downRange'> & { rightsClass?: string }): ModelSaid {
  const useUp = x.up.perUnit !== null;
  const move = useUp ? x.up : x.down;
  const range = rangeText(useUp ? x.upRange : x.downRange, x.unit);
  if (move.perUnit === null) return sayModel('model.sens.infeasible', { row: x.label });
  // value of one more unit in the direction moved: up → perUnit, down → −perUnit
  const gain = useUp ? move.perUnit : -move.perUnit;
  // whole 万元 from 100 up (1957, not 1960), else three significant digits
  const amount = Math.abs(gain) >= 100 ? String(Math.round(Math.abs(gain))) : sig(Math.abs(gain), 3);
  const effect = Math.abs(gain) < 1e-9 ? sayModel('model.sens.unchanged') : sayModel(gain > 0 ? 'model.sens.adds' : 'model.sens.costs', { amount });
  if (x.family === 'rights' && isRightsClass(x.rightsClass))
    return sayModel(useUp ? 'model.sens.rights.more' : 'model.sens.rights.fewer', { class: sayModel(`model.sens.class.${x.rightsClass}`), effect, range });
  return sayModel(useUp ? 'model.sens.row.more' : 'model.sens.row.less', { row: x.label, unit: x.unit, effect, range });
}

/** Most the objective of a solve may be off by. */
function slackOf(s: Solution, gap: number): number {
  if (s.status === 'optimal' || s.objective === null) return 0;
  if (s.timedOut) return Infinity;
  return gap * Math.abs(s.objective);
}

/**
 * Sensitivity of every binding policy constraint (or those named) of the
 * scenario. Synchronous: runs where the solver runs (Node, or inside the
 * worker).
 */
export function sensitivity(d: Dataset, s: Scenario, solver: ModelSolver, opts: SensitivityOptions = {}): Sensitivity {
  const t0 = performance.now();
  const o = { ...DEFAULTS, ...opts };
  const built = buildModel(d, s);
  const timeLimitSec = opts.timeLimitSec ?? built.inputs.timeLimitSec;
  let solves = 0;
  const solveWith = (m: LinearModel, mipGap: number) => {
    solves++;
    return solver.solve(m, { timeLimitSec, mipGap });
  };
  const gap = opts.mipGap ?? DEFAULT_MIP_GAP;
  const solve = (m: LinearModel) => solveWith(m, gap);
  const base = solve(built.linear);
  if (!hasSolution(base) || base.objective === null)
    return { status: base.status, objective: null, mipGap: gap, constraints: [], solves, timeMs: performance.now() - t0 };
  const z0 = base.objective;
  const baseSlack = slackOf(base, gap);
  const binding = reportFrom(d, built, { solution: base, gap: null, tieBreak: 'none' }, [], solver.bindingConstraints(built.linear, base)).binding;
  const names = opts.constraints ?? binding.map((b) => b.constraint);
  const fixedModel = withIntegersFixed(built.linear, base.values);
  const fixedBase = solve(fixedModel);

  const out: ConstraintSensitivity[] = [];
  for (const name of names) {
    const c = built.linear.constraints.find((x) => x.name === name);
    if (!c) throw new Error(`no constraint "${name}" in the model`);
    const before = solves;
    const side = activeSide(c, base.rowActivity[name] ?? 0);
    const bound = (side === 'upper' ? c.ub : c.lb) ?? 0;
    const offset = plannerOffset(built, c);
    const fixedMove = (t: number): Move => {
      const r = solve(withBoundMoved(fixedModel, name, side, t));
      const ok = hasSolution(r) && r.objective !== null && fixedBase.objective !== null;
      return { delta: t, status: r.status, objective: r.objective, perUnit: ok ? ((r.objective as number) - (fixedBase.objective as number)) / t : null, uncertainty: 0 };
    };
    // The MIP re-solve, or the base mines with the volumes re-optimised if that is better (it is a
    // solution of the moved MIP too): a re-solve stopped at the gap never reads below what the
    // mines already chosen can do.
    const move = (t: number): Move => {
      const r = solve(withBoundMoved(built.linear, name, side, t));
      const f = fixedMove(t);
      const mipOk = hasSolution(r) && r.objective !== null;
      const useFixed = f.objective !== null && hasSolution(f) && (!mipOk || (f.objective as number) > (r.objective as number));
      const objective = useFixed ? f.objective : mipOk ? r.objective : null;
      return {
        delta: t,
        status: mipOk ? r.status : useFixed ? 'feasible' : r.status,
        objective,
        perUnit: objective === null ? null : (objective - z0) / t,
        uncertainty: objective === null ? 0 : (baseSlack + (r.status === 'optimal' ? 0 : slackOf(mipOk ? r : { ...r, timedOut: true }, gap))) / Math.abs(t),
      };
    };
    // a bound that is an amount (≥ 0) is not moved below 0
    const lowest = bound > 0 ? bound : Infinity;
    const up = move(o.delta);
    const down = move(-Math.min(o.delta, lowest));
    const fixedUp = fixedMove(o.delta);
    const fixedDown = fixedMove(-Math.min(o.delta, lowest));
    // down.perUnit is (z(b−δ) − z0)/(−δ): the value per unit of the bound, as up.perUnit
    const range = (first: Move, sign: 1 | -1): ValueRange | null => {
      if (first.perUnit === null) return null;
      const m = first.perUnit;
      // the gap's worst case (uncertainty) is reported, not used here: it would hide every change
      const holds = (x: Move) => x.perUnit !== null && Math.abs(x.perUnit - m) <= o.tolerance * Math.abs(m) + 1e-9 * Math.max(1, Math.abs(z0));
      let ok = Math.abs(first.delta);
      let bad: number | null = null;
      for (let i = 0; i < o.maxDoublings; i++) {
        const t = ok * 2;
        if (sign < 0 && t > lowest) {
          if (ok < lowest && holds(move(-lowest))) ok = lowest;
          else if (ok < lowest) bad = lowest;
          break;
        }
        if (holds(move(sign * t))) ok = t;
        else {
          bad = t;
          break;
        }
      }
      for (let i = 0; bad !== null && i < o.bisections && bad - ok > o.delta; i++) {
        const mid = Math.round((ok + bad) / 2 / o.delta) * o.delta;
        if (mid <= ok || mid >= bad) break;
        if (holds(move(sign * mid))) ok = mid;
        else bad = mid;
      }
      const end = bound + offset + sign * ok;
      return { from: sign > 0 ? bound + offset : end, to: sign > 0 ? end : bound + offset, openEnd: bad === null && !(sign < 0 && ok >= lowest) };
    };
    const upRange = range(up, 1);
    const downRange = range(down, -1);
    const dual = binding.find((b) => b.constraint === name)?.dual ?? base.duals?.[name] ?? null;
    const partial = { constraint: name, label: c.label, family: c.family, unit: c.unit, up, down, upRange, downRange };
    out.push({
      ...partial,
      side,
      rhs: bound + offset,
      scenarioPath: scenarioPathOf(c),
      dual,
      fixedUp,
      fixedDown,
      sentence: sentenceOf({ ...partial, rightsClass: c.key?.rightsClass }),
      solves: solves - before,
    });
    opts.onProgress?.({ constraint: name, solves });
  }
  return { status: base.status, objective: z0, mipGap: gap, constraints: out, solves, timeMs: performance.now() - t0 };
}
