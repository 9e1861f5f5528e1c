/**
 * How many solver workers the page starts by default: one per CPU core
 * less one (a core stays free for the page), at least 1 and at most 8.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampWorkers, coreCount, defaultWorkerCount, MAX_WORKERS } from '../src/ui/explore/pool';

const withCores = (n: number | undefined) => vi.stubGlobal('navigator', { hardwareConcurrency: n });

describe('default worker count', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    [1, 1],
    [2, 1],
    [4, 3],
    [8, 7],
    [9, 8],
    [64, MAX_WORKERS],
  ])('%i cores: %i workers', (cores, workers) => {
    withCores(cores);
    expect(coreCount()).toBe(cores);
    expect(defaultWorkerCount()).toBe(workers);
  });

  it('a browser that does not say its cores counts one, and gets one worker', () => {
    withCores(undefined);
    expect(coreCount()).toBe(1);
    expect(defaultWorkerCount()).toBe(1);
  });

  it('a number the planner typed is kept within 1 and 8; nonsense gives the default', () => {
    withCores(4);
    expect(clampWorkers(0)).toBe(1);
    expect(clampWorkers(20)).toBe(MAX_WORKERS);
    expect(clampWorkers(2.7)).toBe(2);
    expect(clampWorkers(Number.NaN)).toBe(3);
  });
});
