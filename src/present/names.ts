/**
 * Planner-facing names and numbers: counties, minerals and zones by their
 * dataset labels in the chosen language, and numbers without float noise.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { presentTr } from './words';

type Zone = Dataset['table23']['zones'][number];

export function countyName(d: Dataset, id: string | null, lang: Lang): string {
  if (id === null) return presentTr(lang)('export.noCounty');
  return d.units.find((u) => u.id === id)?.name[lang] ?? id;
}

/** Words as a heading begins them: English capitalises the first letter ("large" → "Large"); Chinese has no case, so it is left as it is. */
export function asHeading(words: string): string {
  return words.charAt(0).toLocaleUpperCase('en') + words.slice(1);
}

export function mineralName(d: Dataset, id: string, lang: Lang): string {
  return d.minerals.find((m) => m.id === id)?.name[lang] ?? id;
}

/** The mineral's unit as the dataset gives it (万m³, 万吨, 吨), for sums and rounding; `fallback` when the dataset lacks the mineral. */
export function mineralMeasure(d: Dataset, id: string, fallback = ''): string {
  return d.minerals.find((m) => m.id === id)?.unit ?? fallback;
}

/** The mineral's unit as a planner reads it in `lang` (English: 10⁴ m³, 10⁴ t, t). */
export function mineralUnit(d: Dataset, id: string, lang: Lang, fallback = ''): string {
  return unitLabel(mineralMeasure(d, id, fallback), lang);
}

/** A zone's county as the dataset names it, or as the plan printed it when it is no county of the model. */
export function zoneCountyName(d: Dataset, zone: Zone, lang: Lang): string {
  return d.units.find((u) => u.id === zone.unit)?.name[lang] ?? zone.unitText;
}

/** A zone's mineral as the dataset names it, or as the plan printed it when it is no mineral of the model. */
export function zoneMineralName(d: Dataset, zone: Zone, lang: Lang): string {
  return d.minerals.find((m) => m.id === zone.mineral)?.name[lang] ?? zone.mineralText;
}

/** Zone names are Chinese data; English shows the id beside them. */
export function zoneName(d: Dataset, id: string): string {
  return d.table23.zones.find((z) => z.id === id)?.name ?? id;
}

/** Orders by the dataset's own order (the plan's column order), unknown ids and null last. */
export function orderBy<T>(ids: readonly string[], key: (x: T) => string | null): (a: T, b: T) => number {
  const rank = (x: T) => {
    const k = key(x);
    const i = k === null ? -1 : ids.indexOf(k);
    return i < 0 ? ids.length : i;
  };
  return (a, b) => rank(a) - rank(b);
}

/** Removes binary float noise (123.40000000001 → 123.4) while keeping the figure the solver gave. */
export function clean(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toFixed(6));
  return Object.is(r, -0) ? 0 : r;
}

/** Mine counts come from integer variables; a MIP may return 2.9999999. */
export function count(x: number): number {
  return Math.round(x);
}

/** The one locale of each language, for numbers and dates alike. */
export function locale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

/** The language a document declares: the printable report's `<html lang>`, the Word file's proofing language. */
export function documentLanguage(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

type Style = 'decimals' | 'significant' | 'percent';

/**
 * Number formats kept, one per language, style and digits: making an
 * Intl.NumberFormat per figure took most of a running sweep's redraw (a
 * profile of a 10×10 grid), and a sweep's table and chart format thousands.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, style: Style, digits: number): Intl.NumberFormat {
  const key = `${lang}|${style}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      style === 'significant' ? { maximumSignificantDigits: digits } : style === 'percent' ? { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits } : { maximumFractionDigits: digits };
    f = new Intl.NumberFormat(locale(lang), options);
    formats.set(key, f);
  }
  return f;
}

/** A number as a planner reads it: grouped thousands, at most `digits` decimals. */
export function fmt(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return numberFormat(lang, 'decimals', digits).format(clean(x));
}

export function fmtPct(ratio: number | null | undefined, lang: Lang, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return numberFormat(lang, 'percent', digits).format(ratio);
}

/**
 * An upper bound given as a percent ("gap ≤ x"): rounded up, never down, at
 * two significant digits, so that the printed bound still holds.
 */
export function fmtPctAtMost(ratio: number | null | undefined, lang: Lang): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const pct = Math.max(0, ratio) * 100;
  const digits = pct >= 10 ? 0 : pct >= 1 ? 1 : pct >= 0.1 ? 2 : 3;
  const up = Math.ceil(pct * 10 ** digits - 1e-9) / 10 ** digits;
  return `${numberFormat(lang, 'decimals', digits).format(up)}%`;
}

/** Dual values are small and need significant digits, not decimals. */
export function fmtSig(x: number, lang: Lang, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  return numberFormat(lang, 'significant', digits).format(x);
}

/** A file name both Windows and a Chinese name survive. */
export function safeFileName(s: string): string {
  const out = s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, '_').slice(0, 80);
  return out || 'scenario';
}
