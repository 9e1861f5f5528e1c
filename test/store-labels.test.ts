/** Runs and sweep points stored before rows were named by key read as before (DB v6, src/store/said-labels.ts). */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { asIs, sayModel } from '../src/model/said';
import { DB_VERSION, SCHEMA, SWEEP_POINTS_SCHEMA } from '../src/store';
import { emptyReport } from './helpers/empty-report';
import { deleteDatabasesAfterEach, freshName, openFresh as open } from './helpers/fresh-db';
import { inBoth } from './helpers/said';

deleteDatabasesAfterEach();

const cap = { zh: '建筑用砂开采总量上限（专栏20）', en: 'Construction sand total extraction cap (专栏20)' };
const floor = { zh: '建筑用砂开采总量下限', en: 'Construction sand total extraction floor' };
const county = { zh: '和田市及和田县建筑用砂指标下限', en: 'Hotan City and Hotan County Construction sand quota minimum' };

/** A report as v5 stored it: every row named { zh, en }. */
const oldReport = () =>
  emptyReport({
    status: 'infeasible',
    binding: [{ constraint: 'cap[sand]', label: cap, family: 'cap', slack: 0, dual: 1, unit: '万m³' }],
    explanation: [
      {
        constraint: 'floor[sand]',
        label: floor,
        relaxBy: 5,
        unit: '万m³',
        opposing: [{ constraint: 'cap[sand]', label: cap }],
        cause: { kind: 'noCell', constraint: 'floor[sand]', label: floor, excludedZones: [] },
      },
    ],
    causes: [{ kind: 'noCell', constraint: 'countyMin[hetian,sand]', label: county, excludedZones: [] }],
  } as never);

const names = (r: ReturnType<typeof emptyReport>) => [
  r.binding[0]!.label,
  r.explanation[0]!.label,
  r.explanation[0]!.opposing![0]!.label,
  r.explanation[0]!.cause!.label,
  r.causes![0]!.label,
];

describe('DB v6', () => {
  it('names the rows of stored runs and sweep points by sentence, reading the same in both languages; a row already so named stays', async () => {
    const name = freshName();
    const v5 = new Dexie(name);
    v5.version(5).stores({ ...SCHEMA[3], ...SWEEP_POINTS_SCHEMA });
    await v5.open();
    await v5.table('runs').add({ id: 'r1', scenarioId: 's1', scenarioHash: 'h', modelVersion: 'm', scenario: {}, report: oldReport(), createdAt: 1 });
    await v5.table('sweepPoints').add({ sweepId: 'w1', index: 0, params: {}, report: oldReport() });
    await v5.table('sweepPoints').add({ sweepId: 'w1', index: 1, params: {} });
    const said = sayModel('model.floor', { mineral: { zh: '建筑用砂', en: 'Construction sand' } });
    const current = emptyReport({ binding: [{ constraint: 'floor[sand]', label: said, family: 'floor', slack: 0, dual: 1, unit: '万m³' }] });
    await v5.table('runs').add({ id: 'r2', scenarioId: 's1', scenarioHash: 'h', modelVersion: 'm', scenario: {}, report: current, createdAt: 2 });
    v5.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const run = await db.runs.get('r1');
    const point = await db.sweepPoints.get(['w1', 0]);
    for (const r of [run!.report, point!.report]) {
      expect(names(r)).toEqual([asIs(cap), asIs(floor), asIs(cap), asIs(floor), asIs(county)]);
      expect(names(r).map(inBoth)).toEqual([cap, floor, cap, floor, county]);
    }
    expect(await db.sweepPoints.get(['w1', 1])).toEqual({ sweepId: 'w1', index: 1, params: {} });
    expect((await db.runs.get('r2'))!.report).toEqual(current);
    expect(inBoth(said)).toEqual(floor);
  });
});
