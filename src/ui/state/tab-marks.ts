/**
 * What must outlive the page, written synchronously (Web Storage), because an
 * IndexedDB write started as the tab closes may not land and a solve in the
 * worker simply vanishes on a reload:
 * - the last typed draft of each scenario not yet saved to the database
 *   (localStorage: the tab may be closed and the workbench opened in another);
 * - the solve that is running (sessionStorage: a reload keeps this tab's, and
 *   another tab's solve is not this tab's to report).
 * Without Web Storage (private modes, quota) these are simply not kept.
 */
import type { ScenarioDraft } from '../../store';

const UNSAVED_PREFIX = 'quota-workbench.unsaved.';
const RUNNING_KEY = 'quota-workbench.solving';

export interface UnsavedDraft {
  scenarioId: string;
  draft: ScenarioDraft;
  /** when it was typed (ms since the epoch): a database record saved later is newer */
  at: number;
}

export interface RunningSolve {
  scenarioId: string;
  name: string;
  startedAt: number;
}

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[kind];
  } catch {
    return null;
  }
}

/** Whether the value was written (or removed). */
function write(kind: 'localStorage' | 'sessionStorage', key: string, value: string | null): boolean {
  try {
    const s = storage(kind);
    if (!s) return false;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    return true;
  } catch {
    /* full or unavailable: the database copy is all there is */
    return false;
  }
}

function read<T>(kind: 'localStorage' | 'sessionStorage', key: string): T | null {
  try {
    const text = storage(kind)?.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** Keeps the draft as just typed, until the database has it; says whether it could (Web Storage may be full or off). */
export function keepUnsaved(scenarioId: string, draft: ScenarioDraft): boolean {
  return write('localStorage', UNSAVED_PREFIX + scenarioId, JSON.stringify({ scenarioId, draft, at: Date.now() } satisfies UnsavedDraft));
}

/** The database has the draft: its copy is dropped unless `stillSame` says a later edit replaced it. */
export function forgetUnsaved(scenarioId: string, stillSame: (kept: ScenarioDraft) => boolean = () => true): void {
  const kept = read<UnsavedDraft>('localStorage', UNSAVED_PREFIX + scenarioId);
  if (kept && stillSame(kept.draft)) write('localStorage', UNSAVED_PREFIX + scenarioId, null);
}

/** Every kept draft (left by a tab closed before its database write landed, or by a tab still open). */
export function unsavedDrafts(): UnsavedDraft[] {
  const s = storage('localStorage');
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(UNSAVED_PREFIX)) keys.push(k);
  }
  return keys.flatMap((k) => read<UnsavedDraft>('localStorage', k) ?? []);
}

export function markSolveRunning(solve: RunningSolve): void {
  write('sessionStorage', RUNNING_KEY, JSON.stringify(solve));
}

export function clearSolveRunning(): void {
  write('sessionStorage', RUNNING_KEY, null);
}

/** The solve this tab was running when it was reloaded, if any; asked once (the mark is cleared). */
export function takeInterruptedSolve(): RunningSolve | null {
  const solve = read<RunningSolve>('sessionStorage', RUNNING_KEY);
  clearSolveRunning();
  return solve;
}
