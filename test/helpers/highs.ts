/**
 * An independent check of an LP file: HiGHS (the `highs` wasm build) reads
 * the CPLEX LP text and solves it. Used to confirm that what `writeLp`
 * exports is the model glpk solved.
 */
import highsLoader, { type Highs } from 'highs';

let loading: Promise<Highs> | null = null;

export interface HighsAnswer {
  /** HiGHS's model status: 'Optimal', 'Infeasible', 'Unbounded', 'Time limit reached', ... */
  status: string;
  /** objective including the file's constant; NaN when HiGHS has no solution */
  objective: number;
  /** primal values by the file's column names (empty without a solution) */
  values: Record<string, number>;
}

/** HiGHS options passed through to `solve` (e.g. `{ mip_rel_gap: 0 }` to prove a MIP's optimum). */
export type HighsOptions = Record<string, string | number | boolean>;

export async function lpObjectiveWithHighs(lpText: string, timeLimitSec = 60, options: HighsOptions = {}): Promise<HighsAnswer> {
  loading ??= highsLoader();
  const highs = await loading;
  const r = highs.solve(lpText, { ...options, time_limit: timeLimitSec } as Parameters<Highs['solve']>[1]);
  const solved = r.Status === 'Optimal' || r.Status === 'Time limit reached';
  const values: Record<string, number> = {};
  if (solved) {
    for (const [name, col] of Object.entries(r.Columns)) if ('Primal' in col) values[name] = col.Primal;
  }
  return { status: r.Status, objective: solved ? r.ObjectiveValue : Number.NaN, values };
}
