// @vitest-environment jsdom
/**
 * The Explore page's runs without a browser (fake-indexeddb, the Node solver
 * behind stand-in workers): a sweep spreads over the pool, is stored as it
 * goes, and a cancel keeps the points done; a bad spec stores nothing; the
 * frontier runs through one worker and a point opens as a new scenario in
 * the editor.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import type { SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import type { PoolWorker } from '../src/model/pool';
import { sweepPoints, sweepsFor } from '../src/store';
import type { ExploreWorker } from '../src/ui/explore/explore-client';
import { useExploreWorkers } from '../src/ui/explore/pool';
import { cancelSweep, frontierRun, openFrontierPoint, startFrontier, startSweep, sweepConfig, sweepRun } from '../src/ui/explore/state';
import { setLang } from '../src/ui/i18n';
import { route } from '../src/ui/shell/router';
import { db } from '../src/ui/state/db';
import { draft, draftId } from '../src/ui/state/draft';
import { presetIn, presetLoad } from '../src/ui/state/model';
import { createFrom, currentScenario, scenarios } from '../src/ui/state/scenarios';

let solver: Solver;
const until = (cond: () => boolean, timeout = 5000) => vi.waitFor(() => expect(cond()).toBe(true), { timeout });

/** A pool worker on the Node solver; after `free` solves its calls wait until restarted (a solve that never ends). */
function nodeWorker(counter: { solves: number; restarts: number; free: number }): PoolWorker {
  let pending: ((e: Error) => void) | null = null;
  let generation = 0;
  return {
    async solveScenario(d: Dataset, s: Scenario): Promise<SolveReport> {
      const mine = generation;
      // the Node solver runs on this thread: the pause lets the database writes between solves go on, as they do beside a web worker
      await new Promise((r) => setTimeout(r, 50));
      // a restart during the call rejects it, as the worker client does
      if (generation !== mine) throw new Error('cancelled');
      if (counter.solves >= counter.free) return new Promise<SolveReport>((_, reject) => (pending = reject));
      counter.solves++;
      return runScenario(d, s, solver);
    },
    restart() {
      counter.restarts++;
      generation++;
      pending?.(new Error('cancelled'));
      pending = null;
    },
  };
}

beforeAll(async () => {
  setLang('zh');
  solver = await createNodeSolver();
  sweepConfig.drawEveryMs = 0;
  const baseline = presetIn(presetLoad.presets.find((p) => p.id === 'baseline')!, 'zh');
  await createFrom(baseline, baseline.name, 'baseline');
  await until(() => draft() !== null && scenarios().length === 1);
});

afterEach(() => setLang('zh'));

describe('sweep over the pool', () => {
  it('stores every point with its parameter, in order, and reports them as they arrive', async () => {
    const counter = { solves: 0, restarts: 0, free: Infinity };
    useExploreWorkers({ pool: () => nodeWorker(counter) });
    const seen: number[] = [];
    const stop = setInterval(() => {
      const r = sweepRun();
      if (r) seen.push(r.points.length);
    }, 1);
    const res = await startSweep({ axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 3 }] }, 2);
    clearInterval(stop);
    expect(res.ok).toBe(true);
    expect(counter.solves).toBe(3);
    expect(sweepRun()).toBeNull();
    const [rec] = await sweepsFor(db(), draftId()!);
    expect(rec).toMatchObject({ state: 'done', done: 3, total: 3, workers: 2, scenarioId: draftId(), scenarioName: '基准方案' });
    expect((await sweepPoints(db(), rec!.id)).map((p) => [p.index, p.params['caps.sand'], Math.round(p.report.totals.sand!.volume)])).toEqual([
      [0, 1000, 1000],
      [1, 1500, 1500],
      // v2 (continuity): at the 2000 cap sand meets its demand, 1605.7 (rounded 1606)
      [2, 2000, 1606],
    ]);
    expect(Math.max(0, ...seen)).toBeGreaterThan(0);
  });

  it('cancel restarts the busy workers and keeps the points done, stored as cancelled', async () => {
    const counter = { solves: 0, restarts: 0, free: 2 };
    useExploreWorkers({ pool: () => nodeWorker(counter) });
    const running = startSweep({ axes: [{ path: 'rightsCaps.class3', from: 250, to: 50, steps: 5 }] }, 2);
    await until(() => (sweepRun()?.points.length ?? 0) === 2);
    expect(sweepRun()).toMatchObject({ total: 5, workers: 2 });
    cancelSweep();
    const res = await running;
    expect(res.ok).toBe(true);
    expect(counter.restarts).toBeGreaterThanOrEqual(1);
    const [rec] = await sweepsFor(db(), draftId()!);
    expect(rec!.state).toBe('cancelled');
    expect((await sweepPoints(db(), rec!.id)).map((p) => p.params['rightsCaps.class3']).sort((a, b) => b! - a!)).toEqual([250, 200]);
  });

  it('cancel sends nothing more and drops a result that arrives after it; every point shown is stored', async () => {
    // workers that finish their solve whatever happens (a result already on its way when the planner cancels); one real report stands for all
    const sent: number[] = [];
    let cancelledAt = Infinity;
    let one: SolveReport | null = null;
    useExploreWorkers({
      pool: () => ({
        async solveScenario(d, s) {
          sent.push(performance.now());
          one ??= await runScenario(d, s, solver);
          await new Promise((r) => setTimeout(r, 30));
          return one;
        },
        restart() {},
      }),
    });
    const running = startSweep({ axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 12 }] }, 2);
    await until(() => (sweepRun()?.points.length ?? 0) >= 2);
    const shown = sweepRun()!.points.map((p) => p.index);
    cancelledAt = performance.now();
    cancelSweep();
    await running;
    expect(sent.filter((t) => t > cancelledAt)).toEqual([]);
    const [rec] = await sweepsFor(db(), draftId()!);
    const stored = (await sweepPoints(db(), rec!.id)).map((p) => p.index);
    expect(rec).toMatchObject({ state: 'cancelled', done: stored.length });
    expect(stored).toEqual(expect.arrayContaining(shown));
    // the two solves under way at the cancel are not stored: only what finished before it
    expect(stored.length).toBeLessThan(sent.length);
  });

  it('a worker that crashes stops the sweep, keeps the points done and says why', async () => {
    let calls = 0;
    useExploreWorkers({
      pool: () => ({
        async solveScenario(d, s) {
          if (calls++ === 1) throw new Error('solver worker crashed: out of memory');
          return runScenario(d, s, solver);
        },
        restart() {},
      }),
    });
    await startSweep({ axes: [{ path: 'caps.clay', from: 50, to: 100, steps: 3 }] }, 1);
    const [rec] = await sweepsFor(db(), draftId()!);
    expect(rec).toMatchObject({ state: 'failed', error: 'solver worker crashed: out of memory' });
    expect(await sweepPoints(db(), rec!.id)).toHaveLength(1);
    expect(rec!.done).toBe(1);
  });

  it('a spec the engine refuses stores nothing and says why', async () => {
    const before = (await sweepsFor(db(), draftId()!)).length;
    const res = await startSweep({ axes: [{ path: 'caps.nothing', from: 1, to: 2, steps: 2 }] }, 1);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/^扫描设置有误：.*unknown mineral "nothing"/);
    expect(await sweepsFor(db(), draftId()!)).toHaveLength(before);
  });
});

describe('frontier', () => {
  it('runs through one worker (probes without the explanation) and a point opens as a new scenario in the editor', async () => {
    const opts: (boolean | undefined)[] = [];
    const worker: ExploreWorker = {
      async solveScenario(d, s, o) {
        opts.push(o?.explain);
        return runScenario(d, s, solver, o);
      },
      sensitivity: () => Promise.reject(new Error('unused')),
      path: () => Promise.reject(new Error('unused')),
      restart() {},
    };
    useExploreWorkers({ explore: () => worker });
    await startFrontier({ limit: 'class3', maxSolves: 8 });
    const run = frontierRun()!;
    expect(run.phase).toBe('done');
    expect(run.result!.points.at(-1)!.limit).toBe(250);
    expect(opts).toContain(false);
    expect(opts).toContain(true);

    const source = currentScenario()!;
    await openFrontierPoint('class3', 30);
    await until(() => currentScenario()?.name === '基准方案 · 三类矿山≤30');
    await until(() => route().page === 'editor');
    await until(() => (draft()?.rightsCaps as { class3?: number } | undefined)?.class3 === 30);
    // the rest is the scenario as it was (a duplicate)
    const { rightsCaps: _a, name: _b, ...rest } = draft()!;
    const { rightsCaps: _c, name: _d, ...was } = source.scenario;
    expect(rest).toEqual(was);
    expect(scenarios().map((s) => s.name)).toContain(source.name);
  });
});
