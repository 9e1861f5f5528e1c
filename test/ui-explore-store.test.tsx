/** The sweeps table (schema v3): a v2 database opens with its data, sweeps are kept per scenario and purged with it. */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { deleteDatabasesAfterEach, freshName, openFresh } from './helpers/fresh-db';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA, addSweep, createScenario, deleteScenario, deleteSweep, purgeDeleted, runsFor, sweepsFor, updateSweep } from '../src/store';
import type { SolveReport } from '../src/model/report';
import type { SweepSpec } from '../src/model/explore/sweep';

deleteDatabasesAfterEach();
const fresh = () => freshName('explore-db');
const open = (name = fresh()) => openFresh(name);

const base = { format: 'quota-scenario/1', name: '基准', model: 'hotan-2021-2025' };
const report = { status: 'optimal', objective: 1, modelVersion: 'm@1' } as unknown as SolveReport;
const spec: SweepSpec = { axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 3 }] };

describe('sweeps table', () => {
  it('a v2 database opens as v3 with its scenarios and runs, and an empty sweeps table', async () => {
    const name = fresh();
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA[2]);
    await v2.open();
    await v2.table('scenarios').add({ id: 's1', name: '旧', scenario: base, createdAt: 1, updatedAt: 1, deletedAt: null });
    await v2.table('runs').add({ id: 'r1', scenarioId: 's1', scenario: base, report, createdAt: 2, scenarioHash: 'h', modelVersion: 'm@1' });
    v2.close();
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect((await runsFor(db, 's1')).map((r) => r.id)).toEqual(['r1']);
    expect(await db.sweeps.count()).toBe(0);
  });

  it('keeps sweeps per scenario, newest first; updates points; purges them with their scenario', async () => {
    const db = open();
    const s = await createScenario(db, base);
    const other = await createScenario(db, { ...base, name: '另一个' });
    const common = { scenarioName: '基准', scenarioHash: 'h', modelVersion: 'm@1', spec, points: [], total: 3, state: 'running' as const, workers: 2, elapsedMs: 0 };
    const a = await addSweep(db, { ...common, scenarioId: s.id });
    await new Promise((r) => setTimeout(r, 2));
    const b = await addSweep(db, { ...common, scenarioId: s.id });
    await addSweep(db, { ...common, scenarioId: other.id });
    await updateSweep(db, a.id, { points: [{ index: 0, params: { 'caps.sand': 1000 }, report }], state: 'cancelled', elapsedMs: 5 });
    const list = await sweepsFor(db, s.id);
    expect(list.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(list[1]).toMatchObject({ state: 'cancelled', elapsedMs: 5, points: [{ index: 0, params: { 'caps.sand': 1000 } }] });
    await deleteSweep(db, b.id);
    expect((await sweepsFor(db, s.id)).map((x) => x.id)).toEqual([a.id]);
    await deleteScenario(db, s.id);
    await purgeDeleted(db, Date.now() + 1);
    expect(await sweepsFor(db, s.id)).toEqual([]);
    expect(await sweepsFor(db, other.id)).toHaveLength(1);
  });
});
