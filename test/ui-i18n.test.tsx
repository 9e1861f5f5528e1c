/** Every string in both languages: same keys in zh and en, and every key the UI asks for exists. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIZE_CLASSES, RIGHTS_CLASSES } from '../src/domain/dataset';
import { FINDING_KINDS } from '../src/domain/audit';
import { OBJECTIVE_PRESETS, OBJECTIVE_TERMS, CAP_SOURCES } from '../src/domain/scenario';
import { STATUSES } from '../src/model/report';
import { missingKeys, setLang, t } from '../src/ui/i18n';
import { PAGES } from '../src/ui/shell/router';
import { EDITOR_SECTIONS } from '../src/ui/editor/sections';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const has = (key: string) => t(key) !== key;

afterAll(() => setLang('zh'));

describe('i18n', () => {
  it('has every key in both languages', () => {
    expect(missingKeys()).toEqual({ zh: [], en: [] });
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`[${lang}] has every key written literally in t('…') anywhere in the UI`, () => {
      setLang(lang);
      const used = new Set<string>();
      for (const f of [...files('src/ui'), 'src/main.tsx']) {
        for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1] ?? '');
      }
      expect(used.size).toBeGreaterThan(100);
      expect([...used].filter((k) => !has(k))).toEqual([]);
    });

    it(`[${lang}] has every key the shell, plan, scenarios and editor build from a value`, () => {
      setLang(lang);
      const built = [
        ...PAGES.map((p) => `shell.page.${p}`),
        ...STATUSES.map((s) => `shell.solve.status.${s}`),
        ...['saved', 'pending', 'saving', 'error'].map((s) => `shell.save.${s}`),
        ...FINDING_KINDS.map((k) => `plan.kind.${k}`),
        ...['table4', 'table5', 'table6', 'table11', 'table20', 'table21', 'table22', 'table23', 'policy', 'assumptions', 'units'].map((s) => `plan.section.${s}`),
        ...SIZE_CLASSES.map((k) => `plan.size.${k}`),
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
});
