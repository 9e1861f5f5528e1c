/** The frame of the app in a real browser: language, titles, keyboard, accessible names. */
import { expect, it } from 'vitest';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, unnamedControls, W } from './steps';

describeE2E('shell in Chromium', () => {
  const suite = appForSuite();

  it('follows ?lang=, switches language with named buttons, and keeps the choice on reload', async () => {
    const { page } = suite.app;
    await suite.app.goto('plan', 'en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Plan data · Hotan mineral quota workbench');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Plan data');
    const switcher = page.getByRole('group', { name: 'Interface language' });
    expect(await switcher.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await switcher.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.title()).toBe('规划数据 · 和田地区矿产开采指标工作台');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('lang=zh');
    await page.reload();
    await expect.poll(() => page.title()).toBe('规划数据 · 和田地区矿产开采指标工作台');

    await suite.app.goto('plan', 'en');
    await expect.poll(() => page.title()).toBe('Plan data · Hotan mineral quota workbench');
  });

  it('shows the plan tables with their 专栏 sources and the audit findings beside them', async () => {
    const { page } = suite.app;
    await suite.app.goto('plan', 'zh');
    for (const n of [4, 5, 6, 11, 20, 21, 22, 23]) await expect.poll(() => page.locator(`h3:has-text("专栏${n}")`).count()).toBe(1);
    const findings = page.getByRole('complementary', { name: '专栏5 的数据核查发现' });
    expect(await findings.locator('li').count()).toBeGreaterThan(0);
    // a flagged cell is described by its finding
    const flagged = page.locator('#plan-table5 [aria-describedby]').first();
    const described = (await flagged.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    expect(await page.locator(`#${described}`).textContent()).toContain('专栏5');
    expect(await page.locator('#plan-table23 tbody tr').count()).toBe(38);
  });

  it('is usable from the keyboard: skip link, navigation links, focus moves to the page', async () => {
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'en');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plan data');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Editor');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/editor');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Editor');
  });

  it('gives every button, input and select an accessible name on every page', async () => {
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'zh');
    await createFromPreset(page, 'zh', W.zh.baseline);
    const unnamed: string[] = [];
    for (const to of ['plan', 'scenarios', 'editor', 'results', 'compare', 'export'] as const) {
      await nav(page, 'zh', to);
      await page.waitForTimeout(200);
      const missing = await unnamedControls(page);
      unnamed.push(...missing.map((m) => `${to}: ${m}`));
    }
    expect(unnamed).toEqual([]);
    expect(suite.app.errors).toEqual([]);
  });

  it('moves focus to an editor section from its link, and its fields work from the keyboard', async () => {
    const { page } = suite.app;
    await suite.app.goto('editor', 'zh'); // the scenario made by the previous test
    const link = page.getByRole('navigation', { name: '编辑分区' }).getByRole('link', { name: '集中开采区' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ed-zones-h');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: '允许在集中开采区外新设砂石土矿山' }).isChecked()).toBe(true);
    // Ctrl+Enter solves from anywhere
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => location.hash === '#/results', undefined, { timeout: 60_000 });
  });
});
