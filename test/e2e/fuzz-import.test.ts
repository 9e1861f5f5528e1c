/**
 * A sample of the hostile files of test/fuzz-import.test.tsx through the real
 * file inputs of the production build in Chromium (issue 9): three scenario
 * files on the Scenarios page and three boundary files on the Results page's
 * county map (plus one scenario file that once overflowed the stack). Each is refused on the page with the file, the field (its JSON
 * path in the cell's title) and the reason; IndexedDB, read in full in the
 * page, is identical before and after; and the page still answers a click.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_INPUT_BYTES, MAX_PROBLEMS } from '../../src/domain/validation';
import { appForSuite, describeE2E } from '../helpers/browser';
import { hostileBoundaries, HOTAN_IDS, hotanRichScenario, nonsenseScenarios, unknownZones, withLeaf } from '../helpers/hostile-files';
import { nav, openWithBaseline, scenarioNames, solve, W } from './steps';

/** Every object store of the app's database, every row, serialised and sorted. */
function dumpIdb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('quota-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = [...idb.objectStoreNames].sort();
          const tx = idb.transaction(names, 'readonly');
          const out: Record<string, string[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = (req.result as unknown[]).map((r) => JSON.stringify(r)).sort());
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const nonsense = Object.fromEntries(nonsenseScenarios(hotanRichScenario, HOTAN_IDS));
const SCENARIOS: { name: string; text: string; fields: number; problems: number }[] = [
  { name: 'caps-1e308.json', text: JSON.stringify(withLeaf(hotanRichScenario, ['caps', 'sand'], 1e308)), fields: 1, problems: 1 },
  { name: 'inverted-bound.json', text: JSON.stringify(nonsense['an inverted county bound']), fields: 1, problems: 1 },
  // 200,000 bad items once overflowed the validator's stack: the page said only "import failed: RangeError"
  { name: 'nulls-200000.json', text: JSON.stringify({ ...(hotanRichScenario as object), excludedZones: Array.from({ length: 200_000 }, () => null) }), fields: 1, problems: 1 },
  { name: 'zones-200000.json', text: JSON.stringify({ ...(hotanRichScenario as object), excludedZones: unknownZones(200_000) }), fields: MAX_PROBLEMS + 1, problems: 200_000 },
];

const boundaries = hostileBoundaries(MAX_INPUT_BYTES);
const pick = (what: string) => boundaries.find((b) => b.what === what)?.text ?? '';
const BOUNDARIES: { name: string; text: string; expected: string }[] = [
  { name: 'point.geojson', text: pick('geometry a Point'), expected: 'Cannot use “point.geojson”: $.features[1].geometry geometry must be a Polygon or MultiPolygon' },
  { name: 'deep.geojson', text: pick('nesting 100,000 deep'), expected: 'Cannot use “deep.geojson”: $.type must be a GeoJSON FeatureCollection ("type": "FeatureCollection")' },
  {
    name: 'many.geojson',
    text: pick('100,000 features'),
    expected: `Cannot use “many.geojson”: $ the file is ${(pick('100,000 features').length / 1048576).toFixed(1)} MB, more than the 8 MB any model, scenario or boundary file needs; it was not read`,
  },
];

describeE2E('hostile files through the real file inputs', () => {
  const suite = appForSuite();

  it('scenario files: the problem box names file, field and reason; IndexedDB is unchanged; the page answers', async () => {
    const { app } = suite;
    const { page } = app;
    await openWithBaseline(app, 'en');
    const input = page.getByLabel(W.en.importFile);
    const box = page.getByTestId('import-problems');
    for (const f of SCENARIOS) {
      const before = await dumpIdb(page);
      await input.setInputFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) });
      await expect.poll(() => box.locator('strong').textContent(), { timeout: 30_000 }).toContain(`“${f.name}”`);
      const rows = await box.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const [field, reason] = [...tr.querySelectorAll('td')];
          return { path: field?.getAttribute('title') ?? '', field: field?.textContent ?? '', reason: reason?.textContent ?? '' };
        }),
      );
      expect([f.name, rows.length]).toEqual([f.name, f.fields]);
      // the heading counts every problem, not the lines shown (50 and one counting the rest)
      expect(await box.locator('strong').textContent()).toBe(`“${f.name}” has ${f.problems} problem(s); it was not imported and nothing was changed.`);
      for (const r of rows) {
        expect(r.path).toMatch(/^\$/);
        expect(r.field.trim()).not.toBe('');
        expect(r.reason.trim()).not.toBe('');
      }
      expect(await box.textContent()).toContain('nothing was changed');
      expect(await dumpIdb(page)).toBe(before);
      // still responsive: dismiss works
      await box.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => box.count()).toBe(0);
    }
    expect(await scenarioNames(page)).toEqual([W.en.baseline]);
    const zones = await page.evaluate(() => document.body.textContent ?? '');
    expect(zones).not.toContain('Z9999'); // the box lists 50, not 200,000
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('boundary files: the county map says file, path and reason; IndexedDB is unchanged; the map still answers', async () => {
    const { app } = suite;
    const { page } = app;
    expect(await solve(page, 'en')).toContain(W.en.solved);
    await nav(page, 'en', 'results');
    const input = page.locator('.county-map input[type="file"]');
    await input.waitFor();
    const error = page.locator('.county-map p.error[role="alert"]');
    for (const f of BOUNDARIES) {
      const before = await dumpIdb(page);
      await input.setInputFiles({ name: f.name, mimeType: 'application/geo+json', buffer: Buffer.from(f.text) });
      await expect.poll(() => error.textContent(), { timeout: 30_000 }).toBe(f.expected);
      expect(await dumpIdb(page)).toBe(before);
      expect(await page.locator('.county-map [role="status"]').count()).toBe(0); // no boundary was loaded
    }
    // the page answers: the metric select changes the map's label
    const select = page.locator('.county-map select');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await select.selectOption(options[1] ?? options[0] ?? '');
    await expect.poll(() => select.inputValue()).toBe(options[1] ?? options[0]);
    await nav(page, 'en', 'scenarios');
    expect(await scenarioNames(page)).toEqual([W.en.baseline]);
    expect(app.errors).toEqual([]);
  }, 180_000);
});
