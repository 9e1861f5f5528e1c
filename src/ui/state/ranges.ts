/**
 * Quota ranges of a stored run, computed in the browser: one worker finds the
 * goal's optimum and the quotas to range, then a few solver workers share the
 * quotas (both ends of each, run until proven: no clock, so the ranges do not
 * depend on the machine's load). Progress counts the quotas done; Cancel
 * terminates the workers (the only way to stop glpk) and keeps nothing. The
 * finished ranges are stored with the run (report.ranges, run.rangeTolerance),
 * so the county table's range column survives a reload.
 */
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { fmt } from '../../present/names';
import type { Scenario } from '../../domain/scenario';
import type { RangeBasis, RangeJob, RangePlan } from '../../model/range-jobs';
import type { QuotaRange } from '../../model/report';
import { setRunRanges } from '../../store';
import { t } from '../i18n';
import { db } from './db';
import { model } from './model';
import { notify } from './notices';
import { jobPhase } from './job-phase';
import { drain } from '../../model/pool';

/** What the ranges need of a solver worker (src/solver/worker.ts: rangePlan, quotaRange). */
export interface RangeWorker {
  rangePlan(dataset: Dataset, scenario: Scenario): Promise<RangePlan>;
  quotaRange(dataset: Dataset, scenario: Scenario, basis: RangeBasis, tolerance: number, job: RangeJob): Promise<QuotaRange>;
  /** stops what the worker is doing; the next call starts a fresh one */
  restart(): void;
}

export type RangePhase =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; done: number; total: number | null }
  | { phase: 'done'; runId: string; total: number; ms: number }
  | { phase: 'cancelled'; runId: string }
  | { phase: 'error'; runId: string; message: string };

/** Tolerance as a fraction, from what the planner typed in percent; null when it is not a number from 0 to 100. */
export function toleranceFromPercent(text: string): number | null {
  const x = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(x) && x >= 0 && x <= 100 ? x / 100 : null;
}

/** A tolerance (a fraction) as the planner typed it: in percent, as many decimals as it has. */
export function toleranceText(tolerance: number, lang: Lang): string {
  return `${fmt(tolerance * 100, lang, 4)}%`;
}

async function browserWorkers(): Promise<RangeWorker[]> {
  const [{ createWorkerSolver, workerHandle }, { defaultWorkerCount }] = await Promise.all([import('../../solver/client'), import('../explore/pool')]);
  return Array.from({ length: Math.min(4, defaultWorkerCount()) }, () => workerHandle(createWorkerSolver(), 'rangePlan', 'quotaRange'));
}

let factory: () => Promise<RangeWorker[]> = browserWorkers;
let workers: RangeWorker[] | null = null;
let cancelCurrent: (() => void) | null = null;

const state = jobPhase<RangePhase>({ phase: 'idle' });

export const rangePhase = state.phase;
export const rangesRunning = state.running;

/** For tests and another transport: how the range workers are made (existing ones are dropped). */
export function useRangeWorkers(next: () => Promise<RangeWorker[]>): void {
  workers?.forEach((w) => w.restart());
  workers = null;
  factory = next;
}

class Cancelled extends Error {}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/**
 * Computes the ranges of a run's quotas at `tolerance` (a fraction) and
 * stores them with the run. Returns them, or null when cancelled or failed
 * (the phase says which).
 */
export async function computeRanges(runId: string, scenario: Scenario, tolerance: number): Promise<QuotaRange[] | null> {
  if (rangesRunning() || !model.ok) return null;
  const dataset = model.dataset;
  const startedAt = Date.now();
  state.setPhase({ phase: 'running', runId, done: 0, total: null });
  const cancelled = new Promise<never>((_, reject) => {
    cancelCurrent = () => reject(new Cancelled());
  });
  let pool: RangeWorker[] = [];
  const stop = new AbortController();
  let queued = false;
  try {
    pool = workers ??= await factory();
    const first = pool[0];
    if (!first) throw new Error('no solver worker');
    const plan = await Promise.race([first.rangePlan(dataset, scenario), cancelled]);
    const basis = plan.basis;
    if (basis === null) throw new Error(t('results.ranges.noSolution'));
    const out: QuotaRange[] = [];
    const ranged = (range: QuotaRange, i: number) => {
      out[i] = range;
      state.setPhase({ phase: 'running', runId, done: out.filter(Boolean).length, total: plan.jobs.length });
    };
    state.setPhase({ phase: 'running', runId, done: 0, total: plan.jobs.length });
    queued = true;
    await Promise.race([drain(plan.jobs, pool, (w, job) => w.quotaRange(dataset, scenario, basis, tolerance, job), ranged, stop.signal), cancelled]);
    await setRunRanges(db(), runId, out, tolerance);
    state.setPhase({ phase: 'done', runId, total: out.length, ms: Date.now() - startedAt });
    return out;
  } catch (e) {
    // the queue's stop restarts the workers it keeps busy; before the queue, only the plan's worker was at work
    if (queued) stop.abort();
    else pool[0]?.restart();
    if (e instanceof Cancelled) {
      state.setPhase({ phase: 'cancelled', runId });
      notify({ kind: 'info', message: t('results.ranges.cancelled') });
    } else {
      const message = t('results.ranges.failed', { reason: errorText(e) });
      state.setPhase({ phase: 'error', runId, message });
      notify({ kind: 'error', message });
    }
    return null;
  } finally {
    cancelCurrent = null;
  }
}

/** Stops the range solves: the workers are terminated; nothing is stored. */
export function cancelRanges(): void {
  cancelCurrent?.();
}
