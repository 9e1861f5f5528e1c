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

/**
 * Plays recorded solve times (by point) back in `order` over `workers`
 * workers, each taking the next point as it finishes one, as the page's pool
 * hands them out; at the first finish with `share` of the points done: the
 * time left as timeLeft puts it (null: no estimate yet), and as it really was.
 */
export function playBack(times: readonly number[], order: readonly number[], workers: number, share: number): { estimate: number | null; actual: number } {
  const solved: number[][] = Array.from({ length: workers }, () => []);
  const busy: ({ sent: number; ends: number } | null)[] = Array.from({ length: workers }, () => null);
  let next = 0;
  const send = (w: number, now: number) => {
    const i = order[next++];
    busy[w] = i === undefined ? null : { sent: now, ends: now + (times[i] as number) };
  };
  for (let w = 0; w < workers; w++) send(w, 0);
  let snapshot: { at: number; estimate: number | null } | null = null;
  let done = 0;
  let now = 0;
  while (busy.some((b) => b)) {
    const w = busy.reduce((best, b, k) => (b && (best < 0 || b.ends < (busy[best] as { ends: number }).ends) ? k : best), -1);
    const b = busy[w] as { sent: number; ends: number };
    now = b.ends;
    (solved[w] as number[]).push(b.ends - b.sent);
    done++;
    send(w, now);
    if (!snapshot && done >= Math.ceil(share * times.length)) {
      const running = busy.map((x) => (x ? now - x.sent : null));
      const estimate = timeLeft({ solved, running, waiting: times.length - done - running.filter((e) => e !== null).length, workers });
      snapshot = { at: now, estimate };
    }
  }
  if (!snapshot) throw new Error('never reached the share');
  return { estimate: snapshot.estimate, actual: now - snapshot.at };
}

/**
 * How often the best an estimate can do from a sample comes within
 * `tolerance` of the truth: over `draws` fair samples of `share` of a
 * rows × columns grid (a point in every row and column first, the rest at
 * random), the share of draws whose mean time is within `tolerance` of the
 * mean of the points left. Solve times with a heavy tail bound any estimate
 * made from the points done; this says how tightly.
 */
export function fairSampleWithin(times: readonly number[], rows: number, share: number, tolerance: number, draws: number, random: () => number): number {
  const columns = times.length / rows;
  const size = Math.ceil(share * times.length);
  const shuffled = (xs: number[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as number, xs[i] as number];
    }
    return xs;
  };
  const mean = (xs: number[]) => sum(xs.map((i) => times[i] as number)) / xs.length;
  let within = 0;
  for (let d = 0; d < draws; d++) {
    const rowOrder = shuffled(Array.from({ length: rows }, (_, r) => r));
    const columnOrder = shuffled(Array.from({ length: columns }, (_, c) => c));
    const spread = rowOrder.slice(0, size).map((r, k) => r * columns + (columnOrder[k % columns] as number));
    const taken = new Set(spread);
    const others = shuffled(Array.from({ length: times.length }, (_, i) => i).filter((i) => !taken.has(i)));
    const sample = [...spread, ...others.slice(0, size - spread.length)];
    const rest = others.slice(size - spread.length);
    if (Math.abs(mean(sample) - mean(rest)) <= tolerance * mean(rest)) within++;
  }
  return within / draws;
}
