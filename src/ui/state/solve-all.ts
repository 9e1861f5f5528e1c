/**
 * Solve all: every scenario whose newest run no longer describes it (the
 * scenario or the model changed since) or that has none, solved over a pool
 * of solver workers (src/model/pool.ts). Each run is stored as it arrives,
 * the way a Solve stores one (addRun, with the scenario as the planner typed
 * it, so staleness reads it back the same), so Cancel keeps the runs done.
 *
 * The workers are made for the batch and let go after it: a batch is seldom
 * run and each worker holds a solver; and with its own workers a Cancel here
 * (which restarts busy workers, the only way to stop glpk) cannot stop a
 * sweep on the Explore page's pool, nor the reverse.
 */
import type { Scenario } from '../../domain/scenario';
import type { SolveReport } from '../../model/report';
import { solveAll, type PoolWorker } from '../../model/pool';
import { addRun, staleness, type ScenarioDraft } from '../../store';
import { t } from '../i18n';
import { db } from './db';
import { draft, draftId, flushDraft } from './draft';
import { model, modelVersionOf } from './model';
import { errorText, notify } from './notices';
import { latestRunByScenario, scenarios } from './scenarios';
import { checkDraft } from './validate';
import { jobPhase } from './job-phase';

export interface SolveAllTarget {
  id: string;
  name: string;
  /** the scenario as the planner last typed it (the open draft for the open scenario) */
  draft: ScenarioDraft;
}

export type SolveAllPhase =
  | { phase: 'idle' }
  | { phase: 'running'; total: number; done: number; current: string[]; startedAt: number; stopping: boolean }
  | { phase: 'done'; total: number; solved: number; infeasible: number; cancelled: boolean; skipped: string[]; ms: number }
  | { phase: 'error'; total: number; solved: number; message: string };

/** Makes n pool workers for one batch. */
export type SolveAllWorkers = (n: number) => Promise<PoolWorker[]>;

async function browserWorkers(n: number): Promise<PoolWorker[]> {
  const { browserPoolWorker } = await import('../explore/pool');
  return Array.from({ length: n }, browserPoolWorker);
}

async function workerCount(): Promise<number> {
  const { defaultWorkerCount } = await import('../explore/pool');
  return defaultWorkerCount();
}

let factory: SolveAllWorkers = browserWorkers;
let abort: AbortController | null = null;

/** For tests and another transport: how the batch's workers are made. */
export function useSolveAllWorkers(next: SolveAllWorkers): void {
  factory = next;
}

const state = jobPhase<SolveAllPhase>({ phase: 'idle' });

export const solveAllPhase = state.phase;
export const solvingAll = state.running;

/** The scenarios Solve all would solve, in the list's order: no run, or a run of an older scenario or model. */
export function staleScenarios(): SolveAllTarget[] {
  if (!model.ok) return [];
  const version = modelVersionOf(model.dataset);
  const open = draftId();
  const runs = latestRunByScenario();
  return scenarios().flatMap((s) => {
    const typed = (s.id === open ? draft() : null) ?? s.scenario;
    const run = runs.get(s.id);
    return !run || staleness(run, typed, version).stale ? [{ id: s.id, name: s.name, draft: typed }] : [];
  });
}

/**
 * Solves every stale scenario. A scenario with problems is left out and
 * named (the editor lists them). Returns when the batch ends: finished,
 * cancelled (the runs done are kept) or failed (the phase says which).
 */
export async function solveAllScenarios(): Promise<void> {
  if (solvingAll() || !model.ok) return;
  const dataset = model.dataset;
  await flushDraft();
  const targets = staleScenarios();
  const skipped: string[] = [];
  const jobs: { target: SolveAllTarget; scenario: Scenario }[] = [];
  for (const target of targets) {
    const check = checkDraft(dataset, target.draft);
    if (check.ok) jobs.push({ target, scenario: check.scenario });
    else skipped.push(target.name);
  }
  const startedAt = Date.now();
  const total = jobs.length;
  let done = 0;
  let infeasible = 0;
  const current = new Set<number>();
  const running = (stopping = false) =>
    state.setPhase({ phase: 'running', total, done, current: [...current].sort((a, b) => a - b).map((i) => jobs[i]!.target.name), startedAt, stopping });
  running();
  const controller = new AbortController();
  abort = controller;
  const saves: Promise<unknown>[] = [];
  let workers: PoolWorker[] = [];
  try {
    workers = total === 0 ? [] : await factory(Math.min(total, await workerCount()));
    // which scenario each worker is on, for the progress line (the pool reports only finished ones)
    const index = new Map(jobs.map((j, i) => [j.scenario, i]));
    const tracked = workers.map(
      (w): PoolWorker => ({
        async solveScenario(d, s) {
          // the pool hands each worker one of the scenarios it was given, so the index is always found
          const i = index.get(s) as number;
          current.add(i);
          if (!controller.signal.aborted) running();
          try {
            return await w.solveScenario(d, s);
          } finally {
            current.delete(i);
          }
        },
        restart: () => w.restart(),
      }),
    );
    if (total > 0)
      await solveAll(dataset, jobs.map((j) => j.scenario), tracked, {
        signal: controller.signal,
        onProgress: (_p, i, report: SolveReport) => {
          const { target } = jobs[i]!;
          saves.push(addRun(db(), { scenarioId: target.id, scenario: target.draft, report }));
          done++;
          if (report.status === 'infeasible') infeasible++;
          if (!controller.signal.aborted) running();
        },
      });
    await Promise.all(saves);
    const cancelled = controller.signal.aborted && done < total;
    state.setPhase({ phase: 'done', total, solved: done, infeasible, cancelled, skipped, ms: Date.now() - startedAt });
    notify({ kind: 'info', message: t(cancelled ? 'workflow.solveAll.cancelledNote' : 'workflow.solveAll.doneNote', { n: done, total }) });
  } catch (e) {
    // the runs stored so far are kept; a worker that failed is started afresh with the next batch
    await Promise.allSettled(saves);
    const message = t('workflow.solveAll.failed', { n: done, total, reason: errorText(e) });
    state.setPhase({ phase: 'error', total, solved: done, message });
    notify({ kind: 'error', message });
  } finally {
    workers.forEach((w) => w.restart());
    abort = null;
  }
}

/** Stops the batch: the busy workers are restarted; the runs done stay stored. */
export function cancelSolveAll(): void {
  const p = state.phase();
  if (p.phase !== 'running' || !abort) return;
  state.setPhase({ ...p, stopping: true });
  abort.abort();
}
