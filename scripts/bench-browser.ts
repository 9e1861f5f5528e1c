/**
 * Start-up and solve latency in Chromium, on the production build (issue 10 item 9):
 *
 *   npm run bench:browser [-- --runs 5] [--edits 20] [--skip-sweep] [--line 50 --grid 15 --workers N] [--json]
 *
 * Builds and serves the app as the browser tests do (test/helpers/browser.ts)
 * and, in a fresh browser profile per run:
 * 1. first paint: the page's first-contentful-paint;
 * 2. bytes at start: what the page and its workers fetched (Resource
 *    Timing's transferSize: as sent, so compressed where the server
 *    compressed) until the network has been quiet for a while after load;
 * 3. first solve: the baseline scenario created, the Solve click → the KPI
 *    table on the Results page, and the longest main-thread task
 *    (PerformanceObserver 'longtask') from the click until the page settles;
 * 4. warm edits: `--edits` times, the sand cap changed in the editor and
 *    solved: the change → the new run's KPI table (p50 and p95 of the run).
 * Each figure is the median over the runs. Targets: first paint ≤ 1 s, first
 * solve ≤ 800 ms, warm p95 ≤ 300 ms, no task over 200 ms in the first render.
 *
 * Then runs the sweep benchmark (scripts/bench-browser-sweep.ts, minutes;
 * `--line`, `--grid` and `--workers` are its own) unless `--skip-sweep`, so
 * that one command gives every browser figure; `--json` prints one object
 * with both.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ElementHandle, Page } from 'playwright-core';
import { launchApp, ROOT, serve } from '../test/helpers/browser';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    edits: { type: 'string', default: '20' },
    'skip-sweep': { type: 'boolean', default: false },
    line: { type: 'string' },
    grid: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const EDITS = Number(values.edits);
const log = (s: string) => {
  if (!values.json) console.log(s);
};

/** The network counts as settled at start once nothing was fetched for this long. */
const QUIET_MS = 2500;
/** After the KPIs show, the first Results render (tables, map, charts in view) is given this long to finish. */
const SETTLE_MS = 3000;
/** The sand cap's field in the editor (test/e2e/steps.ts). */
const SAND_CAP = 'Construction sand total cap';

declare global {
  interface Window {
    __longtasks: { start: number; duration: number }[];
  }
}

/** Before any script of the page: every long task is recorded. */
function instrument(): void {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Makes the edit, if any, and clicks Solve in the page, then waits for the
 * KPI table of the new run (not an older one, which the Results page marks
 * stale): the time from just before the edit to the first frame drawn with
 * the table in the document.
 */
function untilKpis(page: Page, edit?: { input: ElementHandle<HTMLInputElement>; value: string }): Promise<{ t0: number; ms: number }> {
  return page.evaluate(
    ([input, value]) =>
      new Promise<{ t0: number; ms: number }>((ok, fail) => {
        const before = document.querySelector('table.kpis');
        const t0 = performance.now();
        const found = () => {
          const el = document.querySelector('table.kpis');
          // an older run shown first (stale: the scenario changed since) is not the result
          if (!el || el === before || el.closest('.results-view')?.querySelector('.banner.stale')) return false;
          watch.disconnect();
          // visible: the frame that draws it has run (a long task after the insertion delays this)
          requestAnimationFrame(() => setTimeout(() => ok({ t0, ms: performance.now() - t0 })));
          return true;
        };
        const watch = new MutationObserver(found);
        watch.observe(document, { subtree: true, childList: true });
        if (input) {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        const button = [...document.querySelectorAll<HTMLButtonElement>('.solve-bar button')].find((b) => b.textContent?.trim() === 'Solve');
        if (!button || button.disabled) return fail(new Error('the Solve button is missing or disabled'));
        button.click();
        setTimeout(() => fail(new Error('no KPI table within 60 s')), 60_000);
      }),
    [edit?.input ?? null, edit?.value ?? ''] as const,
  );
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}
const median = (xs: number[]) => quantile(xs, 0.5);

interface RunFigures {
  firstPaintMs: number;
  startBytes: number;
  startFiles: { url: string; bytes: number }[];
  firstSolveMs: number;
  firstRenderLongestTaskMs: number;
  warmP50Ms: number;
  warmP95Ms: number;
}

async function oneRun(server: Awaited<ReturnType<typeof serve>>): Promise<RunFigures> {
  const app = await launchApp(server, { locale: 'en-US' });
  try {
    const { page, context } = app;
    // tsx names the functions it compiles with a helper the page does not have
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(instrument);
    // requests of the page and of its workers, only to tell when the network is quiet
    let lastNetwork = Date.now();
    let inFlight = 0;
    const settle = (d: number) => () => {
      inFlight += d;
      lastNetwork = Date.now();
    };
    context.on('request', settle(1));
    context.on('requestfinished', settle(-1));
    context.on('requestfailed', settle(-1));

    await app.goto('scenarios', 'en');
    const firstPaintMs = await page.evaluate(
      () =>
        new Promise<number>((ok) =>
          new PerformanceObserver((list) => {
            const fcp = list.getEntriesByName('first-contentful-paint')[0];
            if (fcp) ok(fcp.startTime);
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
    while (inFlight > 0 || Date.now() - lastNetwork < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
    // Resource Timing's transferSize: as sent, so compressed where the server compressed (the page lists its workers' scripts, each worker its own fetches)
    const timing = () =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({ url: e.name, bytes: (e as PerformanceResourceTiming).transferSize }));
    const startFiles = [...(await page.evaluate(timing)), ...(await Promise.all(page.workers().map((w) => w.evaluate(timing)))).flat()]
      .map((f) => ({ url: f.url.replace(server.url, ''), bytes: f.bytes }))
      .sort((a, b) => b.bytes - a.bytes);
    const startBytes = startFiles.reduce((a, f) => a + f.bytes, 0);

    await page.getByRole('button', { name: 'Create a scenario from preset “Baseline”' }).click();
    await page.locator('table.scenario-list tbody tr').first().waitFor();
    const first = await untilKpis(page);
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await page.evaluate(() => window.__longtasks);
    const firstRenderLongestTaskMs = Math.max(0, ...tasks.filter((x) => x.start >= first.t0).map((x) => x.duration));

    const warm: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      await page.evaluate(() => (location.hash = '#/editor'));
      const input = (await page.getByLabel(SAND_CAP).elementHandle()) as ElementHandle<HTMLInputElement>;
      // a different cap each time, so each solve is of a changed scenario; near the plan's, so the model stays as hard as a planner's
      warm.push((await untilKpis(page, { input, value: String(1800 + 10 * (i % 10)) })).ms);
    }
    return {
      firstPaintMs,
      startBytes,
      startFiles,
      firstSolveMs: first.ms,
      firstRenderLongestTaskMs,
      warmP50Ms: median(warm),
      warmP95Ms: quantile(warm, 0.95),
    };
  } finally {
    await app.close();
  }
}

function sweep(): Promise<unknown> {
  const passed = (['line', 'grid', 'workers'] as const).flatMap((k) => (values[k] === undefined ? [] : [`--${k}`, values[k]]));
  return new Promise((ok, fail) =>
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/bench-browser-sweep.ts'), '--json', ...passed], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, out, stderr) =>
      err ? fail(new Error(`the sweep benchmark failed:\n${stderr}`)) : ok(JSON.parse(out)),
    ),
  );
}

const server = await serve();
const runs: RunFigures[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const r = await oneRun(server);
    runs.push(r);
    log(
      `run ${i + 1}/${RUNS}: first paint ${r.firstPaintMs.toFixed(0)} ms; start ${(r.startBytes / 1024).toFixed(0)} KB; first solve → KPI ${r.firstSolveMs.toFixed(0)} ms, longest task ${r.firstRenderLongestTaskMs.toFixed(0)} ms; warm edit → KPI p50 ${r.warmP50Ms.toFixed(0)} ms, p95 ${r.warmP95Ms.toFixed(0)} ms`,
    );
  }
} finally {
  await server.close();
}
const summary = {
  runs: RUNS,
  edits: EDITS,
  firstPaintMs: median(runs.map((r) => r.firstPaintMs)),
  startBytes: median(runs.map((r) => r.startBytes)),
  firstSolveMs: median(runs.map((r) => r.firstSolveMs)),
  firstRenderLongestTaskMs: median(runs.map((r) => r.firstRenderLongestTaskMs)),
  warmP50Ms: median(runs.map((r) => r.warmP50Ms)),
  warmP95Ms: median(runs.map((r) => r.warmP95Ms)),
  startFiles: runs[0]?.startFiles ?? [],
};
log(`\nmedians of ${RUNS} runs (targets in brackets):`);
log(`  first paint                       ${summary.firstPaintMs.toFixed(0)} ms  (≤ 1000)`);
log(`  fetched at start                  ${(summary.startBytes / 1024).toFixed(0)} KB`);
for (const f of summary.startFiles) log(`      ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.url}`);
log(`  first solve click → KPI           ${summary.firstSolveMs.toFixed(0)} ms  (≤ 800)`);
log(`  longest task, first Results render ${summary.firstRenderLongestTaskMs.toFixed(0)} ms  (≤ 200)`);
log(`  warm edit → KPI p50               ${summary.warmP50Ms.toFixed(0)} ms`);
log(`  warm edit → KPI p95               ${summary.warmP95Ms.toFixed(0)} ms  (≤ 300)`);

const sweepFigures = values['skip-sweep'] ? null : await sweep();
if (sweepFigures && !values.json) console.log(`\nsweeps (scripts/bench-browser-sweep.ts):\n${JSON.stringify(sweepFigures, null, 2)}`);
if (values.json) console.log(JSON.stringify({ startup: summary, sweep: sweepFigures }, null, 2));
