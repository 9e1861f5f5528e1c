/**
 * Sweeps: one scenario parameter over a range, or two on a grid, one exact
 * solve per point. Shared by the CLI, the tests and the browser: the workers
 * are passed in (threads in Node, web workers in the browser, which also
 * takes `sweepScenarios` and runs the list itself).
 */
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { solveAll, type PoolProgress, type PoolWorker } from '../pool';
import type { SolveReport } from '../report';
import { ParamPathError, paramInfo, setPath } from './params';

export { ParamPathError, getPath, paramInfo, setPath } from './params';
export { OutputKeyError, checkOutputKey, outputKeys, outputOf } from './outputs';

/** One swept parameter: `steps` values from `from` to `to`, both ends included. */
export interface SweepAxis {
  path: string;
  from: number;
  to: number;
  steps: number;
}

/** One axis, or two for a grid (the first axis varies slowest). */
export interface SweepSpec {
  axes: readonly [SweepAxis] | readonly [SweepAxis, SweepAxis];
}

/** The parameter values of one point, by path. */
export type SweepParams = Record<string, number>;

export interface SweepCase {
  params: SweepParams;
  scenario: Scenario;
}

export interface SweepPoint {
  params: SweepParams;
  report: SolveReport;
}

export type SweepProgress = PoolProgress;

export interface SweepResult {
  spec: SweepSpec;
  /** the points solved, in the order of `sweepPoints` (a cancelled sweep keeps those done) */
  points: SweepPoint[];
  total: number;
  cancelled: boolean;
  elapsedMs: number;
}

/** Most points a sweep may have (a grid of 100 × 100). */
export const MAX_SWEEP_POINTS = 10_000;

export class SweepSpecError extends Error {
  override readonly name = 'SweepSpecError';
}

/** Removes float noise from a computed grid value (0.30000000000000004 → 0.3). */
function tidy(x: number): number {
  const r = Number(x.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

/** The values of one axis, `from` first, `to` last, evenly spaced. */
export function axisValues(axis: SweepAxis): number[] {
  const { from, to, steps, path } = axis;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new SweepSpecError(`${path}: from and to must be finite numbers`);
  if (!Number.isInteger(steps) || steps < 1) throw new SweepSpecError(`${path}: steps is the number of points, a whole number ≥ 1 (got ${steps})`);
  if (steps === 1) {
    if (from !== to) throw new SweepSpecError(`${path}: one step cannot go from ${from} to ${to}; give steps ≥ 2`);
    return [from];
  }
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : tidy(from + ((to - from) * i) / (steps - 1))));
}

/** Checks the axes' paths (and ids, given the model) and sizes; throws ParamPathError or SweepSpecError. */
export function checkSweepSpec(spec: SweepSpec, dataset?: Dataset): void {
  if (spec.axes.length < 1 || spec.axes.length > 2) throw new SweepSpecError('a sweep has one or two parameters');
  for (const a of spec.axes) paramInfo(a.path, dataset);
  const [a, b] = spec.axes;
  if (b && paramInfo(a.path).segments.join('.') === paramInfo(b.path).segments.join('.')) throw new SweepSpecError(`both axes vary ${a.path}`);
  const total = spec.axes.reduce((n, x) => n * axisValues(x).length, 1);
  if (total > MAX_SWEEP_POINTS) throw new SweepSpecError(`${total} points is more than ${MAX_SWEEP_POINTS}`);
}

/** The parameter values of every point, in order (a grid row by row: the first axis outer). */
export function sweepPoints(spec: SweepSpec): SweepParams[] {
  checkSweepSpec(spec);
  const [a, b] = spec.axes;
  const out: SweepParams[] = [];
  for (const x of axisValues(a)) {
    if (!b) out.push({ [a.path]: x });
    else for (const y of axisValues(b)) out.push({ [a.path]: x, [b.path]: y });
  }
  return out;
}

/**
 * The scenario of every point, validated against the schema and the model
 * before anything is solved (a value the schema refuses throws
 * ParamPathError naming the point). For a bench or a worker pool.
 */
export function sweepScenarios(dataset: Dataset, scenario: Scenario, spec: SweepSpec): SweepCase[] {
  checkSweepSpec(spec, dataset);
  return sweepPoints(spec).map((params) => sweepCase(dataset, scenario, params));
}

/** One point's scenario (a copy with the swept values set, checked whole), named after them. */
export function sweepCase(dataset: Dataset, scenario: Scenario, params: SweepParams): SweepCase {
  let s = scenario;
  for (const [path, value] of Object.entries(params)) {
    try {
      s = setPath(s, path, value, dataset);
    } catch (e) {
      if (e instanceof ParamPathError) throw new ParamPathError(path, `at ${value}: ${e.reason}`, e.problems);
      throw e;
    }
  }
  const suffix = Object.entries(params).map(([p, v]) => `${p}=${v}`).join(', ');
  return { params, scenario: { ...s, name: `${scenario.name} [${suffix}]` } };
}

/**
 * Solves every point over the workers (solveAll: each takes the next point
 * when free). `onProgress` after each point, in the order they finish;
 * `signal` cancels, keeping the points done (`cancelled: true`).
 */
export async function runSweep(
  dataset: Dataset,
  scenario: Scenario,
  spec: SweepSpec,
  workers: readonly PoolWorker[],
  onProgress?: (p: SweepProgress, point: SweepPoint) => void,
  signal?: AbortSignal,
): Promise<SweepResult> {
  const cases = sweepScenarios(dataset, scenario, spec);
  const res = await solveAll(dataset, cases.map((c) => c.scenario), workers, {
    ...(signal ? { signal } : {}),
    onProgress: (p, index, report) => onProgress?.(p, { params: (cases[index] as SweepCase).params, report }),
  });
  const points = cases.flatMap((c, i) => {
    const report = res.reports[i];
    return report ? [{ params: c.params, report }] : [];
  });
  return { spec, points, total: cases.length, cancelled: res.cancelled, elapsedMs: res.elapsedMs };
}
