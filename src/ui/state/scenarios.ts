/**
 * Stored scenarios as live signals, the planner's current scenario, and the
 * actions of the Scenarios page. Another tab's changes arrive through the
 * live queries.
 */
import { createMemo, createRoot, createSignal, mapArray } from 'solid-js';
import type { Scenario } from '../../domain/scenario';
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  latestRunPerScenario,
  listDeleted,
  listScenarios,
  renameScenario,
  undoDelete,
  type RunRecord,
  type ScenarioDraft,
  type ScenarioRecord,
} from '../../store';
import { t } from '../i18n';
import { db } from './db';
import { createLive } from './live';
import { notify } from './notices';

const CURRENT_KEY = 'quota-workbench.current';

function storedCurrent(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

const state = createRoot(() => {
  const [loaded, setLoaded] = createSignal(false);
  const list = createLive<ScenarioRecord[]>(async () => {
    const l = await listScenarios(db());
    setLoaded(true);
    return l;
  }, []);
  const deleted = createLive<ScenarioRecord[]>(() => listDeleted(db()), []);
  /*
   * Runs are read one live query each, under a live list of their ids (keys
   * only, cheap): Dexie re-runs a query only when a write touches what it
   * read, so a new run reads that one record, and quota ranges stored on a
   * run re-read that run, instead of every stored run with its full report
   * being read again after each solve (a cost that grew with the runs kept).
   * A run already read keeps its object, so views of it are not redrawn.
   */
  const runIds = createLive<string[]>(() => db().runs.orderBy('createdAt').primaryKeys(), []);
  const runCells = mapArray(runIds, (id) => createLive<RunRecord | undefined>(() => db().runs.get(id), undefined));
  const runs = createMemo<RunRecord[]>(() => runCells().flatMap((cell) => cell() ?? []));
  const [chosen, setChosen] = createSignal<string | null>(storedCurrent());
  /** The chosen scenario if it still exists, else the first one. */
  const current = createMemo<ScenarioRecord | undefined>(() => {
    const all = list();
    return all.find((s) => s.id === chosen()) ?? all[0];
  });
  /** Newest run per scenario id. */
  const latestRun = createMemo(() => latestRunPerScenario(runs()));
  return { loaded, list, deleted, runs, chosen, setChosen, current, latestRun };
});

export const { loaded: scenariosLoaded, list: scenarios, deleted: deletedScenarios, runs: allRuns, current: currentScenario, latestRun: latestRunByScenario } = state;

export function selectScenario(id: string): void {
  state.setChosen(id);
  try {
    localStorage.setItem(CURRENT_KEY, id);
  } catch {
    /* the choice lasts for this page only */
  }
}

/** A name not yet used by a live scenario: "name", "name (2)", "name (3)"… */
export function uniqueName(name: string, taken = scenarios().map((s) => s.name)): string {
  if (!taken.includes(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export async function createFrom(scenario: Scenario | ScenarioDraft, name: string, preset?: string): Promise<ScenarioRecord> {
  const rec = await createScenario(db(), scenario, { name: uniqueName(name), ...(preset ? { preset } : {}) });
  selectScenario(rec.id);
  return rec;
}

export async function duplicate(id: string): Promise<ScenarioRecord | undefined> {
  const src = scenarios().find((s) => s.id === id);
  if (!src) return undefined;
  const rec = await duplicateScenario(db(), id, uniqueName(t('scenarios.copyName', { name: src.name })));
  selectScenario(rec.id);
  return rec;
}

export async function rename(id: string, name: string): Promise<void> {
  await renameScenario(db(), id, name);
}

/** Soft-deletes a scenario and offers Undo. */
export async function remove(id: string): Promise<void> {
  const rec = scenarios().find((s) => s.id === id);
  await deleteScenario(db(), id);
  notify({
    kind: 'info',
    message: t('scenarios.deleted', { name: rec?.name ?? '' }),
    action: { label: t('scenarios.undo'), run: () => restore(id) },
  });
}

export async function restore(id: string): Promise<void> {
  await undoDelete(db(), id);
  selectScenario(id);
}
