/**
 * Solving in the browser, in both languages: start from the baseline, change
 * the sand cap, solve in the worker, read the county quotas; make a second
 * scenario and compare; export CSV and XLSX and read them back; reload and find
 * everything. Then an infeasible scenario, a cancelled solve and a dying worker.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { createFromPreset, type Lang, nav, openWithBaseline, solve, unnamedControls, W, waitSaved } from './steps';

const WORKER = '**/assets/worker-*.js';

describeE2E('solving in Chromium', () => {
  const { withApp } = appsPerTest();

  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`[${lang}] baseline → sand cap → solve → county quotas; second scenario → compare; CSV and XLSX read back; reload keeps all`, () =>
      withApp(async (app) => {
        const { page } = app;
        const w = W[lang];
        await openWithBaseline(app, lang);
        await nav(page, lang, 'editor');
        await page.getByLabel(w.sandCap).fill('1800');
        await waitSaved(page);
        expect(await solve(page, lang)).toContain(w.solved);
        await page.waitForFunction(() => location.hash === '#/results');

        const table = page.getByRole('table', { name: w.countyTable });
        await table.waitFor();
        const sandTotal = Number((await table.locator('tr[data-total="sand"] td.volume').textContent())?.replace(/,/g, ''));
        expect(sandTotal).toBeGreaterThan(0);
        expect(sandTotal).toBeLessThanOrEqual(1800);
        expect(await table.locator('tr[data-county="hetian"][data-mineral="sand"]').count()).toBe(1);

        // a second scenario, solved, then both side by side
        await nav(page, lang, 'scenarios');
        await createFromPreset(page, lang, w.redLine);
        expect(await solve(page, lang)).toContain(w.solved);
        await nav(page, lang, 'compare');
        const compare = page.locator('.compare-view');
        await compare.waitFor();
        expect(await compare.locator('tr[data-kpi="status"] td').count()).toBeGreaterThanOrEqual(2);
        expect(await compare.locator('thead').first().textContent()).toContain(w.redLine);
        expect(await compare.locator('tr[data-county="hetian"][data-mineral="sand"]').count()).toBe(1);

        // exports of the baseline run
        await page.locator('#current-scenario').selectOption({ label: w.baseline });
        await nav(page, lang, 'export');
        const csvDl = page.waitForEvent('download');
        await page.getByRole('button', { name: w.csv }).click();
        const csvFile = await csvDl;
        expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
        const csvBytes = readFileSync((await csvFile.path()) ?? '');
        expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        // the '# key,value' block above the table (scenario, status, times) reads as comments
        const csvText = csvBytes.toString('utf8').slice(1);
        expect(csvText.startsWith(`# ${lang === 'zh' ? '方案名称' : 'Scenario'},${w.baseline}\r\n`)).toBe(true);
        // the run's own time (stored with it), not only the export's
        expect(csvText).toMatch(lang === 'zh' ? /\r\n# 运行时间,\d{4}-\d\d-\d\dT/ : /\r\n# Run at,\d{4}-\d\d-\d\dT/);
        const csv = Papa.parse<string[]>(csvText, { skipEmptyLines: true, comments: '#' }).data;
        const header = csv[0] ?? [];
        expect(header.join(',')).toContain(lang === 'zh' ? '县（市）' : 'County');
        const sandRows = csv.slice(1).filter((r) => r.includes('sand'));
        expect(sandRows.length).toBeGreaterThan(0);

        const xlsxDl = page.waitForEvent('download');
        await page.getByRole('button', { name: w.xlsx }).click();
        const xlsxFile = await xlsxDl;
        expect(xlsxFile.suggestedFilename()).toMatch(/\.xlsx$/);
        const wb = new ExcelJS.Workbook();
        const xlsxBytes = readFileSync((await xlsxFile.path()) ?? '');
        await wb.xlsx.load(xlsxBytes.buffer.slice(xlsxBytes.byteOffset, xlsxBytes.byteOffset + xlsxBytes.byteLength) as ArrayBuffer);
        const sheets = wb.worksheets.map((s) => s.name);
        expect(sheets).toEqual(expect.arrayContaining(lang === 'zh' ? ['县市开采指标', '集中开采区', '规划指标对照'] : ['County quotas', 'Zones', 'KPIs']));
        expect(wb.worksheets[0]?.rowCount).toBeGreaterThan(1);

        // reload: scenarios, the edit and both runs are still there
        await page.reload();
        await expect.poll(() => page.locator('#current-scenario option').allTextContents()).toEqual([w.baseline, w.redLine]);
        await nav(page, lang, 'editor');
        await expect.poll(() => page.getByLabel(w.sandCap).inputValue()).toBe('1800');
        await nav(page, lang, 'results');
        await page.getByRole('table', { name: w.countyTable }).waitFor();
        await nav(page, lang, 'compare');
        await page.locator('.compare-view').waitFor();

        // every control of the results and compare pages has a name
        expect(await unnamedControls(page)).toEqual([]);
        await nav(page, lang, 'results');
        await page.getByRole('table', { name: w.countyTable }).waitFor();
        expect(await unnamedControls(page)).toEqual([]);

        // editing after a solve marks the stored run out of date
        await nav(page, lang, 'editor');
        await page.getByLabel(w.sandCap).fill('1700');
        await waitSaved(page);
        await nav(page, lang, 'results');
        await page.getByTestId('stale').waitFor();
        await nav(page, lang, 'scenarios');
        expect(await page.locator(`tr[data-scenario="${w.baseline}"] .stale-tag`).count()).toBe(1);
        expect(app.errors).toEqual([]);
      }, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' }),
    );
  }

  it('shows why an infeasible scenario is infeasible', () =>
    withApp(async (app) => {
      const { page } = app;
      await openWithBaseline(app, 'zh');
      await nav(page, 'zh', 'editor');
      // 2000 万m³ of sand with a single class-3 mine cannot be done
      await page.getByLabel(W.zh.sandFloor).fill('2000');
      await page.getByLabel(W.zh.class3).fill('1');
      await waitSaved(page);
      expect(await solve(page, 'zh')).toContain('不可行');
      const why = page.getByRole('alert').filter({ hasText: '方案不可行' });
      await why.waitFor();
      expect(await why.locator('li').count()).toBeGreaterThan(0);
      // each relaxation names the constraint in planner words and by its model name
      expect(await why.locator('li[data-constraint]').count()).toBeGreaterThan(0);
      expect(await why.locator('li').first().textContent()).toMatch(/放宽/);
    }),
  );

  it('cancelling a solve stops the worker and leaves the page usable; the next solve runs', () =>
    withApp(async (app) => {
      const { page, context } = app;
      // a worker that never answers, as a very long solve would
      await context.route(WORKER, (route) =>
        route.fulfill({ contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: 'self.onmessage = () => {};' }),
      );
      await openWithBaseline(app, 'en');
      await nav(page, 'en', 'editor');
      await page.getByRole('button', { name: W.en.solve, exact: true }).click();
      await page.getByRole('progressbar', { name: 'Solving' }).waitFor();
      await expect.poll(() => page.locator('.solve-bar .elapsed').textContent()).toMatch(/^[0-9.]+ s of 60 s limit$/);
      expect(await page.getByRole('button', { name: W.en.solve, exact: true }).isDisabled()).toBe(true);

      // the page stays live while solving
      await page.getByLabel(W.en.sandCap).fill('1900');
      await waitSaved(page);
      await page.getByRole('button', { name: W.en.cancel }).click();
      await page.getByText('Solve cancelled; the solver was restarted.').waitFor();
      expect(await page.getByRole('progressbar').count()).toBe(0);

      // navigation and editing work, the edit made during the solve is kept
      await nav(page, 'en', 'plan');
      await nav(page, 'en', 'editor');
      expect(await page.getByLabel(W.en.sandCap).inputValue()).toBe('1900');

      await context.unroute(WORKER);
      expect(await solve(page, 'en')).toContain(W.en.solved);
      await page.getByRole('table', { name: W.en.countyTable }).waitFor();
    }),
  );

  it('a worker that dies is restarted, the error is shown, and nothing entered is lost', () =>
    withApp(async (app) => {
      const { page, context } = app;
      await context.route(WORKER, (route) =>
        route.fulfill({ contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: 'throw new Error("glpk wasm failed to load");' }),
      );
      await openWithBaseline(app, 'zh');
      await nav(page, 'zh', 'editor');
      await page.getByLabel(W.zh.sandCap).fill('1900');
      await waitSaved(page);
      const t0 = Date.now();
      const outcome = await solve(page, 'zh');
      expect(Date.now() - t0).toBeLessThan(10_000); // reported at once, not by the watchdog
      expect(outcome).toContain('求解失败');
      expect(outcome).toContain('求解器已重启');
      expect(await page.getByLabel(W.zh.sandCap).inputValue()).toBe('1900');

      await context.unroute(WORKER);
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
      await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    }),
  );
});
