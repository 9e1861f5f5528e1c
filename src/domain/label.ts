/** Every name a planner reads exists in both languages. */
export interface Label {
  zh: string;
  en: string;
}

export type Lang = keyof Label;

/** One feature's words, `{ zh, en }` with the same keys, prefixed by the feature. */
export interface FeatureDict {
  zh: Record<string, string>;
  en: Record<string, string>;
}

export function labelOf(l: Label, lang: Lang): string {
  return l[lang];
}
