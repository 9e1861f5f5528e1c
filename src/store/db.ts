/**
 * The browser's own copy of the planner's work: scenarios and solve runs in
 * IndexedDB through Dexie. The schema is versioned; each version's upgrade
 * turns data written by the previous release into the current shape, so a
 * planner who updates the workbench keeps everything.
 *
 * v1 (first release): scenarios {id, name, scenario, createdAt, updatedAt};
 *     runs {id, scenarioId, scenario, report, createdAt}; delete was final.
 * v2: scenarios gain `deletedAt` (soft delete, so a delete can be undone);
 *     runs gain `scenarioHash` and `modelVersion` (indexed), backfilled from
 *     the scenario snapshot and the report each v1 run already held, so old
 *     runs can also say whether their scenario changed since.
 * v3: a new `sweeps` table (Explore page; see sweeps.ts); nothing to convert.
 * v4: scenarios gain `revision`, a counter every save of the scenario raises,
 *     so that a save made from an out-of-date copy (another tab saved since)
 *     is refused instead of overwriting that save; existing scenarios start
 *     at 0. No index changes.
 * v5: a sweep's points move from an array in its `sweeps` record to rows of
 *     a new `sweepPoints` table (each point written once, as it is solved;
 *     the list of sweeps reads headers only); v4 is the scenario revision.
 * v6: the rows a stored report names (binding rows, relaxations, the rows
 *     they meet, causes) are sentences with a key instead of `{ zh, en }`
 *     (said-labels.ts), in runs and in sweep points. No index changes.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SolveReport } from '../model/report';
import { scenarioHash } from './hash';
import { nameRowsBySentence } from './said-labels';
import type { SweepPointRow, SweepRecord } from './sweeps';

/** A scenario as edited: it may be invalid while the planner is typing, and is saved as is. */
export type ScenarioDraft = Record<string, unknown>;

export interface ScenarioRecord {
  id: string;
  name: string;
  scenario: ScenarioDraft;
  createdAt: number;
  updatedAt: number;
  /** Time of a soft delete; null while the scenario is live. */
  deletedAt: number | null;
  /** The preset (scenarios/<name>.json) it was created from, if any. */
  preset?: string;
  /** Raised by each save of the scenario; a save names the revision it started from (compare-and-swap). */
  revision: number;
}

export interface RunRecord {
  id: string;
  scenarioId: string;
  /** Hash of the scenario as solved (see scenarioHash). */
  scenarioHash: string;
  /** Version of the model the run was solved against. */
  modelVersion: string;
  /** The scenario as solved, so a run can be read and compared after the scenario changes. */
  scenario: ScenarioDraft;
  report: SolveReport;
  createdAt: number;
  /** The tolerance of the quota ranges in report.ranges, when the planner computed them after the solve. */
  rangeTolerance?: number;
}

export const DB_NAME = 'quota-workbench';

/** Index specs per version, exported so tests can write data the way an older release did. */
export const SCHEMA = {
  1: { scenarios: 'id, name, updatedAt', runs: 'id, scenarioId, createdAt' },
  2: {
    scenarios: 'id, name, updatedAt, deletedAt',
    runs: 'id, scenarioId, createdAt, scenarioHash, modelVersion, [scenarioId+createdAt]',
  },
  3: {
    scenarios: 'id, name, updatedAt, deletedAt',
    runs: 'id, scenarioId, createdAt, scenarioHash, modelVersion, [scenarioId+createdAt]',
    sweeps: 'id, scenarioId, createdAt, [scenarioId+createdAt]',
  },
} as const;

/** v5 adds one table; the others are as the version before it declares them. */
export const SWEEP_POINTS_SCHEMA = { sweepPoints: '[sweepId+index], sweepId' } as const;

export const DB_VERSION = 6;

export type WorkbenchDB = Dexie & {
  scenarios: EntityTable<ScenarioRecord, 'id'>;
  runs: EntityTable<RunRecord, 'id'>;
  sweeps: EntityTable<SweepRecord, 'id'>;
  sweepPoints: Dexie.Table<SweepPointRow, [string, number]>;
};

export function openDb(name: string = DB_NAME): WorkbenchDB {
  const db = new Dexie(name) as WorkbenchDB;
  db.version(1).stores(SCHEMA[1]);
  db.version(2)
    .stores(SCHEMA[2])
    .upgrade(async (tx) => {
      await tx
        .table('scenarios')
        .toCollection()
        .modify((s: Partial<ScenarioRecord>) => {
          if (s.deletedAt === undefined) s.deletedAt = null;
        });
      await tx
        .table('runs')
        .toCollection()
        .modify((r: Partial<RunRecord>) => {
          if (r.scenarioHash === undefined) r.scenarioHash = scenarioHash(r.scenario ?? {});
          if (r.modelVersion === undefined) r.modelVersion = r.report?.modelVersion ?? 'unknown';
        });
    });
  db.version(3).stores(SCHEMA[3]);
  db.version(4)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('scenarios')
        .toCollection()
        .modify((s: Partial<ScenarioRecord>) => {
          if (s.revision === undefined) s.revision = 0;
        });
    });
  db.version(5)
    .stores(SWEEP_POINTS_SCHEMA)
    .upgrade(async (tx) => {
      const sweeps = tx.table('sweeps');
      const all: { id: string; done?: number; points?: { index: number }[] }[] = await sweeps.toArray();
      await tx.table('sweepPoints').bulkPut(all.flatMap((s) => (s.points ?? []).map((p) => ({ ...p, sweepId: s.id }))));
      await sweeps.bulkPut(all.map(({ points, ...s }) => ({ ...s, done: points?.length ?? 0 })));
    });
  db.version(6)
    .stores({})
    .upgrade(async (tx) => {
      for (const table of ['runs', 'sweepPoints'])
        await tx
          .table(table)
          .toCollection()
          .modify((row: { report?: Partial<SolveReport> }) => nameRowsBySentence(row.report));
    });
  return db;
}
