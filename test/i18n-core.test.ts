/** The one i18n mechanism (src/domain/i18n.ts): typed dictionaries, parameters, names and nested sentences in the reader's language. */
import { describe, expect, it } from 'vitest';
import { mergeWords, say, translator } from '../src/domain/i18n';

const zh = { 'a.hello': '你好，{{ name }}', 'a.cap': '{{ mineral }}上限为 {{ n }}', 'a.why': '原因：{{ reason }}' };
const en = { 'a.hello': 'Hello, {{ name }}', 'a.cap': '{{ mineral }} cap is {{ n }}', 'a.why': 'Why: {{reason}}' } satisfies Record<keyof typeof zh, string>;
const more = { zh: { 'b.x': '乙' }, en: { 'b.x': 'B' } };

describe('i18n core', () => {
  it('fills parameters in each language, a name in both languages in the reader’s', () => {
    const sand = { zh: '建筑用砂', en: 'Construction sand' };
    expect(translator({ zh, en }, 'zh')('a.cap', { mineral: sand, n: 2000 })).toBe('建筑用砂上限为 2000');
    expect(translator({ zh, en }, 'en')('a.cap', { mineral: sand, n: 2000 })).toBe('Construction sand cap is 2000');
  });

  it('renders a nested sentence in the same language, and leaves an unknown placeholder visible', () => {
    const w = mergeWords({ zh, en }, more);
    const reason = say('a.hello', { name: '和田' });
    expect(translator(w, 'zh')('a.why', { reason })).toBe('原因：你好，和田');
    expect(translator(w, 'en')('a.why', { reason })).toBe('Why: Hello, 和田');
    expect(translator(w, 'en')('a.hello')).toBe('Hello, {{ name }}');
    expect(translator(w, 'en')('b.x')).toBe('B');
  });

  it('refuses a key defined twice when merging', () => {
    expect(() => mergeWords({ zh, en }, { zh: { 'a.hello': 'x' }, en: { 'a.hello': 'y' } })).toThrow(/a\.hello/);
  });

  it('shows a missing key as itself', () => {
    const tr = translator({ zh, en }, 'zh') as (k: string) => string;
    expect(tr('nope.key')).toBe('nope.key');
  });
});
