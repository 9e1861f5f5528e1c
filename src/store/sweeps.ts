/**
 * Stored sweeps (Explore page): the spec, the points solved so far and how
 * the run ended, kept with the scenario they were run on. A sweep is written
 * when it starts and again as points arrive, so a reload or a cancel keeps
 * every point done.
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

export interface SweepRecord {
  id: string;
  scenarioId: string;
  /** the scenario's name and hash when swept (see scenarioHash), so a changed scenario shows its sweeps as stale */
  scenarioName: string;
  scenarioHash: string;
  modelVersion: string;
  spec: SweepSpec;
  /** the points done, by index */
  points: StoredSweepPoint[];
  total: number;
  /** 'running' while the sweep runs (or if the page closed during it) */
  state: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
  workers: number;
  elapsedMs: number;
  createdAt: number;
}

export async function addSweep(db: WorkbenchDB, rec: Omit<SweepRecord, 'id' | 'createdAt'>): Promise<SweepRecord> {
  const full: SweepRecord = { ...rec, id: newId(), createdAt: Date.now() };
  await db.sweeps.add(full);
  return full;
}

export async function updateSweep(db: WorkbenchDB, id: string, change: Partial<Pick<SweepRecord, 'points' | 'state' | 'error' | 'elapsedMs'>>): Promise<void> {
  await db.sweeps.update(id, change);
}

/** Sweeps of one scenario, newest first. */
export async function sweepsFor(db: WorkbenchDB, scenarioId: string): Promise<SweepRecord[]> {
  const all = await db.sweeps.where('[scenarioId+createdAt]').between([scenarioId, -Infinity], [scenarioId, Infinity]).toArray();
  return all.reverse();
}

export async function deleteSweep(db: WorkbenchDB, id: string): Promise<void> {
  await db.sweeps.delete(id);
}
