/**
 * Sweeps in Chromium, measured from outside (issue 10 item 1):
 *
 *   npx tsx scripts/bench-browser-sweep.ts [--line 50] [--grid 15] [--workers N] [--runs 1] [--profile] [--json]
 *
 * Builds and serves the app as the browser tests do (test/helpers/browser.ts),
 * creates the baseline scenario and runs on the Explore page:
 * 1. a sweep of the sand cap over `--line` points: the main thread's long
 *    tasks (PerformanceObserver 'longtask'), the longest one and the share of
 *    the sweep's time they blocked, and the time-left estimate shown once 10%
 *    of the points are done against the time it really took;
 * 2. a grid of the sand cap × the clay cap, `--grid` values each, timed in
 *    the browser and by the CLI (`src/cli/sweep.ts`, worker threads) on the
 *    same points and the same number of workers;
 * 3. the line sweep again, cancelled once 10% of it is done: the time from
 *    the click to the page showing the sweep stopped, and the points stored
 *    after the click.
 * Targets: no task over 50 ms, browser ≤ 1.3 × CLI, estimate within 25%,
 * cancel within 300 ms. Not part of `npm test` (it takes minutes).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchApp, readStore, ROOT, serve } from '../test/helpers/browser';
import type { SweepAxis } from '../src/model/explore/sweep';
import { CLAY_CAP, ESTIMATE_AT, ESTIMATE_TOLERANCE, SAND_CAP } from './bench-grid';

const { values } = parseArgs({
  options: {
    line: { type: 'string', default: '50' },
    grid: { type: 'string', default: '15' },
    // the page's default when not given (cores less one); the command line gets the same number
    workers: { type: 'string' },
    // the whole benchmark this many times, each in a fresh browser profile; the medians at the end (the machine may be shared and noisy)
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    // prints where the main thread spent its time during the grid (a CPU profile's self time by function),
    // and what the long tasks of both sweeps did (a Chrome trace: each task's self time by event, as the Performance panel shows it)
    profile: { type: 'boolean', default: false },
  },
});
const LINE = Number(values.line);
const GRID = Number(values.grid);
const WORKERS = values.workers === undefined ? null : Number(values.workers);
const RUNS = Number(values.runs);
const log = (s: string) => {
  if (!values.json) console.log(s);
};

interface Sample {
  t: number;
  done: number;
  remainingMs: number | null;
}

declare global {
  interface Window {
    __longtasks: { start: number; duration: number }[];
    __samples: Sample[];
  }
}

/** Before any script of the page: long tasks are recorded, and each change of the progress bar's figures. */
function instrument(): void {
  window.__longtasks = [];
  window.__samples = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = '';
  const sample = () => {
    const el = document.querySelector<HTMLElement>('.explore-progress');
    if (el) {
      const key = `${el.dataset.done}|${el.dataset.remainingMs}`;
      if (key !== last) {
        last = key;
        window.__samples.push({ t: performance.now(), done: Number(el.dataset.done), remainingMs: el.dataset.remainingMs === undefined ? null : Number(el.dataset.remainingMs) });
      }
    }
  };
  new MutationObserver(sample).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-remaining-ms'] });
}

async function setAxis(page: Page, n: 1 | 2, axis: Omit<SweepAxis, 'steps'>, steps: number): Promise<void> {
  await page.locator(`#sweep-param-${n}`).selectOption(axis.path);
  await page.locator(`#sweep-from-${n}`).fill(String(axis.from));
  await page.locator(`#sweep-to-${n}`).fill(String(axis.to));
  await page.locator(`#sweep-steps-${n}`).fill(String(steps));
}

/** The stored header of the sweep shown. */
const storedSweep = (page: Page, id: string) => readStore<{ elapsedMs: number; done: number; state: string }>(page, { store: 'sweeps', key: id });

/** Each stored point's solve time in the worker, by the point's index (for BENCH_DEBUG: how the estimate could read them). */
async function storedSolveTimes(page: Page, id: string): Promise<Record<number, number>> {
  const points = await readStore<{ index: number; report: { solveTimeMs: number } }[]>(page, { store: 'sweepPoints', index: 'sweepId', value: id });
  return Object.fromEntries(points.map((p) => [p.index, p.report.solveTimeMs]));
}

interface SweepFigures {
  points: number;
  wallMs: number;
  storedElapsedMs: number;
  longTasks: number;
  longestTaskMs: number;
  blockedShare: number;
  estimateAt10: { done: number; estimateMs: number; actualMs: number; error: number } | null;
}

/** Runs the sweep set in the form to its end; the figures of that run. */
async function runToEnd(page: Page, points: number): Promise<SweepFigures> {
  const t0 = await page.evaluate(() => {
    window.__longtasks = [];
    window.__samples = [];
    return performance.now();
  });
  const shownBefore = (await page.locator('.sweep-shown').count()) ? await page.locator('.sweep-shown').getAttribute('data-sweep') : null;
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction((before) => {
    const s = document.querySelector<HTMLElement>('.sweep-shown');
    return !!s && s.dataset.sweep !== before && s.dataset.state === 'done';
  }, shownBefore, { timeout: 30 * 60_000, polling: 100 });
  const t1 = await page.evaluate(() => performance.now());
  const id = (await page.locator('.sweep-shown').getAttribute('data-sweep')) ?? '';
  const rec = await storedSweep(page, id);
  const { tasks, samples } = await page.evaluate(() => ({ tasks: window.__longtasks, samples: window.__samples }));
  const during = tasks.filter((x) => x.start >= t0 && x.start <= t1);
  const blocked = during.reduce((a, x) => a + x.duration, 0);
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ samples, during, solveMs: await storedSolveTimes(page, id) }));
  const tenth = samples.find((s) => s.done >= Math.ceil(points * ESTIMATE_AT) && s.remainingMs !== null);
  const last = samples.at(-1);
  const tEnd = last && last.done === points ? last.t : t1;
  return {
    points,
    wallMs: t1 - t0,
    storedElapsedMs: rec.elapsedMs,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((x) => x.duration)),
    blockedShare: blocked / (t1 - t0),
    estimateAt10: tenth ? { done: tenth.done, estimateMs: tenth.remainingMs as number, actualMs: tEnd - tenth.t, error: Math.abs((tenth.remainingMs as number) - (tEnd - tenth.t)) / (tEnd - tenth.t) } : null,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time: what the task cost whatever else the machine ran meanwhile */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; lineNumber?: number } };
}

/** Runs `fn` under a Chrome trace of the timeline; the trace's events. */
async function traced<T>(page: Page, fn: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  const result = await fn();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { result, events };
}

/**
 * What the page's main thread did in its tasks over 50 ms: self time by event
 * (a script call named by its function and file, style, layout, paint, GC),
 * summed over them, and the longest few with their largest parts.
 */
function longTaskCauses(events: TraceEvent[]): string[] {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const on = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.dur !== undefined);
  // the page's renderer is the busiest one
  const xs = mains.map(on).sort((a, b) => b.length - a.length)[0] ?? [];
  xs.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const label = (e: TraceEvent) => {
    const d = e.args?.data;
    return e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${d?.functionName || '(anonymous)'} ${(d?.url ?? '').split('/').pop()}:${d?.lineNumber ?? ''}` : e.name;
  };
  const total = new Map<string, number>();
  const tasks: { ms: number; cpuMs: number; atS: number; parts: [string, number][] }[] = [];
  const first = xs[0]?.ts ?? 0;
  for (const task of xs.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur as number) >= 50_000)) {
    const end = task.ts + (task.dur as number);
    const self = new Map<TraceEvent, number>();
    const stack: TraceEvent[] = [];
    for (const e of xs) {
      if (e.ts < task.ts || e.ts >= end || e === task) continue;
      while (stack.length && (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur as number) <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.dur as number));
      self.set(e, (self.get(e) ?? 0) + (e.dur as number));
      stack.push(e);
    }
    const parts = new Map<string, number>();
    for (const [e, us] of self) parts.set(label(e), (parts.get(label(e)) ?? 0) + us / 1000);
    for (const [k, ms] of parts) total.set(k, (total.get(k) ?? 0) + ms);
    tasks.push({ ms: (task.dur as number) / 1000, cpuMs: (task.tdur ?? NaN) / 1000, atS: (task.ts - first) / 1e6, parts: [...parts].sort((a, b) => b[1] - a[1]) });
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `  ${tasks.length} tasks over 50 ms, ${tasks.filter((x) => x.cpuMs >= 50).length} of them with 50 ms of CPU time; their time by event:`,
    ...[...total].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `    ${ms(v).padStart(8)}  ${k}`),
    '  the longest:',
    ...tasks
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((x) => `    ${ms(x.ms).padStart(8)} (CPU ${ms(x.cpuMs)}, at ${x.atS.toFixed(1)} s): ${x.parts.slice(0, 5).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`),
  ];
}

function cliGrid(workers: number): Promise<number> {
  const args = [
    join(ROOT, 'src/cli/sweep.ts'),
    join(ROOT, 'scenarios/baseline.json'),
    ...['--param', SAND_CAP.path, '--from', String(SAND_CAP.from), '--to', String(SAND_CAP.to), '--steps', String(GRID)],
    ...['--param2', CLAY_CAP.path, '--from2', String(CLAY_CAP.from), '--to2', String(CLAY_CAP.to), '--steps2', String(GRID)],
    ...['--workers', String(workers), '--lang', 'en'],
  ];
  return new Promise((ok, fail) =>
    execFile(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, maxBuffer: 64 << 20 }, (err, out) => {
      const m = /on \d+ threads ([\d,.]+) ms/.exec(out);
      if (err && !m) return fail(err);
      if (!m) return fail(new Error(`no time in the CLI's output:\n${out.slice(-500)}`));
      ok(Number((m[1] as string).replace(/,/g, '')));
    }),
  );
}

interface RunFigures {
  /** solver workers of the sweeps, in the page and on the command line */
  workers: number;
  line: SweepFigures;
  grid: SweepFigures & { cliMs: number; ratio: number };
  cancel: { latencyMs: number; pointsAfter: number };
}

/** One run of the three, in a fresh browser profile. */
async function oneRun(server: Awaited<ReturnType<typeof serve>>): Promise<RunFigures> {
  const app = await launchApp(server, { locale: 'en-US' });
  try {
    const { page } = app;
    // tsx names the functions it compiles with a helper the page does not have
    await app.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await app.context.addInitScript(instrument);
    await app.goto('scenarios', 'en');
    await page.getByRole('button', { name: 'Create a scenario from preset “Baseline”' }).click();
    await page.locator('table.scenario-list tbody tr').first().waitFor();
    await app.goto('explore/sweep', 'en');
    if (WORKERS !== null) await page.locator('#sweep-workers').fill(String(WORKERS));
    const workers = Number(await page.locator('#sweep-workers').inputValue());

    // 1. the line sweep
    await setAxis(page, 1, SAND_CAP, LINE);
    const lineRun = values.profile ? await traced(page, () => runToEnd(page, LINE)) : { result: await runToEnd(page, LINE), events: [] };
    const line = lineRun.result;
    log(`line sweep, ${LINE} points on ${workers} workers: ${(line.wallMs / 1000).toFixed(1)} s; long tasks ${line.longTasks}, longest ${line.longestTaskMs.toFixed(0)} ms, blocked ${(line.blockedShare * 100).toFixed(1)}% of the time`);
    if (line.estimateAt10) log(`  estimate at ${line.estimateAt10.done}/${LINE}: ${(line.estimateAt10.estimateMs / 1000).toFixed(1)} s left, took ${(line.estimateAt10.actualMs / 1000).toFixed(1)} s: off by ${(line.estimateAt10.error * 100).toFixed(0)}%`);
    if (values.profile) longTaskCauses(lineRun.events).forEach(log);

    // 2. the grid, in the browser and on the command line
    await page.getByLabel('Add a second parameter (two-dimensional grid)').check();
    await setAxis(page, 2, CLAY_CAP, GRID);
    await setAxis(page, 1, SAND_CAP, GRID);
    const cdp = values.profile ? await app.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const gridRun = values.profile ? await traced(page, () => runToEnd(page, GRID * GRID)) : { result: await runToEnd(page, GRID * GRID), events: [] };
    const grid = gridRun.result;
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const dt = new Map<number, number>();
      profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
      for (const n of profile.nodes) {
        const f = n.callFrame;
        const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
        self.set(name, (self.get(name) ?? 0) + (dt.get(n.id) ?? 0));
      }
      for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
    }
    log(`grid ${GRID}×${GRID} in the browser: ${(grid.storedElapsedMs / 1000).toFixed(1)} s (page ${(grid.wallMs / 1000).toFixed(1)} s); long tasks ${grid.longTasks}, longest ${grid.longestTaskMs.toFixed(0)} ms, blocked ${(grid.blockedShare * 100).toFixed(1)}%`);
    if (grid.estimateAt10) log(`  estimate at ${grid.estimateAt10.done}/${GRID * GRID}: ${(grid.estimateAt10.estimateMs / 1000).toFixed(1)} s left, took ${(grid.estimateAt10.actualMs / 1000).toFixed(1)} s: off by ${(grid.estimateAt10.error * 100).toFixed(0)}%`);
    if (values.profile) longTaskCauses(gridRun.events).forEach(log);
    const cliMs = await cliGrid(workers);
    const ratio = grid.storedElapsedMs / cliMs;
    log(`grid ${GRID}×${GRID} on the command line: ${(cliMs / 1000).toFixed(1)} s; browser/CLI ${ratio.toFixed(2)}`);

    // 3. cancel once 10% of the line sweep is done
    await page.getByLabel('Add a second parameter (two-dimensional grid)').uncheck();
    await setAxis(page, 1, SAND_CAP, LINE);
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.explore-progress')?.dataset.done ?? 0) >= n, Math.ceil(LINE / 10), { timeout: 10 * 60_000, polling: 50 });
    const cancel = await page.evaluate(
      () =>
        new Promise<{ latencyMs: number; shownAtClick: number; id: string }>((ok) => {
          const progress = document.querySelector<HTMLElement>('.explore-progress') as HTMLElement;
          const shownAtClick = Number(progress.dataset.done);
          const id = document.querySelector<HTMLElement>('.sweep-shown')?.dataset.sweep ?? '';
          const t = performance.now();
          const watch = new MutationObserver(() => {
            if (document.querySelector<HTMLElement>('.sweep-shown')?.dataset.state === 'cancelled') {
              watch.disconnect();
              ok({ latencyMs: performance.now() - t, shownAtClick, id });
            }
          });
          watch.observe(document, { subtree: true, childList: true, attributes: true });
          [...document.querySelectorAll<HTMLButtonElement>('.explore-progress button')].find((b) => b.textContent === 'Cancel sweep')?.click();
        }),
    );
    const after = await storedSweep(page, cancel.id);
    log(`cancel at ${cancel.shownAtClick}/${LINE}: the page showed it stopped after ${cancel.latencyMs.toFixed(0)} ms; points stored after the click: ${after.done - cancel.shownAtClick}`);

    return { workers, line, grid: { ...grid, cliMs, ratio }, cancel: { latencyMs: cancel.latencyMs, pointsAfter: after.done - cancel.shownAtClick } };
  } finally {
    await app.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}

const server = await serve();
const runs: RunFigures[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    if (RUNS > 1) log(`\nrun ${i + 1}/${RUNS}`);
    runs.push(await oneRun(server));
  }
} finally {
  await server.close();
}
const of = (f: (r: RunFigures) => number | undefined) => median(runs.map(f).filter((x): x is number => x !== undefined));
const medians = {
  lineLongestTaskMs: of((r) => r.line.longestTaskMs),
  lineLongTasks: of((r) => r.line.longTasks),
  lineEstimateError: of((r) => r.line.estimateAt10?.error),
  gridLongestTaskMs: of((r) => r.grid.longestTaskMs),
  gridLongTasks: of((r) => r.grid.longTasks),
  gridEstimateError: of((r) => r.grid.estimateAt10?.error),
  ratio: of((r) => r.grid.ratio),
  cancelLatencyMs: of((r) => r.cancel.latencyMs),
  pointsAfterCancel: of((r) => r.cancel.pointsAfter),
};
if (RUNS > 1) {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  log(`\nmedians of ${RUNS} runs (targets in brackets):`);
  log(`  longest task, line / grid          ${medians.lineLongestTaskMs.toFixed(0)} / ${medians.gridLongestTaskMs.toFixed(0)} ms  (≤ 50)`);
  log(`  tasks over 50 ms, line / grid      ${medians.lineLongTasks} / ${medians.gridLongTasks}  (0)`);
  log(`  estimate error at ${pct(ESTIMATE_AT)}, line / grid ${pct(medians.lineEstimateError)} / ${pct(medians.gridEstimateError)}  (≤ ${pct(ESTIMATE_TOLERANCE)})`);
  log(`  browser / CLI                      ${medians.ratio.toFixed(2)}  (≤ 1.3)`);
  log(`  cancel latency                     ${medians.cancelLatencyMs.toFixed(0)} ms  (≤ 300)`);
}
if (values.json) console.log(JSON.stringify({ workers: runs[0]?.workers, runs, medians }, null, 2));
