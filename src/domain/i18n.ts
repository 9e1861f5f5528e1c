/**
 * The one way the workbench says a thing in two languages, in every layer.
 *
 * Words live in dictionaries: the Chinese side fixes the keys and the English
 * side is written `satisfies Record<keyof typeof zh, string>`, so a key
 * missing from either side is a type error. A dictionary file reads:
 *
 *   const zh = { 'plan.title': '规划数据 {{ name }}' };
 *   const en = { 'plan.title': 'Plan data {{ name }}' } satisfies Record<keyof typeof zh, string>;
 *   export default { zh, en };
 *
 * Layers that do not know the reader's language (the domain's checks, the
 * model's row names) return a `Said` — a key with its parameters — and the
 * layer that shows it (UI, exports, CLI) renders it with `translator`.
 */
import type { Label, Lang } from './label';

export type { Lang };

/** A dictionary: the same keys in both languages. */
export interface Words<K extends string = string> {
  zh: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** The keys of a dictionary (or of a union of dictionaries). */
export type KeyOf<W> = W extends Words<infer K> ? K : never;

/** A sentence to be said in the reader's language: a key and its parameters. A parameter may itself be a name in both languages or another sentence. */
export interface Said<K extends string = string> {
  key: K;
  params?: Params<K>;
}

export type Param<K extends string = string> = string | number | Label | Said<K>;
export type Params<K extends string = string> = Readonly<Record<string, Param<K>>>;

export type Translate<K extends string> = (key: K, params?: Params<K>) => string;

/** Builds a sentence for later rendering (typed by the caller's dictionary). */
export function say<K extends string>(key: K, params?: Params<K>): Said<K> {
  return params ? { key, params } : { key };
}

/** One dictionary from several, keeping every key's type; a key given twice is a programming error. */
export function mergeWords<const D extends readonly Words[]>(...dicts: D): Words<KeyOf<D[number]>> {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const d of dicts) {
    for (const k of Object.keys(d.zh)) {
      if (k in zh) throw new Error(`i18n: key "${k}" is defined twice`);
      zh[k] = d.zh[k] as string;
      en[k] = (d.en as Record<string, string>)[k] as string;
    }
  }
  return { zh, en } as Words<KeyOf<D[number]>>;
}

/**
 * Whether a key built from runtime data (a constraint family stored with a
 * run, a scenario's value read by path) is in `words`. The one door from a
 * string to a key: the caller says something else when it is not.
 */
export function isKeyOf<K extends string>(words: Words<K>, key: string): key is K {
  return Object.hasOwn(words.zh, key);
}

function isSaid<K extends string>(p: Param<K>): p is Said<K> {
  return typeof p === 'object' && 'key' in p;
}

/**
 * A translator over one dictionary in one language. "{{ name }}" takes the
 * parameter; names in both languages and nested sentences are rendered in the
 * same language. A missing key shows itself, so a gap is visible, never blank.
 */
export function translator<K extends string>(words: Words<K>, lang: Lang): Translate<K> {
  const dict: Readonly<Record<string, string>> = words[lang];
  const render = (p: Param<K>): string => (typeof p !== 'object' ? String(p) : isSaid(p) ? tr(p.key, p.params) : p[lang]);
  const tr: Translate<K> = (key, params) => {
    const s = dict[key] ?? key;
    if (!params) return s;
    return s.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in params ? render(params[name] as Param<K>) : whole));
  };
  return tr;
}

/** The translators of one dictionary in both languages, made once (a dictionary does not change while the program runs): `tr(lang)` is the one for `lang`. */
export function translators<K extends string>(words: Words<K>): (lang: Lang) => Translate<K> {
  const made: Record<Lang, Translate<K>> = { zh: translator(words, 'zh'), en: translator(words, 'en') };
  return (lang) => made[lang];
}
