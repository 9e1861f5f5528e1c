/**
 * The Explore page in Chromium: a sweep over the worker pool with progress
 * and cancel (the points done stay listed and survive a reload), a sweep
 * with an infeasible point, the mine-count frontier with a point opened as a
 * new scenario (listed and open in the editor), and the path to 2025 as a
 * chart, a table and a CSV with a BOM. A sweep's chart is drawn in a worker,
 * running and after, its tooltips shown by the page; where the worker cannot
 * start, by the page.
 *
 * The cancelled sweep is rightsCaps.class3 from 250 down to 5 in 400
 * points on two workers: each point solves in a fraction of a second, so
 * the sweep runs for many seconds and the cancel, sent once four points are
 * done, always lands before the end, however fast or busy the machine is.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { appForSuite, describeE2E } from '../helpers/browser';
import { nav, openWithBaseline, scenarioNames, unnamedControls, W, startSweep } from './steps';
import type { Locator, Page } from 'playwright-core';

/** The sweep chart's canvas, drawn in a worker (SweepWorkerChart). */
const sweepCanvas = (page: Page) => page.locator('.sweep-results figure.sweep-worker-chart canvas');

/** A chart is drawn once near the viewport, after the frame that shows it (EChart.tsx): scroll to it, then one SVG. */
async function chartDrawn(scope: Locator): Promise<void> {
  await scope.locator('.echart').scrollIntoViewIfNeeded();
  await expect.poll(() => scope.locator('.echart svg').count()).toBe(1);
}

/** The page's sweep-chart workers (SweepWorkerChart). */
const chartWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('sweep-chart'));

/** Waits until the sweep chart's worker has drawn `rows` rows (any, without). */
async function sweepChartDrawn(page: Page, rows?: number): Promise<void> {
  const drawn = async () => Number((await sweepCanvas(page).getAttribute('data-drawn-rows')) ?? 0);
  if (rows === undefined) await expect.poll(drawn).toBeGreaterThan(0);
  else await expect.poll(drawn).toBe(rows);
}

/** Points the mouse at a place of the sweep chart, as fractions of its width and height; the tooltip the page shows there. */
async function tipAt(page: Page, fx: number, fy: number, expected: string | RegExp): Promise<string> {
  await sweepCanvas(page).scrollIntoViewIfNeeded();
  const box = await sweepCanvas(page).boundingBox();
  if (!box) throw new Error('the sweep chart is not shown');
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
  const tip = page.locator('.sweep-worker-chart .chart-tip');
  const text = async () => ((await tip.count()) > 0 ? ((await tip.textContent()) ?? '') : '');
  await expect.poll(text, { timeout: 10_000 }).toMatch(expected);
  return text();
}

describeE2E('explore in Chromium', () => {
  const suite = appForSuite();

  const tab = (name: string) => suite.app.page.getByRole('tab', { name });

  it('sweep: progress with the count and the time left, cancel keeps the points done, they are stored and shown after a reload', async () => {
    const { page } = suite.app;
    await openWithBaseline(suite.app, 'zh');
    await page.getByRole('navigation').getByRole('link', { name: '探索', exact: true }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/explore'));
    expect(await tab('参数扫描').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.sweep-tab .empty').textContent()).toBe('当前方案还没有扫描结果。');
    // the chart's worker starts while the tab waits for the planner: the sweep's chart takes it
    await expect.poll(() => chartWorkers(page).length).toBe(1);
    const spare = chartWorkers(page)[0];

    const t0 = Date.now();
    await page.locator('#sweep-param-1').selectOption('rightsCaps.class3');
    // the current value and its unit are shown beside the parameter
    expect(await page.locator('.current-value').first().textContent()).toContain('当前值：250 个');
    await page.getByLabel('起点').fill('250');
    await page.getByLabel('终点').fill('5');
    await page.getByLabel('点数（含两端）').fill('400');
    // one solver worker per core less one by default: a core stays free for the page
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const byDefault = Math.max(1, Math.min(8, cores - 1));
    expect(await page.getByLabel('并行求解进程数').inputValue()).toBe(String(byDefault));
    expect(await page.locator('.run-row .hint').textContent()).toContain(`本机 ${cores} 核，默认 ${byDefault} 个`);
    await page.getByLabel('并行求解进程数').fill('2');
    expect(await page.locator('.point-count').textContent()).toBe('共 400 次求解');
    await page.getByRole('button', { name: '开始扫描' }).click();

    const progress = page.locator('.explore-progress');
    await progress.waitFor();
    const doneSoFar = async () => Number(/已完成 (\d+) \/ 400 个点（2 个进程）/.exec((await progress.locator('.progress-text').textContent()) ?? '')?.[1] ?? -1);
    await expect.poll(doneSoFar, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    expect(Number(await progress.locator('progress').getAttribute('value'))).toBeGreaterThanOrEqual(4);
    // in seconds, or minutes and seconds on a slow machine
    expect(await progress.locator('.progress-text').textContent()).toMatch(/预计还需 (<\s*)?(\d+ 分 )?\d+ 秒/);
    // the points done are listed while the sweep runs
    await expect.poll(() => page.locator('table.sweep-table tbody tr').count()).toBeGreaterThanOrEqual(4);
    const tRun = Date.now() - t0;
    await sweepChartDrawn(page);
    expect(chartWorkers(page)).toHaveLength(1);
    expect(chartWorkers(page)[0]).toBe(spare);

    await page.getByRole('button', { name: '取消扫描' }).click();
    await progress.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.sweep-shown').getAttribute('data-state')).toBe('cancelled');
    const rows = page.locator('table.sweep-table tbody tr');
    const done = Number(/(\d+) \/ 400 个点/.exec((await page.locator('.sweep-summary').textContent()) ?? '')?.[1] ?? -1);
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(400);
    // a page of the table at most
    expect(await rows.count()).toBe(Math.min(done, 50));
    // two workers finish out of order: the points done, listed in sweep order
    const indices = (await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.index))).map(Number);
    expect(indices).toEqual([...new Set(indices)].sort((a, b) => a - b));
    expect(indices.every((i) => i >= 0 && i < 400)).toBe(true);
    expect(indices[0]).toBe(0);
    expect(await rows.first().locator('th').first().textContent()).toBe('250');
    // a line chart of the output chosen, with every point done; a point's figures in its tooltip
    await sweepChartDrawn(page, done);
    expect(await tipAt(page, 0.5, 0.5, /最优/)).toMatch(/三类（砂石土）矿山数上限 = [\d,.]+ 个/);

    await page.reload();
    await page.locator('.sweep-shown').waitFor();
    expect(await page.locator('.sweep-shown').getAttribute('data-state')).toBe('cancelled');
    expect(await page.locator('table.sweep-table tbody tr').count()).toBe(Math.min(done, 50));
    await sweepChartDrawn(page, done);
    console.log(`sweep to ${done}/400 with 2 workers: ${tRun} ms`);
  });

  it('sweep: an infeasible point is marked and explained; the table exports as CSV', async () => {
    const { page } = suite.app;
    await startSweep(page, { param: 'caps.sand.min', from: 1000, to: 3000, points: 3 });
    await expect.poll(() => page.locator('.sweep-shown').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    const bad = page.locator('table.sweep-table tbody tr[data-status="infeasible"]');
    expect(await bad.count()).toBe(1);
    expect(await bad.locator('th').textContent()).toBe('3,000');
    expect(await bad.locator('td.status').textContent()).toContain('✕ 不可行');
    expect(await bad.locator('td.status').getAttribute('title')).toContain('建筑用砂开采总量下限');
    expect(await page.locator('table.sweep-table tbody tr[data-status="optimal"]').count()).toBe(2);
    // both sweeps are stored with the scenario
    expect(await page.getByLabel('已保存的扫描').locator('option').count()).toBe(2);

    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出扫描结果 CSV' }).click();
    const file = await dl;
    const bytes = readFileSync((await file.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('建筑用砂开采总量下限 (万m³)');
    expect(text).toContain('不可行');

    // a second parameter makes a grid, drawn as a heat map with the infeasible cells apart
    await page.getByLabel('加第二个参数（二维网格）').check();
    await page.locator('#sweep-param-2').selectOption('caps.clay');
    await page.locator('#sweep-from-1').fill('1000');
    await page.locator('#sweep-to-1').fill('3000');
    await page.locator('#sweep-steps-1').fill('2');
    await page.locator('#sweep-from-2').fill('50');
    await page.locator('#sweep-to-2').fill('100');
    await page.locator('#sweep-steps-2').fill('2');
    expect(await page.locator('.point-count').textContent()).toBe('共 4 次求解');
    // the chart stays from one sweep to the next, with its worker
    await sweepCanvas(page).evaluate((c) => c.setAttribute('data-before-grid', ''));
    const [worker] = chartWorkers(page);
    await page.getByRole('button', { name: '开始扫描' }).click();
    // the previous sweep also reads 'done': wait for this one's four points first
    await expect.poll(() => page.locator('table.sweep-table tbody tr').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.locator('.sweep-shown').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await page.locator('table.sweep-table tbody tr[data-status="infeasible"]').count()).toBe(2);
    // the chart follows the table a task later: the infeasible cells (sand floor 3000) on the right, the solved ones on the left
    await sweepChartDrawn(page, 4);
    expect(await sweepCanvas(page).getAttribute('data-before-grid')).toBe('');
    expect(chartWorkers(page)).toHaveLength(1);
    expect(chartWorkers(page)[0]).toBe(worker);
    expect(await tipAt(page, 0.7, 0.5, /不可行/)).toContain('建筑用砂开采总量下限 = 3,000 万m³');
    expect(await tipAt(page, 0.3, 0.5, /最优/)).toMatch(/建筑用砂开采总量: [\d,.]+ 万m³/);
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('.sweep-worker-chart .chart-tip').count()).toBe(0);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('frontier: computed with progress, plan/baseline/knee marked, a point opened as a new scenario in the editor', async () => {
    const { page } = suite.app;
    await tab('矿山数—开采量前沿').click();
    await page.waitForFunction(() => location.hash === '#/explore/frontier');
    await page.getByLabel('最多求解次数').fill('14');
    const t0 = Date.now();
    await page.getByRole('button', { name: '计算前沿' }).click();
    const result = page.locator('.frontier-result');
    await expect.poll(() => result.getAttribute('data-phase'), { timeout: 40_000 }).toBe('done');
    const tFrontier = Date.now() - t0;
    const rows = page.locator('table.frontier-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const limits = (await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.limit))));
    expect(limits).toEqual([...limits].sort((a, b) => a - b));
    expect(limits.at(-1)).toBe(250);
    expect(await page.locator('table.frontier-table tr[data-limit="250"]').textContent()).toContain('规划上限 250');
    expect(await page.locator('table.frontier-table').textContent()).toContain('拐点');
    await chartDrawn(page.locator('.frontier-result'));

    // the knee opens as a new scenario
    const knee = page.locator('table.frontier-table tbody tr', { hasText: '拐点' }).first();
    const n = await knee.getAttribute('data-limit');
    await page.getByRole('button', { name: `以“三类矿山≤${n}”新建方案并打开` }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/editor'));
    const name = `${W.zh.baseline} · 三类矿山≤${n}`;
    await expect.poll(() => page.locator('#current-scenario option:checked').textContent()).toBe(name);
    await expect.poll(() => page.getByLabel(W.zh.class3).inputValue()).toBe(n);
    await nav(page, 'zh', 'scenarios');
    expect(await scenarioNames(page)).toContain(name);
    console.log(`frontier (14 solves, 1 worker): ${tFrontier} ms`);
  });

  it('sensitivity: each binding constraint re-solved, its value per unit and range in planner sentences', async () => {
    const { page } = suite.app;
    await suite.app.goto('explore/sensitivity', 'zh');
    const t0 = Date.now();
    await page.getByRole('button', { name: '计算敏感性' }).click();
    const table = page.getByRole('table', { name: '起约束作用的限制：每单位价值、对偶值与成立范围' });
    await expect.poll(() => page.locator('.sens-summary').textContent(), { timeout: 60_000 }).toMatch(/求解 \d+ 次，用时/);
    await expect.poll(() => page.locator('.explore-progress').count(), { timeout: 60_000 }).toBe(0);
    const tSens = Date.now() - t0;
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const sentences = await page.locator('ul.sentences li').allTextContents();
    expect(sentences.length).toBe(await rows.count());
    expect(sentences.join('\n')).toMatch(/每(提高|增加)1.*目标值(增加|减少|不变)/);
    console.log(`sensitivity (${await rows.count()} constraints): ${tSens} ms`);
  });

  it('path to 2025: a change limit, a chart per mineral with a line per county, a table and a CSV with BOM', async () => {
    const { page } = suite.app;
    await page.getByLabel('年际变化上限（占该县2020年数值）').fill('25');
    const t0 = Date.now();
    await page.getByRole('button', { name: '计算逐年路径' }).click();
    const result = page.locator('.path-result');
    await result.waitFor({ timeout: 60_000 });
    const tPath = Date.now() - t0;
    // the baseline cannot rise from 2020 to 2025 within 25 % a year for every mineral: the smallest workable share is stated
    expect(await result.getAttribute('data-status')).toBe('limit-too-tight');
    expect(await result.locator('.findings').textContent()).toContain('最少需要');
    await chartDrawn(result);
    const header = await page.locator('table.path-table thead th').allTextContents();
    expect(header.slice(3, 9)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    const sand = page.locator('table.path-table tr[data-county="hetian"][data-mineral="sand"]');
    expect(await sand.count()).toBe(1);

    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出逐年路径 CSV' }).click();
    const bytes = readFileSync((await (await dl).path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('县（市）,县代码,矿种,矿种代码,单位,2020,2021,2022,2023,2024,2025,年际变化上限,最大年际变化');
    expect(lines.some((l) => l.startsWith('和田市及和田县,hetian,建筑用砂,sand,万m³,'))).toBe(true);
    expect(suite.app.errors).toEqual([]);
    console.log(`path (with the solve it needs): ${tPath} ms`);
  });

  it("a sweep's chart is drawn in a worker, running and after, with the page's tooltips; the page draws it where the worker cannot; in both languages", async () => {
    const { page, context } = suite.app;
    await tab('参数扫描').click();
    const shown = page.locator('.sweep-shown');
    const inWorker = page.locator('.sweep-results figure.sweep-worker-chart');
    const drawnByPage = page.locator('.sweep-results .echart > div[data-drawn]');
    const rowsDrawn = async () => Number((await sweepCanvas(page).getAttribute('data-drawn-rows')) ?? 0);

    await startSweep(page, { param: 'rightsCaps.class3', from: 250, to: 5, points: 200, workers: 1 });
    await expect.poll(() => shown.getAttribute('data-state')).toBe('running');
    await expect.poll(rowsDrawn, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const first = await rowsDrawn();
    // it follows the sweep: a later draw has more rows
    await expect.poll(rowsDrawn, { timeout: 60_000 }).toBeGreaterThan(first);
    expect(await shown.getAttribute('data-state')).toBe('running');
    expect(await drawnByPage.count()).toBe(0);
    // a point's figures while the sweep runs
    expect(await tipAt(page, 0.5, 0.5, /最优/)).toMatch(/三类（砂石土）矿山数上限 = [\d,.]+ 个/);
    await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    expect(await tipAt(page, 0.45, 0.5, /Optimal/)).toMatch(/ = [\d,.]+ mines/);
    const title = await sweepCanvas(page).getAttribute('aria-label');
    expect(title).toMatch(/^.+ against “.+”$/);
    await page.getByRole('button', { name: 'Cancel sweep' }).click();
    await expect.poll(() => shown.getAttribute('data-state')).toBe('cancelled');
    // the worker draws the sweep as it stopped, every point done; the page draws no chart
    const done = Number(/(\d+) \/ 200 points/.exec((await page.locator('.sweep-summary').textContent()) ?? '')?.[1] ?? -1);
    expect(done).toBeGreaterThan(first);
    await sweepChartDrawn(page, done);
    expect(await drawnByPage.count()).toBe(0);
    expect(await inWorker.count()).toBe(1);
    expect(await sweepCanvas(page).getAttribute('aria-label')).toBe(title);
    expect(await tipAt(page, 0.55, 0.5, /Optimal/)).toContain('Construction sand volume:');
    await page.mouse.move(0, 0);
    await expect.poll(() => inWorker.locator('.chart-tip').count()).toBe(0);

    // a browser where the worker does not start: the page draws the stored sweep's chart in SVG, and a running sweep's itself
    await context.route('**/sweep-chart.worker*', (route) => route.abort('failed'));
    try {
      await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
      await page.reload();
      await expect.poll(() => shown.getAttribute('data-state')).toBe('cancelled');
      await drawnByPage.scrollIntoViewIfNeeded();
      await expect.poll(() => drawnByPage.locator('svg').count()).toBe(1);
      expect(await drawnByPage.getAttribute('aria-label')).toBe('建筑用砂开采总量随“三类（砂石土）矿山数上限”的变化');
      expect(await inWorker.count()).toBe(0);
      await startSweep(page, { param: 'rightsCaps.class3', from: 250, to: 5, points: 200, workers: 1 });
      await expect.poll(() => shown.getAttribute('data-state')).toBe('running');
      await expect.poll(() => drawnByPage.locator('canvas').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      expect(await shown.getAttribute('data-state')).toBe('running');
      expect(await inWorker.count()).toBe(0);
      await page.getByRole('button', { name: '取消扫描' }).click();
      await expect.poll(() => shown.getAttribute('data-state')).toBe('cancelled');
      await expect.poll(() => drawnByPage.locator('svg').count()).toBe(1);
    } finally {
      await context.unroute('**/sweep-chart.worker*');
    }
  });

  it('a sweep longer than a page: 50 rows at a time in sweep order, the page chosen kept as rows come in, in both languages', async () => {
    const { page } = suite.app;
    await tab('参数扫描').click();
    await startSweep(page, { param: 'rightsCaps.class3', from: 250, to: 191, points: 60, workers: 2 });
    const pager = page.getByRole('navigation', { name: '表格分页' });
    // the second page is asked for while the sweep runs, as soon as there is one, and stays
    await expect.poll(() => page.locator('table.sweep-table tbody tr').count(), { timeout: 60_000 }).toBe(50);
    await pager.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => page.locator('.sweep-shown').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await pager.locator('.pager-place').textContent()).toBe('第 51–60 行，共 60 行');
    const indices = async () => (await page.locator('table.sweep-table tbody tr').evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.index))));
    expect(await indices()).toEqual(Array.from({ length: 10 }, (_, i) => 50 + i));
    expect(await pager.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: '上一页' }).click();
    expect(await pager.locator('.pager-place').textContent()).toBe('第 1–50 行，共 60 行');
    expect(await indices()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(await page.locator('table.sweep-table tbody tr').first().locator('th').first().textContent()).toBe('250');

    const switcher = page.getByRole('group', { name: '界面语言' });
    await switcher.getByRole('button', { name: 'English' }).click();
    const pagerEn = page.getByRole('navigation', { name: 'Table pages' });
    await expect.poll(() => pagerEn.locator('.pager-place').textContent()).toBe('Rows 1–50 of 60');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.locator('.run-row .hint').textContent()).toContain(`${cores} cores here, so ${Math.max(1, Math.min(8, cores - 1))}`);
    await pagerEn.getByRole('button', { name: 'Next page' }).click();
    expect(await pagerEn.locator('.pager-place').textContent()).toBe('Rows 51–60 of 60');
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => pager.locator('.pager-place').textContent()).toBe('第 51–60 行，共 60 行');
    expect(await unnamedControls(page)).toEqual([]);
    expect(suite.app.errors).toEqual([]);
  });
});
