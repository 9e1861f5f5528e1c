/**
 * What the Explore page runs, outside any component so that a sweep or a
 * frontier keeps going when the planner looks at another page: one sweep,
 * one frontier, one sensitivity study and one path at a time, each with its
 * progress and a cancel that keeps what is done.
 *
 * - Sweeps go over the pool of solver workers (solveAll); the header is
 *   written to Dexie when the sweep starts, each point as it arrives (in
 *   its own row), and the header again at the end.
 * - The frontier is adaptive (each limit it solves depends on the ones
 *   before), so it runs sequentially through one explore worker (which
 *   lets its feasibility probes skip the infeasibility explanation).
 * - Sensitivity spreads the binding constraints over the explore workers
 *   (each re-solves its constraint ±δ and out to the range's ends).
 * - The path is one small LP in an explore worker.
 * Sensitivity and the path need the scenario's 2025 allocation: the newest
 * run if it is up to date, else the scenario is solved first (as the Solve
 * button does, so the run also appears on the Results page).
 */
import { createRoot, createSignal } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { computeFrontier, kneeOf, type Frontier, type FrontierOptions, type FrontierProgress, type MineLimit } from '../../model/explore/frontier';
import type { PathOptions, PathResult } from '../../model/explore/path';
import type { ConstraintSensitivity, Sensitivity } from '../../model/explore/sensitivity';
import { spreadOrder, timeLeft } from '../../model/explore/schedule';
import { checkSweepSpec, sweepCase, sweepPoints, type SweepCase, type SweepSpec } from '../../model/explore/sweep';
import { hasSolution, type SolveReport, type SolveStatus } from '../../model/report';
import { DEFAULT_MIP_GAP, type RunOptions } from '../../model/run';
import { drain, solveAll, type PoolWorker } from '../../model/pool';
import { addSweep, addSweepPoints, holdSweepLock, newId, scenarioHash, staleness, updateSweep, type RunRecord, type ScenarioDraft, type StoredSweepPoint } from '../../store';
import { t } from '../i18n';
import { navigate } from '../shell/router';
import { db } from '../state/db';
import { draft, draftCheck, draftId, flushDraft } from '../state/draft';
import { dataset, model, modelVersionOf } from '../state/model';
import { notify } from '../state/notices';
import { createFrom, currentScenario, latestRunByScenario } from '../state/scenarios';
import { solveCurrent } from '../state/solve';
import { exploreWorkers, poolWorkers } from './pool';
import { setIn } from '../../domain/json-path';

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** The current scenario as Explore uses it: saved, valid, with its id. */
export type Current = { ok: true; id: string; name: string; scenario: Scenario; draft: ScenarioDraft; hash: string } | { ok: false; why: 'none' | 'invalid' };

export function current(): Current {
  const id = draftId();
  const d = draft();
  const check = draftCheck();
  if (!model.ok || id === null || d === null || !check) return { ok: false, why: 'none' };
  if (!check.ok) return { ok: false, why: 'invalid' };
  return { ok: true, id, name: currentScenario()?.name ?? check.scenario.name, scenario: check.scenario, draft: d, hash: scenarioHash(d) };
}

/** Saves the draft, then the current scenario; when there is none to explore, says why and gives null. */
async function savedCurrentOrNotify(): Promise<Extract<Current, { ok: true }> | null> {
  await flushDraft();
  const cur = current();
  if (cur.ok) return cur;
  notify({ kind: 'error', message: t(`explore.noScenario.${cur.why}`) });
  return null;
}

// ------------------------------------------------------------------ sweep

export interface SweepRun {
  recordId: string;
  scenarioId: string;
  spec: SweepSpec;
  total: number;
  workers: number;
  points: StoredSweepPoint[];
  elapsedMs: number;
  remainingMs: number | null;
  stopping: boolean;
}

export interface FrontierRun {
  scenarioId: string;
  scenarioHash: string;
  modelVersion: string;
  options: FrontierOptions;
  phase: 'running' | 'done' | 'cancelled' | 'failed';
  progress: FrontierProgress | null;
  startedAt: number;
  elapsedMs: number;
  result: Frontier | null;
  error?: string;
}

export interface SensitivityRun {
  scenarioId: string;
  scenarioHash: string;
  modelVersion: string;
  phase: 'solving' | 'running' | 'done' | 'cancelled' | 'failed';
  names: string[];
  /** results by constraint, in the order of `names` once done */
  rows: ConstraintSensitivity[];
  status: SolveStatus | null;
  objective: number | null;
  /** MIP gap of the re-solves */
  mipGap: number;
  solves: number;
  startedAt: number;
  elapsedMs: number;
  error?: string;
}

export interface PathRun {
  scenarioId: string;
  scenarioHash: string;
  modelVersion: string;
  options: PathOptions;
  phase: 'solving' | 'running' | 'done' | 'failed';
  result: PathResult | null;
  error?: string;
}

const state = createRoot(() => {
  const [sweep, setSweep] = createSignal<SweepRun | null>(null);
  const [frontier, setFrontier] = createSignal<FrontierRun | null>(null);
  const [sens, setSens] = createSignal<SensitivityRun | null>(null);
  const [path, setPath] = createSignal<PathRun | null>(null);
  return { sweep, setSweep, frontier, setFrontier, sens, setSens, path, setPath };
});

export const sweepRun = state.sweep;
export const frontierRun = state.frontier;
export const sensitivityRun = state.sens;
export const pathRun = state.path;

let sweepAbort: AbortController | null = null;
let sweepStarting = false;

/**
 * The points of the last sweep that ran here, as they were shown (every one
 * stored). Shown again once it ends instead of read back from the database:
 * the read of a grid's reports and the table rows made again from the new
 * objects were the longest task at the end of a sweep.
 */
let finished: { recordId: string; points: readonly StoredSweepPoint[] } | null = null;

/** The points of a sweep that ran here, if it was the last one; null otherwise (its points are in the database). */
export function finishedSweepPoints(recordId: string): readonly StoredSweepPoint[] | null {
  return finished?.recordId === recordId ? finished.points : null;
}

/**
 * How often a running sweep is redrawn (tests shorten it). Points are
 * written as they come, many at once while a write is under way.
 */
export const sweepConfig = { drawEveryMs: 500 };

/**
 * Runs `fn` at most every `everyMs`, in a task of its own; `now` runs it at
 * once. Not in an animation frame: there the page's changes were laid out
 * and painted in the same task as they were made (with a chart drawn in the
 * same frame, the longest task of a running sweep).
 */
function throttled(fn: () => void, everyMs: () => number): { request(): void; now(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const run = () => {
    cancel();
    last = performance.now();
    fn();
  };
  return {
    request() {
      if (timer === null) timer = setTimeout(run, Math.max(0, last + everyMs() - performance.now()));
    },
    now: run,
    cancel,
  };
}

/** How long the page's main thread makes a sweep's cases before it lets the page draw. */
const CASES_SLICE_MS = 10;

/**
 * The sweep's cases (sweepScenarios), made a slice at a time: each is a copy
 * of the scenario checked whole, and a grid's 225 made in one task kept the
 * page from drawing for a while when the sweep started.
 */
async function casesInSlices(d: Dataset, scenario: Scenario, spec: SweepSpec): Promise<SweepCase[]> {
  checkSweepSpec(spec, d);
  const cases: SweepCase[] = [];
  let since = performance.now();
  for (const params of sweepPoints(spec)) {
    if (performance.now() - since > CASES_SLICE_MS) {
      await new Promise((r) => setTimeout(r));
      since = performance.now();
    }
    cases.push(sweepCase(d, scenario, params));
  }
  return cases;
}

/**
 * Runs a sweep of the current scenario over `workers` pool workers. Returns
 * the stored record's id, or an error message (nothing is stored for a spec
 * the engine refuses).
 */
export async function startSweep(spec: SweepSpec, workers: number): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  if (state.sweep() || sweepStarting) return { ok: false, message: t('explore.sweep.busy') };
  sweepStarting = true;
  try {
    return await runSweepNow(spec, workers);
  } finally {
    sweepStarting = false;
  }
}

/**
 * The sweep's life: a lock that tells later loads it runs here, the header
 * stored, the points solved over the pool and each one stored as it comes
 * (only points stored are shown, so a reload keeps every point it showed),
 * redraws throttled, the end stored.
 */
async function runSweepNow(spec: SweepSpec, workers: number): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  await flushDraft();
  const cur = current();
  if (!cur.ok) return { ok: false, message: t(`explore.noScenario.${cur.why}`) };
  const d = dataset();
  let cases;
  try {
    cases = await casesInSlices(d, cur.scenario, spec);
  } catch (e) {
    return { ok: false, message: t('explore.sweep.badSpec', { reason: errorText(e) }) };
  }
  const pool = poolWorkers(workers);
  const id = newId();
  const releaseLock = await holdSweepLock(id);
  const controller = new AbortController();
  sweepAbort = controller;
  const points: StoredSweepPoint[] = [];
  /** solve times, one list per worker */
  const pointMs: number[][] = [];
  /** when each worker's point under way was sent (null: none), in the order of `pointMs` */
  const sentAt: (number | null)[] = [];
  const t0 = performance.now();
  let failure: string | null = null;
  const draw = throttled(
    () => {
      const now = performance.now();
      const running = sentAt.map((at) => (at === null ? null : now - at));
      const solved = pointMs.reduce((a, xs) => a + xs.length, 0);
      const under = running.filter((e) => e !== null).length;
      const remainingMs = timeLeft({ solved: pointMs, running, waiting: cases.length - solved - under, workers: pool.length });
      state.setSweep((r) => (r && r.recordId === id ? { ...r, points: [...points], elapsedMs: performance.now() - t0, remainingMs } : r));
    },
    () => sweepConfig.drawEveryMs,
  );
  // points solved and not yet stored; one write at a time takes all there are
  let pending: StoredSweepPoint[] = [];
  let writing: Promise<void> | null = null;
  const store = (): Promise<void> => {
    writing ??= (async () => {
      while (pending.length > 0) {
        const batch = pending;
        pending = [];
        try {
          await addSweepPoints(db(), id, batch, performance.now() - t0);
          points.push(...batch);
          draw.request();
        } catch (e) {
          console.error('sweep points not saved', e);
        }
      }
      writing = null;
    })();
    return writing;
  };
  try {
    await addSweep(db(), {
      id,
      scenarioId: cur.id,
      scenarioName: cur.name,
      scenarioHash: cur.hash,
      modelVersion: modelVersionOf(d),
      spec,
      total: cases.length,
      state: 'running',
      workers: pool.length,
      elapsedMs: 0,
    });
    state.setSweep({ recordId: id, scenarioId: cur.id, spec, total: cases.length, workers: pool.length, points: [], elapsedMs: 0, remainingMs: null, stopping: false });
    const wrapped: PoolWorker[] = pool.map((w, k) => {
      const times: number[] = [];
      pointMs.push(times);
      sentAt.push(null);
      return {
        async solveScenario(dd, s) {
          const sent = performance.now();
          sentAt[k] = sent;
          try {
            const report = await w.solveScenario(dd, s);
            times.push(performance.now() - sent);
            return report;
          } catch (e) {
            // a crashed worker stops the sweep; the points done are kept
            if (!controller.signal.aborted) {
              failure = errorText(e);
              controller.abort();
            }
            throw e;
          } finally {
            sentAt[k] = null;
          }
        },
        restart: () => w.restart(),
      };
    });
    // a line is solved in its order (a planner reads it from one end); a grid spread over its range
    const order = spec.axes.length === 2 ? spreadOrder(cases.length) : cases.map((_, i) => i);
    const res = await solveAll(
      d,
      order.map((i) => (cases[i] as (typeof cases)[number]).scenario),
      wrapped,
      {
        signal: controller.signal,
        onProgress: (_p, k, report) => {
          const index = order[k] as number;
          // a result that was already on its way when the planner cancelled is dropped: cancel means now
          if (controller.signal.aborted) return;
          pending.push({ index, params: (cases[index] as (typeof cases)[number]).params, report });
          void store();
        },
      },
    );
    await store();
    // the last points are drawn whenever they came
    draw.now();
    const end = failure ? 'failed' : res.cancelled ? 'cancelled' : 'done';
    await updateSweep(db(), id, { elapsedMs: res.elapsedMs, state: end, ...(failure ? { error: failure } : {}) });
    if (failure) notify({ kind: 'error', message: t('explore.sweep.failed', { reason: failure, n: points.length }) });
    else if (res.cancelled) notify({ kind: 'info', message: t('explore.sweep.cancelled', { n: points.length, total: cases.length }) });
  } catch (e) {
    await store();
    await updateSweep(db(), id, { elapsedMs: performance.now() - t0, state: 'failed', error: errorText(e) }).catch((err: unknown) => console.error('sweep not saved', err));
    notify({ kind: 'error', message: t('explore.sweep.failed', { reason: errorText(e), n: points.length }) });
  } finally {
    draw.cancel();
    sweepAbort = null;
    finished = { recordId: id, points };
    state.setSweep(null);
    releaseLock();
  }
  return { ok: true, id };
}

/** Stops the sweep at once: nothing more is sent, busy workers are stopped, results still on their way are dropped; the points stored are kept. */
export function cancelSweep(): void {
  if (!sweepAbort) return;
  state.setSweep((r) => r && { ...r, stopping: true });
  sweepAbort.abort();
}

// ------------------------------------------------------------------ frontier

let frontierAbort: AbortController | null = null;

/** Stands in for a solve cut short by a cancel (computeFrontier then stops at its next solve). */
function cutShort(): SolveReport {
  const use = { used: 0, cap: 0 };
  return {
    status: 'timeout',
    objective: null,
    totals: {},
    rights: { class3: use, class12: use, total: use, largeMediumShare: { value: null, min: 0 } },
    counties: [],
    zones: [],
    binding: [],
    explanation: [],
    size: { variables: 0, integers: 0, constraints: 0 },
    solveTimeMs: 0,
    modelVersion: '',
  };
}

/** Computes the frontier of the current scenario (one worker, one solve at a time). */
export async function startFrontier(options: FrontierOptions): Promise<void> {
  if (state.frontier()?.phase === 'running') return;
  const cur = await savedCurrentOrNotify();
  if (!cur) return;
  const d = dataset();
  const [worker] = exploreWorkers(1);
  if (!worker) return;
  const controller = new AbortController();
  frontierAbort = controller;
  const startedAt = performance.now();
  state.setFrontier({ scenarioId: cur.id, scenarioHash: cur.hash, modelVersion: modelVersionOf(d), options, phase: 'running', progress: null, startedAt, elapsedMs: 0, result: null });
  // the limit of a solve cut short by a cancel: its stand-in point is dropped
  let cut: number | null = null;
  const solve = async (s: Scenario, opts?: RunOptions): Promise<SolveReport> => {
    try {
      return await worker.solveScenario(d, s, opts);
    } catch (e) {
      if (!controller.signal.aborted) throw e;
      cut = s.rightsCaps?.[options.limit] ?? null;
      return cutShort();
    }
  };
  const onAbort = () => worker.restart();
  controller.signal.addEventListener('abort', onAbort, { once: true });
  try {
    let f = await computeFrontier(d, cur.scenario, options, solve, (progress) => state.setFrontier((r) => r && { ...r, progress, elapsedMs: performance.now() - startedAt }), controller.signal);
    if (cut !== null) {
      const points = f.points.filter((p) => p.limit !== cut);
      f = { ...f, points, plan: points.find((p) => p.limit === f.cap) ?? null, knee: kneeOf(points, f.measure) };
    }
    state.setFrontier((r) => r && { ...r, phase: f.cancelled ? 'cancelled' : 'done', result: f, elapsedMs: performance.now() - startedAt });
  } catch (e) {
    state.setFrontier((r) => r && { ...r, phase: 'failed', error: errorText(e), elapsedMs: performance.now() - startedAt });
  } finally {
    controller.signal.removeEventListener('abort', onAbort);
    frontierAbort = null;
  }
}

export function cancelFrontier(): void {
  frontierAbort?.abort();
}

/**
 * A new scenario from a frontier point: the current scenario (as a duplicate
 * would copy it) with the mine limit set, named "<name> · 三类矿山≤N", opened
 * in the editor.
 */
export async function openFrontierPoint(limit: MineLimit, n: number): Promise<void> {
  const d = draft();
  const rec = currentScenario();
  if (!d || !rec) return;
  await flushDraft();
  const name = t('explore.frontier.newName', { name: rec.name, limit: t(`explore.limit.short.${limit}`), n });
  await createFrom(setIn(d, ['rightsCaps', limit], n), name);
  navigate('editor');
}

// ------------------------------------------------------------------ the solved scenario

/** The newest run of the current scenario if it still describes it, else a fresh solve (null if that fails). */
async function upToDateReport(cur: Extract<Current, { ok: true }>): Promise<SolveReport | null> {
  const run: RunRecord | undefined = latestRunByScenario().get(cur.id);
  if (run && !staleness(run, cur.draft, modelVersionOf(dataset())).stale) return run.report;
  const fresh = await solveCurrent();
  return fresh?.report ?? null;
}

// ------------------------------------------------------------------ sensitivity

let sensCancel: (() => void) | null = null;

export async function startSensitivity(workers: number): Promise<void> {
  const phase = state.sens()?.phase;
  if (phase === 'running' || phase === 'solving') return;
  const cur = await savedCurrentOrNotify();
  if (!cur) return;
  const startedAt = performance.now();
  const base: SensitivityRun = { scenarioId: cur.id, scenarioHash: cur.hash, modelVersion: modelVersionOf(dataset()), phase: 'solving', names: [], rows: [], status: null, objective: null, mipGap: DEFAULT_MIP_GAP, solves: 0, startedAt, elapsedMs: 0 };
  state.setSens(base);
  let cancelled = false;
  sensCancel = () => {
    cancelled = true;
  };
  const report = await upToDateReport(cur);
  if (cancelled) return void state.setSens((r) => r && { ...r, phase: 'cancelled' });
  if (!report) return void state.setSens((r) => r && { ...r, phase: 'failed', error: t('explore.sens.noSolve') });
  const names = report.binding.map((b) => b.constraint);
  state.setSens((r) => r && { ...r, phase: 'running', names, status: report.status, objective: report.objective });
  if (!hasSolution(report)) return void state.setSens((r) => r && { ...r, phase: 'done' });
  const d = dataset();
  const pool = exploreWorkers(Math.min(workers, Math.max(1, names.length)));
  const done = new Map<string, ConstraintSensitivity>();
  let solves = 0;
  const controller = new AbortController();
  sensCancel = () => {
    cancelled = true;
    controller.abort();
  };
  const studied = (res: Sensitivity, i: number) => {
    const row = res.constraints[0];
    solves += res.solves;
    if (row) done.set(names[i] as string, row);
    state.setSens((r) => r && { ...r, rows: names.flatMap((n) => done.get(n) ?? []), solves, mipGap: res.mipGap, elapsedMs: performance.now() - startedAt });
  };
  try {
    await drain(names, pool, (w, name) => w.sensitivity(d, cur.scenario, { constraints: [name] }), studied, controller.signal);
    state.setSens((r) => r && { ...r, phase: cancelled ? 'cancelled' : 'done', elapsedMs: performance.now() - startedAt });
  } catch (e) {
    state.setSens((r) => r && { ...r, phase: cancelled ? 'cancelled' : 'failed', error: cancelled ? undefined : errorText(e), elapsedMs: performance.now() - startedAt });
    if (!cancelled) for (const w of pool) w.restart();
  } finally {
    sensCancel = null;
  }
}

export function cancelSensitivity(): void {
  sensCancel?.();
}

// ------------------------------------------------------------------ path

export async function startPath(options: PathOptions): Promise<void> {
  const phase = state.path()?.phase;
  if (phase === 'running' || phase === 'solving') return;
  const cur = await savedCurrentOrNotify();
  if (!cur) return;
  state.setPath({ scenarioId: cur.id, scenarioHash: cur.hash, modelVersion: modelVersionOf(dataset()), options, phase: 'solving', result: null });
  const report = await upToDateReport(cur);
  if (!report) return void state.setPath((r) => r && { ...r, phase: 'failed', error: t('explore.sens.noSolve') });
  if (!hasSolution(report)) return void state.setPath((r) => r && { ...r, phase: 'failed', error: t('explore.path.noAllocation', { status: t(`explore.status.${report.status}`) }) });
  state.setPath((r) => r && { ...r, phase: 'running' });
  const [w] = exploreWorkers(1);
  try {
    const result = await (w as NonNullable<typeof w>).path(dataset(), cur.scenario, report, options);
    state.setPath((r) => r && { ...r, phase: 'done', result });
  } catch (e) {
    state.setPath((r) => r && { ...r, phase: 'failed', error: errorText(e) });
  }
}
