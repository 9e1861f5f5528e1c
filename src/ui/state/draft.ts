/**
 * The scenario being edited. Each edit changes the draft at once (the page
 * never waits for storage) and is saved to Dexie after a short pause, and
 * straight away when the page is hidden or closed; a reload loses nothing.
 * Until the database has it, each edit is also kept synchronously in Web
 * Storage (tab-marks.ts): when the tab closes before the database write lands,
 * the next start-up saves it (`recoverUnsavedDrafts`).
 * The draft is stored as typed, valid or not, so a half-typed figure also
 * survives a reload and is shown with its problem.
 *
 * Two tabs: each save names the stored revision the draft started from and is
 * refused when another tab saved since (store/repo.ts, compare-and-swap). The
 * refused draft is then merged with the other tab's against that common base
 * revision (store/merge.ts): fields only one tab changed merge by themselves
 * and the merge is saved; fields both changed to different values are put to
 * the planner ("yours" or "the other tab's"), and nothing says "saved" until
 * the choice is saved. When another tab saves and this tab has nothing
 * unsaved, this tab takes the other tab's version.
 *
 * A save that fails (storage full, database gone) leaves the edit in this
 * page: a blocking notice says so and offers the scenario file and a retry,
 * every later edit tries again, and leaving the page asks first.
 */
import { createEffect, createMemo, createRoot, createSignal, on } from 'solid-js';
import {
  canonicalJson,
  jsonPath,
  mergeDrafts,
  restoreDraft,
  saveScenario,
  settle,
  type Merge,
  type ScenarioDraft,
  type ScenarioRecord,
} from '../../store';
import { t } from '../i18n';
import { db } from './db';
import { errorText, notify } from './notices';
import { currentScenario } from './scenarios';
import { forgetUnsaved, keepUnsaved, unsavedDrafts } from './tab-marks';
import { checkDraft, type Checked } from './validate';
import { model } from './model';

export const SAVE_DELAY_MS = 400;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** Two tabs changed the same fields of one scenario; saved once the planner chooses for each. */
export interface SaveConflict {
  scenarioId: string;
  name: string;
  merge: Merge;
}

/** A save that failed: what the browser said, and whether its notice is showing. */
export interface SaveFailure {
  scenarioId: string;
  /** the scenario whose save failed, for its file even when the planner has opened another scenario since */
  draft: ScenarioDraft;
  message: string;
  open: boolean;
}

/** The stored revision a scenario's draft started from, and the scenario as stored then (the base of a merge). */
interface Synced {
  revision: number;
  scenario: ScenarioDraft;
}

const state = createRoot(() => {
  const [draft, setDraft] = createSignal<ScenarioDraft | null>(null);
  const [draftId, setDraftId] = createSignal<string | null>(null);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<string | null>(null);
  /** The fields two tabs both changed, waiting for the planner's choice. */
  const [conflict, setConflict] = createSignal<SaveConflict | null>(null);
  /** The last failed save, while no save has succeeded since. */
  const [failure, setFailure] = createSignal<SaveFailure | null>(null);
  /** Counts replacements of the draft from outside this tab's typing (another tab's save, a merge), so fields drop half-typed text. */
  const [replaced, setReplaced] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The draft as the database holds it, as far as this tab knows (nothing to save while the draft equals it). */
  let lastSaved = '';
  let saving: Promise<void> = Promise.resolve();
  /** Whether Web Storage holds the last edit: if so, closing the tab while it is pending loses nothing. */
  let keptInWebStorage = true;
  const synced = new Map<string, Synced>();

  function sync(rec: Pick<ScenarioRecord, 'id' | 'revision' | 'scenario'>): void {
    const known = synced.get(rec.id);
    if (!known || rec.revision >= known.revision) synced.set(rec.id, { revision: rec.revision, scenario: structuredClone(rec.scenario) });
  }

  function showDraft(id: string, next: ScenarioDraft): void {
    if (draftId() !== id) return;
    setDraft(next);
    setReplaced((n) => n + 1);
    keptInWebStorage = keepUnsaved(id, next);
  }

  /** One save of `d` from the revision this tab last synced; a refusal leads to a merge (and maybe another save). */
  async function attempt(id: string, d: ScenarioDraft, name: string): Promise<void> {
    const json = canonicalJson(d);
    const base = synced.get(id) ?? { revision: 0, scenario: d };
    const out = await saveScenario(db(), id, d, base.revision);
    if (out.ok) {
      synced.set(id, { revision: out.revision, scenario: structuredClone(d) });
      forgetUnsaved(id, (kept) => canonicalJson(kept) === json);
      setSaveError(null);
      setFailure(null);
      if (timer === null && conflict() === null && (draftId() !== id || canonicalJson(draft()) === json)) setSaveState('saved');
      return;
    }
    // Another tab saved since this draft's base: merge against that base (edits typed meanwhile included).
    const theirs = out.current;
    const mine = draftId() === id ? (draft() ?? d) : d;
    const merge = mergeDrafts(base.scenario, mine, theirs.scenario);
    sync(theirs);
    if (draftId() === id) lastSaved = canonicalJson(theirs.scenario);
    showDraft(id, merge.merged);
    if (merge.conflicts.length > 0) {
      setConflict({ scenarioId: id, name: theirs.name || name, merge });
      setSaveState('conflict');
      return;
    }
    if (merge.taken.length > 0)
      notify({ kind: 'info', message: t('save.merged', { name: theirs.name, fields: merge.taken.map(jsonPath).join(', ') }) });
    if (draftId() === id) lastSaved = canonicalJson(merge.merged);
    await attempt(id, merge.merged, name);
  }

  function enqueue(id: string, d: ScenarioDraft): Promise<void> {
    const name = typeof d.name === 'string' ? d.name : '';
    setSaveState('saving');
    saving = saving
      .then(() => attempt(id, d, name))
      .catch((e: unknown) => {
        lastSaved = '';
        const message = errorText(e);
        setSaveState('error');
        setSaveError(message);
        // the notice opens once per run of failures; a planner who closed it sees "save failed" and can reopen it there
        setFailure((f) => ({ scenarioId: id, draft: d, message, open: f === null || f.open }));
      });
    return saving;
  }

  async function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const id = draftId();
    const d = draft();
    if (id === null || d === null || conflict() !== null) return saving;
    const json = canonicalJson(d);
    if (json === lastSaved) {
      if (saveState() === 'pending') setSaveState('saved');
      return saving;
    }
    lastSaved = json;
    return enqueue(id, d);
  }

  function edit(update: (d: ScenarioDraft) => ScenarioDraft): void {
    const d = draft();
    const id = draftId();
    if (d === null || id === null) return;
    const next = update(d);
    setDraft(next);
    keptInWebStorage = keepUnsaved(id, next);
    if (conflict() !== null) return;
    setSaveState('pending');
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }

  /** Settles a conflict: `keepTheirs` holds the indexes of the fields where the other tab's value is kept. */
  function resolve(keepTheirs: ReadonlySet<number>): Promise<void> {
    const c = conflict();
    if (c === null) return saving;
    const resolved = settle(c.merge, keepTheirs);
    setConflict(null);
    showDraft(c.scenarioId, resolved);
    if (draftId() === c.scenarioId) lastSaved = canonicalJson(resolved);
    return enqueue(c.scenarioId, resolved);
  }

  // Follow the current scenario: a new choice loads its draft (after saving the old one);
  // a change saved by another tab is taken when nothing here is unsaved.
  createEffect(
    on(currentScenario, (rec) => {
      if (!rec) {
        void flush();
        setDraftId(null);
        setDraft(null);
        return;
      }
      if (rec.id !== draftId()) {
        void flush();
        sync(rec);
        lastSaved = canonicalJson(rec.scenario);
        setDraftId(rec.id);
        setDraft(structuredClone(rec.scenario));
        if (conflict() === null) setSaveState('saved');
        return;
      }
      const stored = canonicalJson(rec.scenario);
      const known = synced.get(rec.id);
      if (timer === null && saveState() === 'saved' && stored !== lastSaved && (!known || rec.revision >= known.revision)) {
        sync(rec);
        lastSaved = stored;
        setDraft(structuredClone(rec.scenario));
        setReplaced((n) => n + 1);
      }
    }),
  );

  /** Validation of the current draft (null when there is none). */
  const checked = createMemo<Checked | null>(() => {
    const d = draft();
    return d && model.ok ? checkDraft(model.dataset, d) : null;
  });

  /**
   * Whether closing the page now would lose an edit: a failed save (a retry in flight included),
   * a contested one, or a pending one Web Storage could not keep.
   */
  const atRisk = () => {
    const s = saveState();
    return s === 'error' || s === 'conflict' || failure() !== null || ((s === 'pending' || s === 'saving') && !keptInWebStorage);
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => void flush());
    window.addEventListener('beforeunload', (e) => {
      const risky = atRisk();
      void flush();
      if (risky) e.preventDefault();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flush();
    });
  }

  return { draft, draftId, edit, flush, saveState, saveError, checked, conflict, resolve, failure, setFailure, atRisk, replaced };
});

export const { draft, draftId, edit: editDraft, flush: flushDraft, saveState, saveError, replaced: draftReplaced, checked: draftCheck, conflict: saveConflict, resolve: resolveConflict, failure: saveFailure, atRisk: editsAtRisk } = state;

/** Shows or hides the notice of a failed save (the failure itself stays until a save succeeds). */
export function showSaveFailure(open: boolean): void {
  state.setFailure((f) => (f ? { ...f, open } : f));
}

/**
 * At start-up: each draft kept in Web Storage whose database write did not
 * land (the tab closed first) is saved now, unless the database has a later
 * save of that scenario; then the kept copy is dropped. One the database
 * refuses stays kept, for the next start, and the planner is told.
 */
export async function recoverUnsavedDrafts(): Promise<void> {
  for (const kept of unsavedDrafts()) {
    try {
      await restoreDraft(db(), kept.scenarioId, kept.draft, kept.at);
    } catch (e) {
      const name = typeof kept.draft.name === 'string' ? kept.draft.name : kept.scenarioId;
      notify({ kind: 'error', message: t('save.recoverFailed', { name, reason: errorText(e) }) });
      continue;
    }
    const json = canonicalJson(kept.draft);
    forgetUnsaved(kept.scenarioId, (d) => canonicalJson(d) === json);
  }
}
