/**
 * Units as read in Chromium (issue 10 item 3): the English Results page of the
 * solved baseline shows no 万 or 个 (a misread 万 is a 10,000× error) but
 * 10⁴ m³ and 10⁴ t; the Chinese Results, Plan and Editor pages show no English
 * unit words; a preset's long description, cut to its first lines, is read in
 * full after "Show all".
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { appForSuite, describeE2E } from '../helpers/browser';
import { createFromPreset, nav, solve, W } from './steps';

const baseline = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')) as { description: { zh: string; en: string } };
const EN_UNIT_WORDS = /\b(persons|mines|years|tonnes?|yuan)\b/;

describeE2E('units and preset descriptions in Chromium', () => {
  const suite = appForSuite();

  it('English: the baseline preset’s description is cut, then read in full; its Results page has no 万 or 个', async () => {
    const { page } = suite.app;
    await suite.app.goto('scenarios', 'en');
    const desc = page.locator('#preset-desc-baseline');
    await desc.waitFor();
    const more = page.getByRole('button', { name: 'Show all' }).first();
    expect(await more.getAttribute('aria-controls')).toBe('preset-desc-baseline');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // cut: the box is shorter than its text
    expect(await desc.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    await more.click();
    const less = page.getByRole('button', { name: 'Show less' }).first();
    expect(await less.getAttribute('aria-expanded')).toBe('true');
    expect(await desc.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(await desc.innerText()).toBe(baseline.description.en);

    await createFromPreset(page, 'en', W.en.baseline);
    expect(await solve(page, 'en')).toContain(W.en.solved);
    await nav(page, 'en', 'results');
    await page.getByRole('table', { name: W.en.countyTable }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/[万个]/);
    expect(text).toContain('10⁴ m³');
    expect(text).toContain('10⁴ t');
  });

  it('Chinese: the preset’s description opens in full; Results, Plan and Editor pages show the plan’s units and no English unit words', async () => {
    const { page } = suite.app;
    // the Chinese description is cut too, and its button says so in Chinese
    await suite.app.goto('scenarios', 'zh');
    const more = page.getByRole('button', { name: '展开全文' }).first();
    expect(await more.getAttribute('aria-controls')).toBe('preset-desc-baseline');
    await more.click();
    expect(await page.locator('#preset-desc-baseline').innerText()).toBe(baseline.description.zh);

    await nav(page, 'zh', 'results');
    await page.getByRole('table', { name: W.zh.countyTable }).waitFor();
    const results = await page.locator('main').innerText();
    expect(results).toContain('万m³');
    expect(results).not.toMatch(EN_UNIT_WORDS);

    // assumption units (the reasons are the model's English text, not units)
    await nav(page, 'zh', 'plan');
    const planUnits = page.locator('#plan-assumptions .assumption-unit');
    await planUnits.first().waitFor();
    const shown = await planUnits.allInnerTexts();
    expect(shown).toContain('人');
    expect(shown).toContain('年');
    for (const u of shown) expect(u).not.toMatch(EN_UNIT_WORDS);
    const minerals = await page.locator('#plan-units').innerText();
    expect(minerals).toContain('万吨');

    await nav(page, 'zh', 'editor');
    const editorUnits = page.locator('#ed-assumptions .assumption-unit');
    await editorUnits.first().waitFor();
    expect(await editorUnits.allInnerTexts()).toContain('(人)');
    for (const u of await editorUnits.allInnerTexts()) expect(u).not.toMatch(EN_UNIT_WORDS);
  });
});
