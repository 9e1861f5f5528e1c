// @vitest-environment jsdom
/**
 * The UI state without a browser: drafts saved to Dexie (fake-indexeddb) as
 * they are typed, validation in the planner's language, and the solve flow
 * with a stand-in solver (success, cancel, crash, silent worker, invalid input).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SolveReport } from '../src/model/report';
import type { Dataset } from '../src/domain/dataset';
import type { Scenario } from '../src/domain/scenario';
import { setLang } from '../src/ui/i18n';
import { parseHash } from '../src/ui/shell/router';
import { parseNumber } from '../src/ui/editor/fields';
import { editorDefaults } from '../src/ui/editor/defaults';
import { draft, draftCheck, editDraft, flushDraft, saveState, SAVE_DELAY_MS } from '../src/ui/state/draft';
import { getIn, setIn } from '../src/domain/json-path';
import { dataset, loadPresets, model, presetIn, presetLoad } from '../src/ui/state/model';
import { allRuns, createFrom, currentScenario, scenarios } from '../src/ui/state/scenarios';
import { DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC, timeLimitOf } from '../src/model/inputs';
import { cancelSolve, isSolving, solveConfig, solveCurrent, solvePhase, useSolverFactory, type SolverHandle } from '../src/ui/state/solve';
import { checkDraft, schemaProblems } from '../src/ui/state/validate';
import { db } from '../src/ui/state/db';
import { setRunRanges } from '../src/store';
import { emptyReport } from './helpers/empty-report';

function report(status: SolveReport['status'] = 'optimal'): SolveReport {
  return emptyReport({
    status,
    objective: status === 'optimal' ? 1 : null,
    size: { variables: 1, integers: 0, constraints: 1 },
    modelVersion: `${dataset().id}@${dataset().version}`,
  });
}

/** A solver whose answer the test controls. */
function stub(answer: (d: Dataset, s: Scenario) => Promise<SolveReport>) {
  const calls: Scenario[] = [];
  const handle: SolverHandle & { restarts: number } = {
    restarts: 0,
    solveScenario: (d, s) => {
      calls.push(s);
      return answer(d, s);
    },
    writeScenarioLp: async () => '\\ lp',
    warm: async () => undefined,
    restart() {
      handle.restarts++;
    },
  };
  useSolverFactory(async () => handle);
  return { handle, calls };
}

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3000 });

beforeAll(async () => {
  setLang('zh');
  expect(model.ok).toBe(true);
  const baseline = presetLoad.presets.find((p) => p.id === 'baseline');
  expect(baseline).toBeDefined();
  const scenario = presetIn(baseline!, 'zh');
  await createFrom(scenario, scenario.name, 'baseline');
  await until(() => draft() !== null && scenarios().length === 1);
});

afterEach(() => {
  setLang('zh');
});

describe('model and presets', () => {
  it('loads the embedded model and every shipped preset, baseline first', () => {
    expect(presetLoad.problems).toEqual([]);
    expect(presetLoad.presets[0]?.id).toBe('baseline');
  });

  it('leaves out an invalid preset and says why, with the JSON path', () => {
    const r = loadPresets(dataset(), { '../../../scenarios/bad.json': { format: 'quota-scenario/1', name: 'x', model: dataset().id, caps: { sand: -1 } } });
    expect(r.presets).toEqual([]);
    expect(r.problems).toEqual([{ id: 'bad', problems: [expect.objectContaining({ path: '$.caps.sand' })] }]);
  });
});

describe('editing', () => {
  it('reads typed numbers the way planners type them', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(' 1800 ')).toBe(1800);
    expect(parseNumber('1,800.5')).toBe(1800.5);
    expect(parseNumber('１８００')).toBe(1800);
    expect(parseNumber('0。4')).toBe(0.4);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('18oo')).toBe('18oo');
  });

  it('sets and clears values by path, removing objects a clear leaves empty', () => {
    const s = { caps: { sand: 1 }, name: 'n' };
    expect(setIn(s, ['caps', 'clay'], 2)).toEqual({ caps: { sand: 1, clay: 2 }, name: 'n' });
    expect(setIn(s, ['caps', 'sand'], undefined)).toEqual({ name: 'n' });
    expect(setIn(s, ['countyBounds', 'hetian', 'sand', 'max'], 5)).toEqual({ ...s, countyBounds: { hetian: { sand: { max: 5 } } } });
    expect(getIn({ a: [{ b: 3 }] }, ['a', 0, 'b'])).toBe(3);
    expect(s).toEqual({ caps: { sand: 1 }, name: 'n' });
  });

  it('saves an edit after a short pause, and at once on flush', async () => {
    const id = currentScenario()!.id;
    editDraft((d) => setIn(d, ['caps', 'sand'], 1800));
    expect(saveState()).toBe('pending');
    expect((await db().scenarios.get(id))?.scenario.caps).toBeUndefined();
    await new Promise((r) => setTimeout(r, SAVE_DELAY_MS + 200));
    expect((await db().scenarios.get(id))?.scenario.caps).toEqual({ sand: 1800 });
    expect(saveState()).toBe('saved');

    editDraft((d) => setIn(d, ['caps', 'sand'], 1700));
    await flushDraft();
    expect((await db().scenarios.get(id))?.scenario.caps).toEqual({ sand: 1700 });
  });

  it('takes a change saved by another tab when nothing here is unsaved', async () => {
    const id = currentScenario()!.id;
    const rec = (await db().scenarios.get(id))!;
    await db().scenarios.update(id, { scenario: { ...rec.scenario, timeLimitSec: 33 }, updatedAt: Date.now() });
    await until(() => getIn(draft(), ['timeLimitSec']) === 33);
  });

  it('validates in the planner’s language, with JSON paths', () => {
    const d = dataset();
    const base = { format: 'quota-scenario/1', name: 'x', model: d.id };
    const zh = checkDraft(d, { ...base, caps: { sand: -5 }, excludedZones: ['Z99'], timeLimitSec: 'abc' });
    expect(zh.ok).toBe(false);
    expect(zh.problems).toEqual(
      expect.arrayContaining([
        { path: '$.caps.sand', message: '不能小于 0。' },
        { path: '$.timeLimitSec', message: '应为数字。' },
      ]),
    );
    // ids are checked once the shape is right
    expect(checkDraft(d, { ...base, excludedZones: ['Z99'] }).problems).toEqual([{ path: '$.excludedZones[0]', message: '模型中没有集中开采区“Z99”。' }]);
    setLang('en');
    expect(checkDraft(d, { ...base, countyBounds: { hetian: { sand: { min: 5, max: 1 } } } }).problems).toEqual([
      { path: '$.countyBounds.hetian.sand', message: 'The minimum is larger than the maximum.' },
    ]);
    expect(schemaProblems({ ...base, oops: 1 })).toEqual({ ok: false, problems: [{ path: '$', message: 'Unknown key(s): oops.' }] });
    expect(checkDraft(d, { ...base, name: '' }).problems).toEqual([{ path: '$.name', message: 'Must be at least 1.' }]);
  });

  it('shows defaults from the plan: caps by the chosen table, policy figures, preset weights', () => {
    const d = dataset();
    const def = editorDefaults(d, { format: 'quota-scenario/1', name: 'x', model: d.id });
    expect(def.caps.sand?.max).toBe(2000);
    expect(def.caps.limestone?.max).toBe(300);
    expect(def.caps.limestone?.planFigures.map((f) => f.source)).toEqual(['专栏20', '专栏11']);
    expect(def.rightsCaps).toEqual({ class3: 250, class12: 150, total: 400 });
    expect(def.zones).toHaveLength(38);
    const t11 = editorDefaults(d, { capSource: 'table11', objective: { preset: 'min-mines' } });
    expect(t11.caps.limestone?.max).toBe(500);
    expect(t11.weights.mines).toBe(1);
    // a broken field elsewhere does not hide the defaults
    expect(editorDefaults(d, { capSource: 'table11', caps: { sand: 'x' } }).caps.limestone?.max).toBe(500);
  });
});

describe('routes', () => {
  it('reads pages and anchors from the hash, falling back to the scenarios page', () => {
    expect(parseHash('#/editor/caps')).toEqual({ page: 'editor', rest: 'caps' });
    expect(parseHash('#/plan')).toEqual({ page: 'plan', rest: '' });
    expect(parseHash('')).toEqual({ page: 'scenarios', rest: '' });
    expect(parseHash('#/nowhere')).toEqual({ page: 'scenarios', rest: '' });
  });
});

describe('solving', () => {
  it('solves the current draft in the solver and stores the run with the scenario as solved', async () => {
    const { calls } = stub(async () => report());
    editDraft((d) => setIn(d, ['caps', 'sand'], 1600));
    const before = allRuns().length;
    const run = await solveCurrent();
    expect(run?.report.status).toBe('optimal');
    expect(calls[0]?.caps).toEqual({ sand: 1600 });
    expect(run?.scenario.caps).toEqual({ sand: 1600 });
    expect(solvePhase()).toMatchObject({ phase: 'done', status: 'optimal' });
    await until(() => allRuns().length === before + 1);
    // the draft was saved before the solve
    expect((await db().scenarios.get(currentScenario()!.id))?.scenario.caps).toEqual({ sand: 1600 });
  });

  it('the runs list reads a new run, and ranges stored on a run, without reading the other runs again', async () => {
    stub(async () => report());
    const first = await solveCurrent();
    await until(() => allRuns().some((r) => r.id === first?.id));
    const held = allRuns().find((r) => r.id === first!.id);
    const second = await solveCurrent();
    await until(() => allRuns().some((r) => r.id === second?.id));
    // the run already read is the same object: nothing re-read it
    expect(allRuns().find((r) => r.id === first!.id)).toBe(held);
    expect(allRuns().map((r) => r.createdAt)).toEqual([...allRuns().map((r) => r.createdAt)].sort((a, b) => a - b));
    await setRunRanges(db(), first!.id, [], 0.01);
    await until(() => allRuns().find((r) => r.id === first!.id)?.rangeTolerance === 0.01);
  });

  it('does not solve invalid input', async () => {
    const { calls } = stub(async () => report());
    editDraft((d) => setIn(d, ['caps', 'sand'], 'abc'));
    expect(draftCheck()?.ok).toBe(false);
    expect(await solveCurrent()).toBeNull();
    expect(calls).toEqual([]);
    expect(solvePhase()).toMatchObject({ phase: 'error' });
    editDraft((d) => setIn(d, ['caps', 'sand'], undefined));
  });

  it('cancel restarts the worker and leaves nothing running', async () => {
    const { handle } = stub(() => new Promise<SolveReport>(() => {}));
    const pending = solveCurrent();
    await until(() => isSolving());
    cancelSolve();
    expect(await pending).toBeNull();
    expect(isSolving()).toBe(false);
    expect(handle.restarts).toBe(1);
    expect(solvePhase()).toMatchObject({ phase: 'cancelled' });
  });

  it('a crash is shown and the worker restarted; the next solve works', async () => {
    let fail = true;
    const { handle } = stub(async () => {
      if (fail) throw new Error('solver worker crashed: out of memory');
      return report();
    });
    expect(await solveCurrent()).toBeNull();
    expect(solvePhase()).toMatchObject({ phase: 'error', message: expect.stringContaining('out of memory') });
    expect(handle.restarts).toBe(1);
    fail = false;
    expect((await solveCurrent())?.report.status).toBe('optimal');
  });

  it('a worker silent past the time limit is taken for dead and restarted', async () => {
    solveConfig.watchdogGraceSec = 0.05;
    try {
      const { handle } = stub(() => new Promise<SolveReport>(() => {}));
      editDraft((d) => setIn(d, ['timeLimitSec'], 0.05));
      expect(await solveCurrent()).toBeNull();
      expect(solvePhase()).toMatchObject({ phase: 'error', message: expect.stringContaining('没有响应') });
      expect(handle.restarts).toBe(1);
    } finally {
      solveConfig.watchdogGraceSec = 15;
      editDraft((d) => setIn(d, ['timeLimitSec'], undefined));
    }
  });
});

describe('time limits', () => {
  it('the longest time limit the schema allows, with a grace past what a timer holds, does not fire the watchdog at once', async () => {
    const { handle } = stub(() => new Promise<SolveReport>(() => {}));
    // a longer limit is refused by the scenario schema (models/README §8.1)
    editDraft((d) => setIn(d, ['timeLimitSec'], MAX_TIME_LIMIT_SEC));
    solveConfig.watchdogGraceSec = 1e7; // the watchdog's delay alone is past 2^31−1 ms
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = solveCurrent();
      await vi.waitFor(() => expect(isSolving()).toBe(true));
      expect(solvePhase()).toMatchObject({ phase: 'running', timeLimitSec: MAX_TIME_LIMIT_SEC });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(solvePhase()).toMatchObject({ phase: 'running' });
      expect(handle.restarts).toBe(0);
      cancelSolve();
      expect(await pending).toBeNull();
    } finally {
      vi.useRealTimers();
      solveConfig.watchdogGraceSec = 15;
      editDraft((d) => setIn(d, ['timeLimitSec'], undefined));
    }
  });

  it('the model takes a scenario’s time limit up to the stated maximum', () => {
    expect(timeLimitOf({})).toBe(DEFAULT_TIME_LIMIT_SEC);
    expect(timeLimitOf({ timeLimitSec: 30 })).toBe(30);
    expect(timeLimitOf({ timeLimitSec: 3e6 })).toBe(MAX_TIME_LIMIT_SEC);
    expect(MAX_TIME_LIMIT_SEC * 1000).toBeLessThan(2 ** 31 - 1);
  });
});

describe('importing a scenario file', () => {
  it('lists every problem with its JSON path, in the planner’s language', async () => {
    const { checkScenarioFile } = await import('../src/ui/state/validate');
    const d = dataset();
    setLang('zh');
    expect(checkScenarioFile('{"a":', 'x.json', d)).toMatchObject({ ok: false, file: 'x.json', problems: [{ path: '$', message: expect.stringMatching(/^不是有效的 JSON/) }] });
    const bad = checkScenarioFile(JSON.stringify({ format: 'quota-scenario/1', name: 'x', model: d.id, caps: { sand: -1 }, demand: { radiusKm: 0 } }), 'x.json', d);
    expect(bad).toEqual({
      ok: false,
      file: 'x.json',
      problems: [
        { path: '$.caps.sand', message: '不能小于 0。' },
        { path: '$.demand.radiusKm', message: '必须大于 0。' },
      ],
    });
    expect(checkScenarioFile(JSON.stringify({ format: 'quota-scenario/1', name: 'x', model: d.id }), 'x.json', d).ok).toBe(true);
  });

  it('reads a name and description given in both languages in the planner’s, and names a missing one by its path', async () => {
    const { checkScenarioFile } = await import('../src/ui/state/validate');
    const d = dataset();
    const text = JSON.stringify({ format: 'quota-scenario/1', name: { zh: '试算', en: 'Trial' }, description: { zh: '说明', en: 'About' }, model: d.id });
    setLang('en');
    expect(checkScenarioFile(text, 'x.json', d)).toMatchObject({ ok: true, scenario: { name: 'Trial', description: 'About' } });
    expect(checkScenarioFile(JSON.stringify({ format: 'quota-scenario/1', name: { zh: '试算' }, model: d.id }), 'x.json', d)).toEqual({
      ok: false,
      file: 'x.json',
      problems: [{ path: '$.name.en', message: 'Required.' }],
    });
    expect(checkScenarioFile(JSON.stringify({ format: 'quota-scenario/1', name: 5, model: d.id }), 'x.json', d)).toMatchObject({
      problems: [{ path: '$.name', message: 'Should be text or {zh, en}.' }],
    });
    setLang('zh');
    expect(checkScenarioFile(text, 'x.json', d)).toMatchObject({ ok: true, scenario: { name: '试算', description: '说明' } });
  });
});
