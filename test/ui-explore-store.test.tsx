/**
 * Stored sweeps: a header in `sweeps` (schema v3), the points in their own
 * table (v5). An older database opens with its sweeps' points moved over;
 * points are stored as they come without rewriting the others; the list reads
 * headers only; sweeps go with their scenario; a sweep left 'running' by a
 * closed page is marked interrupted on the next load, unless a page still
 * runs it.
 */
import 'fake-indexeddb/auto';
import { deleteDatabasesAfterEach, freshName, openFresh, writtenAt } from './helpers/fresh-db';
import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  addSweep,
  addSweepPoints,
  createScenario,
  deleteScenario,
  deleteSweep,
  holdSweepLock,
  purgeDeleted,
  recoverSweeps,
  runsFor,
  sweepPoints,
  sweepsFor,
  updateSweep,
  type SweepLocks,
} from '../src/store';
import type { SolveReport } from '../src/model/report';
import type { SweepSpec } from '../src/model/explore/sweep';

deleteDatabasesAfterEach();
const fresh = () => freshName('explore-db');
const open = (name = fresh()) => openFresh(name);

const base = { format: 'quota-scenario/1', name: '基准', model: 'hotan-2021-2025' };
const report = { status: 'optimal', objective: 1, modelVersion: 'm@1' } as unknown as SolveReport;
const spec: SweepSpec = { axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 3 }] };
const header = { scenarioName: '基准', scenarioHash: 'h', modelVersion: 'm@1', spec, total: 3, state: 'running' as const, workers: 2, elapsedMs: 0 };
const point = (index: number) => ({ index, params: { 'caps.sand': 1000 + 500 * index }, report: { ...report, objective: index } });

/** Web Locks as the browser keeps them: one holder per name at a time, the others wait in turn; ifAvailable gives null at once when held. */
function fakeLocks(): SweepLocks {
  const tails = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    request(name: string, a: unknown, b?: unknown) {
      const ifAvailable = typeof a === 'object' && (a as { ifAvailable?: boolean }).ifAvailable === true;
      const fn = (typeof a === 'function' ? a : b) as (lock: unknown) => Promise<unknown>;
      if (ifAvailable && held.has(name)) return fn(null);
      const run = (tails.get(name) ?? Promise.resolve()).then(async () => {
        held.add(name);
        try {
          return await fn({ name });
        } finally {
          held.delete(name);
        }
      });
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  } as SweepLocks;
}

describe('sweeps table', () => {
  it('a v2 database opens at the current version with its scenarios and runs, and no sweeps', async () => {
    const name = await writtenAt(2, async (v2) => {
      await v2.table('scenarios').add({ id: 's1', name: '旧', scenario: base, createdAt: 1, updatedAt: 1, deletedAt: null });
      await v2.table('runs').add({ id: 'r1', scenarioId: 's1', scenario: base, report, createdAt: 2, scenarioHash: 'h', modelVersion: 'm@1' });
    }, fresh());
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect((await runsFor(db, 's1')).map((r) => r.id)).toEqual(['r1']);
    expect(await db.sweeps.count()).toBe(0);
    expect(await db.sweepPoints.count()).toBe(0);
  });

  it('a v3 database opens with each sweep’s points moved to their own rows and counted in the header', async () => {
    const name = await writtenAt(3, async (v3) => {
      await v3.table('sweeps').bulkAdd([
        { ...header, id: 'w1', scenarioId: 's1', createdAt: 1, state: 'cancelled', points: [point(2), point(0)] },
        { ...header, id: 'w2', scenarioId: 's1', createdAt: 2, state: 'done', points: [] },
      ]);
    }, fresh());
    const db = open(name);
    const list = await sweepsFor(db, 's1');
    expect(list.map((s) => [s.id, s.done, s.state])).toEqual([
      ['w2', 0, 'done'],
      ['w1', 2, 'cancelled'],
    ]);
    expect(list.every((s) => !('points' in s))).toBe(true);
    expect((await sweepPoints(db, 'w1')).map((p) => [p.index, p.params['caps.sand'], p.report.objective])).toEqual([
      [0, 1000, 0],
      [2, 2000, 2],
    ]);
  });

  it('stores points as they come, one row each; the header counts them; a point stored twice counts once', async () => {
    const db = open();
    const a = await addSweep(db, { ...header, scenarioId: 's1' });
    expect(a.done).toBe(0);
    expect(await addSweepPoints(db, a.id, [point(1)], 40)).toBe(1);
    expect(await addSweepPoints(db, a.id, [point(0), point(2)], 90)).toBe(3);
    expect(await addSweepPoints(db, a.id, [point(2)])).toBe(3);
    const [rec] = await sweepsFor(db, 's1');
    expect(rec).toMatchObject({ id: a.id, done: 3, elapsedMs: 90, state: 'running' });
    expect((await sweepPoints(db, a.id)).map((p) => p.index)).toEqual([0, 1, 2]);
    // the header stays small however many points there are: the list never carries them
    expect(JSON.stringify(rec)).not.toContain('objective');
  });

  it('keeps sweeps per scenario, newest first; deletes a sweep with its points; purges them with their scenario', async () => {
    const db = open();
    const s = await createScenario(db, base);
    const other = await createScenario(db, { ...base, name: '另一个' });
    const a = await addSweep(db, { ...header, scenarioId: s.id });
    await new Promise((r) => setTimeout(r, 2));
    const b = await addSweep(db, { ...header, scenarioId: s.id });
    const c = await addSweep(db, { ...header, scenarioId: other.id });
    for (const id of [a.id, b.id, c.id]) await addSweepPoints(db, id, [point(0), point(1)]);
    await updateSweep(db, a.id, { state: 'cancelled', elapsedMs: 5 });
    const list = await sweepsFor(db, s.id);
    expect(list.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(list[1]).toMatchObject({ state: 'cancelled', elapsedMs: 5, done: 2 });
    await deleteSweep(db, b.id);
    expect((await sweepsFor(db, s.id)).map((x) => x.id)).toEqual([a.id]);
    expect(await sweepPoints(db, b.id)).toEqual([]);
    await deleteScenario(db, s.id);
    await purgeDeleted(db, Date.now() + 1);
    expect(await sweepsFor(db, s.id)).toEqual([]);
    expect(await sweepPoints(db, a.id)).toEqual([]);
    expect(await sweepsFor(db, other.id)).toHaveLength(1);
    expect(await sweepPoints(db, c.id)).toHaveLength(2);
  });
});

describe('a sweep cut short by a closed page', () => {
  it('is marked interrupted on the next load with the points it stored; finished sweeps are left as they are', async () => {
    const db = open();
    const cut = await addSweep(db, { ...header, scenarioId: 's1' });
    await addSweepPoints(db, cut.id, [point(0), point(2)]);
    const done = await addSweep(db, { ...header, scenarioId: 's1' });
    await updateSweep(db, done.id, { state: 'done' });
    expect(await recoverSweeps(db, null)).toEqual([cut.id]);
    const byId = new Map((await sweepsFor(db, 's1')).map((s) => [s.id, s]));
    expect(byId.get(cut.id)).toMatchObject({ state: 'interrupted', done: 2 });
    expect(byId.get(done.id)?.state).toBe('done');
    expect((await sweepPoints(db, cut.id)).map((p) => p.index)).toEqual([0, 2]);
    // a second load finds nothing more to mark
    expect(await recoverSweeps(db, null)).toEqual([]);
  });

  it('a sweep another page still runs (its lock held) is left running; marked once that page lets go without finishing', async () => {
    const db = open();
    const locks = fakeLocks();
    const elsewhere = await addSweep(db, { ...header, scenarioId: 's1' });
    const finishes = await addSweep(db, { ...header, scenarioId: 's1' });
    const releaseElsewhere = await holdSweepLock(elsewhere.id, locks);
    const releaseFinishes = await holdSweepLock(finishes.id, locks);
    expect(await recoverSweeps(db, locks)).toEqual([]);
    const state = async (id: string) => (await db.sweeps.get(id))?.state;
    expect(await state(elsewhere.id)).toBe('running');
    // one page ends its sweep as it should; the other closes in the middle
    await updateSweep(db, finishes.id, { state: 'done' });
    releaseFinishes();
    releaseElsewhere();
    await expect.poll(() => state(elsewhere.id)).toBe('interrupted');
    expect(await state(finishes.id)).toBe('done');
  });
});
