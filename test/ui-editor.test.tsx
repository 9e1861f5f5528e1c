// @vitest-environment jsdom
/** The editor as a component: every field edits its JSON path, shows its default and its problem. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, within } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLang } from '../src/ui/i18n';
import { EditorPage } from '../src/ui/editor/EditorPage';
import { ScenariosPage } from '../src/ui/scenarios/ScenariosPage';
import { draft, draftCheck } from '../src/ui/state/draft';
import { getIn } from '../src/domain/json-path';
import { dataset, emptyScenario } from '../src/ui/state/model';
import { createFrom, scenarios } from '../src/ui/state/scenarios';

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3000 });

beforeAll(async () => {
  setLang('zh');
  await createFrom(emptyScenario(dataset(), '空白'), '空白');
  await until(() => draft() !== null);
});

afterEach(() => {
  cleanup();
  setLang('zh');
});

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

/**
 * The control with this accessible name (aria-label or <label>). Testing
 * Library's *ByLabelText/*ByRole walk the whole accessibility tree, which in
 * jsdom takes seconds on a page of ~300 inputs; this reads the same attributes.
 */
function control<T extends HTMLElement = HTMLInputElement>(name: string | RegExp): T {
  const match = (text: string | null | undefined) => (typeof name === 'string' ? text?.trim() === name : name.test(text ?? ''));
  const found = new Set<HTMLElement>();
  // (jsdom's HTMLInputElement.labels takes ~30 ms per element, so labels are read from <label> instead)
  for (const l of document.querySelectorAll('label'))
    if (match(l.textContent)) {
      const el = l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector<HTMLElement>('input, select, textarea');
      if (el) found.add(el);
    }
  for (const el of document.querySelectorAll<HTMLElement>('[aria-label], button')) if (match(el.getAttribute('aria-label') ?? (el.tagName === 'BUTTON' ? el.textContent : null))) found.add(el);
  if (found.size !== 1) throw new Error(`${found.size} controls named ${String(name)}`);
  return [...found][0] as T;
}

describe('EditorPage', () => {
  it('edits a cap, shows the plan figures beside it, and reports a bad value in place', async () => {
    render(() => <EditorPage />);
    const cap = control('建筑用砂开采总量上限');
    expect(cap.placeholder).toBe('2000');
    const row = cap.closest('tr')!;
    expect(within(row).getByText('专栏20')).toBeTruthy();
    expect(within(row).getByText('专栏11')).toBeTruthy();

    type(cap, '-5');
    expect(getIn(draft(), ['caps', 'sand'])).toBe(-5);
    await until(() => cap.getAttribute('aria-invalid') === 'true');
    const err = document.getElementById(cap.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(err.textContent).toBe('不能小于 0。');
    // the summary names the field as the editor labels it, with its unit, and the rule; no JSON path
    const summary = document.querySelector<HTMLElement>('[data-testid="editor-problems"]')!;
    expect(summary.textContent).toContain('建筑用砂开采总量上限（万m³/年）：不能小于 0。');
    expect(summary.textContent).not.toContain('$.');

    // a floor turns the cap into a bound
    type(cap, '1800');
    type(control('建筑用砂开采总量下限'), '1000');
    expect(getIn(draft(), ['caps', 'sand'])).toEqual({ min: 1000, max: 1800 });
    type(cap, '');
    expect(getIn(draft(), ['caps', 'sand'])).toEqual({ min: 1000 });
    type(control('建筑用砂开采总量下限'), '');
    expect(getIn(draft(), ['caps'])).toBeUndefined();
    await until(() => draftCheck()?.ok === true);
  });

  it('lists a bad class-1/2 ceiling by its label and rule in either language, and the label jumps to the field', async () => {
    render(() => <EditorPage />);
    const field = control('一二类固体矿产矿山数上限');
    type(field, '-5');
    await until(() => field.getAttribute('aria-invalid') === 'true');
    const summary = document.querySelector<HTMLElement>('[data-testid="editor-problems"]')!;
    expect(summary.textContent).toContain('一二类固体矿产矿山数上限（个）：不能小于 0。');
    setLang('en');
    await until(() => summary.textContent?.includes('Class-1/2 solid-mineral mines, at most (mines): Must be at least 0.') === true);
    expect(summary.textContent).not.toContain('$.');
    // jsdom lays nothing out, so it has no scrollIntoView; the jump also focuses, which is what is checked
    Element.prototype.scrollIntoView ??= () => {};
    fireEvent.click(within(summary).getByRole('button', { name: 'Class-1/2 solid-mineral mines, at most (mines)' }));
    expect(document.activeElement).toBe(field);
    type(field, '');
    await until(() => draftCheck()?.ok === true);
  });

  it('lists the 38 zones with county, mineral and area, and excludes one by its checkbox', () => {
    render(() => <EditorPage />);
    const z12 = control(/^排除集中开采区 Z12 /);
    const row = z12.closest('tr')!;
    expect(row.textContent).toContain('民丰县');
    expect(document.querySelectorAll('table.zones tbody tr')).toHaveLength(38);
    fireEvent.click(z12);
    expect(getIn(draft(), ['excludedZones'])).toEqual(['Z12']);
    fireEvent.click(control(/^排除集中开采区 Z03 /));
    expect(getIn(draft(), ['excludedZones'])).toEqual(['Z03', 'Z12']);
    fireEvent.click(control(/^排除集中开采区 Z03 /));
    fireEvent.click(control(/^排除集中开采区 Z12 /));
    expect(getIn(draft(), ['excludedZones'])).toBeUndefined();
  });

  it('bounds a county, weights the objective and overrides one figure of an assumption', () => {
    render(() => <EditorPage />);
    type(control('和田市及和田县建筑用砂开采量上限'), '600');
    expect(getIn(draft(), ['countyBounds'])).toEqual({ hetian: { sand: { max: 600 } } });
    type(control('和田市及和田县建筑用砂开采量上限'), '');
    expect(getIn(draft(), ['countyBounds'])).toBeUndefined();

    const mines = control('矿山数权重');
    expect(mines.placeholder).toBe('0.001');
    fireEvent.change(control('目标预设'), { target: { value: 'min-mines' } });
    expect(getIn(draft(), ['objective'])).toEqual({ preset: 'min-mines' });
    expect(mines.placeholder).toBe('1');
    fireEvent.change(control('目标预设'), { target: { value: '' } });
    expect(getIn(draft(), ['objective'])).toBeUndefined();

    // one figure of a map assumption: the whole assumption is stored, and clearing it restores the default
    const density = document.getElementById('f-assumptions-density-sand') as HTMLInputElement;
    expect(density.placeholder).toBe('1.5');
    type(density, '1.9');
    expect(getIn(draft(), ['assumptions', 'density'])).toEqual({ sand: 1.9, clay: 1.8, limestone: 2.6 });
    type(density, '');
    expect(getIn(draft(), ['assumptions'])).toBeUndefined();
  });

  it("offers a maximum scale for the large class only (a smaller class's maximum is the next one's minimum)", () => {
    setLang('en');
    render(() => <EditorPage />);
    const names = [...document.querySelectorAll('label, [aria-label]')].map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
    const max = names.filter((n) => n.endsWith('mine, maximum scale'));
    const min = names.filter((n) => n.endsWith('mine, minimum scale'));
    expect(max).toHaveLength(dataset().minerals.length);
    expect(max.every((n) => /\blarge\b/i.test(n) && !/medium|small/i.test(n))).toBe(true);
    expect(min).toHaveLength(3 * dataset().minerals.length);
  });

  it('is in English too', () => {
    setLang('en');
    render(() => <EditorPage />);
    expect(control('Construction sand total cap')).toBeTruthy();
    expect(document.getElementById('ed-zones-h')?.textContent).toBe('Concentrated zones');
  });
});

describe('ScenariosPage', () => {
  it('lists stored scenarios with their actions, each with an accessible name', async () => {
    render(() => <ScenariosPage />);
    await until(() => scenarios().length > 0);
    const name = scenarios()[0]!.name;
    for (const action of ['编辑', '重命名', '复制', '删除']) expect(control(`${action}方案“${name}”`)).toBeTruthy();
    expect(control('从预设“基准方案”新建方案')).toBeTruthy();
    expect(name).toBe('空白');
    expect(control('方案文件（.json）')).toBeTruthy();
  });
});
