/**
 * What a closed tab, a reload or a dying worker must not lose or hide: an edit
 * typed just before the tab closes is there when the workbench is opened again;
 * a solve cut short by a reload is reported on the next load with an offer to
 * solve again; a worker that dies in the middle of a solve is reported as a
 * crash by its `error` event, not later by the watchdog.
 */
import { expect, it } from 'vitest';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { nav, openWithBaseline, solve, W, waitSaved } from './steps';

const WORKER = '**/assets/worker-*.js';
const NO_STORE = { 'cache-control': 'no-store' };

describeE2E('closing, reloading and a dying worker', () => {
  const { withApp } = appsPerTest();

  it('an edit typed just before the tab closes is there when the workbench is opened again', () =>
    withApp(async (app) => {
      await openWithBaseline(app, 'zh');
      await nav(app.page, 'zh', 'editor');
      await app.page.getByLabel(W.zh.sandCap).fill('1777');
      // closed well within the save delay: only the flush on pagehide and the Web Storage copy can keep it
      await app.page.close({ runBeforeUnload: true });

      const page = await app.context.newPage();
      await page.goto(`${app.base}?lang=zh#/editor`);
      await page.waitForSelector('header.topbar');
      await expect.poll(() => page.getByLabel(W.zh.sandCap).inputValue()).toBe('1777');
      await waitSaved(page);
      // the kept copy is dropped once the database has the draft
      await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('quota-workbench.unsaved.')))).toEqual([]);
      // and it is in the database: a second reload shows it too
      await page.reload();
      await expect.poll(() => page.getByLabel(W.zh.sandCap).inputValue()).toBe('1777');
      expect(app.errors).toEqual([]);
    }),
  );

  it('a solve cut short by a reload is reported on the next load, with an offer to solve again', () =>
    withApp(async (app) => {
      const { page, context } = app;
      // a worker that never answers, as a long solve would
      await context.route(WORKER, (route) => route.fulfill({ contentType: 'text/javascript', headers: NO_STORE, body: 'self.onmessage = () => {};' }));
      await openWithBaseline(app, 'en');
      await nav(page, 'en', 'editor');
      await page.getByRole('button', { name: W.en.solve, exact: true }).click();
      await page.getByRole('progressbar', { name: 'Solving' }).waitFor();
      // the reloaded page starts its solver at once (warm-up): it gets the real one
      await context.unroute(WORKER);
      await page.reload();
      await page.waitForSelector('header.topbar');

      const notice = page.locator('.notice').filter({ hasText: `The solve of “${W.en.baseline}” was interrupted by the page reload` });
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Solve again' }).click();
      const done = page.locator('.solve-bar .ok, .solve-bar .error');
      await done.first().waitFor({ timeout: 60_000 });
      expect(await done.first().textContent()).toContain(W.en.solved);

      // a normal reload after that says nothing about an interrupted solve
      await page.reload();
      await page.waitForSelector('header.topbar');
      await page.locator('#current-scenario').waitFor();
      expect(await page.locator('.notice').filter({ hasText: 'interrupted' }).count()).toBe(0);
    }),
  );

  it('a worker that dies during a solve is reported as a crash by its error event, not by the watchdog', () =>
    withApp(async (app) => {
      const { page, context } = app;
      // takes the solve and never answers; dies (an uncaught error) when the test says so
      const body = `
        self.calls = [];
        self.onmessage = (e) => self.calls.push(String(e.data && e.data.path));
        new BroadcastChannel('solver-test').onmessage = () => { throw new Error('solver died mid-solve'); };
      `;
      await context.route(WORKER, (route) => route.fulfill({ contentType: 'text/javascript', headers: NO_STORE, body }));
      await openWithBaseline(app, 'zh');
      await nav(page, 'zh', 'editor');
      await page.getByLabel(W.zh.sandCap).fill('1900');
      await waitSaved(page);
      await page.getByRole('button', { name: W.zh.solve, exact: true }).click();
      await page.getByRole('progressbar', { name: '正在求解' }).waitFor();
      // the worker has the solve, nothing is reported yet; then it dies
      await expect.poll(() => page.workers()[0]?.evaluate(() => (self as unknown as { calls: string[] }).calls)).toContain('solveScenario');
      expect(await page.locator('.solve-bar .error').count()).toBe(0);
      await page.evaluate(() => new BroadcastChannel('solver-test').postMessage('die'));
      const error = page.locator('.solve-bar .error');
      await error.waitFor({ timeout: 10_000 }); // the watchdog would take 75 s
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('solver worker crashed: ');
      expect(text).toContain('solver died mid-solve');
      expect(text).not.toContain('没有响应');
      expect(await page.getByRole('progressbar').count()).toBe(0);
      expect(await page.getByLabel(W.zh.sandCap).inputValue()).toBe('1900');

      await context.unroute(WORKER);
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
    }),
  );
});
