/**
 * Screenshots for the README: the results page and the comparison page, at
 * 1366×768, in Chinese. Runs only when SCREENSHOTS_DIR is set, e.g.
 *   SCREENSHOTS_DIR=docs/screenshots npx vitest run test/e2e/screenshots.test.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, HAS_CHROMIUM } from '../helpers/browser';
import { createFromPreset, nav, solve, W } from './steps';

const DIR = process.env.SCREENSHOTS_DIR;

describe.skipIf(!DIR || !HAS_CHROMIUM)('README screenshots (written when SCREENSHOTS_DIR is set)', () => {
  const suite = appForSuite();

  it('results and compare pages', async () => {
    const out = resolve(DIR ?? '.');
    mkdirSync(out, { recursive: true });
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'zh');
    await createFromPreset(page, 'zh', W.zh.baseline);
    await solve(page, 'zh');
    await nav(page, 'zh', 'scenarios');
    await createFromPreset(page, 'zh', '严格整合');
    await solve(page, 'zh');
    await page.locator('#current-scenario').selectOption({ label: W.zh.baseline });
    // notices would cover the page
    const close = page.locator('.notices button[aria-label="关闭"]');
    while ((await close.count()) > 0) await close.first().click();
    await nav(page, 'zh', 'results');
    await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    await page.waitForTimeout(1500); // charts finish their animation
    await page.screenshot({ path: resolve(out, 'results.png') });
    await nav(page, 'zh', 'compare');
    await page.locator('.compare-view').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: resolve(out, 'compare.png') });
    for (const file of ['results.png', 'compare.png']) {
      const png = readFileSync(resolve(out, file));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000); // a page with tables and charts, not a blank frame
    }
  });
});
