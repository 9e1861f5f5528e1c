/**
 * The Results page answers "what does each county get, against 2020?" in
 * Chromium, in Chinese and English, on the baseline: the county × mineral
 * matrix (2020 | 2025 recommended | change for every county, totals equal to
 * the report's), the recommendation named as such, the objective with its
 * unit, the page using the width at 1366 and 1920 px without a horizontal
 * scroll, and the binding table's worth equal to Explore › Sensitivity's.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, solve, W, type Lang } from './steps';

const WORDS = {
  zh: {
    matrix: '各县（市）× 矿种：2020年产量（估算）*、2025年推荐开采量及其变化',
    subHeaders: ['2020年*', '2025年推荐值', '变化'],
    recommended: '推荐值（2025年）',
    objective: /目标函数值 [\d,.]+ 万元/,
    measure: '测算放宽的价值（重新求解）',
    measured: '放宽的价值已由重新求解测得（与“探索 › 敏感性”相同）。',
    sensTable: '起约束作用的限制：每单位价值、对偶值与成立范围',
  },
  en: {
    matrix: 'County × mineral: 2020 output (estimate)*, recommended 2025 output and the change',
    subHeaders: ['2020*', '2025 recommended', 'Change'],
    recommended: 'Recommended (2025)',
    objective: /objective [\d,.]+ 10⁴ yuan/,
    measure: 'Measure what relaxing each is worth (re-solves)',
    measured: 'What relaxing each is worth was measured by re-solving (as in Explore › Sensitivity).',
    sensTable: 'Constraints at their limit: value per unit, dual value and range',
  },
} as const;

/** A figure as the page prints it (thousands separators, + or −). */
const figure = (s: string | null) => Number((s ?? '').replace(/[,+]/g, '').replace('−', '-'));

/** The objective change a worth sentence states, in 万元 per unit (0 when unchanged). */
function stated(text: string): number {
  const m = /(?:增加|减少|objective [+−]) ?([\d,.]+)/.exec(text);
  if (m) return figure(m[1] ?? '');
  expect(text).toMatch(/目标值不变|objective unchanged/);
  return 0;
}

/** Horizontal overflow of the page, and of the matrix inside its own scroller. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const box = document.querySelector('.matrix-scroll') as HTMLElement;
    return { page: doc.scrollWidth - doc.clientWidth, matrix: box.scrollWidth - box.clientWidth };
  });
}

const rect = (page: Page, sel: string) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);

describeE2E('county view on the Results page in Chromium', () => {
  const suite = appForSuite();

  for (const lang of ['zh', 'en'] as Lang[])
    it(`[${lang}] matrix against 2020, labels and units, the width used, binding worth as measured by the sensitivity`, async () => {
      const { app } = suite;
      const { page } = app;
      const w = WORDS[lang];
      await page.setViewportSize({ width: 1366, height: 768 });
      await app.goto('scenarios', lang);
      await createFromPreset(page, lang, W[lang].baseline);
      expect(await solve(page, lang)).toContain(W[lang].solved);
      await page.waitForFunction(() => location.hash === '#/results');

      // the matrix: every county row has 2020, 2025 and change for each mineral it has
      const matrix = page.getByRole('table', { name: w.matrix });
      await matrix.waitFor();
      expect((await matrix.locator('thead tr').nth(1).locator('th').allTextContents()).slice(0, 3)).toEqual(w.subHeaders);
      const counties = matrix.locator('tbody tr[data-county]');
      expect(await counties.count()).toBeGreaterThanOrEqual(7);
      for (const row of await counties.all()) {
        if ((await row.getAttribute('data-county')) === 'prefecture') continue;
        const minerals = await row.locator('td.y2025:not(.none)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.mineral ?? ''));
        expect(minerals.length).toBeGreaterThan(0);
        for (const m of minerals)
          for (const cls of ['y2020', 'y2025', 'change']) expect(figure(await row.locator(`td.${cls}[data-mineral="${m}"]`).evaluate((td) => td.firstChild?.textContent ?? ''))).not.toBeNaN();
      }
      // totals: the report's (as the detail table's total rows show them), and the sum of the county cells
      const detail = page.getByRole('table', { name: W[lang].countyTable });
      for (const m of ['sand', 'clay', 'limestone', 'gypsum', 'jade']) {
        const total = figure(await matrix.locator(`tr[data-total] td.y2025[data-mineral="${m}"]`).evaluate((td) => td.firstChild?.textContent ?? ''));
        expect(total).toBe(figure(await detail.locator(`tr[data-total="${m}"] td.volume`).textContent()));
        const cells = await matrix.locator(`tbody tr[data-county] td.y2025[data-mineral="${m}"]:not(.none)`).evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent ?? ''));
        expect(Math.abs(cells.map(figure).reduce((a, x) => a + x, 0) - total)).toBeLessThan(0.01 * cells.length + 1e-9);
      }

      // the solution column says it is the recommendation; the objective has its unit
      expect(await page.locator('table.kpis thead th').allTextContents()).toContain(w.recommended);
      expect(await page.locator('.results-view').textContent()).not.toMatch(/规划值|Plan value/);
      expect(await page.locator('.summary').textContent()).toMatch(w.objective);

      // 1366 px: no horizontal scroll, the matrix whole; KPIs beside the map below it
      expect(await overflow(page)).toEqual({ page: 0, matrix: 0 });
      const [m1366, k1366, map1366] = await Promise.all([rect(page, '.area-matrix'), rect(page, '.area-kpis'), rect(page, '.area-map')]);
      expect(k1366.top).toBeGreaterThanOrEqual(m1366.bottom - 1);
      expect(map1366.left).toBeGreaterThanOrEqual(k1366.right);
      // 1920 px: the matrix beside the KPIs
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expect.poll(async () => (await rect(page, '.area-kpis')).left).toBeGreaterThanOrEqual((await rect(page, '.area-matrix')).right);
      expect((await rect(page, '.area-kpis')).top).toBeLessThan((await rect(page, '.area-matrix')).bottom);
      expect(await overflow(page)).toEqual({ page: 0, matrix: 0 });
      await page.setViewportSize({ width: 1366, height: 768 });

      // what relaxing each cap is worth: measured by the same re-solves as Explore › Sensitivity, and the same figures
      await page.getByRole('button', { name: w.measure }).click();
      await page.getByText(w.measured).waitFor({ timeout: 180_000 });
      const caps = ['cap[gypsum]', 'cap[clay]', 'cap[limestone]', 'cap[jade]'];
      const worth = new Map<string, { loosen: number; tighten: number }>();
      for (const c of caps) {
        const row = page.locator(`table.binding tr[data-constraint="${c}"]`);
        worth.set(c, { loosen: stated((await row.locator('.loosen').textContent()) ?? ''), tighten: stated((await row.locator('.tighten').textContent()) ?? '') });
      }
      await page.evaluate(() => (location.hash = '#/explore/sensitivity'));
      const sens = page.getByRole('table', { name: w.sensTable });
      await sens.waitFor();
      for (const c of caps) {
        // a cap (≤) is loosened upwards: the tab's "up" column; tightened: its "down" column, per unit of the bound
        const [up, down] = await sens.locator(`tr[data-constraint="${c}"] td`).evaluateAll((tds) => [tds[1]?.textContent ?? '', tds[2]?.textContent ?? '']);
        const lead = (s: string) => figure(/^-?[\d,.]+/.exec(s)?.[0] ?? 'NaN');
        expect({ c, ...worth.get(c) }).toEqual({ c, loosen: Math.abs(lead(up ?? '')), tighten: Math.abs(lead(down ?? '')) });
      }
      // gypsum: demand equals the cap, so a unit more earns nothing while the dual (the LP with the mines fixed) says 157
      expect(worth.get('cap[gypsum]')?.loosen).toBe(0);
      expect(app.errors).toEqual([]);
    }, 300_000);
});
