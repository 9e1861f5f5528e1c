/**
 * The sweep the benchmarks time and the one-answer test reads at its hardest
 * points: the sand cap from well below the baseline's sand demand (1605.7
 * 万m³, where the cap binds and glpk searches longest) to above it, by the
 * clay cap. The browser benchmark sweeps it in the page and on the command
 * line; `npm run bench -- --grid N` solves it one point at a time.
 */
import type { SweepAxis } from '../src/model/explore/sweep';

/** Issue 10's target for a sweep's time left: after this share of the points, within this share of the time it then takes. */
export const ESTIMATE_AT = 0.1;
export const ESTIMATE_TOLERANCE = 0.25;

export const SAND_CAP = { path: 'caps.sand', from: 1000, to: 2500 } as const;
export const CLAY_CAP = { path: 'caps.clay', from: 50, to: 100 } as const;

/** The grid of `steps` × `steps` points (the sand cap varies slowest). */
export function benchGrid(steps: number): [SweepAxis, SweepAxis] {
  return [{ ...SAND_CAP, steps }, { ...CLAY_CAP, steps }];
}
