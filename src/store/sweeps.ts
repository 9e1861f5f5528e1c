/**
 * Stored sweeps (Explore page). A sweep is a small header (the spec, how far
 * it got and how it ended) in `sweeps`, and its points, one row each, in
 * `sweepPoints`: the live list of a scenario's sweeps reads headers only, and
 * a point is written as soon as it is solved without rewriting the others.
 *
 * A sweep whose page closed while it ran is left 'running' in the database;
 * the next load marks it 'interrupted' (recoverSweeps), unless another page
 * still runs it: the page running a sweep holds a Web Lock named after it.
 */
import type { SolveReport } from '../model/report';
import type { SweepParams, SweepSpec } from '../model/explore/sweep';
import type { WorkbenchDB } from './db';
import { newId } from './ids';

export interface StoredSweepPoint {
  /** position in the spec's point order (a grid row by row); points finish out of order in a pool */
  index: number;
  params: SweepParams;
  report: SolveReport;
}

/** A point as stored: with the sweep it belongs to. */
export interface SweepPointRow extends StoredSweepPoint {
  sweepId: string;
}

export type SweepState = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

export interface SweepRecord {
  id: string;
  scenarioId: string;
  /** the scenario's name and hash when swept (see scenarioHash), so a changed scenario shows its sweeps as stale */
  scenarioName: string;
  scenarioHash: string;
  modelVersion: string;
  spec: SweepSpec;
  /** points stored so far (they are in sweepPoints) */
  done: number;
  total: number;
  /** 'running' while a page runs it; 'interrupted' once a later load found it running with no page left to run it */
  state: SweepState;
  error?: string;
  workers: number;
  elapsedMs: number;
  createdAt: number;
}

export async function addSweep(db: WorkbenchDB, rec: Omit<SweepRecord, 'id' | 'createdAt' | 'done'> & { id?: string }): Promise<SweepRecord> {
  const full: SweepRecord = { ...rec, id: rec.id ?? newId(), done: 0, createdAt: Date.now() };
  await db.sweeps.add(full);
  return full;
}

/**
 * Stores points of a sweep and its elapsed time in one transaction, so the
 * header's count never runs ahead of the points there are. Returns the count.
 */
export async function addSweepPoints(db: WorkbenchDB, id: string, points: readonly StoredSweepPoint[], elapsedMs?: number): Promise<number> {
  return db.transaction('rw', db.sweeps, db.sweepPoints, async () => {
    await db.sweepPoints.bulkPut(points.map((p) => ({ sweepId: id, index: p.index, params: p.params, report: p.report })));
    const done = await db.sweepPoints.where('sweepId').equals(id).count();
    await db.sweeps.update(id, { done, ...(elapsedMs === undefined ? {} : { elapsedMs }) });
    return done;
  });
}

export async function updateSweep(db: WorkbenchDB, id: string, change: Partial<Pick<SweepRecord, 'state' | 'error' | 'elapsedMs'>>): Promise<void> {
  await db.sweeps.update(id, change);
}

/** Sweeps of one scenario (headers, without points), newest first. */
export async function sweepsFor(db: WorkbenchDB, scenarioId: string): Promise<SweepRecord[]> {
  const all = await db.sweeps.where('[scenarioId+createdAt]').between([scenarioId, -Infinity], [scenarioId, Infinity]).toArray();
  return all.reverse();
}

/** The points of a sweep, in the spec's order. */
export async function sweepPoints(db: WorkbenchDB, id: string): Promise<StoredSweepPoint[]> {
  const rows = await db.sweepPoints.where('[sweepId+index]').between([id, -Infinity], [id, Infinity]).toArray();
  return rows.map(({ index, params, report }) => ({ index, params, report }));
}

export async function deleteSweep(db: WorkbenchDB, id: string): Promise<void> {
  await db.transaction('rw', db.sweeps, db.sweepPoints, async () => {
    await db.sweepPoints.where('sweepId').equals(id).delete();
    await db.sweeps.delete(id);
  });
}

/** Marks a sweep 'interrupted' if it is still 'running'; says whether it did. */
export async function interruptSweep(db: WorkbenchDB, id: string): Promise<boolean> {
  return db.transaction('rw', db.sweeps, async () => {
    const rec = await db.sweeps.get(id);
    if (rec?.state !== 'running') return false;
    await db.sweeps.update(id, { state: 'interrupted' });
    return true;
  });
}

export const sweepLockName = (id: string): string => `quota-workbench.sweep.${id}`;

/** The part of the Web Locks API used here (a test passes its own). */
export interface SweepLocks {
  request(name: string, fn: () => Promise<unknown>): Promise<unknown>;
  request(name: string, options: { ifAvailable: true }, fn: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

function webLocks(): SweepLocks | null {
  const nav = (globalThis as { navigator?: { locks?: SweepLocks } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Holds the sweep's lock until `release` is called (resolves once held); a
 * page that closes drops its locks, which is how a later load tells a sweep
 * still running elsewhere from one cut short. Without Web Locks, nothing is held.
 */
export async function holdSweepLock(id: string, locks: SweepLocks | null = webLocks()): Promise<() => void> {
  if (!locks) return () => {};
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await new Promise<void>((held) => void locks.request(sweepLockName(id), () => (held(), released)));
  return release;
}

/**
 * On load: every sweep left 'running' that no page runs becomes
 * 'interrupted'; the ids so marked are returned. A sweep whose lock is held
 * (another tab runs it, or the page just reloaded has not let go yet) is
 * watched instead: it ends 'done' or 'cancelled' there, or is marked here
 * once its lock is dropped with the sweep still 'running'.
 */
export async function recoverSweeps(db: WorkbenchDB, locks: SweepLocks | null = webLocks()): Promise<string[]> {
  const running = await db.sweeps.filter((s) => s.state === 'running').primaryKeys();
  const marked: string[] = [];
  const mark = async (id: string) => {
    if (await interruptSweep(db, id)) marked.push(id);
  };
  for (const id of running) {
    if (!locks) await mark(id);
    else
      await locks.request(sweepLockName(id), { ifAvailable: true }, async (lock) => {
        if (lock) await mark(id);
        else void locks.request(sweepLockName(id), () => mark(id)).catch((e: unknown) => console.error('sweep not marked interrupted', e));
      });
  }
  return marked;
}
