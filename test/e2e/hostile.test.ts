/**
 * Hostile text in imported files stays text, on the production build in
 * Chromium (issue 9 item 3). A scenario file and a county boundary GeoJSON
 * carry markup in every name they have (scenario name and description,
 * feature names, the files' own names); the planner imports both, solves,
 * and visits every page, hovering every chart so that tooltips render, and
 * opens the printable report. Nothing may run (`window.__pwned` stays unset),
 * no element may gain an event-handler attribute, and the names must show as
 * the literal characters the file holds.
 *
 * The Content-Security-Policy of index.html is checked the same way: normal
 * use (solve, results, explore, compare, export, the report's Print button)
 * meets no violation, and markup forced into the page is refused by it.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, solve, W, startSweep } from './steps';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '"><script>window.__pwned=2</script>';
const SVG = "'><svg onload=\"window.__pwned=3\">";
const NAME = `${IMG}${SCRIPT}`;

/** A valid scenario whose every free-text field is markup; extra demand so that the flows (a sankey) are drawn too. */
const scenarioFile = JSON.stringify({
  format: 'quota-scenario/1',
  name: NAME,
  description: `${SVG}${IMG}`,
  model: 'hotan-2021-2025',
  assumptions: { demandGrowth: { sand: 1.5, clay: 1.2 } },
});

const square = (lon0: number, lon1: number) => [[[lon0, 35], [lon1, 35], [lon1, 38.5], [lon0, 38.5], [lon0, 35]]];
/** Two regions side by side over all of Hotan's county seats, so that hovering anywhere on the map meets one. */
const boundaryFile = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: IMG }, geometry: { type: 'Polygon', coordinates: square(76.5, 80) } },
    { type: 'Feature', properties: { NAME: `${SCRIPT}${SVG}` }, geometry: { type: 'Polygon', coordinates: square(80, 84) } },
  ],
});

const FILE_NAME = '<img src=x onerror=window.__pwned=4>';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  /** where the refused code is: file:line:column */
  at: string;
}

declare global {
  interface Window {
    __pwned?: unknown;
    __csp?: Violation[];
    __printed?: boolean;
  }
}

/** Collects CSP violations in every document of the context (popups and the blob: report included). */
function watchViolations(): void {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp?.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, at: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` });
  });
}

/** What would show that markup from a file became live in `page`. */
async function inert(page: Page, ownHandlers: string[] = []): Promise<{ pwned: unknown; handlers: string[]; inlineScripts: number; violations: Violation[] }> {
  return page.evaluate((own) => {
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*'))
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) handlers.push(`${el.tagName.toLowerCase()}[${a}]`);
    return {
      pwned: window.__pwned,
      handlers: handlers.filter((h) => !own.includes(h)),
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      violations: window.__csp ?? [],
    };
  }, ownHandlers);
}

const CLEAN = { pwned: undefined, handlers: [], inlineScripts: 0, violations: [] };
/** The one handler the app writes itself: the report's Print button. */
const REPORT_HANDLERS = ['button[onclick]'];

/**
 * Points at every chart under `scope`: a grid (axes, bars, map regions) and
 * the centre of every small shape (symbols of scatter and line charts, which
 * only an exact hit shows), so that tooltips render. Returns every tooltip
 * text seen: ECharts' HTML tooltip is a child of the chart's element beside
 * the drawing, written as the pointer moves (showDelay 0).
 *
 * The moves are mouse events dispatched in the page, the events ECharts
 * listens to for a mouse: a real mouse move per position, each a round trip
 * to the browser, took 13-23 s a page (most of this file's two minutes).
 * One real mouse move per chart checks that the chart listens to the mouse.
 */
async function hoverCharts(page: Page, scope: string): Promise<string[]> {
  const charts = page.locator(`${scope} figure.echart > div[role="img"]`);
  const n = await charts.count();
  expect(n, `charts under ${scope}`).toBeGreaterThan(0);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    // a chart is drawn once near the viewport (EChart.tsx), some in two frames: data-drawn once it shows its data
    await expect.poll(() => chart.getAttribute('data-drawn'), { timeout: 30_000 }).not.toBeNull();
    const box = await chart.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tips = await chart.evaluate((el) => {
      const tips = new Set<string>();
      const points: [number, number][] = [];
      const box = el.getBoundingClientRect();
      for (let gy = 1; gy < 6; gy++) for (let gx = 1; gx < 10; gx++) points.push([box.x + (box.width * gx) / 10, box.y + (box.height * gy) / 6]);
      for (const s of el.querySelectorAll('svg path, svg circle')) {
        const r = s.getBoundingClientRect();
        if (r.width > 0 && r.width < 40 && r.height > 0 && r.height < 40) points.push([r.x + r.width / 2, r.y + r.height / 2]);
      }
      const surface = el.firstElementChild ?? el;
      for (const [clientX, clientY] of points.slice(0, 150)) {
        const target = document.elementFromPoint(clientX, clientY);
        (target && el.contains(target) ? target : surface).dispatchEvent(new MouseEvent('mousemove', { clientX, clientY, bubbles: true }));
        for (const c of el.children) if (!c.querySelector('svg, canvas') && c.textContent) tips.add(c.textContent);
      }
      return [...tips];
    });
    for (const t of tips) seen.add(t);
    await page.mouse.move(0, 0);
  }
  return [...seen];
}

/**
 * Points the mouse along the middle of a sweep's chart, drawn in a worker
 * (SweepWorkerChart): the page shows the tooltip of the point nearest across,
 * answered by the worker. Returns every tooltip text seen.
 */
async function hoverSweepChart(page: Page): Promise<string[]> {
  const canvas = page.locator('.sweep-tab figure.sweep-worker-chart canvas');
  await expect.poll(async () => Number((await canvas.getAttribute('data-drawn-rows')) ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the sweep chart is not shown');
  const tip = page.locator('.sweep-tab .chart-tip');
  const seen = new Set<string>();
  for (const fx of [0.2, 0.5, 0.8]) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
    await expect.poll(() => tip.count()).toBe(1);
    seen.add((await tip.textContent()) ?? '');
  }
  await page.mouse.move(0, 0);
  return [...seen];
}

/** Opens the printable report from the Export page; checks it and its Print button. */
async function openReport(app: App): Promise<Page> {
  const popup = app.page.waitForEvent('popup');
  await app.page.locator('button[data-export="report"]').click();
  const report = await popup;
  await report.waitForLoadState();
  await report.locator('h1').waitFor();
  expect(report.url()).toMatch(/^blob:/);
  // the report document inherits the app's policy; its Print button must still work under it
  await report.evaluate(() => {
    window.print = () => {
      window.__printed = true;
    };
  });
  await report.locator('.toolbar button').click();
  await expect.poll(() => report.evaluate(() => window.__printed ?? false)).toBe(true);
  return report;
}

/** Opens Explore from the navigation bar and sweeps the class-3 cap over two points, to the end. */
async function sweepTwoPoints(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '探索', exact: true }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/explore'));
  await startSweep(page, { param: 'rightsCaps.class3', from: 250, to: 240, points: 2, workers: 1 });
  await expect.poll(() => page.locator('table.sweep-table tbody tr').count(), { timeout: 60_000 }).toBe(2);
  await expect.poll(() => page.locator('.explore-progress').count(), { timeout: 60_000 }).toBe(0);
}

/** A walk through every page (a solve with its ranges, a sweep, the frontier, the path): minutes on a slow machine. */
const WALKTHROUGH_MS = 180_000;

describeE2E('hostile names and the Content-Security-Policy in Chromium', () => {
  const suite = appForSuite(undefined, (app) => app.context.addInitScript(watchViolations));

  const cspErrors = () => suite.app.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

  it('the built page carries the policy: script only from the app itself, no inline script', async () => {
    await suite.app.goto('plan', 'zh');
    const policy = await suite.app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v] as const));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toContain("'self'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('normal use meets no policy violation: plan, solve, results with hovered charts, explore sweep, compare, exports, report and Print', async () => {
    const { page } = suite.app;
    await suite.app.goto('plan', 'zh');
    await page.locator('main').waitFor();
    await nav(page, 'zh', 'scenarios');
    await createFromPreset(page, 'zh', W.zh.baseline);
    await nav(page, 'zh', 'editor');
    expect(await solve(page, 'zh')).toContain(W.zh.solved);
    await page.waitForFunction(() => location.hash === '#/results');
    await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    expect((await hoverCharts(page, 'main')).length).toBeGreaterThan(0);

    await sweepTwoPoints(page);
    expect((await hoverSweepChart(page)).length).toBeGreaterThan(0);

    await nav(page, 'zh', 'export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: W.zh.csv }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    const report = await openReport(suite.app);
    expect(await inert(report, REPORT_HANDLERS)).toEqual(CLEAN);
    await report.close();

    expect(await inert(page)).toEqual(CLEAN);
    expect(cspErrors()).toEqual([]);
  }, WALKTHROUGH_MS);

  it('a hostile scenario file and boundary file stay text on every page, in every tooltip and in the report', async () => {
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'zh');
    await page.getByLabel(W.zh.importFile).setInputFiles({ name: `${FILE_NAME}.json`, mimeType: 'application/json', buffer: Buffer.from(scenarioFile) });
    // the list shows the name as its characters
    await expect.poll(() => page.locator('table.scenario-list tbody').textContent()).toContain(NAME);
    expect(await inert(page)).toEqual(CLEAN);

    await page.getByRole('button', { name: W.zh.open(NAME), exact: true }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/editor'));
    expect(await inert(page)).toEqual(CLEAN);
    expect(await solve(page, 'zh')).toContain(W.zh.solved);
    await page.waitForFunction(() => location.hash === '#/results');
    await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    expect(await page.locator('main').textContent()).toContain(NAME);

    // the county map on the hostile boundary file: each feature's name shows in its tooltip as text
    await page.locator('.county-map input[type="file"]').setInputFiles({ name: `${FILE_NAME}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(boundaryFile) });
    await expect.poll(() => page.locator('.county-map [role="status"]').textContent()).toContain(FILE_NAME);
    const mapTips = await hoverCharts(page, '.county-map');
    expect(mapTips.some((t) => t.includes(IMG))).toBe(true);
    expect(mapTips.some((t) => t.includes(`${SCRIPT}${SVG}`))).toBe(true);
    expect(await inert(page)).toEqual(CLEAN);
    await hoverCharts(page, 'main');
    expect(await inert(page)).toEqual(CLEAN);

    // compare, beside the baseline solved above: the run's name is a series name, in the legend and the bars' tooltips
    await nav(page, 'zh', 'compare');
    await page.locator('.compare-view').waitFor();
    const compareTips = await hoverCharts(page, '.compare-view');
    expect(compareTips.some((t) => t.includes(NAME))).toBe(true);
    expect(await inert(page)).toEqual(CLEAN);

    await sweepTwoPoints(page);
    await hoverSweepChart(page);
    expect(await inert(page)).toEqual(CLEAN);
    await page.getByRole('tab', { name: '矿山数—开采量前沿' }).click();
    await page.getByLabel('最多求解次数').fill('6');
    await page.getByRole('button', { name: '计算前沿' }).click();
    await expect.poll(() => page.locator('.frontier-result').getAttribute('data-phase'), { timeout: 60_000 }).toBe('done');
    expect((await hoverCharts(page, '.frontier-result')).length).toBeGreaterThan(0);
    expect(await inert(page)).toEqual(CLEAN);
    await page.getByRole('tab', { name: '敏感性与2025年路径' }).click();
    await page.getByRole('button', { name: '计算逐年路径' }).click();
    await page.locator('.path-result').waitFor({ timeout: 60_000 });
    expect((await hoverCharts(page, '.path-result')).length).toBeGreaterThan(0);
    expect(await inert(page)).toEqual(CLEAN);

    await nav(page, 'zh', 'plan');
    expect(await inert(page)).toEqual(CLEAN);
    await nav(page, 'zh', 'export');
    const report = await openReport(suite.app);
    expect(await report.locator('h1').textContent()).toContain(NAME);
    expect(await report.locator('body').textContent()).toContain(SVG);
    expect(await inert(report, REPORT_HANDLERS)).toEqual(CLEAN);
    await report.close();

    // and after a reload, names read back from IndexedDB
    await page.reload();
    await nav(page, 'zh', 'scenarios');
    await expect.poll(() => page.locator('table.scenario-list tbody').textContent()).toContain(NAME);
    await nav(page, 'zh', 'results');
    await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    await hoverCharts(page, 'main');
    expect(await inert(page)).toEqual(CLEAN);
    expect(cspErrors()).toEqual([]);
  }, WALKTHROUGH_MS);

  it('markup forced into the page is refused by the policy: the handler never runs and the refusal is reported', async () => {
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'zh');
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, IMG);
    await expect.poll(() => page.evaluate(() => (window.__csp ?? []).map((v) => v.directive))).toContain('script-src-attr');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });
});
