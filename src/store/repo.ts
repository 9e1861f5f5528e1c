/**
 * Everything the workbench does with stored scenarios and runs. Functions
 * take the database so tests can open their own.
 */
import type { QuotaRange, SolveReport } from '../model/report';
import type { RunRecord, ScenarioDraft, ScenarioRecord, WorkbenchDB } from './db';
import { canonicalJson, scenarioHash } from './hash';
import { newId } from './ids';

const now = () => Date.now();

function nameOf(draft: ScenarioDraft, fallback: string): string {
  return typeof draft.name === 'string' && draft.name.trim() !== '' ? draft.name : fallback;
}

/** A record's fields after saving a draft: the name follows the scenario's name; the revision goes up. */
function draftChanges(draft: ScenarioDraft, rec: ScenarioRecord): Partial<ScenarioRecord> {
  return { scenario: structuredClone(draft), name: nameOf(draft, rec.name), updatedAt: now(), revision: rec.revision + 1 };
}

/** Live scenarios, oldest first (the order the planner made them in). */
export async function listScenarios(db: WorkbenchDB): Promise<ScenarioRecord[]> {
  const all = await db.scenarios.orderBy('updatedAt').toArray();
  return all.filter((s) => s.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Soft-deleted scenarios, most recently deleted first (for undo). */
export async function listDeleted(db: WorkbenchDB): Promise<ScenarioRecord[]> {
  const deleted = await db.scenarios.where('deletedAt').above(0).toArray();
  return deleted.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
}

export async function getScenario(db: WorkbenchDB, id: string): Promise<ScenarioRecord | undefined> {
  return db.scenarios.get(id);
}

export async function createScenario(
  db: WorkbenchDB,
  draft: ScenarioDraft,
  opts: { name?: string; preset?: string } = {},
): Promise<ScenarioRecord> {
  const t = now();
  const name = opts.name ?? nameOf(draft, 'scenario');
  const rec: ScenarioRecord = {
    id: newId(),
    name,
    scenario: { ...structuredClone(draft), name },
    createdAt: t,
    updatedAt: t,
    deletedAt: null,
    revision: 0,
    ...(opts.preset ? { preset: opts.preset } : {}),
  };
  await db.scenarios.add(rec);
  return rec;
}

/** A save either landed (with the scenario's new revision) or was refused because `current` was saved since. */
export type SaveOutcome = { ok: true; revision: number } | { ok: false; current: ScenarioRecord };

/**
 * Saves an edited scenario as is (valid or not), only if the stored scenario
 * is still at `baseRevision`, the revision the edit started from
 * (compare-and-swap, read and write in one transaction, so no other save can
 * land between them). Otherwise nothing is written and the stored record is
 * returned, for the caller to merge with. The record's name follows the
 * scenario's name.
 */
export async function saveScenario(db: WorkbenchDB, id: string, draft: ScenarioDraft, baseRevision: number): Promise<SaveOutcome> {
  return db.transaction('rw', db.scenarios, async (): Promise<SaveOutcome> => {
    const rec = await db.scenarios.get(id);
    if (!rec) throw new Error(`no scenario ${id}`);
    if (rec.revision !== baseRevision) return { ok: false, current: rec };
    await db.scenarios.update(id, draftChanges(draft, rec));
    return { ok: true, revision: rec.revision + 1 };
  });
}

/**
 * Saves a draft typed at `typedAt` whose save may not have landed (the tab
 * closed first): only into a live scenario that was last saved before then,
 * and only when it differs. Returns whether it saved.
 */
export async function restoreDraft(db: WorkbenchDB, id: string, draft: ScenarioDraft, typedAt: number): Promise<boolean> {
  return db.transaction('rw', db.scenarios, async () => {
    const rec = await db.scenarios.get(id);
    if (!rec || rec.deletedAt !== null || rec.updatedAt > typedAt || canonicalJson(rec.scenario) === canonicalJson(draft)) return false;
    await db.scenarios.update(id, draftChanges(draft, rec));
    return true;
  });
}

export async function renameScenario(db: WorkbenchDB, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('a scenario needs a name');
  await db.transaction('rw', db.scenarios, async () => {
    const rec = await db.scenarios.get(id);
    if (!rec) throw new Error(`no scenario ${id}`);
    await db.scenarios.update(id, { name: trimmed, scenario: { ...rec.scenario, name: trimmed }, updatedAt: now(), revision: rec.revision + 1 });
  });
}

export async function duplicateScenario(db: WorkbenchDB, id: string, name: string): Promise<ScenarioRecord> {
  const rec = await db.scenarios.get(id);
  if (!rec) throw new Error(`no scenario ${id}`);
  return createScenario(db, rec.scenario, { name, ...(rec.preset ? { preset: rec.preset } : {}) });
}

/** Soft delete: the scenario disappears from the list but can be restored with undoDelete. */
export async function deleteScenario(db: WorkbenchDB, id: string): Promise<void> {
  await db.scenarios.update(id, { deletedAt: now() });
}

export async function undoDelete(db: WorkbenchDB, id: string): Promise<void> {
  await db.scenarios.update(id, { deletedAt: null });
}

/** Removes for good scenarios deleted before `before` (ms since epoch), with their runs and sweeps. */
export async function purgeDeleted(db: WorkbenchDB, before: number): Promise<number> {
  return db.transaction('rw', [db.scenarios, db.runs, db.sweeps, db.sweepPoints], async () => {
    const old = await db.scenarios.where('deletedAt').between(1, before, true, false).toArray();
    const ids = old.map((s) => s.id);
    await db.runs.where('scenarioId').anyOf(ids).delete();
    const sweepIds = await db.sweeps.where('scenarioId').anyOf(ids).primaryKeys();
    await db.sweepPoints.where('sweepId').anyOf(sweepIds).delete();
    await db.sweeps.bulkDelete(sweepIds);
    await db.scenarios.bulkDelete(ids);
    return ids.length;
  });
}

export async function addRun(
  db: WorkbenchDB,
  run: { scenarioId: string; scenario: ScenarioDraft; report: SolveReport },
): Promise<RunRecord> {
  const rec: RunRecord = {
    id: newId(),
    scenarioId: run.scenarioId,
    scenarioHash: scenarioHash(run.scenario),
    modelVersion: run.report.modelVersion,
    scenario: structuredClone(run.scenario),
    report: run.report,
    createdAt: now(),
  };
  await db.runs.add(rec);
  return rec;
}

/** Quota ranges computed after the solve, kept with the run (report.ranges) with the tolerance they hold for. */
export async function setRunRanges(db: WorkbenchDB, id: string, ranges: QuotaRange[], tolerance: number): Promise<void> {
  const changed = await db.runs.update(id, { 'report.ranges': ranges, rangeTolerance: tolerance });
  if (changed === 0) throw new Error(`no run ${id}`);
}

/** Runs of one scenario, newest first. */
export async function runsFor(db: WorkbenchDB, scenarioId: string): Promise<RunRecord[]> {
  const runs = await db.runs.where('[scenarioId+createdAt]').between([scenarioId, -Infinity], [scenarioId, Infinity]).toArray();
  return runs.reverse();
}

/** The newest run of each scenario that has one. */
export async function latestRuns(db: WorkbenchDB): Promise<Map<string, RunRecord>> {
  return latestRunPerScenario(await db.runs.toArray());
}

/** The newest run of each scenario among `runs`, by scenario id; of two made in the same millisecond, the later in the list. */
export function latestRunPerScenario<R extends Pick<RunRecord, 'scenarioId' | 'createdAt'>>(runs: Iterable<R>): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of runs) {
    const seen = out.get(r.scenarioId);
    if (!seen || r.createdAt >= seen.createdAt) out.set(r.scenarioId, r);
  }
  return out;
}

export interface Staleness {
  stale: boolean;
  scenarioChanged: boolean;
  modelChanged: boolean;
}

/**
 * Whether what was worked out from a scenario (a run, a sweep, a frontier…)
 * still describes the scenario as it is now, against the model as it is
 * now. `current` null: there is no valid scenario to compare with, so only
 * the model can make it stale.
 */
export function staleness(made: Pick<RunRecord, 'scenarioHash' | 'modelVersion'>, current: ScenarioDraft | null, modelVersion: string): Staleness {
  const scenarioChanged = current !== null && made.scenarioHash !== scenarioHash(current);
  const modelChanged = made.modelVersion !== modelVersion;
  return { stale: scenarioChanged || modelChanged, scenarioChanged, modelChanged };
}
