/**
 * The pool solves many scenarios on worker threads with the real solver: the
 * answers equal single solves, progress counts up, and a cancel keeps what is
 * done. A worker gets the dataset once, and again when it has lost it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { sweepScenarios } from '../src/model/explore/sweep';
import { runScenario } from '../src/model/run';
import { createThreadWorker } from '../src/solver/node-pool';
import { createNodeSolver } from '../src/solver/node';
import { poolWorker, solveAll, type PoolProgress } from '../src/model/pool';
import { createPoolEndpoint } from '../src/solver/pool-endpoint';

const dataset = loadDatasetFile('models/hotan-2021-2025.json');
const baseline = loadScenarioFile('scenarios/baseline.json');
const cases = sweepScenarios(dataset, baseline, { axes: [{ path: 'caps.sand', from: 1200, to: 2000, steps: 6 }] });
const scenarios = cases.map((c) => c.scenario);
const workers = [createThreadWorker(), createThreadWorker()];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

describe('solveAll over two worker threads', () => {
  it('gives each scenario the answer a single solve gives, in input order, with progress', async () => {
    const progress: PoolProgress[] = [];
    const result = await solveAll(dataset, scenarios, workers, { onProgress: (p) => progress.push(p) });
    expect(result.cancelled).toBe(false);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.at(-1)?.remainingMs).toBe(0);
    const solver = await createNodeSolver();
    scenarios.forEach((s, i) => {
      const single = runScenario(dataset, s, solver);
      const pooled = result.reports[i];
      expect(pooled?.status).toBe(single.status);
      expect(pooled?.objective).toBeCloseTo(single.objective ?? Number.NaN, 6);
      expect(pooled?.totals.sand?.volume).toBeCloseTo(single.totals.sand?.volume ?? Number.NaN, 6);
      // the worker rebounds its model between points; the report is the one a fresh build gives
      expect({ ...pooled, solveTimeMs: 0 }).toEqual({ ...single, solveTimeMs: 0 });
    });
    // a lower sand cap never yields more sand
    const sand = result.reports.map((r) => r?.totals.sand?.volume ?? Number.NaN);
    sand.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual((sand[i] as number) - 1e-6));
  });

  it('keeps what is done when cancelled, and the pool works again afterwards', async () => {
    const controller = new AbortController();
    const result = await solveAll(dataset, scenarios, workers, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    const done = result.reports.filter((r) => r !== null);
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThan(scenarios.length);
    done.forEach((r) => expect(r?.status).toBe('optimal'));

    const again = await solveAll(dataset, scenarios.slice(0, 2), workers);
    expect(again.cancelled).toBe(false);
    expect(again.reports.every((r) => r?.status === 'optimal')).toBe(true);
  });
});

describe('the dataset goes to a worker once', () => {
  it('is sent before the first scenario only, and again after the worker lost it (a restart, or a crash between calls)', async () => {
    let endpoint = createPoolEndpoint(createNodeSolver);
    const sent: string[] = [];
    let solves = 0;
    const worker = poolWorker({
      setDataset: async (key, d) => {
        sent.push(key);
        endpoint.setDataset(key, d);
      },
      solvePooled: (key, s) => {
        solves++;
        return endpoint.solve(key, s);
      },
      // a restarted worker is a fresh one
      restart: () => (endpoint = createPoolEndpoint(createNodeSolver)),
    });
    const result = await solveAll(dataset, scenarios.slice(0, 3), [worker]);
    expect(result.reports.map((r) => r?.status)).toEqual(['optimal', 'optimal', 'optimal']);
    expect(sent).toHaveLength(1);
    expect(solves).toBe(3);

    worker.restart();
    await worker.solveScenario(dataset, scenarios[3] as (typeof scenarios)[number]);
    expect(sent).toHaveLength(2);
    expect(solves).toBe(4);

    // a crash the handle did not see: the fresh worker answers null, gets the dataset and solves
    endpoint = createPoolEndpoint(createNodeSolver);
    const report = await worker.solveScenario(dataset, scenarios[4] as (typeof scenarios)[number]);
    expect(report.status).toBe('optimal');
    expect(sent).toEqual([sent[0], sent[0], sent[0]]);
    expect(solves).toBe(6);

    // another dataset object is another key
    await worker.solveScenario(structuredClone(dataset), scenarios[5] as (typeof scenarios)[number]);
    expect(new Set(sent).size).toBe(2);
  });
});
