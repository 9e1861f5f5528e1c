// @vitest-environment jsdom
/** The Scenarios page's presets: listed in the planner's language, and a scenario made from one keeps that language's name. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../src/ui/i18n';
import { ScenariosPage } from '../src/ui/scenarios/ScenariosPage';
import { scenarios } from '../src/ui/state/scenarios';

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3000 });

afterEach(() => {
  cleanup();
  setLang('zh');
});

const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent ?? '');
const button = (label: string) => {
  const found = [...document.querySelectorAll<HTMLButtonElement>('button[aria-label]')].filter((b) => b.getAttribute('aria-label') === label);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('presets on the Scenarios page', () => {
  it('are named and described in Chinese, then in English after switching', () => {
    setLang('zh');
    render(() => <ScenariosPage />);
    const zh = texts('.preset-name');
    expect(zh.slice(0, 2)).toEqual(['基准方案', '均衡']);
    expect(zh).toContain('生态红线');
    expect(texts('.preset-desc')[0]).toMatch(/^规划原文：/);
    expect(button('从预设“基准方案”新建方案')).toBeTruthy();

    setLang('en');
    const en = texts('.preset-name');
    expect(en.slice(0, 2)).toEqual(['Baseline', 'Balanced']);
    expect(en).toContain('Ecological red line');
    expect(en).toHaveLength(zh.length);
    expect(texts('.preset-desc')[0]).toMatch(/^The plan as written: /);
    expect(button('Create a scenario from preset “Baseline”')).toBeTruthy();
  });

  it('a scenario created from a preset in English gets the English name and description', async () => {
    setLang('en');
    render(() => <ScenariosPage />);
    fireEvent.click(button('Create a scenario from preset “Ecological red line”'));
    await until(() => scenarios().length === 1);
    const rec = scenarios()[0]!;
    expect(rec).toMatchObject({ name: 'Ecological red line', preset: 'ecological-red-line' });
    expect(rec.scenario.name).toBe('Ecological red line');
    expect(rec.scenario.description).toMatch(/^As the baseline, with one difference: /);
    expect(rec.scenario.excludedZones).toEqual(['Z12', 'Z16', 'Z17', 'Z33', 'Z37']);
  });
});
