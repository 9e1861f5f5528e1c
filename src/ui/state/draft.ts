/**
 * The scenario being edited. Each edit changes the draft at once (the page
 * never waits for storage) and is saved to Dexie after a short pause, and
 * straight away when the page is hidden or closed; a reload loses nothing.
 * Until the database has it, each edit is also kept synchronously in Web
 * Storage (tab-marks.ts): when the tab closes before the database write lands,
 * the next start-up saves it (`recoverUnsavedDrafts`).
 * The draft is stored as typed, valid or not, so a half-typed figure also
 * survives a reload and is shown with its problem.
 * When another tab saves the same scenario and this tab has nothing unsaved,
 * this tab takes the other tab's version.
 */
import { createEffect, createMemo, createRoot, createSignal, on } from 'solid-js';
import { canonicalJson, restoreDraft, saveScenario, type ScenarioDraft } from '../../store';
import { db } from './db';
import { currentScenario } from './scenarios';
import { forgetUnsaved, keepUnsaved, unsavedDrafts } from './tab-marks';
import { checkDraft, type Checked } from './validate';
import { model } from './model';

export const SAVE_DELAY_MS = 400;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

const state = createRoot(() => {
  const [draft, setDraft] = createSignal<ScenarioDraft | null>(null);
  const [draftId, setDraftId] = createSignal<string | null>(null);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSaved = '';
  let saving: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const id = draftId();
    const d = draft();
    if (id === null || d === null) return saving;
    const json = canonicalJson(d);
    if (json === lastSaved) {
      if (saveState() === 'pending') setSaveState('saved');
      return saving;
    }
    lastSaved = json;
    setSaveState('saving');
    saving = saving
      .then(() => saveScenario(db(), id, d))
      .then(() => {
        forgetUnsaved(id, (kept) => canonicalJson(kept) === json);
        if (timer === null && draftId() === id) setSaveState('saved');
        setSaveError(null);
      })
      .catch((e: unknown) => {
        lastSaved = '';
        setSaveState('error');
        setSaveError((e as Error).message);
      });
    return saving;
  }

  function edit(update: (d: ScenarioDraft) => ScenarioDraft): void {
    const d = draft();
    const id = draftId();
    if (d === null || id === null) return;
    const next = update(d);
    setDraft(next);
    keepUnsaved(id, next);
    setSaveState('pending');
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
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
        lastSaved = canonicalJson(rec.scenario);
        setDraftId(rec.id);
        setDraft(structuredClone(rec.scenario));
        setSaveState('saved');
        return;
      }
      const stored = canonicalJson(rec.scenario);
      if (timer === null && saveState() !== 'saving' && stored !== lastSaved) {
        lastSaved = stored;
        setDraft(structuredClone(rec.scenario));
      }
    }),
  );

  const checked = createMemo<Checked | null>(() => {
    const d = draft();
    return d && model.ok ? checkDraft(model.dataset, d) : null;
  });

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => void flush());
    window.addEventListener('beforeunload', () => void flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flush();
    });
  }

  return { draft, draftId, edit, flush, saveState, saveError, checked };
});

export const draft = state.draft;
export const draftId = state.draftId;
export const editDraft = state.edit;
export const flushDraft = state.flush;
export const saveState = state.saveState;
export const saveError = state.saveError;
/** Validation of the current draft (null when there is none). */
export const draftCheck = state.checked;

/**
 * At start-up: each draft kept in Web Storage whose database write did not
 * land (the tab closed first) is saved now, unless the database has a later
 * save of that scenario; then the kept copy is dropped.
 */
export async function recoverUnsavedDrafts(): Promise<void> {
  for (const kept of unsavedDrafts()) {
    await restoreDraft(db(), kept.scenarioId, kept.draft, kept.at);
    const json = canonicalJson(kept.draft);
    forgetUnsaved(kept.scenarioId, (d) => canonicalJson(d) === json);
  }
}

/** Reads a value at a path in a JSON object. */
export function getIn(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/**
 * Returns a copy of obj with the value at path set, or removed when value is
 * undefined; objects left empty by a removal are removed too, so that a
 * cleared field means "use the default" and leaves no trace in the file.
 */
export function setIn<T extends Record<string, unknown>>(obj: T, path: readonly (string | number)[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const copy = (Array.isArray(obj) ? [...(obj as unknown[])] : { ...obj }) as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = copy[head];
    const base = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {};
    const next = setIn(base, rest, value);
    if (value === undefined && Object.keys(next).length === 0 && !Array.isArray(next)) delete copy[head];
    else copy[head] = next;
  }
  return copy as T;
}
