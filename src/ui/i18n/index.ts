/**
 * One translator for the whole UI, the core one (src/domain/i18n.ts) over
 * every dictionary (./words.ts), reactive on the language: t() reads lang(),
 * so a component that calls it re-renders when the language changes.
 * The language follows `?lang=`, then the stored choice, then the browser.
 */
import { createRoot, createSignal } from 'solid-js';
import { isKeyOf, translators, type Lang, type Params, type Translate } from '../../domain/i18n';
import { uiWords, type UiKey } from './words';

export type { UiKey };

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
  return { lang, setLangSignal };
});

export const lang = state.lang;

/** The page's `lang` attribute for a language (the App sets it as the language changes; the language switch marks each button with its own). */
export const htmlLang = (l: Lang): string => (l === 'zh' ? 'zh-CN' : 'en');

export function setLang(next: Lang): void {
  state.setLangSignal(next);
  if (typeof window !== 'undefined') {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
}

/** The UI's words in a given language rather than the page's (chart options rendered to SVG for a file, a view built for one language). */
export const tIn: (lang: Lang) => Translate<UiKey> = translators(uiWords);

/** Says a key in the current language; a missing key shows itself so that gaps are visible, never blank. */
export function t(key: UiKey, params?: Params<UiKey>): string {
  return tIn(state.lang())(key, params);
}

/**
 * A key built from runtime data (a scenario's value read by path, a kind a
 * library names in its message), which the types cannot check: said if the
 * dictionaries have it, otherwise `asWritten` is shown. Everywhere else a
 * key is a UiKey that the types check.
 */
export function tOr(key: string, asWritten: string, params?: Params<UiKey>): string {
  return isKeyOf(uiWords, key) ? t(key, params) : asWritten;
}
