/**
 * A solver worker that ends without an error event (killed by the browser,
 * out of memory, a crashed process) is reported at once as a crash through
 * its lifeline lock, not after the watchdog's time limit plus grace, and the
 * next solve runs on a fresh worker. The test ends the real worker from the
 * page the moment the solve is posted to it, which fires no event.
 */
import { expect, it } from 'vitest';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { nav, openWithBaseline, solve, W } from './steps';

// before the app runs: keep the solver workers and end one when it is handed a solve (armed by the test)
const KILL_ON_SOLVE = `
  const Native = window.Worker;
  window.__killOnSolve = false;
  window.Worker = class extends Native {
    postMessage(message, transfer) {
      super.postMessage(message, transfer);
      if (window.__killOnSolve && message && Array.isArray(message.path) && message.path[0] === 'solveScenario') {
        window.__killOnSolve = false;
        this.terminate();
      }
    }
  };
`;

describeE2E('a dying solver worker in Chromium', () => {
  const { withApp } = appsPerTest();

  it('a worker that ends silently mid-solve is reported as a crash, not by the watchdog, and the next solve runs', () =>
    withApp(async (app) => {
      const { page, context } = app;
      await context.addInitScript(KILL_ON_SOLVE);
      await openWithBaseline(app, 'en');
      await nav(page, 'en', 'editor');
      // the warmed-up worker holds its lifeline and the page waits on it
      await expect
        .poll(() => page.evaluate(async () => (await navigator.locks.query()).pending?.some((l) => l.name?.startsWith('quota-workbench-solver-')) ?? false), { timeout: 30_000 })
        .toBe(true);

      await page.evaluate(() => ((window as unknown as { __killOnSolve: boolean }).__killOnSolve = true));
      await page.getByRole('button', { name: W.en.solve, exact: true }).click();
      // within the default wait, well short of the watchdog (60 s limit + 15 s)
      const error = page.locator('.solve-bar .error');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('solver worker crashed: it stopped without reporting an error');
      expect(text).not.toContain('did not answer');
      expect(await page.getByRole('progressbar').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __killOnSolve: boolean }).__killOnSolve)).toBe(false);

      expect(await solve(page, 'en')).toContain(W.en.solved);
      await page.getByRole('table', { name: W.en.countyTable }).waitFor();
    }),
  );
});
