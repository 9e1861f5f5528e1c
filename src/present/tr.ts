/**
 * A translator over one feature dictionary, for code that runs outside the
 * browser (export in Node, chart options rendered to SVG). Same template
 * syntax as the UI's t(): "{{ name }}". A missing key shows itself.
 */
import type { FeatureDict, Lang } from '../domain/label';

export type Tr = (key: string, params?: Record<string, string | number>) => string;

export function translatorFor(dict: FeatureDict, lang: Lang): Tr {
  return (key, params) => {
    let s = dict[lang][key] ?? key;
    if (params) for (const [k, v] of Object.entries(params)) s = s.replace(new RegExp(`{{\\s*${k}\\s*}}`, 'g'), String(v));
    return s;
  };
}
