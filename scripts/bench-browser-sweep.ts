/**
 * Sweeps in Chromium, measured from outside (issue 10 item 1):
 *
 *   npx tsx scripts/bench-browser-sweep.ts [--line 50] [--grid 15] [--workers 2] [--json]
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
import { launchApp, ROOT, serve } from '../test/helpers/browser';

const { values } = parseArgs({
  options: {
    line: { type: 'string', default: '50' },
    grid: { type: 'string', default: '15' },
    workers: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
    // prints where the main thread spent its time during the grid (a CPU profile's self time by function)
    profile: { type: 'boolean', default: false },
  },
});
const LINE = Number(values.line);
const GRID = Number(values.grid);
const WORKERS = Number(values.workers);
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

async function setAxis(page: Page, n: 1 | 2, path: string, from: number, to: number, steps: number): Promise<void> {
  await page.locator(`#sweep-param-${n}`).selectOption(path);
  await page.locator(`#sweep-from-${n}`).fill(String(from));
  await page.locator(`#sweep-to-${n}`).fill(String(to));
  await page.locator(`#sweep-steps-${n}`).fill(String(steps));
}

/** The stored header of the sweep shown (read from IndexedDB). */
function storedSweep(page: Page, id: string): Promise<{ elapsedMs: number; done: number; state: string }> {
  return page.evaluate(
    (sweepId) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('quota-workbench');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const q = open.result.transaction('sweeps').objectStore('sweeps').get(sweepId);
          q.onerror = () => fail(q.error);
          q.onsuccess = () => {
            open.result.close();
            ok(q.result);
          };
        };
      }),
    id,
  );
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
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ samples, during }));
  const tenth = samples.find((s) => s.done >= Math.ceil(points / 10) && s.remainingMs !== null);
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

function cliGrid(): Promise<number> {
  const args = [
    join(ROOT, 'src/cli/sweep.ts'),
    join(ROOT, 'scenarios/baseline.json'),
    ...['--param', 'caps.sand', '--from', '1000', '--to', '2500', '--steps', String(GRID)],
    ...['--param2', 'caps.clay', '--from2', '50', '--to2', '100', '--steps2', String(GRID)],
    ...['--workers', String(WORKERS), '--lang', 'en'],
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

const server = await serve();
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
  await page.locator('#sweep-workers').fill(String(WORKERS));

  // 1. the line sweep
  await setAxis(page, 1, 'caps.sand', 1000, 2500, LINE);
  const line = await runToEnd(page, LINE);
  log(`line sweep, ${LINE} points on ${WORKERS} workers: ${(line.wallMs / 1000).toFixed(1)} s; long tasks ${line.longTasks}, longest ${line.longestTaskMs.toFixed(0)} ms, blocked ${(line.blockedShare * 100).toFixed(1)}% of the time`);
  if (line.estimateAt10) log(`  estimate at ${line.estimateAt10.done}/${LINE}: ${(line.estimateAt10.estimateMs / 1000).toFixed(1)} s left, took ${(line.estimateAt10.actualMs / 1000).toFixed(1)} s: off by ${(line.estimateAt10.error * 100).toFixed(0)}%`);

  // 2. the grid, in the browser and on the command line
  await page.getByLabel('Add a second parameter (two-dimensional grid)').check();
  await setAxis(page, 2, 'caps.clay', 50, 100, GRID);
  await setAxis(page, 1, 'caps.sand', 1000, 2500, GRID);
  const cdp = values.profile ? await app.context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const grid = await runToEnd(page, GRID * GRID);
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
  const cliMs = await cliGrid();
  const ratio = grid.storedElapsedMs / cliMs;
  log(`grid ${GRID}×${GRID} on the command line: ${(cliMs / 1000).toFixed(1)} s; browser/CLI ${ratio.toFixed(2)}`);

  // 3. cancel once 10% of the line sweep is done
  await page.getByLabel('Add a second parameter (two-dimensional grid)').uncheck();
  await setAxis(page, 1, 'caps.sand', 1000, 2500, LINE);
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

  if (values.json)
    console.log(JSON.stringify({ workers: WORKERS, line, grid: { ...grid, cliMs, ratio }, cancel: { latencyMs: cancel.latencyMs, pointsAfter: after.done - cancel.shownAtClick } }, null, 2));
} finally {
  await app.close();
  await server.close();
}
