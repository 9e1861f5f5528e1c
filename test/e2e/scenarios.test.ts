/** The Scenarios page and the editor's storage in a real browser: every change is in IndexedDB and survives a reload. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeE2E, launchApp, serve, type App, type Server } from '../helpers/browser';
import { createFromPreset, nav, scenarioNames, waitSaved, W, type Lang } from './steps';

describeE2E('scenarios in Chromium', () => {
  let server: Server;
  let app: App;
  beforeAll(async () => {
    server = await serve();
  });
  beforeEach(async () => {
    await app?.close();
    app = await launchApp(server); // a fresh profile: an empty database
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`[${lang}] creates from a preset, renames, duplicates, deletes with undo, and a reload keeps it all`, async () => {
      const { page } = app;
      const w = W[lang];
      await app.goto('scenarios', lang);
      expect(await scenarioNames(page)).toEqual([]);
      await createFromPreset(page, lang, w.baseline);
      await createFromPreset(page, lang, w.redLine);
      expect(await scenarioNames(page)).toEqual([w.baseline, w.redLine]);

      // rename: the inline form, Enter saves
      await page.getByRole('button', { name: w.rename(w.baseline) }).click();
      const input = page.getByRole('textbox', { name: w.newName });
      await input.fill('砂石 1800');
      await input.press('Enter');
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', w.redLine]);

      await page.getByRole('button', { name: w.duplicate('砂石 1800') }).click();
      const copy = lang === 'zh' ? '砂石 1800（副本）' : '砂石 1800 (copy)';
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', w.redLine, copy]);
      // the copy becomes the current scenario (a moment after it is listed: the list and the choice are two updates)
      await expect.poll(() => page.locator('#current-scenario option:checked').textContent()).toBe(copy);

      // delete, then Undo from the notice
      await page.getByRole('button', { name: w.del(w.redLine) }).click();
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', copy]);
      await page.getByRole('status').getByRole('button', { name: w.undo }).click();
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', w.redLine, copy]);

      // delete for good from the user's point of view (kept for restore in "recently deleted")
      await page.getByRole('button', { name: w.del(copy) }).click();
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', w.redLine]);

      await page.reload();
      await expect.poll(() => scenarioNames(page)).toEqual(['砂石 1800', w.redLine]);
      expect(await page.locator('details.deleted summary').textContent()).toContain('1');
      expect(app.errors).toEqual([]);
    });
  }

  it('rejects an invalid scenario file, listing each field by its label with the reason, and changes nothing', async () => {
    const { page } = app;
    await app.goto('scenarios', 'zh');
    await createFromPreset(page, 'zh', W.zh.baseline);
    const bad = {
      format: 'quota-scenario/1',
      name: '坏文件',
      model: 'hotan-2021-2025',
      caps: { sand: -5 },
      excludedZones: ['Z1'],
      timeLimitSec: 'sixty',
    };
    await page.getByLabel(W.zh.importFile).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const box = page.getByTestId('import-problems');
    await box.waitFor();
    const fields = await box.locator('tbody td:first-child').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['建筑用砂开采总量上限（万m³/年）', '排除的集中开采区', '求解时限（秒）']));
    expect(await box.textContent()).toContain('bad.json');
    expect(await box.textContent()).toContain('未做任何更改');
    expect(await scenarioNames(page)).toEqual([W.zh.baseline]);

    // ids the model does not know are caught too
    const unknown = { format: 'quota-scenario/1', name: '未知区', model: 'hotan-2021-2025', excludedZones: ['Z99'] };
    await page.getByLabel(W.zh.importFile).setInputFiles({ name: 'unknown.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknown)) });
    await expect.poll(() => box.locator('tbody tr').allTextContents()).toEqual(['排除的集中开采区模型中没有集中开采区“Z99”。']);

    await page.getByLabel(W.zh.importFile).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => box.locator('tbody td:first-child').allTextContents()).toEqual(['方案文件']);
    expect(await scenarioNames(page)).toEqual([W.zh.baseline]);

    // a valid file is imported (a UTF-8 BOM, as Excel-era tools write, is fine)
    const good = { format: 'quota-scenario/1', name: '导入的方案', model: 'hotan-2021-2025', caps: { sand: 1500 } };
    await page.getByLabel(W.zh.importFile).setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('\uFEFF' + JSON.stringify(good)) });
    await expect.poll(() => scenarioNames(page)).toEqual([W.zh.baseline, '导入的方案']);
    expect(await box.count()).toBe(0);
  });

  it('exports a scenario as JSON that imports back unchanged', async () => {
    const { page } = app;
    await app.goto('scenarios', 'en');
    await createFromPreset(page, 'en', W.en.redLine);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: W.en.exportJson(W.en.redLine) }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Ecological_red_line.scenario.json');
    const text = readFileSync((await file.path()) ?? '', 'utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 2)).toEqual(['format', 'name']);
    expect(json.name).toBe(W.en.redLine);
    expect(Array.isArray(json.excludedZones)).toBe(true);

    await page.getByLabel(W.en.importFile).setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => scenarioNames(page)).toEqual([W.en.redLine, `${W.en.redLine} (2)`]);
    const again = await page.evaluate(async () => {
      const req = indexedDB.open('quota-workbench');
      const db = await new Promise<IDBDatabase>((ok) => (req.onsuccess = () => ok(req.result)));
      const all = await new Promise<{ name: string; scenario: Record<string, unknown> }[]>((ok) => {
        const r = db.transaction('scenarios').objectStore('scenarios').getAll();
        r.onsuccess = () => ok(r.result as { name: string; scenario: Record<string, unknown> }[]);
      });
      db.close();
      return all;
    });
    const [first, second] = [again.find((s) => s.name === W.en.redLine), again.find((s) => s.name !== W.en.redLine)];
    expect({ ...second?.scenario, name: W.en.redLine }).toEqual(first?.scenario);
  });

  it('saves edits as they are typed: a reload and a second tab see them, invalid text included', async () => {
    const { page, context } = app;
    await app.goto('scenarios', 'zh');
    await createFromPreset(page, 'zh', W.zh.baseline);
    await nav(page, 'zh', 'editor');
    await page.getByLabel(W.zh.sandCap).fill('1800');
    await waitSaved(page);

    const other = await context.newPage();
    await other.goto(`${app.base}?lang=zh#/editor`);
    await expect.poll(() => other.getByLabel(W.zh.sandCap).inputValue()).toBe('1800');

    // an edit in one tab shows in the other without a reload
    await page.getByLabel(W.zh.sandCap).fill('1700');
    await waitSaved(page);
    await expect.poll(() => other.getByLabel(W.zh.sandCap).inputValue()).toBe('1700');
    await other.close();

    // invalid text is kept as typed, shown with its problem, and blocks solving
    await page.getByLabel(W.zh.sandCap).fill('17o0');
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => page.getByLabel(W.zh.sandCap).inputValue()).toBe('17o0');
    expect(await page.getByLabel(W.zh.sandCap).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('editor-problems').textContent()).toContain('建筑用砂开采总量上限（万m³/年）：');
    expect(await page.getByRole('button', { name: W.zh.solve, exact: true }).isDisabled()).toBe(true);

    // clearing the field means "use the plan's figure": the key leaves the scenario
    await page.getByLabel(W.zh.sandCap).fill('');
    await waitSaved(page);
    expect(await page.getByLabel(W.zh.sandCap).getAttribute('placeholder')).toBe('2000');
    expect(await page.getByRole('button', { name: W.zh.solve, exact: true }).isDisabled()).toBe(false);
    expect(app.errors).toEqual([]);
  });
});
