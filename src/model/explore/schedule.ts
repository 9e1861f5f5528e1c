/**
 * The order a sweep's points are solved in and the time it has left (pure:
 * the page's sweep runner feeds it, the tests feed it recorded solve times).
 */

/**
 * The order a grid's points are solved in: spread over the whole grid (by
 * the fractional part of i × the golden ratio), not row by row. The first
 * tenth of a grid row by row is one edge of it, often slower or faster than
 * the rest: spread, the first points are a fair sample for the time left,
 * and a grid cancelled early still covers the whole range coarsely.
 */
export function spreadOrder(n: number): number[] {
  const phi = (Math.sqrt(5) - 1) / 2;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * phi) % 1) - ((b * phi) % 1));
}

/** What a running sweep knows about its solve times. */
export interface SweepTimes {
  /** the solve times of the points done, one list per worker in the order it solved them */
  solved: readonly (readonly number[])[];
  /** how long each worker's point under way has been running (null: none), in the order of `solved` */
  running: readonly (number | null)[];
  /** points not yet sent to a worker */
  waiting: number;
  workers: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/**
 * Time left, in the unit of the times given, or null before there is a
 * sample. Solve times are heavy-tailed (in a 15×15 grid of the baseline 5%
 * of the points take 45% of the time), so:
 * - the mean, not the median, of the points done, without each worker's
 *   first (it also starts the solver); the median said a third of the time;
 * - a point still running longer than that mean counts in it at what it has
 *   run so far (a lower bound of its time: a slow point is usually seen
 *   running before it is seen done), and is expected to run about as long
 *   again (with a heavy tail, the longer a solve has run, the longer it has
 *   left); one running shorter is expected to take the mean;
 * - the time is the work left shared by the workers, but never less than the
 *   longest single point left (no other worker can help with it).
 */
export function timeLeft({ solved, running, waiting, workers }: SweepTimes): number | null {
  const warm = solved.flatMap((xs) => xs.slice(1));
  if (warm.length === 0) return null;
  // a worker's first point also starts its solver: it tells nothing of the points' times, and is expected to end within the mean
  const first = running.filter((e, k): e is number => e !== null && solved[k]?.length === 0);
  const later = running.filter((e, k): e is number => e !== null && (solved[k]?.length ?? 0) > 0);
  let mean = sum(warm) / warm.length;
  // the running points longer than the mean raise it, which may leave some of them shorter: at most one pass per point
  for (let i = 0; i < later.length; i++) {
    const longer = later.filter((e) => e > mean);
    const next = (sum(warm) + sum(longer)) / (warm.length + longer.length);
    if (next === mean) break;
    mean = next;
  }
  const rest = [...later.map((e) => (e > mean ? e : mean - e)), ...first.map((e) => Math.max(0, mean - e))];
  return Math.max((mean * waiting + sum(rest)) / Math.max(1, workers), ...rest);
}
