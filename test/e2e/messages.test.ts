/**
 * Messages written for planners, not developers (issue 10 item 6), in Chromium
 * in both languages: an invalid class-1/2 ceiling is listed by the field's
 * label and unit with the rule it breaks, and no JSON path (`$.…`); an
 * infeasible scenario's explanation says to set that field to at least the
 * figure, and its link opens the editor with the field focused; a saved
 * sweep is listed by its parameter's label; and no page calls a scenario
 * anything but 方案 (no 情景, no 场景).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, solve, waitSaved, W, type Lang } from './steps';

const T = {
  zh: {
    class12: '一二类固体矿产矿山数上限',
    problem: '一二类固体矿产矿山数上限（个）：不能小于 0。',
    relax: '把『一二类固体矿产矿山数上限（个）』设为至少 56（现为 30',
    edit: '在编辑器中修改『一二类固体矿产矿山数上限（个）』',
    sweep: { from: '起点', to: '终点', steps: '点数（含两端）', workers: '并行求解进程数', run: '开始扫描', saved: '已保存的扫描' },
    sandCap: '建筑用砂开采总量上限（万m³/年）',
  },
  en: {
    class12: 'Class-1/2 solid-mineral mines, at most',
    problem: 'Class-1/2 solid-mineral mines, at most (mines): Must be at least 0.',
    relax: 'Set ‘Class-1/2 solid-mineral mines, at most (mines)’ to at least 56 (now 30',
    edit: 'Change ‘Class-1/2 solid-mineral mines, at most (mines)’ in the editor',
    sweep: { from: 'From', to: 'To', steps: 'Points (ends included)', workers: 'Solver processes', run: 'Run sweep', saved: 'Stored sweeps' },
    sandCap: 'Construction sand total cap (10⁴ m³/yr)',
  },
} as const;

/** The words a page shows (its main region and the bars around it). */
const pageText = (page: Page) => page.locator('body').innerText();

async function noOtherWordForScenario(page: Page): Promise<void> {
  expect(await pageText(page)).not.toMatch(/情景|场景/);
}

describeE2E('messages name fields as the planner knows them', () => {
  const suite = appForSuite();

  async function walk(lang: Lang): Promise<void> {
    const { app } = suite;
    const { page } = app;
    const t = T[lang];
    await app.goto('scenarios', lang);
    if (lang === 'zh') await createFromPreset(page, lang, W.zh.baseline);
    await noOtherWordForScenario(page);

    // an invalid ceiling: the problem list names the field and the rule, never the path
    await nav(page, lang, 'editor');
    const field = page.getByLabel(t.class12, { exact: true });
    await field.fill('-5');
    const problems = page.getByTestId('editor-problems');
    await expect.poll(() => problems.textContent()).toContain(t.problem);
    expect(await pageText(page)).not.toContain('$.');
    await noOtherWordForScenario(page);

    // too low for the mines the model holds fixed: the explanation says what to set it to
    await field.fill('30');
    await expect.poll(() => problems.count()).toBe(0);
    await solve(page, lang);
    await nav(page, lang, 'results');
    const item = page.locator('.explanation li[data-constraint="rights[class12]"]');
    await item.waitFor();
    expect(await item.textContent()).toContain(t.relax);
    expect(await item.textContent()).not.toContain('rightsCaps');
    await noOtherWordForScenario(page);
    await item.getByRole('link', { name: t.edit }).click();
    await page.waitForFunction(() => location.hash === '#/editor/rights');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-rightsCaps-class12');
    // back to the plan's ceiling, so that the sweep below solves the baseline
    await field.fill('');
    await waitSaved(page);

    // a saved sweep is listed by its parameter's label and unit
    await app.goto('explore/sweep', lang);
    await page.locator('#sweep-param-1').selectOption('caps.sand');
    await page.getByLabel(t.sweep.from, { exact: true }).fill('1500');
    await page.getByLabel(t.sweep.to, { exact: true }).fill('2000');
    await page.getByLabel(t.sweep.steps, { exact: true }).fill('2');
    await page.getByLabel(t.sweep.workers, { exact: true }).fill('1');
    await page.getByRole('button', { name: t.sweep.run }).click();
    const saved = page.getByLabel(t.sweep.saved);
    await expect.poll(() => saved.locator('option').allTextContents(), { timeout: 60_000 }).toEqual(expect.arrayContaining([expect.stringContaining(t.sandCap)]));
    expect((await saved.locator('option').allTextContents()).join()).not.toContain('caps.sand');
    await noOtherWordForScenario(page);
  }

  it('Chinese: label and rule, 设为至少 with its link to the field, the sweep by label, only 方案', async () => {
    await walk('zh');
    expect(suite.app.errors).toEqual([]);
  });

  it('English: the same in English', async () => {
    await walk('en');
    expect(suite.app.errors).toEqual([]);
  });
});
