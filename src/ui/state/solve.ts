/**
 * One solve at a time, in the worker. The page stays live: the status shows
 * the elapsed time against the scenario's time limit; Cancel terminates the
 * worker and starts a fresh one; a worker that dies or stops answering is
 * restarted and the error is shown. Nothing the planner typed is touched:
 * the draft is saved before the solve and the run is stored beside it.
 * A solve cut short by a reload is said so on the next load, with an offer
 * to solve again (the running solve is marked in sessionStorage, tab-marks.ts).
 * A worker that dies is reported by the client at once (src/solver/client.ts
 * says why there is no heartbeat); the watchdog here is for one gone silent.
 */
import { createRoot, createSignal, onCleanup } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import type { SolveReport } from '../../model/report';
import { timeLimitOf } from '../../model/inputs';
import { addRun, getScenario, type RunRecord } from '../../store';
import { t } from '../i18n';
import { db } from './db';
import { draft, draftCheck, draftId, flushDraft, saveState } from './draft';
import { model } from './model';
import { notify } from './notices';
import { selectScenario } from './scenarios';
import { clearSolveRunning, markSolveRunning, takeInterruptedSolve } from './tab-marks';

/** What the UI needs of the worker client (src/solver/client.ts). */
export interface SolverHandle {
  solveScenario(dataset: Dataset, scenario: Scenario): Promise<SolveReport>;
  /** The scenario's model as a CPLEX LP file. */
  writeScenarioLp(dataset: Dataset, scenario: Scenario): Promise<string>;
  /** Starts the worker and loads the solver (so the first solve is quick, and works offline later). */
  warm(): Promise<unknown>;
  /** Terminates the worker at once (a running solve is rejected); the next solve starts a fresh worker. */
  restart(): void;
}

export type SolverFactory = () => Promise<SolverHandle>;

export const solveConfig = {
  /** Extra time, beyond the scenario's time limit, before a silent worker is taken for dead. */
  watchdogGraceSec: 15,
};

/** The longest delay a browser timer takes (2^31−1 ms); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export type SolvePhase =
  | { phase: 'idle' }
  | { phase: 'running'; scenarioId: string; name: string; startedAt: number; timeLimitSec: number }
  | { phase: 'done'; scenarioId: string; runId: string; status: SolveReport['status']; ms: number }
  | { phase: 'cancelled'; scenarioId: string }
  | { phase: 'error'; scenarioId: string | null; message: string };

class Cancelled extends Error {}
class WorkerSilent extends Error {}

/** The worker client (src/solver/client.ts), loaded on first use so the first page load stays small. */
async function defaultFactory(): Promise<SolverHandle> {
  const { createWorkerSolver, workerHandle } = await import('../../solver/client');
  const client = createWorkerSolver();
  return { ...workerHandle(client, 'solveScenario', 'writeScenarioLp'), warm: () => client.ping() };
}

const state = createRoot(() => {
  const [phase, setPhase] = createSignal<SolvePhase>({ phase: 'idle' });
  const [now, setNow] = createSignal(Date.now());
  let ticker: ReturnType<typeof setInterval> | null = null;
  onCleanup(() => ticker && clearInterval(ticker));
  return { phase, setPhase, now, setNow, ticker: (on: boolean) => {
    if (ticker) clearInterval(ticker);
    ticker = on ? setInterval(() => setNow(Date.now()), 200) : null;
    setNow(Date.now());
  } };
});

let factory: SolverFactory = defaultFactory;
let solver: SolverHandle | null = null;
let cancelCurrent: (() => void) | null = null;

export const solvePhase = state.phase;

/** Seconds since the running solve started (0 when none runs). */
export function elapsedSec(): number {
  const p = state.phase();
  return p.phase === 'running' ? Math.max(0, (state.now() - p.startedAt) / 1000) : 0;
}

export function isSolving(): boolean {
  return state.phase().phase === 'running';
}

/** For tests and for a different transport: how a solver is made. */
export function useSolverFactory(next: SolverFactory): void {
  solver?.restart();
  solver = null;
  factory = next;
}

async function getSolver(): Promise<SolverHandle> {
  solver ??= await factory();
  return solver;
}

function restartSolver(): void {
  try {
    solver?.restart();
  } catch {
    solver = null; // made afresh on the next solve
  }
}

/**
 * Solves the current draft. Returns the stored run, or null when the draft is
 * invalid, the solve was cancelled or it failed (the phase says which).
 */
export async function solveCurrent(): Promise<RunRecord | null> {
  if (isSolving()) return null;
  const id = draftId();
  const check = draftCheck();
  if (!model.ok || id === null || !check) return null;
  if (!check.ok) {
    const message = t('shell.solve.invalid', { n: check.problems.length });
    state.setPhase({ phase: 'error', scenarioId: id, message });
    notify({ kind: 'error', message });
    return null;
  }
  // the draft is saved while the worker solves (the solve is of `check`, taken before the save either way); the run is stored only once the save is done
  const saved = flushDraft();
  const scenario = check.scenario;
  const snapshot = draft() ?? scenario;
  const timeLimitSec = timeLimitOf(scenario);
  const startedAt = Date.now();
  state.setPhase({ phase: 'running', scenarioId: id, name: scenario.name, startedAt, timeLimitSec });
  markSolveRunning({ scenarioId: id, name: scenario.name, startedAt });
  state.ticker(true);
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  try {
    const report = await new Promise<SolveReport>((resolve, reject) => {
      // Cancel works from the moment the phase says running, before the worker is even made
      let cancelled = false;
      cancelCurrent = () => {
        cancelled = true;
        reject(new Cancelled());
      };
      watchdog = setTimeout(() => reject(new WorkerSilent()), Math.min(MAX_TIMER_MS, (timeLimitSec + solveConfig.watchdogGraceSec) * 1000));
      getSolver()
        .then((s) => (cancelled ? Promise.reject(new Cancelled()) : s.solveScenario(model.ok ? model.dataset : (undefined as never), scenario)))
        .then(resolve, reject);
    });
    await saved;
    const run = await addRun(db(), { scenarioId: id, scenario: snapshot, report });
    state.setPhase({ phase: 'done', scenarioId: id, runId: run.id, status: report.status, ms: Date.now() - startedAt });
    return run;
  } catch (e) {
    if (e instanceof Cancelled) {
      restartSolver();
      state.setPhase({ phase: 'cancelled', scenarioId: id });
      notify({ kind: 'info', message: t('shell.solve.cancelled') });
    } else {
      // "everything you entered is kept" is true only when the database has the draft
      await saved;
      const unsaved = saveState() === 'error' || saveState() === 'conflict';
      const message =
        e instanceof WorkerSilent
          ? t(unsaved ? 'save.solveSilentUnsaved' : 'shell.solve.silent', { s: timeLimitSec + solveConfig.watchdogGraceSec })
          : t(unsaved ? 'save.solveFailedUnsaved' : 'shell.solve.failed', { reason: errorText(e) });
      restartSolver();
      state.setPhase({ phase: 'error', scenarioId: id, message });
      notify({ kind: 'error', message });
    }
    return null;
  } finally {
    if (watchdog) clearTimeout(watchdog);
    clearSolveRunning();
    cancelCurrent = null;
    state.ticker(false);
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** The CPLEX LP file of a scenario, written by the worker (for the Export panel). */
export async function scenarioLp(scenario: Scenario): Promise<string> {
  if (!model.ok) throw new Error('no model');
  return (await getSolver()).writeScenarioLp(model.dataset, scenario);
}

/** Loads the solver ahead of the first solve; a failure here is reported by that solve, not now. */
export async function warmSolver(): Promise<void> {
  try {
    await (await getSolver()).warm();
  } catch {
    /* the worker client starts afresh on the next call */
  }
}

/** Stops the running solve: the worker is terminated and a fresh one started. */
export function cancelSolve(): void {
  cancelCurrent?.();
}

/**
 * At start-up: when this tab was reloaded during a solve, says so (the solve
 * is lost with the worker) and offers to solve that scenario again.
 */
export async function reportInterruptedSolve(): Promise<void> {
  const lost = takeInterruptedSolve();
  if (!lost) return;
  const rec = await getScenario(db(), lost.scenarioId);
  if (!rec || rec.deletedAt !== null) return;
  notify({
    kind: 'info',
    message: t('shell.solve.interrupted', { name: rec.name }),
    action: {
      label: t('shell.solve.again'),
      run: async () => {
        selectScenario(rec.id);
        await solveCurrent();
      },
    },
  }, 60_000);
}

/** Forgets the last outcome (the status bar goes quiet). */
export function clearSolvePhase(): void {
  if (!isSolving()) state.setPhase({ phase: 'idle' });
}
