/**
 * The order a sweep is solved in and its time left, on made-up times and on
 * the solve times the browser benchmark recorded (a line and a grid), played
 * back over two workers as the page's pool hands out points.
 */
import { describe, expect, it } from 'vitest';
import { fairSampleWithin, playBack, spreadOrder, timeLeft } from '../src/model/explore/schedule';
import recorded from './fixtures/sweep-solve-times.json';
import { seededRandom } from '../scripts/province';

const error = (x: { estimate: number | null; actual: number }) => {
  expect(x.estimate).not.toBeNull();
  return Math.abs((x.estimate ?? Number.NaN) - x.actual) / x.actual;
};

describe('sweep schedule', () => {
  it('a grid is solved spread over its range: every point once, and the first tenth touches every row', () => {
    const order = spreadOrder(225);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 225 }, (_, i) => i));
    const rows = new Set(order.slice(0, 23).map((i) => Math.floor(i / 15)));
    expect(rows.size).toBeGreaterThanOrEqual(12);
  });

  it("time left is the mean time of a point × the points left ÷ the workers, without each worker's first solve (it also starts the solver)", () => {
    expect(timeLeft({ solved: [], running: [], waiting: 10, workers: 2 })).toBeNull();
    // only first solves so far: no estimate yet
    expect(timeLeft({ solved: [[900], [800]], running: [], waiting: 10, workers: 2 })).toBeNull();
    expect(timeLeft({ solved: [[900, 100, 120], [800, 80, 100]], running: [], waiting: 40, workers: 2 })).toBe((100 * 40) / 2);
    // a skewed grid: one slow point in five counts in full (the median, 100, would say a fifth of the time)
    expect(timeLeft({ solved: [[0, 100, 100, 100, 100, 2100]], running: [], waiting: 3, workers: 1 })).toBe(1500);
  });

  it('a point running shorter than the mean is expected to take the mean; one running longer raises the mean and runs about as long again', () => {
    // 30 ms into a point of mean 100: 70 left, and 4 waiting × 100, over 2 workers
    expect(timeLeft({ solved: [[0, 100], [0, 100]], running: [30, null], waiting: 4, workers: 2 })).toBe((70 + 4 * 100) / 2);
    // 400 ms into a point: the mean of 100, 100 and (at least) 400 is 200; that point has about 400 left
    expect(timeLeft({ solved: [[0, 100], [0, 100]], running: [400, null], waiting: 4, workers: 2 })).toBe((400 + 4 * 200) / 2);
  });

  it("a worker's first point running long (it also starts the solver) neither raises the mean nor adds more than the mean", () => {
    expect(timeLeft({ solved: [[0, 100], []], running: [null, 3000], waiting: 4, workers: 2 })).toBe((4 * 100) / 2);
    expect(timeLeft({ solved: [[0, 100], []], running: [null, 40], waiting: 4, workers: 2 })).toBe((60 + 4 * 100) / 2);
  });

  it('played back, no estimate while only the first point is done (it also starts the solver)', () => {
    expect(playBack([100, 100, 100], [0, 1, 2], 1, 0.3)).toEqual({ estimate: null, actual: 200 });
    expect(playBack([100, 100, 100], [0, 1, 2], 1, 0.6)).toEqual({ estimate: 100, actual: 100 });
  });

  it('never less than the longest point still running', () => {
    // 5 s into one point, nothing else left: two workers cannot share it
    expect(timeLeft({ solved: [[0, 100], [0, 100]], running: [5000, null], waiting: 0, workers: 2 })).toBe(5000);
  });

  // The plain mean of the points done was 35% short on this line and 49% on this grid. The grid is still 32% short: a twentieth
  // of its points take 45% of its time, and the first tenth in its order met none of them (a spread order samples fairly, but a
  // tenth of a heavy tail is mostly its body).
  it('on the recorded line and grid, the time left after a tenth of the points is within 20% and 35% of what it was', () => {
    const line = playBack(recorded.line, recorded.line.map((_, i) => i), 2, 0.1);
    const grid = playBack(recorded.grid, spreadOrder(recorded.grid.length), 2, 0.1);
    expect(error(line)).toBeLessThan(0.2);
    expect(error(grid)).toBeLessThan(0.35);
  });
  describe('how often a fair sample of a tenth of a grid comes within 25% of the rest', () => {
    const grid = (f: (i: number) => number) => Array.from({ length: 225 }, (_, i) => f(i));
    it('always, when every point takes as long', () => {
      expect(fairSampleWithin(grid(() => 300), 15, 0.1, 0.25, 200, seededRandom(1))).toBe(1);
    });
    it('never, when one point takes the time of all the others: in the sample it is counted 10 times over, outside it not at all', () => {
      expect(fairSampleWithin(grid((i) => (i === 37 ? 100_000 : 100)), 15, 0.1, 0.25, 500, seededRandom(1))).toBe(0);
    });
    it('the same seed, the same share', () => {
      const times = grid((i) => 100 + ((i * 7919) % 97) ** 2);
      expect(fairSampleWithin(times, 15, 0.1, 0.25, 300, seededRandom(5))).toBe(fairSampleWithin(times, 15, 0.1, 0.25, 300, seededRandom(5)));
    });
    // the recorded grid's heavy tail bounds any estimate made from its first tenth: not a question of the estimator
    it('on the recorded grid, in fewer than half of the draws', () => {
      const share = fairSampleWithin(recorded.grid, 15, 0.1, 0.25, 2000, seededRandom(1));
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.5);
    });
  });
});
