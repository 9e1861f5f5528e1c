/** After one visit online, the whole workbench opens and solves offline (service worker copy + IndexedDB). */
import { expect, it } from 'vitest';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, solve, waitSaved, W } from './steps';

describeE2E('offline in Chromium', () => {
  const suite = appForSuite({ serviceWorkers: 'allow' });

  it('reloads, edits, solves and compares with the network off', async () => {
    const { page, context } = suite.app;
    await suite.app.goto('scenarios', 'zh');
    await createFromPreset(page, 'zh', W.zh.baseline);
    await createFromPreset(page, 'zh', W.zh.redLine);
    // the offline copy holds the page, the lazily loaded views, the solver worker and its wasm
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const c = await caches.open('quota-workbench-v1');
            return (await c.keys()).map((r) => new URL(r.url).pathname.replace(/-[\w-]{8}\.(js|css|wasm)$/, '.$1'));
          }),
        { timeout: 30_000 },
      )
      .toEqual(expect.arrayContaining(['/', '/assets/CompareView.js', '/assets/ExportPanel.js', '/assets/ResultsView.js', '/assets/worker.js', '/assets/glpk.wasm']));

    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.locator('#current-scenario option').allTextContents()).toEqual([W.zh.baseline, W.zh.redLine]);
      await nav(page, 'zh', 'editor');
      await page.getByLabel(W.zh.sandCap).fill('1500');
      await waitSaved(page);
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
      await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
      await page.locator('#current-scenario').selectOption({ label: W.zh.baseline });
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
      await nav(page, 'zh', 'compare');
      await page.locator('.compare-view').waitFor();
      await nav(page, 'zh', 'plan');
      await page.locator('#plan-table23').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});
