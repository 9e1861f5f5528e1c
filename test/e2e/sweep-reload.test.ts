/**
 * A reload in the middle of a sweep (issue 9 item 9): every point the page
 * showed as solved before the reload is in the database afterwards, and the
 * sweep reads as interrupted (in Chinese and in English), not as running.
 *
 * The sweep is the sand cap over 40 points on two workers: points keep coming
 * while the test reads the ones shown and reloads, so a point shown but not
 * yet written would be caught.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, describeE2E, readStore } from '../helpers/browser';
import { openWithBaseline, startSweep } from './steps';

/** Indices of the points stored for a sweep, read from IndexedDB directly. */
async function storedIndices(page: Page, sweepId: string): Promise<number[]> {
  const points = await readStore<{ index: number }[]>(page, { store: 'sweepPoints', index: 'sweepId', value: sweepId });
  return points.map((p) => p.index).sort((a, b) => a - b);
}

describeE2E('reload during a sweep', () => {
  const suite = appForSuite();

  it('keeps every point shown before the reload and marks the sweep interrupted, in zh and en', async () => {
    const { page } = suite.app;
    await openWithBaseline(suite.app, 'zh');
    await suite.app.goto('explore/sweep', 'zh');
    await startSweep(page, { param: 'caps.sand', from: 1000, to: 2500, points: 40, workers: 2 });

    const rows = page.locator('table.sweep-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const sweepId = (await page.locator('.sweep-shown').getAttribute('data-sweep')) ?? '';
    expect(await page.locator('.sweep-shown').getAttribute('data-state')).toBe('running');
    const shown = (await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.index)))).sort((a, b) => a - b);
    await page.reload();
    await page.waitForSelector('header.topbar');

    await page.locator(`.sweep-shown[data-sweep="${sweepId}"]`).waitFor();
    await expect.poll(() => page.locator('.sweep-shown').getAttribute('data-state'), { timeout: 10_000 }).toBe('interrupted');
    const stored = await storedIndices(page, sweepId);
    expect(stored).toEqual(expect.arrayContaining(shown));
    expect(stored.length).toBeLessThan(40);
    // the page shows what the database holds, as interrupted, and nothing runs
    await expect.poll(() => rows.count()).toBe(stored.length);
    expect(await page.locator('.sweep-summary').textContent()).toContain(`${stored.length} / 40 个点`);
    expect(await page.locator('.sweep-summary .sweep-state').textContent()).toBe('未完成（页面已关闭）');
    expect(await page.locator('.sweep-summary').textContent()).toContain('页面关闭时尚未完成，保留已完成的点');
    expect(await page.locator('.explore-progress').count()).toBe(0);
    expect(await page.getByLabel('已保存的扫描').locator('option:checked').textContent()).toContain('未完成（页面已关闭）');
    // an interrupted sweep can be deleted like a finished one
    expect(await page.getByRole('button', { name: '删除此扫描' }).count()).toBe(1);

    await suite.app.goto('explore/sweep', 'en');
    await page.locator(`.sweep-shown[data-sweep="${sweepId}"][data-state="interrupted"]`).waitFor();
    expect(await page.locator('.sweep-summary .sweep-state').textContent()).toBe('interrupted');
    expect(await page.locator('.sweep-summary').textContent()).toContain(`${stored.length} / 40 points`);
    expect(await page.locator('.sweep-summary').textContent()).toContain('the page closed before it finished; the points done are kept');
    expect(await storedIndices(page, sweepId)).toEqual(stored);
    // offline.ts reads `waiting` of the registration that Chromium gives as undefined with service workers blocked: not this test's subject
    expect(suite.app.errors.filter((e) => !e.includes("reading 'waiting'"))).toEqual([]);
  });
});
