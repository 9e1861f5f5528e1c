/**
 * One translator for the whole UI. Dictionaries live per feature in ./dict so
 * that features can be added without touching each other's strings; each
 * feature exports `{ zh, en }` with the same keys, prefixed by the feature.
 * The language follows `?lang=`, then the stored choice, then the browser.
 */
import * as i18n from '@solid-primitives/i18n';
import { createRoot, createSignal } from 'solid-js';
import type { FeatureDict, Lang } from '../../domain/label';
import unitWords from '../../domain/unit-words';

export type { FeatureDict };
type FlatDict = Record<string, string>;

// the UI's own words, the words it shares with the exports (src/present/dict) and the units' (src/domain)
const modules = [
  ...Object.values(import.meta.glob<{ default: FeatureDict }>('./dict/*.ts', { eager: true })),
  ...Object.values(import.meta.glob<{ default: FeatureDict }>('../../present/dict/*.ts', { eager: true })),
  { default: unitWords },
];

function merge(lang: Lang): FlatDict {
  return Object.assign({}, ...modules.map((m) => m.default[lang]));
}

const dictionaries: Record<Lang, FlatDict> = { zh: merge('zh'), en: merge('en') };

const STORAGE_KEY = 'quota-workbench.lang';

export function detectLang(search: string, stored: string | null, navigatorLang: string | undefined): Lang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'zh' || q === 'en') return q;
  if (stored === 'zh' || stored === 'en') return stored;
  return navigatorLang?.toLowerCase().startsWith('zh') ? 'zh' : navigatorLang ? 'en' : 'zh';
}

function initialLang(): Lang {
  if (typeof window === 'undefined') return 'zh';
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  return detectLang(window.location.search, stored, window.navigator?.language);
}

const state = createRoot(() => {
  const [lang, setLangSignal] = createSignal<Lang>(initialLang());
  const translate = i18n.translator(() => dictionaries[lang()], i18n.resolveTemplate);
  return { lang, setLangSignal, translate };
});

export const lang = state.lang;

export function setLang(next: Lang): void {
  state.setLangSignal(next);
  if (typeof window !== 'undefined') {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }
}

/** Translates a key; a missing key shows itself so that gaps are visible, never blank. */
export function t(key: string, params?: Record<string, string | number>): string {
  const s = state.translate(key as never, params as never) as string | undefined;
  return s ?? key;
}

/** Keys present in one language and not the other (for the completeness test). */
export function missingKeys(): { zh: string[]; en: string[] } {
  const zh = Object.keys(dictionaries.zh);
  const en = Object.keys(dictionaries.en);
  return { zh: en.filter((k) => !(k in dictionaries.zh)), en: zh.filter((k) => !(k in dictionaries.en)) };
}
