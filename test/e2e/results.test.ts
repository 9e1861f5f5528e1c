/**
 * The Results page of model v2 in Chromium, on the production build: the
 * baseline's proven status, the 2020 column, demand and between-county flows;
 * then quota ranges computed on the solver workers for the 专栏11 scenario (its
 * ranges solve fast), after a cancelled attempt, and kept with the run.
 */
import { expect, it } from 'vitest';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { nav, openWithBaseline, scenarioNames, solve, W } from './steps';

const WORKER = '**/assets/worker-*.js';

describeE2E('the results page in Chromium', () => {
  const { withApp } = appsPerTest();

  it('baseline: proven, 2020 beside 2025, demand and flows; 专栏11: ranges cancelled, then computed, shown and kept', () =>
    withApp(async (app) => {
      const { page, context } = app;
      await openWithBaseline(app, 'zh');
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
      await page.waitForFunction(() => location.hash === '#/results');

      expect(await page.locator('.solve-status').textContent()).toBe('求解状态: 已证明最优');
      expect(await page.locator('.tie-break').textContent()).toContain('models/README.md');
      const counties = page.getByRole('table', { name: W.zh.countyTable });
      await counties.waitFor();
      expect(await counties.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['2025年指标', '2020年产量（估算）*', '较2020年变化', '2020年有效采矿权']));
      const sand2020 = Number((await counties.locator('tr[data-total="sand"] td.output2020').textContent())?.replace(/,/g, ''));
      expect(sand2020).toBeCloseTo(1605.7, 1);
      expect(await page.locator('.shortfall').textContent()).toContain('大中型矿山占比目标（≥40%）在本方案中无法达到');

      const demand = page.getByRole('table', { name: /2025年需求量、已供应量与未满足量/ });
      expect(await demand.locator('tr[data-county="prefecture"][data-mineral="limestone"]').count()).toBe(1);
      expect(await demand.locator('tr[data-county="hetian"][data-mineral="sand"]').count()).toBe(1);
      const flows = page.getByRole('table', { name: '从一县（市）矿山运往另一县（市）需求的数量（本县自给不列）' });
      expect(await flows.locator('tbody tr').count()).toBeGreaterThan(0);
      const sankey = page.getByRole('img', { name: /县际运输/ }).first();
      // drawn once scrolled near (EChart.tsx)
      await sankey.scrollIntoViewIfNeeded();
      await expect.poll(() => sankey.locator('svg path').count()).toBeGreaterThan(0);

      // 专栏11 caps: its quota ranges solve in seconds at 0.1%
      await nav(page, 'zh', 'scenarios');
      const before = (await scenarioNames(page)).length;
      await page.getByRole('button', { name: /从预设“专栏11指标.*”新建方案/ }).click();
      await expect.poll(async () => (await scenarioNames(page)).length).toBe(before + 1);
      expect(await solve(page, 'zh')).toContain(W.zh.solved);
      await nav(page, 'zh', 'results');
      await counties.waitFor();

      // a worker that never answers, as a very long range solve would: cancel stops it and stores nothing
      await context.route(WORKER, (route) =>
        route.fulfill({ contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: 'self.onmessage = () => {};' }),
      );
      await page.getByLabel('容差（%）').fill('0.1');
      await page.getByRole('button', { name: '计算指标可调范围' }).click();
      await page.getByRole('progressbar', { name: '正在计算可调范围' }).waitFor();
      expect(await page.locator('.range-progress .count').textContent()).toBe('正在求最优目标值…');
      expect(await page.getByRole('button', { name: '计算指标可调范围' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: '取消计算' }).click();
      await page.locator('.range-panel').getByText('已取消可调范围计算，求解器已重启，未保存任何结果。').waitFor();
      expect(await page.getByRole('progressbar').count()).toBe(0);
      expect(await counties.locator('td.range').count()).toBe(0);
      await context.unroute(WORKER);

      await page.getByRole('button', { name: '计算指标可调范围' }).click();
      await page.getByRole('progressbar', { name: '正在计算可调范围' }).waitFor();
      await counties.locator('thead th', { hasText: '可调范围（容差 0.1%）' }).waitFor({ timeout: 180_000 });
      expect(await page.locator('.range-panel [role="status"]').textContent()).toMatch(/^已计算 \d+ 项指标的可调范围，用时 [\d.]+ 秒。$/);
      const cell = counties.locator('tr[data-county="hetian"][data-mineral="sand"] td.range');
      const rangeText = (await cell.textContent()) ?? '';
      expect(rangeText).toMatch(/^[\d,.]+ – [\d,.]+$/);
      const [lo, hi] = rangeText.split(' – ').map((x) => Number(x.replace(/,/g, '')));
      const quota = Number((await counties.locator('tr[data-county="hetian"][data-mineral="sand"] td.volume').textContent())?.replace(/,/g, ''));
      expect(lo! <= quota + 0.01 && quota <= hi! + 0.01).toBe(true);

      // the ranges are kept with the run
      await page.reload();
      await nav(page, 'zh', 'results');
      await counties.locator('thead th', { hasText: '可调范围（容差 0.1%）' }).waitFor();
      expect(await counties.locator('tr[data-county="hetian"][data-mineral="sand"] td.range').textContent()).toBe(rangeText);
      expect(app.errors).toEqual([]);
    }),
  600_000);
});
