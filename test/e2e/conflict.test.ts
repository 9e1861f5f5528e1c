/**
 * Saves that do not land must never say "saved" (issue 9 items 1 and 2):
 * two tabs editing one scenario at once keep both edits (fields only one
 * changed merge; a field both changed is put to the planner), and a save the
 * browser refuses (storage full) stops the planner with a notice, offers the
 * scenario file, guards the unload, and saves once storage is back. Import
 * and create-from-preset failures are shown too.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type App, appsPerTest, describeE2E } from '../helpers/browser';
import { nav, openWithBaseline, scenarioNames, W, waitSaved } from './steps';

type Stored = { name: string; revision: number; scenario: { caps?: { sand?: unknown }; rightsCaps?: { class3?: unknown } } };

/** The scenarios as IndexedDB holds them, read beside the app. */
function stored(page: Page): Promise<Stored[]> {
  return page.evaluate(async () => {
    const req = indexedDB.open('quota-workbench');
    const db = await new Promise<IDBDatabase>((ok) => (req.onsuccess = () => ok(req.result)));
    const all = await new Promise<Stored[]>((ok) => {
      const r = db.transaction('scenarios').objectStore('scenarios').getAll();
      r.onsuccess = () => ok(r.result as Stored[]);
    });
    db.close();
    return all;
  });
}

/**
 * Storage that refuses writes while `window.failStorage` is set, as a full
 * disk does: IndexedDB puts and adds throw QuotaExceededError.
 */
async function failableStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { failStorage?: boolean };
    for (const m of ['put', 'add'] as const) {
      const orig = IDBObjectStore.prototype[m];
      IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<typeof orig>) {
        if (w.failStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return orig.apply(this, args);
      };
    }
  });
}

const setFailing = (page: Page, on: boolean) => page.evaluate((v) => ((window as unknown as { failStorage?: boolean }).failStorage = v), on);

/** Whether leaving the page now would ask first (the app's beforeunload handler cancels the event). */
const unloadGuarded = (page: Page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

const saveState = (page: Page) => page.locator('.save-state').getAttribute('data-state');

describeE2E('two tabs and failed saves', () => {
  const { withApp } = appsPerTest();

  /** Two tabs of one browser on the editor of one new baseline scenario, both saved. */
  async function twoTabs(app: App) {
    await openWithBaseline(app, 'en');
    await nav(app.page, 'en', 'editor');
    await waitSaved(app.page);
    const other = await app.context.newPage();
    await other.goto(`${app.base}?lang=en#/editor`);
    await other.waitForSelector('header.topbar');
    await other.getByLabel(W.en.sandCap).waitFor();
    await waitSaved(other);
    return { a: app.page, b: other };
  }

  it('two tabs editing different fields at once: both edits are kept and neither tab loses its write', () =>
    withApp(async (app) => {
      const { a, b } = await twoTabs(app);
      // both typed before either save lands (saves wait 400 ms): the second save starts from a revision already replaced
      await Promise.all([a.getByLabel(W.en.sandCap).fill('1777'), b.getByLabel(W.en.class3).fill('222')]);
      // the refused tab merged the other tab's field into its own edit and said so
      const merged = (p: Page) => p.locator('.notice').filter({ hasText: 'were merged with your edits and saved' });
      await expect.poll(async () => (await merged(a).count()) + (await merged(b).count()), { timeout: 10_000 }).toBe(1);
      for (const p of [a, b]) {
        await expect.poll(() => p.getByLabel(W.en.sandCap).inputValue()).toBe('1777');
        await expect.poll(() => p.getByLabel(W.en.class3).inputValue()).toBe('222');
        await expect.poll(() => saveState(p)).toBe('saved');
      }
      const [rec] = await stored(a);
      expect(rec?.scenario.caps?.sand).toBe(1777);
      expect(rec?.scenario.rightsCaps?.class3).toBe(222);
      // created at 0, one save landed, the merge of the refused one on top of it
      expect(rec?.revision).toBe(2);
    }),
  );

  it('two tabs changing the same field: the refused tab shows both values, says not saved, and saves the chosen one', () =>
    withApp(async (app) => {
      const { a, b } = await twoTabs(app);
      await Promise.all([a.getByLabel(W.en.class3).fill('233'), b.getByLabel(W.en.class3).fill('211')]);
      const dialogOf = (p: Page) => p.getByTestId('save-conflict');
      await expect.poll(async () => (await dialogOf(a).count()) + (await dialogOf(b).count()), { timeout: 10_000 }).toBe(1);
      const [loser, winner] = (await dialogOf(a).count()) === 1 ? [a, b] : [b, a];
      const mine = loser === a ? '233' : '211';
      const theirs = loser === a ? '211' : '233';
      // the winner's save landed and says so; the loser's did not and does not
      expect(await saveState(winner)).toBe('saved');
      expect(await saveState(loser)).toBe('conflict');
      expect(await loser.locator('.save-state').textContent()).toBe('Conflict: not saved');
      expect(String((await stored(a))[0]?.scenario.rightsCaps?.class3)).toBe(theirs);

      const row = dialogOf(loser).locator('tr[data-path="$.rightsCaps.class3"]');
      expect(await row.locator('th').textContent()).toBe(`${W.en.class3}$.rightsCaps.class3`);
      expect(await row.locator('td').allTextContents()).toEqual([` ${mine}`, ` ${theirs}`]);
      expect(await dialogOf(loser).locator('tbody tr').count()).toBe(1);
      // the planner keeps this tab's value
      await dialogOf(loser).getByRole('radio', { name: 'Keep yours ($.rightsCaps.class3)' }).check();
      await dialogOf(loser).getByRole('button', { name: 'Save these choices' }).click();
      await expect.poll(() => dialogOf(loser).count()).toBe(0);
      for (const p of [a, b]) {
        await expect.poll(() => saveState(p)).toBe('saved');
        await expect.poll(() => p.getByLabel(W.en.class3).inputValue()).toBe(mine);
      }
      expect(String((await stored(a))[0]?.scenario.rightsCaps?.class3)).toBe(mine);
    }),
  );

  it('a save the browser refuses blocks with a notice, offers the file, guards the unload, and saves once storage is back', () =>
    withApp(async (app) => {
      const { page } = app;
      await failableStorage(app.context);
      await openWithBaseline(app, 'en');
      await nav(page, 'en', 'editor');
      await waitSaved(page);
      expect(await unloadGuarded(page)).toBe(false);

      await setFailing(page, true);
      await page.getByLabel(W.en.sandCap).fill('1234');
      const notice = page.getByRole('alertdialog', { name: 'Your edit could not be saved' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('QuotaExceededError');
      expect(await saveState(page)).toBe('error');
      expect(await unloadGuarded(page)).toBe(true);
      // modal: the page behind it does not take input
      expect(await page.evaluate(() => document.querySelector('dialog.modal')?.matches(':modal'))).toBe(true);

      const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the scenario file' }).click()]);
      const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { caps?: { sand?: unknown } };
      expect(file.caps?.sand).toBe(1234);

      // a solve that fails now does not claim the edit is kept
      await notice.getByRole('button', { name: 'Keep editing' }).click();
      await page.getByRole('button', { name: W.en.solve, exact: true }).click();
      const solveError = page.locator('.solve-bar .error');
      await solveError.waitFor({ timeout: 60_000 });
      expect(await solveError.textContent()).toContain('NOT saved');
      expect(await page.locator('.notice').allTextContents()).not.toContainEqual(expect.stringContaining('everything you entered is kept'));
      expect(String((await stored(page))[0]?.scenario.caps?.sand)).not.toBe('1234');

      // storage is back: the planner reopens the notice from the label and tries again
      await setFailing(page, false);
      await page.locator('.save-state').click();
      await notice.getByRole('button', { name: 'Try saving again' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      await expect.poll(() => saveState(page)).toBe('saved');
      expect((await stored(page))[0]?.scenario.caps?.sand).toBe(1234);
      expect(await unloadGuarded(page)).toBe(false);
    }),
  );

  it('an invalid import file and imports or presets the store refuses show an error, and change nothing', () =>
    withApp(async (app) => {
      const { page } = app;
      await failableStorage(app.context);
      await openWithBaseline(app, 'en');

      await page.getByLabel(W.en.importFile).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
      await page.getByRole('alert').filter({ hasText: 'broken.json' }).waitFor();

      await setFailing(page, true);
      await page.getByRole('button', { name: W.en.createFrom(W.en.redLine) }).click();
      await page.locator('.notice-error').filter({ hasText: `Could not create the scenario “${W.en.redLine}”: QuotaExceededError` }).waitFor();

      const good = { format: 'quota-scenario/1', name: 'Imported', model: 'hotan-2021-2025', caps: { sand: 1500 } };
      await page.getByLabel(W.en.importFile).setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await page.locator('.notice-error').filter({ hasText: 'Could not import good.json: QuotaExceededError' }).waitFor();
      expect(await scenarioNames(page)).toEqual([W.en.baseline]);

      // with storage back, the same file imports
      await setFailing(page, false);
      await page.getByLabel(W.en.importFile).setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await expect.poll(() => scenarioNames(page)).toEqual([W.en.baseline, 'Imported']);
    }),
  );
});
