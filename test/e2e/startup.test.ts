/**
 * Start-up in Chromium on the production build (issue 10 item 9): the first
 * page loads no ECharts and gets the solver's wasm compressed; the Results
 * show their KPIs and the map, while the charts below the fold stay undrawn
 * until they are scrolled to, and are drawn then.
 */
import { expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, solve, W } from './steps';

describeE2E('start-up in Chromium', () => {
  const suite = appForSuite({ locale: 'en-US' });

  it('no ECharts at start, the wasm compressed; below-the-fold charts are drawn once scrolled into view', async () => {
    const { page, context } = suite.app;
    const responses: Response[] = [];
    context.on('response', (r) => responses.push(r));
    await suite.app.goto('scenarios', 'en');
    // the solver worker starts while the page is idle: its wasm arrives compressed
    await expect.poll(() => responses.find((r) => r.url().endsWith('.wasm')), { timeout: 30_000 }).toBeTruthy();
    const wasm = responses.find((r) => r.url().endsWith('.wasm')) as Response;
    expect(await wasm.headerValue('content-encoding')).toBe('br');
    expect(wasm.request().url()).not.toMatch(/\.(br|gz)$/);
    const echartsChunk = () => responses.filter((r) => /\/echarts-[^/]*\.js$/.test(r.url()));
    expect(echartsChunk()).toHaveLength(0);

    await createFromPreset(page, 'en', W.en.baseline);
    expect(await solve(page, 'en')).toContain(W.en.solved);
    await page.locator('table.kpis').waitFor();
    // the map, beside the KPIs, is drawn: ECharts was loaded for it
    const map = page.locator('.county-map figure.echart > div[role="img"]');
    await expect.poll(() => map.locator('svg').count(), { timeout: 30_000 }).toBe(1);
    expect(echartsChunk()).toHaveLength(1);

    const charts = page.locator('.charts figure.echart > div[role="img"]');
    const n = await charts.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const drawn = () => charts.evaluateAll((els) => els.map((el) => el.querySelector('svg') !== null));
    // time enough for any chart that was going to draw on its own (one per frame)
    await page.waitForTimeout(1000);
    const far = await charts.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top > window.innerHeight + 200));
    expect(far.every(Boolean), 'the charts sit below the fold at 1366×768').toBe(true);
    expect(await drawn()).toEqual(Array(n).fill(false));

    await charts.first().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await drawn())[0], { timeout: 10_000 }).toBe(true);
    expect(await charts.first().locator('svg text').allTextContents()).not.toEqual([]);
    // the last one, still far below, waits for its turn
    expect(await charts.last().evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 200)).toBe(true);
    expect((await drawn())[n - 1]).toBe(false);
    await charts.last().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await drawn())[n - 1], { timeout: 10_000 }).toBe(true);
    expect(suite.app.errors).toEqual([]);
  });
});
