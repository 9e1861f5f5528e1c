/**
 * Units of measure used by the plan. A number that crosses a table boundary
 * carries its unit, and a conversion is always an explicit call, because the
 * plan itself mixes 万m³ and 万吨 for the same mineral.
 */
import { isKeyOf } from './i18n';
import type { Lang } from './label';
// the unit words stay in one place for the UI, the exports and the CLI
import unitsDict from './unit-words';

export const MEASURES = ['万m³', '万吨', '吨'] as const;
export type Measure = (typeof MEASURES)[number];

/** Bulk density in t/m³, needed only to move between volume and mass. */
export type Density = number;

export class UnitConversionError extends Error {
  constructor(
    readonly from: Measure,
    readonly to: Measure,
  ) {
    super(`cannot convert ${from} to ${to} without a density`);
  }
}

const TONNES_PER: Record<Exclude<Measure, '万m³'>, number> = { 万吨: 10_000, 吨: 1 };

function isMass(unit: Measure): unit is Exclude<Measure, '万m³'> {
  return unit !== '万m³';
}

/** Converts between the plan's units; volume ↔ mass needs the mineral's density. */
export function convert(value: number, from: Measure, to: Measure, density?: Density): number {
  if (from === to) return value;
  if (isMass(from) && isMass(to)) return (value * TONNES_PER[from]) / TONNES_PER[to];
  if (density === undefined || !(density > 0)) throw new UnitConversionError(from, to);
  if (from === '万m³' && isMass(to)) return (value * 10_000 * density) / TONNES_PER[to];
  if (isMass(from) && to === '万m³') return (value * TONNES_PER[from]) / density / 10_000;
  throw new UnitConversionError(from, to);
}

/** Reads the unit out of a plan column header such as "矿石,万吨", "矿石万吨" or "万立方米". */
export function parsePlanUnit(text: string): Measure | null {
  const t = text.replace(/\s/g, '');
  if (/万立方米|万m³|万m3/.test(t)) return '万m³';
  if (/万吨/.test(t)) return '万吨';
  if (/亿吨/.test(t)) return null;
  if (/吨$/.test(t)) return '吨';
  return null;
}

/**
 * A unit as the planner reads it in `lang`. Data keep the plan's own units
 * (万m³, 万吨, 吨, 个, 万元); this is presentation only. A compound such as
 * 吨/年 is read part by part; a text the dictionary does not know (a
 * planner's own model) is shown as written rather than guessed at.
 */
export function unitLabel(unit: string, lang: Lang): string {
  // unit texts come from the model's data, so any string may be asked for
  const word = (u: string): string | undefined => {
    const key = `unit.${u}`;
    return isKeyOf(unitsDict, key) ? unitsDict[lang][key] : undefined;
  };
  const whole = word(unit);
  if (whole !== undefined) return whole;
  if (!unit.includes('/')) return unit;
  return unit
    .split('/')
    .map((part) => word(part) ?? part)
    .join('/');
}

/**
 * Decimals the plan prints its quotas with (专栏20: 万m³ and 万吨 to one
 * decimal; jade, in 吨, whole), so that exported totals read like the plan.
 */
const PLAN_DECIMALS: Record<Measure, number> = { '万m³': 1, 万吨: 1, 吨: 0 };

function planDecimals(unit: string): number {
  return (MEASURES as readonly string[]).includes(unit) ? PLAN_DECIMALS[unit as Measure] : 2;
}

/** A figure rounded as the plan prints it in its unit. */
export function roundAsPlan(value: number, unit: string): number {
  const f = 10 ** planDecimals(unit);
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A unit as the plan printed it ("矿石万吨", "万立方米"): Chinese keeps the
 * plan's words; English keeps them as the quote they are and adds the unit
 * they mean, "矿石万吨 (10⁴ t)", so that no 万 is left for the reader to scale.
 */
export function planUnitLabel(text: string, lang: Lang): string {
  const unit = parsePlanUnit(text);
  if (lang === 'zh' || unit === null) return text;
  return `${text} (${unitLabel(unit, lang)})`;
}
