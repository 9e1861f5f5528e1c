/**
 * Every string in both languages. A key written in the code is checked by the
 * types (t() takes a UiKey); these tests hold what the types cannot: the
 * merged dictionaries' values, and the keys built from runtime values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SIZE_CLASSES, RIGHTS_CLASSES } from '../src/domain/dataset';
import { FINDING_KINDS } from '../src/domain/audit';
import { OBJECTIVE_PRESETS, OBJECTIVE_TERMS, CAP_SOURCES } from '../src/domain/scenario';
import { STATUSES } from '../src/model/report';
import { setLang, t, tOr } from '../src/ui/i18n';
import { uiWords } from '../src/ui/i18n/words';
import { PAGES } from '../src/ui/shell/router';
import { EDITOR_SECTIONS } from '../src/ui/editor/sections';

const has = (key: string) => tOr(key, key) !== key;

afterAll(() => setLang('zh'));

describe('i18n', () => {
  it('has every key in both languages, none blank (a key defined twice would have failed the merge on import)', () => {
    const zh = Object.keys(uiWords.zh);
    expect(zh.length).toBeGreaterThan(500);
    expect(Object.keys(uiWords.en).sort()).toEqual([...zh].sort());
    // a separator may be nothing or a space (Chinese runs sentences together; English puts a space between them)
    const blank = (lang: 'zh' | 'en') => Object.entries(uiWords[lang]).filter(([k, v]) => v.trim() === '' && !k.endsWith('Sep'));
    expect(blank('zh')).toEqual([]);
    expect(blank('en')).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`[${lang}] has every key the shell, plan, scenarios and editor build from a value`, () => {
      setLang(lang);
      const built = [
        ...PAGES.map((p) => `shell.page.${p}`),
        ...STATUSES.map((s) => `shell.solve.status.${s}`),
        ...['saved', 'pending', 'saving', 'error'].map((s) => `shell.save.${s}`),
        ...FINDING_KINDS.map((k) => `plan.kind.${k}`),
        ...['table4', 'table5', 'table6', 'table11', 'table20', 'table21', 'table22', 'table23', 'policy', 'assumptions', 'units'].map((s) => `plan.section.${s}`),
        ...SIZE_CLASSES.map((k) => `size.${k}`),
        ...RIGHTS_CLASSES.map((k) => `plan.class.${k}`),
        ...['maxMinesTotal', 'maxClass12', 'maxClass3', 'minLargeMediumShare'].map((k) => `plan.policy.${k}`),
        ...EDITOR_SECTIONS.map((s) => `editor.section.${s}`),
        ...OBJECTIVE_PRESETS.flatMap((p) => [`editor.preset.${p}`, `editor.presetHint.${p}`]),
        ...OBJECTIVE_TERMS.map((w) => `editor.weight.${w}`),
        ...CAP_SOURCES.map((c) => `editor.capSource.${c}`),
        ...['number', 'string', 'boolean', 'object', 'array', 'record'].map((k) => `editor.v.kind.${k}`),
        ...['mineral', 'county', 'zone', 'assumption', 'unit'].map((k) => `editor.v.unknown.${k}`),
      ];
      expect(built.filter((k) => !has(k))).toEqual([]);
    });
  }

  it('fills parameters, and Chinese and English differ', () => {
    setLang('zh');
    const zh = t('scenarios.deleted', { name: '基准' });
    setLang('en');
    const en = t('scenarios.deleted', { name: '基准' });
    expect(zh).toBe('已删除方案“基准”。');
    expect(en).toBe('Scenario “基准” deleted.');
  });

  it('says a key built from runtime data when the dictionaries have it, else shows the data as written', () => {
    setLang('en');
    expect(tOr('editor.preset.balanced', 'balanced')).toBe(t('editor.preset.balanced'));
    expect(t('editor.preset.balanced')).not.toBe('editor.preset.balanced');
    expect(tOr('editor.preset.someone-elses', 'someone-elses')).toBe('someone-elses');
    setLang('zh');
    expect(tOr('size.large', 'large')).toBe('大型');
  });
});
