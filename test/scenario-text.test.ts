/**
 * A scenario file's name and description: one string, or `{zh, en}` read in
 * the planner's language (the CLI's --lang); the shipped presets give both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioAndModel } from '../src/cli/common';
import { loadScenarioFile } from '../src/domain/load-node';
import { formatProblems, problemText, validateScenario, validateScenarioFile } from '../src/domain/validation';

const base = { format: 'quota-scenario/1', model: 'hotan-2021-2025' };

describe('name and description in a scenario file', () => {
  it('may be one string, kept as written in either language', () => {
    const v = validateScenario({ ...base, name: '试算 trial', description: 'one string' }, 'scenario.json', 'en');
    expect(v).toEqual({ ok: true, value: { ...base, name: '试算 trial', description: 'one string' } });
  });

  it('may be {zh, en}, read in the language asked for (zh unless told), keys in the schema order', () => {
    const file = { ...base, name: { zh: '试算', en: 'Trial' }, description: { zh: '说明', en: 'About' }, timeLimitSec: 5 };
    const zh = validateScenario(file, 'scenario.json');
    const en = validateScenario(file, 'scenario.json', 'en');
    expect(zh).toEqual({ ok: true, value: { ...base, name: '试算', description: '说明', timeLimitSec: 5 } });
    expect(en).toEqual({ ok: true, value: { ...base, name: 'Trial', description: 'About', timeLimitSec: 5 } });
    expect(en.ok && Object.keys(en.value)).toEqual(['format', 'name', 'description', 'model', 'timeLimitSec']);
    expect(validateScenario({ ...base, name: { zh: '试算', en: 'Trial' } }, 'scenario.json', 'en')).toEqual({ ok: true, value: { ...base, name: 'Trial' } });
  });

  it('rejects {zh, en} missing a language, or with another key, naming the JSON path inside it', () => {
    const noEn = validateScenarioFile({ ...base, name: { zh: '试算' } }, 'scenario.json');
    expect(noEn.ok).toBe(false);
    if (!noEn.ok) expect(formatProblems(noEn, 'en')).toBe('scenario.json: $.name.en: Invalid input: expected string, received undefined');
    const extra = validateScenarioFile({ ...base, name: 'x', description: { zh: '说明', en: 'About', fr: 'Note' } }, 'scenario.json');
    expect(extra.ok ? [] : extra.problems.map((p) => ({ path: p.path, message: problemText(p, 'en') }))).toEqual([{ path: '$.description', message: 'Unrecognized key: "fr"' }]);
    const emptyEn = validateScenarioFile({ ...base, name: { zh: '试算', en: '' } }, 'scenario.json');
    expect(emptyEn.ok ? [] : emptyEn.problems.map((p) => p.path)).toEqual(['$.name.en']);
    const neither = validateScenarioFile({ ...base, name: 5 }, 'scenario.json');
    expect(neither.ok ? [] : neither.problems.map((p) => p.path)).toEqual(['$.name']);
  });

  it('every shipped preset gives both languages, and --lang en reads the English ones', () => {
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.json'))) {
      const raw = JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as { name: unknown; description: unknown };
      expect(raw.name, f).toEqual({ zh: expect.any(String), en: expect.any(String) });
      expect(raw.description, f).toEqual({ zh: expect.any(String), en: expect.any(String) });
      const en = loadScenarioFile(`scenarios/${f}`, 'en');
      // the English text names the plan's tables (专栏N) and units, nothing else in Chinese
      expect(`${en.name} ${en.description ?? ''}`.replace(/专栏|万吨|万m³/g, ''), f).not.toMatch(/\p{Script=Han}/u);
    }
    const { scenario } = loadScenarioAndModel({ scenario: 'scenarios/baseline.json', model: undefined, json: false, lang: 'en' });
    expect(scenario.name).toBe('Baseline');
    expect(scenario.description).toMatch(/^The plan as written: /);
    expect(loadScenarioAndModel({ scenario: 'scenarios/baseline.json', model: undefined, json: false, lang: 'zh' }).scenario.name).toBe('基准方案');
  });
});
