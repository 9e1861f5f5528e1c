/** Every name a planner reads exists in both languages. */
export interface Label {
  zh: string;
  en: string;
}

export type Lang = keyof Label;

export function labelOf(l: Label, lang: Lang): string {
  return l[lang];
}
