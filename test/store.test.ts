import 'fake-indexeddb/auto';
import { deleteDatabasesAfterEach, openFresh as open, writtenAt } from './helpers/fresh-db';
import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  addRun,
  canonicalJson,
  createScenario,
  deleteScenario,
  duplicateScenario,
  getScenario,
  latestRuns,
  listDeleted,
  listScenarios,
  mergeDrafts,
  parseScenarioFile,
  purgeDeleted,
  renameScenario,
  restoreDraft,
  runsFor,
  saveScenario,
  scenarioHash,
  settle,
  staleness,
  undoDelete,
} from '../src/store';
import type { Dataset } from '../src/domain/dataset';
import { scenarioJson } from '../src/domain/scenario-json';
import { problemText } from '../src/domain/validation';
import { emptyReport } from './helpers/empty-report';

deleteDatabasesAfterEach();

const base = { format: 'quota-scenario/1', name: '基准', model: 'hotan-2021-2025', caps: { sand: 2000 } };

describe('scenario hash', () => {
  it('ignores key order and labels, sees every parameter', () => {
    const a = { format: 'quota-scenario/1', model: 'm', caps: { sand: 1, clay: 2 }, name: 'a' };
    const b = { caps: { clay: 2, sand: 1 }, name: 'renamed', model: 'm', format: 'quota-scenario/1', description: 'x' };
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash(a)).not.toBe(scenarioHash({ ...a, caps: { sand: 1, clay: 3 } }));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
  });
});

describe('scenarios', () => {
  it('create, read, update, rename, duplicate', async () => {
    const db = open();
    const s = await createScenario(db, base, { preset: 'baseline' });
    expect(s.name).toBe('基准');
    expect(s.preset).toBe('baseline');
    expect((await getScenario(db, s.id))?.scenario).toEqual(base);

    expect(await saveScenario(db, s.id, { ...base, caps: { sand: 1800 } }, 0)).toEqual({ ok: true, revision: 1 });
    expect((await getScenario(db, s.id))?.scenario.caps).toEqual({ sand: 1800 });

    await renameScenario(db, s.id, '  砂石收紧 ');
    const renamed = await getScenario(db, s.id);
    expect(renamed?.name).toBe('砂石收紧');
    expect(renamed?.scenario.name).toBe('砂石收紧');
    await expect(renameScenario(db, s.id, '   ')).rejects.toThrow();

    const copy = await duplicateScenario(db, s.id, '砂石收紧 (副本)');
    expect(copy.id).not.toBe(s.id);
    expect(copy.scenario.caps).toEqual({ sand: 1800 });
    expect(copy.scenario.name).toBe('砂石收紧 (副本)');
    expect((await listScenarios(db)).map((r) => r.name)).toEqual(['砂石收紧', '砂石收紧 (副本)']);
  });

  it('keeps an invalid draft as typed, so a reload loses nothing', async () => {
    const db = open();
    const s = await createScenario(db, base);
    await saveScenario(db, s.id, { ...base, caps: { sand: '20o0' } }, 0);
    expect((await getScenario(db, s.id))?.scenario.caps).toEqual({ sand: '20o0' });
  });

  it('restores a draft whose save did not land, unless the database has a later save', async () => {
    const db = open();
    const s = await createScenario(db, base);
    const typedAt = Date.now() + 1;
    // the tab closed before the save of {sand: 1800} landed: restored
    expect(await restoreDraft(db, s.id, { ...base, caps: { sand: 1800 } }, typedAt)).toBe(true);
    expect((await getScenario(db, s.id))?.scenario.caps).toEqual({ sand: 1800 });
    // the same again changes nothing
    expect(await restoreDraft(db, s.id, { ...base, caps: { sand: 1800 } }, Date.now() + 1)).toBe(false);
    // a save made after the draft was typed (another tab) wins
    await new Promise((r) => setTimeout(r, 2));
    await saveScenario(db, s.id, { ...base, caps: { sand: 1700 } }, 1);
    expect(await restoreDraft(db, s.id, { ...base, caps: { sand: 1600 } }, typedAt)).toBe(false);
    expect((await getScenario(db, s.id))?.scenario.caps).toEqual({ sand: 1700 });
    // nor into a deleted or unknown scenario
    await deleteScenario(db, s.id);
    expect(await restoreDraft(db, s.id, { ...base, caps: { sand: 1600 } }, Date.now() + 1)).toBe(false);
    expect(await restoreDraft(db, 'nope', base, Date.now())).toBe(false);
  });

  it('refuses a save from a stale revision and leaves the database unchanged', async () => {
    const db = open();
    const s = await createScenario(db, base);
    expect(s.revision).toBe(0);
    // two tabs start from revision 0; the first save lands
    expect(await saveScenario(db, s.id, { ...base, caps: { sand: 1800 } }, 0)).toEqual({ ok: true, revision: 1 });
    const landed = await getScenario(db, s.id);
    // the second, still at revision 0, is refused and told what is stored now
    const refused = await saveScenario(db, s.id, { ...base, rightsCaps: { class3: 200 } }, 0);
    expect(refused).toEqual({ ok: false, current: landed });
    expect(await getScenario(db, s.id)).toEqual(landed);
    // saved again from the revision it was refused against, it lands
    expect(await saveScenario(db, s.id, { ...base, caps: { sand: 1800 }, rightsCaps: { class3: 200 } }, 1)).toEqual({ ok: true, revision: 2 });
    // a rename and a restored draft are saves too: a save from before them is refused
    await renameScenario(db, s.id, '改名');
    expect((await getScenario(db, s.id))?.revision).toBe(3);
    expect((await saveScenario(db, s.id, base, 2)).ok).toBe(false);
    expect(await restoreDraft(db, s.id, { ...base, caps: { sand: 1500 } }, Date.now() + 1)).toBe(true);
    expect((await getScenario(db, s.id))?.revision).toBe(4);
    expect((await saveScenario(db, s.id, base, 3)).ok).toBe(false);
    await expect(saveScenario(db, 'nope', base, 0)).rejects.toThrow('no scenario nope');
  });

  it('merges two edits from the same revision: one-sided changes merge, two-sided ones are conflicts', () => {
    const b = { ...base, caps: { sand: 2000, clay: 100 }, excludedZones: ['Z01'] };
    const mine = { ...b, caps: { sand: 1800, clay: 100 }, rightsCaps: { class3: 200 }, excludedZones: ['Z01', 'Z02'] };
    const theirs = { ...b, caps: { sand: 1900 }, timeLimitSec: 30, excludedZones: ['Z03'] };
    const m = mergeDrafts(b, mine, theirs);
    // clay was cleared only by the other tab, class-3 set only here, the time limit only there
    expect(m.merged).toEqual({ ...base, caps: { sand: 1800 }, rightsCaps: { class3: 200 }, timeLimitSec: 30, excludedZones: ['Z01', 'Z02'] });
    expect(m.taken).toEqual([['caps', 'clay'], ['timeLimitSec']]);
    expect(m.conflicts).toEqual([
      { path: ['caps', 'sand'], mine: 1800, theirs: 1900 },
      { path: ['excludedZones'], mine: ['Z01', 'Z02'], theirs: ['Z03'] },
    ]);
    expect(settle(m, new Set([0]))).toEqual({ ...m.merged, caps: { sand: 1900 } });
    expect(settle(m, new Set([1]))).toEqual({ ...m.merged, excludedZones: ['Z03'] });
    // a field cleared here against a value there: keeping "cleared" removes it, and its emptied parent
    const c = mergeDrafts({ ...base, rightsCaps: { class3: 250 } }, base, { ...base, rightsCaps: { class3: 240 } });
    expect(c.conflicts).toEqual([{ path: ['rightsCaps', 'class3'], mine: undefined, theirs: 240 }]);
    expect(settle(c, new Set())).toEqual(base);
    expect(settle(c, new Set([0]))).toEqual({ ...base, rightsCaps: { class3: 240 } });
    // the same change on both sides is no conflict
    expect(mergeDrafts(base, { ...base, caps: { sand: 1 } }, { ...base, caps: { sand: 1 } }).conflicts).toEqual([]);
  });

  it('soft delete hides a scenario; undo brings it back with its runs', async () => {
    const db = open();
    const a = await createScenario(db, base);
    const b = await createScenario(db, { ...base, name: 'B' });
    await addRun(db, { scenarioId: a.id, scenario: a.scenario, report: emptyReport() });
    await deleteScenario(db, a.id);
    expect((await listScenarios(db)).map((r) => r.id)).toEqual([b.id]);
    expect((await listDeleted(db)).map((r) => r.id)).toEqual([a.id]);
    await undoDelete(db, a.id);
    expect((await listScenarios(db)).map((r) => r.id)).toEqual([a.id, b.id]);
    expect(await listDeleted(db)).toEqual([]);
    expect(await runsFor(db, a.id)).toHaveLength(1);
  });

  it('purges scenarios deleted long ago, with their runs', async () => {
    const db = open();
    const a = await createScenario(db, base);
    await addRun(db, { scenarioId: a.id, scenario: a.scenario, report: emptyReport() });
    await deleteScenario(db, a.id);
    expect(await purgeDeleted(db, Date.now() - 60_000)).toBe(0);
    expect(await purgeDeleted(db, Date.now() + 1)).toBe(1);
    expect(await getScenario(db, a.id)).toBeUndefined();
    expect(await runsFor(db, a.id)).toEqual([]);
  });
});

describe('runs', () => {
  it('records the scenario hash and model version; says when either changed since', async () => {
    const db = open();
    const s = await createScenario(db, base);
    const run = await addRun(db, { scenarioId: s.id, scenario: s.scenario, report: emptyReport({ modelVersion: '1.0.0' }) });
    expect(run.modelVersion).toBe('1.0.0');
    expect(staleness(run, s.scenario, '1.0.0')).toEqual({ stale: false, scenarioChanged: false, modelChanged: false });
    // renaming is not a change of what is solved
    expect(staleness(run, { ...s.scenario, name: 'other' }, '1.0.0').stale).toBe(false);
    const edited = { ...s.scenario, caps: { sand: 1500 } };
    expect(staleness(run, edited, '1.0.0')).toEqual({ stale: true, scenarioChanged: true, modelChanged: false });
    expect(staleness(run, s.scenario, '1.1.0')).toEqual({ stale: true, scenarioChanged: false, modelChanged: true });
  });

  it('lists runs newest first and the latest run per scenario', async () => {
    const db = open();
    const s = await createScenario(db, base);
    const r1 = await addRun(db, { scenarioId: s.id, scenario: s.scenario, report: emptyReport() });
    await new Promise((r) => setTimeout(r, 5));
    const r2 = await addRun(db, { scenarioId: s.id, scenario: s.scenario, report: emptyReport() });
    expect((await runsFor(db, s.id)).map((r) => r.id)).toEqual([r2.id, r1.id]);
    expect((await latestRuns(db)).get(s.id)?.id).toBe(r2.id);
  });
});

describe('migration', () => {
  it('opens data written by v1 and backfills deletedAt, scenarioHash and modelVersion', async () => {
    const name = await writtenAt(1, async (v1) => {
      await v1.table('scenarios').add({ id: 's1', name: '旧方案', scenario: base, createdAt: 1, updatedAt: 2 });
      await v1.table('runs').add({ id: 'r1', scenarioId: 's1', scenario: base, report: emptyReport({ modelVersion: '0.9.0' }), createdAt: 3 });
    });

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const s = await getScenario(db, 's1');
    expect(s?.deletedAt).toBeNull();
    expect(s?.revision).toBe(0);
    expect((await listScenarios(db)).map((r) => r.id)).toEqual(['s1']);
    const [run] = await runsFor(db, 's1');
    expect(run?.scenarioHash).toBe(scenarioHash(base));
    expect(run?.modelVersion).toBe('0.9.0');
    expect(staleness(run!, base, '0.9.0').stale).toBe(false);
    expect(staleness(run!, base, '1.0.0').modelChanged).toBe(true);
  });

  it('gives scenarios written by v3 revision 0, so the first save from either tab is checked against it', async () => {
    const name = await writtenAt(3, async (v3) => {
      await v3.table('scenarios').add({ id: 's1', name: '旧方案', scenario: base, createdAt: 1, updatedAt: 2, deletedAt: null });
      await v3.table('sweeps').add({ id: 'w1', scenarioId: 's1', createdAt: 3 });
    });

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await getScenario(db, 's1')).toEqual({ id: 's1', name: '旧方案', scenario: base, createdAt: 1, updatedAt: 2, deletedAt: null, revision: 0 });
    expect(await db.sweeps.count()).toBe(1);
    expect((await saveScenario(db, 's1', { ...base, caps: { sand: 1 } }, 1)).ok).toBe(false);
    expect(await saveScenario(db, 's1', { ...base, caps: { sand: 1 } }, 0)).toEqual({ ok: true, revision: 1 });
  });
});

describe('scenario files', () => {
  const dataset = {
    id: 'hotan-2021-2025',
    minerals: [{ id: 'sand' }],
    units: [{ id: 'hotan' }],
    table23: { zones: [{ id: 'Z01' }] },
    assumptions: [],
  } as unknown as Dataset;

  it('reports JSON syntax errors at $', () => {
    const v = parseScenarioFile('{"format": ', 'x.json', dataset);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]?.path).toBe('$');
  });

  it('reports schema problems with their JSON path', () => {
    const v = parseScenarioFile(JSON.stringify({ ...base, caps: { sand: -5 }, timeLimitSec: 'x' }), 'x.json', dataset);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.caps.sand', '$.timeLimitSec']));
  });

  it('reports ids the model does not know', () => {
    const v = parseScenarioFile(JSON.stringify({ ...base, excludedZones: ['Z99'] }), 'x.json', dataset);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => ({ path: p.path, message: problemText(p, 'en') }))).toEqual([{ path: '$.excludedZones[0]', message: 'unknown zone "Z99"' }]);
  });

  it('accepts a valid file (with a BOM) and writes it back with format first', () => {
    const v = parseScenarioFile('\uFEFF' + JSON.stringify(base), 'x.json', dataset);
    expect(v.ok).toBe(true);
    const text = scenarioJson({ caps: { sand: 1 }, model: 'm', name: 'n', format: 'quota-scenario/1' });
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'name', 'model', 'caps']);
  });
});
