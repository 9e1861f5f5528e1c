// @vitest-environment jsdom
/**
 * Solve all scenarios without a browser: the scenarios with no up-to-date run
 * are solved over stand-in pool workers whose answers the test releases one
 * by one, each gets a stored run that describes it, progress counts to N of N
 * with the scenario being solved named, and Cancel stops the batch keeping
 * the runs done. Solve goes to the results, or leaves the planner on the
 * page when the planner says so (remembered).
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../src/domain/scenario';
import type { SolveReport } from '../src/model/report';
import type { PoolWorker } from '../src/model/pool';
import { runsFor } from '../src/store';
import { setLang } from '../src/ui/i18n';
import { SolveAll } from '../src/ui/scenarios/SolveAll';
import { navigate, route } from '../src/ui/shell/router';
import { SolveBar } from '../src/ui/shell/SolveBar';
import { solvePhase, useSolverFactory } from '../src/ui/state/solve';
import { db } from '../src/ui/state/db';
import { dataset, modelVersionOf, presetIn, presetLoad } from '../src/ui/state/model';
import { createFrom, latestRunByScenario, scenarios, selectScenario } from '../src/ui/state/scenarios';
import { draftCheck, draftId } from '../src/ui/state/draft';
import { cancelSolveAll, solveAllPhase, solveAllScenarios, staleScenarios, useSolveAllWorkers } from '../src/ui/state/solve-all';
import { emptyReport } from './helpers/empty-report';

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3000 });

/** One stand-in worker: each solve waits until the test releases it; a restart rejects the solve under way. */
function heldWorker() {
  const pending: { scenario: Scenario; resolve: (r: SolveReport) => void; reject: (e: Error) => void }[] = [];
  const w = {
    pending,
    restarts: 0,
    solveScenario: (_d: unknown, scenario: Scenario) =>
      new Promise<SolveReport>((resolve, reject) => {
        pending.push({ scenario, resolve, reject });
      }),
    restart() {
      w.restarts++;
      for (const p of pending.splice(0)) p.reject(new Error('restarted'));
    },
    /** answers the oldest solve waiting */
    release(status: SolveReport['status'] = 'optimal') {
      const p = pending.shift();
      if (!p) throw new Error('nothing to release');
      p.resolve(emptyReport({ status, modelVersion: modelVersionOf(dataset()) }));
    },
  };
  return w;
}

beforeAll(async () => {
  setLang('zh');
  const base = presetIn(presetLoad.presets.find((p) => p.id === 'baseline')!, 'zh');
  for (const [i, name] of ['甲', '乙', '丙'].entries()) await createFrom({ ...base, name, rightsCaps: { class3: 200 + i } }, name);
  await until(() => scenarios().length === 3);
});

afterEach(() => {
  cleanup();
  setLang('zh');
});

describe('solve all scenarios', () => {
  it('solves the three stale scenarios on the pool, one fresh run each, with progress to 3 of 3', async () => {
    const worker = heldWorker();
    useSolveAllWorkers(async () => [worker as unknown as PoolWorker]);
    render(() => <SolveAll />);
    // in the list's order (by creation; the same millisecond falls back to the id)
    const order = staleScenarios().map((s) => s.name);
    expect([...order].sort()).toEqual(['丙', '乙', '甲'].sort());
    screen.getByRole('button', { name: '求解 3 个方案' }).click();
    await until(() => worker.pending.length === 1);
    const status = () => screen.getByRole('status');
    expect(status().textContent).toContain(`已求解 0 / 3 个方案 · 正在求解：${order[0]}`);
    worker.release();
    await until(() => worker.pending.length === 1 && status().textContent!.includes(`已求解 1 / 3 个方案 · 正在求解：${order[1]}`));
    worker.release('infeasible');
    await until(() => worker.pending.length === 1 && status().textContent!.includes(`已求解 2 / 3 个方案 · 正在求解：${order[2]}`));
    worker.release();
    await until(() => solveAllPhase().phase === 'done');
    expect(solveAllPhase()).toMatchObject({ phase: 'done', total: 3, solved: 3, infeasible: 1, cancelled: false });
    expect(screen.getByTestId('solve-all-outcome').textContent).toBe('已求解 3 / 3 个方案，结果已保存。 其中 1 个不可行。');
    // each scenario has exactly one run, of the scenario it solved, and none is stale any more
    for (const s of scenarios()) {
      const runs = await runsFor(db(), s.id);
      expect(runs).toHaveLength(1);
      expect(runs[0]!.scenario).toEqual(s.scenario);
    }
    await until(() => latestRunByScenario().size === 3);
    expect(staleScenarios()).toEqual([]);
    expect(screen.getByRole('button', { name: '求解 0 个方案' }).hasAttribute('disabled')).toBe(true);
    // the batch's workers are let go
    expect(worker.restarts).toBe(1);
  });

  it('Cancel stops the batch: the runs done are kept, the rest stay stale', async () => {
    setLang('en');
    for (const s of scenarios()) await createFrom({ ...s.scenario, timeLimitSec: 30 }, `${s.name}′`);
    await until(() => staleScenarios().length === 3);
    const order = staleScenarios().map((s) => s.name);
    const worker = heldWorker();
    useSolveAllWorkers(async () => [worker as unknown as PoolWorker]);
    render(() => <SolveAll />);
    screen.getByRole('button', { name: 'Solve 3 scenario(s)' }).click();
    await until(() => worker.pending.length === 1);
    worker.release();
    await until(() => worker.pending.length === 1 && screen.getByRole('status').textContent!.includes('1 of 3 scenarios solved'));
    screen.getByRole('button', { name: 'Cancel solving all' }).click();
    await until(() => solveAllPhase().phase === 'done');
    expect(solveAllPhase()).toMatchObject({ phase: 'done', total: 3, solved: 1, cancelled: true });
    expect(screen.getByTestId('solve-all-outcome').textContent).toBe('Cancelled: 1 of 3 scenarios solved; the runs done are saved.');
    await until(() => staleScenarios().length === 2);
    expect(staleScenarios().map((s) => s.name)).toEqual(order.slice(1));
    cancelSolveAll(); // nothing running: no effect
    expect(solveAllPhase().phase).toBe('done');
  });

  it('a scenario with errors is left out and named', async () => {
    const worker = heldWorker();
    useSolveAllWorkers(async () => [worker as unknown as PoolWorker]);
    const bad = await createFrom({ ...scenarios()[0]!.scenario, caps: { sand: -5 } }, '坏');
    await until(() => staleScenarios().some((s) => s.id === bad.id));
    let settled = false;
    const done = solveAllScenarios().then(() => (settled = true));
    // answer each solve until the batch ends (the other stale ones are solved too)
    while (!settled) {
      await until(() => worker.pending.length === 1 || settled);
      if (worker.pending.length) worker.release();
    }
    await done;
    expect(solveAllPhase()).toMatchObject({ phase: 'done', skipped: ['坏'] });
    expect(await runsFor(db(), bad.id)).toEqual([]);
  });
});

describe('where Solve leads', () => {
  it('to the results by default; the planner can stay on the page, and the choice is remembered', async () => {
    let solves = 0;
    useSolverFactory(async () => ({
      solveScenario: async () => (solves++, emptyReport({ modelVersion: modelVersionOf(dataset()) })),
      writeScenarioLp: async () => '',
      warm: async () => undefined,
      restart: () => undefined,
    }));
    // the last test left the invalid scenario open: open a valid one
    const valid = scenarios()[0]!;
    selectScenario(valid.id);
    await until(() => draftId() === valid.id && draftCheck()?.ok === true);
    render(() => <SolveBar />);
    const go = screen.getByRole('checkbox', { name: '求解后转到结果页' }) as HTMLInputElement;
    expect(go.checked).toBe(true);
    const solveOn = async (n: number) => {
      navigate('editor');
      screen.getByRole('button', { name: '求解' }).click();
      await until(() => solves === n && solvePhase().phase === 'done');
    };
    go.click();
    expect(localStorage.getItem('quota-workbench.solve.goToResults')).toBe('false');
    await solveOn(1);
    expect(route().page).toBe('editor');
    go.click();
    expect(localStorage.getItem('quota-workbench.solve.goToResults')).toBe('true');
    await solveOn(2);
    await until(() => route().page === 'results');
  });
});
