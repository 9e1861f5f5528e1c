/**
 * The CLI's --json text. A sentence of the layers below (a row's name, a
 * path's assumption) is written as the reader sees it, in both languages,
 * `{ zh, en }`, so a script reading the JSON needs no dictionary.
 */
import { isKeyOf, type Said } from '../domain/i18n';
import { presentTr, presentWords, type PresentKey } from '../present/words';

function isSaid(v: unknown): v is Said<PresentKey> {
  if (typeof v !== 'object' || v === null || !('key' in v) || typeof v.key !== 'string') return false;
  return Object.keys(v).every((k) => k === 'key' || k === 'params') && isKeyOf(presentWords, v.key);
}

export function jsonText(value: unknown): string {
  const zh = presentTr('zh');
  const en = presentTr('en');
  return JSON.stringify(value, (_name, v: unknown) => (isSaid(v) ? { zh: zh(v.key, v.params), en: en(v.key, v.params) } : v), 2);
}
