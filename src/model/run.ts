/**
 * Dataset + scenario → SolveReport: build, solve the planner's goal (stage
 * 1), pick the one answer among equals (stage 2, one-answer.ts), and read
 * the answer the way a planner needs it. The same function runs in Node
 * (CLI, tests) and in the web worker; only the solver it is given differs.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { buildModel, type BuiltModel } from './build';
import { actionable, unmeetableMinimums, type ElasticExplanation } from './explain';
import { withIntegersFixed, type ConstraintFamily, type LinearModel } from './linear';
import { oneAnswerModel } from './one-answer';
import { type BindingConstraint, hasSolution, type Relaxation, type SolveReport, type SolveStatus } from './report';
import { resultsFrom, type Values } from './results';
import { wholeMines } from './whole-mines';

export interface Solution {
  status: SolveStatus;
  /** objective value including the model's constant; null without a solution */
  objective: number | null;
  /** variable values by model name; empty without a solution */
  values: Record<string, number>;
  /** row activities (Σ coef·value) by constraint name; empty without a solution */
  rowActivity: Record<string, number>;
  /** row duals by constraint name; null when there are none */
  duals: Record<string, number> | null;
  timeMs: number;
  /** the solve stopped at its time limit rather than at the gap tolerance */
  timedOut?: boolean;
  /** for a MIP stopped before proof: the LP relaxation's objective, a bound on the optimum */
  bound?: number | null;
}

export interface SolveLimits {
  timeLimitSec?: number;
  mipGap?: number;
}

/** What the model layer needs of a solver; the glpk.js adapter provides it. */
export interface ModelSolver {
  solve(model: LinearModel, opts: SolveLimits): Solution;
  explainInfeasible(model: LinearModel, opts: SolveLimits): ElasticExplanation;
  bindingConstraints(model: LinearModel, solution: Solution): BindingConstraint[];
  dualsAt(model: LinearModel, values: Record<string, number>, opts?: SolveLimits): Record<string, number> | null;
}

/** Families a planner can act on; scale, supply and balance rows bind by construction. */
const POLICY_FAMILIES: ReadonlySet<ConstraintFamily> = new Set([
  'cap', 'floor', 'rights', 'share', 'zoneVolume', 'zoneMines', 'outsideZones', 'reserve', 'countyBound',
]);

/** Solves prove the optimum unless the planner allows a gap (scenario key mipGap). */
export const DEFAULT_MIP_GAP = 0;

/**
 * The relative gap of a solution the solver did not prove: at most the gap
 * the planner allowed when the solver stopped there, and never more than the
 * distance to the LP relaxation's bound. null when proven (or no solution).
 */
export function gapOf(sol: Solution, allowedGap: number): number | null {
  if (sol.status !== 'feasible' || sol.objective === null) return null;
  const fromBound = sol.bound != null ? Math.abs(sol.bound - sol.objective) / Math.max(1, Math.abs(sol.objective)) : Infinity;
  const fromStop = sol.timedOut ? Infinity : allowedGap;
  const g = Math.min(fromBound, fromStop);
  return Number.isFinite(g) ? g : null;
}

/** Σ coef·value of each row: the stage-1 rows read at the final answer. */
function activities(model: LinearModel, values: Values): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of model.constraints) out[c.name] = c.terms.reduce((a, t) => a + t.coef * (values[t.variable] ?? 0), 0);
  return out;
}

function objectiveAt(model: LinearModel, values: Values): number {
  return model.objective.reduce((a, t) => a + t.coef * (values[t.variable] ?? 0), model.objectiveConstant);
}

export interface Answer {
  /** the final answer, read against the stage-1 model (objective, row activities, duals with the integers fixed) */
  solution: Solution;
  /** the planner's goal at its optimum (stage 1) */
  goal: Solution;
  /** the stage-2 model that picked the answer; null when stage 1 found nothing */
  oneAnswer: LinearModel | null;
  tieBreak: 'proven' | 'not-proven' | 'none';
  gap: number | null;
}

/** The model with each cell's mine counts integer: exact where the per-county totals were not. */
function withCellIntegers(built: BuiltModel): BuiltModel {
  const counts = new Set(built.index.cells.flatMap((x) => [x.mines, ...(x.largeMedium !== null && x.largeMedium !== 'all' ? [x.largeMedium] : [])]));
  const variables = built.linear.variables.map((v) => (counts.has(v.name) ? { ...v, integer: true } : v));
  return { ...built, linear: { ...built.linear, variables } };
}

/** Least time a solve is given once the scenario's budget is spent: it may still return what presolve finds. */
const LAST_SOLVE_SEC = 0.05;

/** A time limit shared by every solve of one task (a run's stages, whole mines and duals; a range end's steps), so the task keeps to it; no limit, none. */
export class Budget {
  private readonly end: number;
  constructor(private readonly limits: SolveLimits) {
    this.end = performance.now() + (limits.timeLimitSec ?? Infinity) * 1000;
  }
  get left(): SolveLimits {
    return this.share(1);
  }
  /** a fraction of what is left, so that the steps after this one keep time too */
  share(fraction: number): SolveLimits {
    return { ...this.limits, timeLimitSec: Math.max(LAST_SOLVE_SEC, (fraction * (this.end - performance.now())) / 1000) };
  }
}

/**
 * Stage 2 twice: as an LP with the mine totals the goal's solve found (always
 * fast), then as the MIP over every equally good allocation with half the
 * time left. The MIP's answer is the rule's proven pick; when it finds none
 * (large models), the LP's answer stands and the tie-break says it is not
 * proven. The model that gave the answer is the one exported.
 */
function twoStages(d: Dataset, built: BuiltModel, solver: ModelSolver, budget: Budget) {
  const goal = solver.solve(built.linear, budget.left);
  if (!hasSolution(goal) || goal.objective === null) return { goal, second: null, model2: null };
  const model2 = oneAnswerModel(d, built, goal.objective);
  const withinMines = { ...withIntegersFixed(model2, goal.values), name: `${model2.name} (mines as in the goal's solve)` };
  const lp = solver.solve(withinMines, budget.left);
  const mip = solver.solve(model2, budget.share(0.5));
  const better = (a: Solution, b: Solution) => (a.objective ?? Infinity) <= (b.objective ?? Infinity) + 1e-9 * Math.max(1, Math.abs(b.objective ?? 0));
  if (mip.status === 'optimal' || (hasSolution(mip) && (!hasSolution(lp) || better(mip, lp)))) return { goal, second: mip, model2 };
  return { goal, second: hasSolution(lp) ? { ...lp, status: 'feasible' as const } : mip, model2: withinMines };
}

/**
 * Stage 1 then stage 2, within the scenario's limits, on the fast model
 * (mine counts integer per county); when a county's mines cannot be split
 * into whole mines per cell without changing the answer, both stages run
 * again on the exact model (every cell's mines integer).
 */
export function solveBuilt(d: Dataset, fast: BuiltModel, solver: ModelSolver): Answer {
  const limits = { timeLimitSec: fast.inputs.timeLimitSec, mipGap: fast.inputs.mipGap };
  const budget = new Budget(limits);
  let built = fast;
  let run = twoStages(d, built, solver, budget);
  let chosen = run.second && hasSolution(run.second) ? run.second.values : run.goal.values;
  let whole = wholeMines(built, chosen, solver, () => budget.left);
  if (whole.unresolved.length > 0 && hasSolution(run.goal)) {
    built = withCellIntegers(fast);
    run = twoStages(d, built, solver, budget);
    chosen = run.second && hasSolution(run.second) ? run.second.values : run.goal.values;
    whole = wholeMines(built, chosen, solver, () => budget.left);
  }
  const { goal, second, model2 } = run;
  if (!hasSolution(goal) || goal.objective === null || second === null)
    return { solution: goal, goal, oneAnswer: null, tieBreak: 'none', gap: null };
  const picked = hasSolution(second);
  const values = whole.values;
  // 'optimal': the planner's goal is proven and every cell has whole mines; whether the pick among equals is proven, the tie-break says
  const proven = goal.status === 'optimal' && picked && whole.unresolved.length === 0;
  const solution: Solution = {
    status: proven ? 'optimal' : 'feasible',
    objective: objectiveAt(fast.linear, values),
    values,
    rowActivity: activities(fast.linear, values),
    duals: solver.dualsAt(fast.linear, values, budget.left),
    timeMs: goal.timeMs + second.timeMs,
    timedOut: goal.timedOut === true || second.timedOut === true,
    bound: goal.bound ?? null,
  };
  const gap = goal.status === 'optimal' ? null : gapOf(goal, limits.mipGap);
  return { solution, goal, oneAnswer: model2, tieBreak: picked ? (second.status === 'optimal' ? 'proven' : 'not-proven') : 'none', gap };
}

export function reportFrom(d: Dataset, b: BuiltModel, answer: Pick<Answer, 'solution' | 'gap' | 'tieBreak'>, explanation: Relaxation[], binding: BindingConstraint[]): SolveReport {
  const { solution } = answer;
  const solved = hasSolution(solution);
  return {
    status: solution.status,
    objective: solved ? solution.objective : null,
    gap: answer.gap,
    tieBreak: answer.tieBreak,
    ...resultsFrom(b, solved ? solution.values : {}),
    binding: binding.filter((c) => POLICY_FAMILIES.has(c.family as ConstraintFamily)),
    explanation,
    size: {
      variables: b.linear.variables.length,
      integers: b.linear.variables.filter((v) => v.integer).length,
      constraints: b.linear.constraints.length,
    },
    solveTimeMs: solution.timeMs,
    modelVersion: `${d.id}@${d.version}`,
  };
}

export interface RunOptions {
  /**
   * Explain an infeasible scenario (default true). The elastic re-solve can
   * take as long as the solve itself; a feasibility probe does not need it.
   */
  explain?: boolean;
}

export function runScenario(d: Dataset, s: Scenario, solver: ModelSolver, opts: RunOptions = {}): SolveReport {
  return runBuilt(d, buildModel(d, s), solver, opts);
}

export function runBuilt(d: Dataset, built: BuiltModel, solver: ModelSolver, opts: RunOptions = {}): SolveReport {
  return runAnswer(d, built, solver, opts).report;
}

/** The report with the answer behind it (the CLI writes the one-answer model and computes ranges from it). */
export function runAnswer(d: Dataset, built: BuiltModel, solver: ModelSolver, opts: RunOptions = {}): { report: SolveReport; answer: Answer } {
  const answer = solveBuilt(d, built, solver);
  const limits = { timeLimitSec: built.inputs.timeLimitSec, mipGap: built.inputs.mipGap };
  const explain = answer.solution.status === 'infeasible' && opts.explain !== false;
  // What only the rows themselves can fix is read from the scenario, with or without the elastic solve.
  const causes = answer.solution.status === 'infeasible' ? unmeetableMinimums(built) : [];
  const explanation = explain ? actionable(built, solver.explainInfeasible(built.linear, limits), causes) : [];
  const binding = hasSolution(answer.solution) ? solver.bindingConstraints(built.linear, answer.solution) : [];
  const report = reportFrom(d, built, answer, explanation, binding);
  return { report: answer.solution.status === 'infeasible' ? { ...report, causes } : report, answer };
}
