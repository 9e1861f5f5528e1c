/**
 * What the Explore page can vary and chart, in the planner's words: the
 * sweepable scenario parameters (each a path the engine's setPath accepts,
 * with its label, unit and the value the scenario uses now) and the outputs
 * (outputKeys) with their labels and units. Pure: the language is passed in.
 */
import type { Dataset } from '../../domain/dataset';
import { SIZE_CLASSES } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import type { Scenario } from '../../domain/scenario';
import { countyName, mineralName, zoneName } from '../../present/names';
import { resolveInputs, type ModelInputs } from '../../model/inputs';
import { getPath } from '../../model/explore/params';
import { tIn } from '../i18n';

export type ParamGroup = 'caps' | 'rights' | 'share' | 'scale' | 'demand' | 'county';
export const PARAM_GROUPS: readonly ParamGroup[] = ['caps', 'rights', 'share', 'scale', 'demand', 'county'];

export interface SweepParam {
  path: string;
  group: ParamGroup;
  label: string;
  unit: string;
  /** the value the scenario uses now (its own, or the plan's / the model's default); null: no bound set */
  current: number | null;
  /** the scenario file itself sets it */
  own: boolean;
  /** whole numbers only (mine counts) */
  integer: boolean;
  /** largest value the schema accepts (a share is at most 1) */
  max?: number;
  /** values must stay under this: a class's minimum scale under the next larger class's (the schema refuses otherwise) */
  below?: number;
  /** a starting range: half to one and a half times the current value */
  range: { from: number; to: number };
}

function inputsOf(d: Dataset, s: Scenario): ModelInputs | null {
  try {
    return resolveInputs(d, s);
  } catch {
    return null;
  }
}

/** County × mineral pairs that have mining rights or a zone: the county bounds worth sweeping. */
export function countyPairs(d: Dataset): { county: string; mineral: string }[] {
  const has = new Set<string>();
  for (const row of d.table5.rows) if (row.mineral !== null) for (const [u, n] of Object.entries(row.counts)) if (n > 0) has.add(`${u}|${row.mineral}`);
  for (const z of d.table23.zones) if (z.unit !== null) has.add(`${z.unit}|${z.mineral}`);
  const out: { county: string; mineral: string }[] = [];
  for (const u of d.units) for (const m of d.minerals) if (has.has(`${u.id}|${m.id}`)) out.push({ county: u.id, mineral: m.id });
  return out;
}

/** Every parameter the Sweep tab offers, grouped, with the scenario's current values. */
export function sweepParams(d: Dataset, s: Scenario, lang: Lang): SweepParam[] {
  const t = tIn(lang);
  const inputs = inputsOf(d, s);
  const out: SweepParam[] = [];
  const add = (p: Omit<SweepParam, 'own' | 'integer' | 'range'> & { integer?: boolean }) => {
    const x = { integer: false, ...p, own: getPath(s, p.path) !== undefined };
    // a bound not set yet (a floor, a county bound) starts from 0 up to the mineral's cap
    const mineral = p.path.split('.').find((k) => d.minerals.some((m) => m.id === k));
    const cap = mineral ? inputs?.caps[mineral]?.max ?? null : null;
    out.push({ ...x, range: defaultRange(x, cap) });
  };
  for (const m of d.minerals) {
    const mineral = mineralName(d, m.id, lang);
    const cap = inputs?.caps[m.id];
    add({ path: `caps.${m.id}`, group: 'caps', label: t('explore.param.capMax', { mineral }), unit: unitLabel(m.unit, lang), current: cap?.max ?? null });
    add({ path: `caps.${m.id}.min`, group: 'caps', label: t('explore.param.capMin', { mineral }), unit: unitLabel(m.unit, lang), current: cap?.min ?? null });
  }
  for (const c of ['class3', 'class12', 'total'] as const)
    add({ path: `rightsCaps.${c}`, group: 'rights', label: t(`explore.param.rights.${c}`), unit: t('explore.unit.mines'), current: inputs?.rightsCaps[c] ?? null, integer: true });
  add({ path: 'largeMediumShare.min', group: 'share', label: t('explore.param.share'), unit: t('explore.unit.share'), current: inputs?.share.min ?? null, max: 1 });
  for (const m of d.minerals)
    for (const k of SIZE_CLASSES) {
      const sc = inputs?.scale[m.id]?.[k];
      if (inputs && !sc) continue; // the plan has no such class for the mineral
      const larger = SIZE_CLASSES[SIZE_CLASSES.indexOf(k) - 1];
      const below = larger ? inputs?.scale[m.id]?.[larger]?.min : undefined;
      add({
        ...(below !== undefined ? { below } : {}),
        path: `minScale.${m.id}.${k}`,
        group: 'scale',
        label: t('explore.param.minScale', { mineral: mineralName(d, m.id, lang), size: t(`size.${k}`) }),
        unit: t('explore.unit.perYear', { unit: unitLabel(m.unit, lang) }),
        current: sc?.min ?? null,
      });
    }
  add({ path: 'demand.radiusKm', group: 'demand', label: t('explore.param.radius'), unit: 'km', current: inputs?.demand.radiusKm ?? null });
  for (const { county, mineral } of countyPairs(d)) {
    const unit = unitLabel(d.minerals.find((m) => m.id === mineral)?.unit ?? '', lang);
    const names = { county: countyName(d, county, lang), mineral: mineralName(d, mineral, lang) };
    const b = inputs?.countyBounds[county]?.[mineral];
    add({ path: `countyBounds.${county}.${mineral}.max`, group: 'county', label: t('explore.param.countyMax', names), unit, current: b?.max ?? null });
    add({ path: `countyBounds.${county}.${mineral}.min`, group: 'county', label: t('explore.param.countyMin', names), unit, current: b?.min ?? null });
  }
  return out;
}

/** Rounds to two significant digits (range defaults a planner can read). */
function round2(x: number): number {
  if (x === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / p) * p;
}

/** A starting range for a parameter: half to one and a half times its current value. */
export function defaultRange(p: Pick<SweepParam, 'current' | 'integer' | 'max' | 'below'>, cap: number | null): { from: number; to: number } {
  if (p.max === 1) return { from: 0.2, to: 0.8 };
  const c = p.current;
  if (c !== null && c > 0) {
    const from = p.integer ? Math.max(0, Math.round(c * 0.5)) : round2(c * 0.5);
    const to = p.integer ? Math.round(c * 1.5) : round2(c * 1.5);
    // 0.9 × the bound keeps two significant digits strictly under it
    const under = p.below !== undefined ? round2(p.below * 0.9) : Infinity;
    if (to > under) return { from: Math.min(from, round2(under * 0.5)), to: under };
    return { from, to: to > from ? to : from + 1 };
  }
  return { from: 0, to: cap !== null && cap > 0 ? round2(cap) : 100 };
}

export interface OutputInfo {
  key: string;
  label: string;
  unit: string;
  /** how the figure is shown: a share as a percentage */
  percent: boolean;
  group: 'overall' | 'volume' | 'mines' | 'county' | 'zone';
}

/** Label and unit of an output key (see src/model/explore/outputs.ts). */
export function outputInfo(d: Dataset, key: string, lang: Lang): OutputInfo {
  const t = tIn(lang);
  const [head, a = '', b = ''] = key.split('.');
  const unitOf = (m: string) => unitLabel(d.minerals.find((x) => x.id === m)?.unit ?? '', lang);
  switch (head) {
    case 'objective':
      return { key, label: t('explore.out.objective'), unit: unitLabel('万元', lang), percent: false, group: 'overall' };
    case 'share':
      return { key, label: t('explore.out.share'), unit: '%', percent: true, group: 'overall' };
    case 'volume':
      return { key, label: t('explore.out.volume', { mineral: mineralName(d, a, lang) }), unit: unitOf(a), percent: false, group: 'volume' };
    case 'mines':
      if (a === 'total' || a === 'class3' || a === 'class12') return { key, label: t(`explore.out.mines.${a}`), unit: t('explore.unit.mines'), percent: false, group: 'overall' };
      return { key, label: t('explore.out.minesOf', { mineral: mineralName(d, a, lang) }), unit: t('explore.unit.mines'), percent: false, group: 'mines' };
    case 'county':
      return {
        key,
        label: t('explore.out.county', { county: countyName(d, a === 'none' ? null : a, lang), mineral: mineralName(d, b, lang) }),
        unit: unitOf(b),
        percent: false,
        group: 'county',
      };
    case 'zone': {
      const z = d.table23.zones.find((x) => x.id === a);
      return { key, label: t('explore.out.zone', { zone: `${a} ${zoneName(d, a)}` }), unit: z ? unitOf(z.mineral) : '', percent: false, group: 'zone' };
    }
    default:
      return { key, label: key, unit: '', percent: false, group: 'overall' };
  }
}
