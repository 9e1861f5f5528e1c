/** Planner steps shared by the browser tests, in the app's own words per language. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { App } from '../helpers/browser';

export type Lang = 'zh' | 'en';

export const W = {
  zh: {
    createFrom: (name: string) => `从预设“${name}”新建方案`,
    baseline: '基准方案',
    redLine: '生态红线',
    solve: '求解',
    cancel: '取消求解',
    solved: '求解完成',
    sandCap: '建筑用砂开采总量上限',
    sandFloor: '建筑用砂开采总量下限',
    class3: '三类（砂石土）矿山数上限',
    saved: '已保存',
    countyTable: '推荐的县（市）开采指标及按规模分的矿山数',
    rename: (n: string) => `重命名方案“${n}”`,
    duplicate: (n: string) => `复制方案“${n}”`,
    del: (n: string) => `删除方案“${n}”`,
    open: (n: string) => `打开方案“${n}”`,
    exportJson: (n: string) => `导出方案“${n}”为 JSON 文件`,
    newName: '新名称',
    save: '保存',
    undo: '撤销',
    importFile: '方案文件（.json）',
    nav: { plan: '规划数据', scenarios: '方案', editor: '编辑', results: '结果', compare: '对比', export: '导出' },
    csv: '县市指标 CSV',
    xlsx: 'Excel 工作簿',
  },
  en: {
    createFrom: (name: string) => `Create a scenario from preset “${name}”`,
    baseline: 'Baseline',
    redLine: 'Ecological red line',
    solve: 'Solve',
    cancel: 'Cancel solve',
    solved: 'Solved',
    sandCap: 'Construction sand total cap',
    sandFloor: 'Construction sand total floor',
    class3: 'Class-3 (sand/gravel/clay) mines, at most',
    saved: 'Saved',
    countyTable: 'Recommended county quotas with mines by size class',
    rename: (n: string) => `Rename scenario “${n}”`,
    duplicate: (n: string) => `Duplicate scenario “${n}”`,
    del: (n: string) => `Delete scenario “${n}”`,
    open: (n: string) => `Open scenario “${n}”`,
    exportJson: (n: string) => `Export scenario “${n}” as a JSON file`,
    newName: 'New name',
    save: 'Save',
    undo: 'Undo',
    importFile: 'Scenario file (.json)',
    nav: { plan: 'Plan data', scenarios: 'Scenarios', editor: 'Editor', results: 'Results', compare: 'Compare', export: 'Export' },
    csv: 'County quotas CSV',
    xlsx: 'Excel workbook',
  },
} as const;

/** Names of the stored scenarios as listed on the Scenarios page. */
export async function scenarioNames(page: Page): Promise<string[]> {
  await page.waitForSelector('table.scenario-list, .scenarios-page .empty');
  return page.locator('table.scenario-list tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.scenario ?? ''));
}

export async function createFromPreset(page: Page, lang: Lang, preset: string): Promise<void> {
  const before = (await scenarioNames(page)).length;
  await page.getByRole('button', { name: W[lang].createFrom(preset) }).click();
  await expect.poll(async () => (await scenarioNames(page)).length).toBe(before + 1);
}

/** Waits until the editor's draft is in IndexedDB. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('.save-state[data-state="saved"]');
}

/** Goes to a page through the navigation bar. */
export async function nav(page: Page, lang: Lang, to: keyof (typeof W)['zh']['nav']): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: W[lang].nav[to], exact: true }).click();
  await page.waitForFunction((p) => location.hash.startsWith(`#/${p}`), to);
}

/** Presses Solve and waits for the outcome in the status bar; returns its text. */
export async function solve(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('button', { name: W[lang].solve, exact: true }).click();
  const done = page.locator('.solve-bar .ok, .solve-bar .error');
  await done.first().waitFor({ timeout: 60_000 });
  return (await done.first().textContent()) ?? '';
}

/** Buttons, inputs, selects and links on the page that have no accessible name (their HTML, shortened). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')) {
      if (el.closest('[hidden], [aria-hidden="true"]') || (el as HTMLInputElement).type === 'hidden') continue;
      const labelled = (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join('');
      const labels = (el as HTMLInputElement).labels;
      const label =
        el.getAttribute('aria-label') ||
        labelled ||
        (labels ? [...labels].map((l) => l.textContent?.trim()).join('') : '') ||
        (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent?.trim() : '') ||
        el.getAttribute('title');
      if (!label) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/** Opens the Scenarios page in a language and creates the baseline scenario there. */
export async function openWithBaseline(app: App, lang: Lang): Promise<void> {
  await app.goto('scenarios', lang);
  await createFromPreset(app.page, lang, W[lang].baseline);
}

/** Sets the Explore sweep's first parameter and its range (the page in Chinese) and starts the sweep. */
export async function startSweep(page: Page, sweep: { param: string; from: number; to: number; points: number; workers?: number }): Promise<void> {
  await page.locator('#sweep-param-1').selectOption(sweep.param);
  await page.getByLabel('起点').fill(String(sweep.from));
  await page.getByLabel('终点').fill(String(sweep.to));
  await page.getByLabel('点数（含两端）').fill(String(sweep.points));
  if (sweep.workers !== undefined) await page.getByLabel('并行求解进程数').fill(String(sweep.workers));
  await page.getByRole('button', { name: '开始扫描' }).click();
}
