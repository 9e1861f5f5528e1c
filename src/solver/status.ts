/**
 * glpk.js status codes → the planner's status. Pure, so that the rules can be
 * tested without a solve that takes seconds.
 *
 * What glpk.js 5.0.0 does (observed):
 * - LP, presolve on: an infeasible or unbounded LP comes back as GLP_UNDEF (1);
 *   re-solving without presolve gives GLP_NOFEAS (4) or GLP_UNBND (6).
 * - MIP (always solved with presolve on, since glp_intopt without presolve
 *   needs an optimal LP basis that glpk.js never provides): infeasible →
 *   GLP_NOFEAS or GLP_UNDEF; unbounded → GLP_UNDEF; stopped by the time limit
 *   with an incumbent → GLP_FEAS (2), without one → GLP_UNDEF. A MIP stopped by
 *   a relative gap `mipGap` > 0 also reports GLP_FEAS.
 * - GLP_UNDEF from a MIP is classified by its LP relaxation solved without
 *   presolve: NOFEAS → infeasible, UNBND → unbounded (strictly, an unbounded
 *   relaxation only says the MIP is infeasible or unbounded); a feasible
 *   relaxation means the search found no integer point: 'timeout' when the time
 *   limit was reached, else 'infeasible'.
 * - Rows or columns with lb > ub give GLP_UNDEF with or without presolve; the
 *   adapter catches them before calling glpk.
 */
import type { GLPK } from 'glpk.js/node';
import type { SolveStatus } from '../model/report';

export type GlpkStatusCodes = Pick<GLPK, 'GLP_UNDEF' | 'GLP_FEAS' | 'GLP_INFEAS' | 'GLP_NOFEAS' | 'GLP_OPT' | 'GLP_UNBND'>;

export interface RawStatus {
  problem: 'lp' | 'mip';
  /** `result.status` of the first solve (presolve on). */
  status: number;
  /** whether that solve ran up to its time limit */
  timedOut: boolean;
  /**
   * Status of the classifying re-solve, when one was made: the LP again without
   * presolve, or the MIP's LP relaxation without presolve.
   */
  reSolveStatus?: number;
}

/** 'resolve': undecided until the classifying re-solve described in `RawStatus.reSolveStatus` is made. */
export type MappedStatus = SolveStatus | 'resolve';

export class SolverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SolverError';
  }
}

export function mapStatus(raw: RawStatus, k: GlpkStatusCodes): MappedStatus {
  const { status, timedOut, reSolveStatus } = raw;
  if (status === k.GLP_OPT) return 'optimal';
  if (status === k.GLP_FEAS) return 'feasible';
  if (status === k.GLP_NOFEAS) return 'infeasible';
  if (status === k.GLP_UNBND) return 'unbounded';
  if (status !== k.GLP_UNDEF && status !== k.GLP_INFEAS) throw new SolverError(`glpk returned an unknown status ${status}`);

  if (raw.problem === 'lp') {
    // Stopped by the clock before presolve or simplex decided anything.
    if (timedOut) return 'timeout';
    if (reSolveStatus === undefined) return 'resolve';
    if (reSolveStatus === k.GLP_OPT) return 'optimal';
    if (reSolveStatus === k.GLP_FEAS) return 'feasible';
    if (reSolveStatus === k.GLP_NOFEAS) return 'infeasible';
    if (reSolveStatus === k.GLP_UNBND) return 'unbounded';
    throw new SolverError(`glpk could not classify the LP (status ${status}, without presolve ${reSolveStatus})`);
  }

  if (reSolveStatus === undefined) return 'resolve';
  if (reSolveStatus === k.GLP_NOFEAS) return 'infeasible';
  if (reSolveStatus === k.GLP_UNBND) return 'unbounded';
  if (reSolveStatus === k.GLP_OPT || reSolveStatus === k.GLP_FEAS) return timedOut ? 'timeout' : 'infeasible';
  if (timedOut) return 'timeout';
  throw new SolverError(`glpk could not classify the MIP (status ${status}, LP relaxation ${reSolveStatus})`);
}
