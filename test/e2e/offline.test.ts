/**
 * Offline: after one visit online every page, Explore included, opens and
 * solves with the network off (the service worker stores every file of the
 * build when it installs, plus IndexedDB). A page whose chunk fails to load
 * says so with Retry, and the rest of the app goes on working.
 */
import { expect, it } from 'vitest';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, openWithBaseline, solve, W, waitSaved } from './steps';

// by path: a retry may ask for the chunk with a query
const EXPLORE_CHUNK = (url: URL) => /\/assets\/ExplorePage-[\w-]+\.js$/.test(url.pathname);

describeE2E('offline in Chromium', () => {
  const { withApp } = appsPerTest();

  it('after one visit, every page (Explore included) reloads, edits, solves and compares with the network off', () =>
    withApp(async (app) => {
      const { page, context } = app;
      await openWithBaseline(app, 'zh');
      await createFromPreset(page, 'zh', W.zh.redLine);
      // the build's cache holds every chunk the app can load, not only those this visit used
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const stored = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((k) => k.startsWith('quota-workbench-'));
        const keys = names.length === 1 ? await (await caches.open(names[0]!)).keys() : [];
        return { names, files: keys.map((r) => new URL(r.url).pathname.replace(/-[\w-]{8}\.(js|css|wasm)$/, '.$1')) };
      });
      expect(stored.names).toHaveLength(1);
      expect(stored.files).toEqual(
        expect.arrayContaining(['/', '/assets/ExplorePage.js', '/assets/ComparePage.js', '/assets/ExportPage.js', '/assets/ResultsPage.js', '/assets/worker.js', '/assets/glpk.wasm', '/favicon.svg']),
      );

      await context.setOffline(true);
      try {
        await page.reload();
        await expect.poll(() => page.locator('#current-scenario option').allTextContents()).toEqual([W.zh.baseline, W.zh.redLine]);
        // Explore was never opened online
        await page.getByRole('navigation').getByRole('link', { name: '探索', exact: true }).click();
        await page.getByRole('tab', { name: '参数扫描' }).waitFor();
        await nav(page, 'zh', 'editor');
        await page.getByLabel(W.zh.sandCap).fill('1500');
        await waitSaved(page);
        expect(await solve(page, 'zh')).toContain(W.zh.solved);
        await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
        await page.locator('#current-scenario').selectOption({ label: W.zh.baseline });
        expect(await solve(page, 'zh')).toContain(W.zh.solved);
        await nav(page, 'zh', 'compare');
        await page.locator('.compare-view').waitFor();
        await nav(page, 'zh', 'export');
        await page.getByRole('button', { name: W.zh.csv }).waitFor();
        await nav(page, 'zh', 'plan');
        await page.locator('#plan-table23').waitFor();
        expect(await page.locator('.load-failed').count()).toBe(0);
      } finally {
        await context.setOffline(false);
      }
    }, { serviceWorkers: 'allow' }),
  );

  it('a page whose chunk fails to load shows the error with Retry; other pages work meanwhile, and Retry loads it', () =>
    withApp(async (app) => {
      const { page, context } = app;
      await context.route(EXPLORE_CHUNK, (route) => route.abort('internetdisconnected'));
      await openWithBaseline(app, 'en');
      await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
      const failed = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
      await failed.waitFor();
      expect(await page.getByText('Loading…').count()).toBe(0);

      // the router is not stuck: every other page opens and the app solves
      await nav(page, 'en', 'plan');
      await page.locator('#plan-table23').waitFor();
      await nav(page, 'en', 'editor');
      expect(await solve(page, 'en')).toContain(W.en.solved);
      await nav(page, 'en', 'results');
      await page.getByRole('table', { name: W.en.countyTable }).waitFor();

      // still failing: Retry says so again
      await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
      await failed.waitFor();
      await page.getByRole('button', { name: 'Retry' }).click();
      await failed.waitFor();

      await context.unroute(EXPLORE_CHUNK);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('tab', { name: 'Sweep' }).waitFor();
      expect(await failed.count()).toBe(0);
      await nav(page, 'en', 'compare');
      await page.getByRole('heading', { name: 'Compare' }).waitFor();
    }),
  );
});
