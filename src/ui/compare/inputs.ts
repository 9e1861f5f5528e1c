/**
 * Which inputs differ between the compared scenarios: every field a scenario
 * file sets (by its path, read with the draft's getIn), labelled as the
 * editor and the Explore page label it, with each scenario's value and unit.
 * A field one scenario leaves out shows the value the model uses instead
 * (the plan's figure or the model's default) where the engine can say it,
 * so "left out" and "set to the plan's figure" are not reported as a change.
 */
import type { Dataset } from '../../domain/dataset';
import { labelOf, type Lang } from '../../domain/label';
import type { Scenario } from '../../domain/scenario';
import { unitLabel } from '../../domain/units';
import { countyName, fmt, mineralName, zoneName } from '../../present/names';
import { canonicalJson } from '../../store/hash';
import { sweepParams } from '../explore/labels';
import { t } from '../i18n';
import { getIn } from '../state/draft';

/** Not inputs of the model: what a scenario is called and why. */
const NOT_INPUTS = new Set(['format', 'name', 'description', 'model']);

export interface InputDiff {
  /** the field's path in the scenario file (caps.sand, rightsCaps.class3, …) */
  path: string;
  label: string;
  /** one per scenario, as shown: value and unit, marked when it is the default */
  values: string[];
}

type Key = string | number;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The leaf paths a scenario sets. Arrays (closed zones, the share's minerals)
 * are one field; a cap given as a plain number is its maximum, so that
 * `caps.sand: 500` and `caps.sand: {max: 500}` are the same field.
 */
function leaves(v: unknown, path: Key[], out: Map<string, Key[]>): void {
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) if (path.length > 0 || !NOT_INPUTS.has(k)) leaves(x, [...path, k], out);
    return;
  }
  const p = path[0] === 'caps' && path.length === 2 ? [...path, 'max'] : path;
  out.set(p.join('.'), p);
}

/** A cap's maximum is read at caps.<m> (a number) or caps.<m>.max. */
function valueAt(s: Scenario, path: Key[]): unknown {
  if (path[0] === 'caps' && path[2] === 'max') {
    const cap = getIn(s, path.slice(0, 2));
    return typeof cap === 'number' ? cap : isObject(cap) ? cap.max : undefined;
  }
  return getIn(s, path);
}

/** The Explore page's name for a path: a cap's maximum is caps.<m>. */
const sweepPath = (path: Key[]) => (path[0] === 'caps' && path[2] === 'max' ? path.slice(0, 2) : path).join('.');

interface Field {
  label: string;
  unit: string;
  show: (v: unknown) => string;
}

function describe(d: Dataset, path: Key[], lang: Lang): Field {
  const [head, a = '', b = '', ...rest] = path.map(String);
  const num = (v: unknown) => (typeof v === 'number' ? fmt(v, lang, 6) : String(v));
  const plain = (label: string, unit = ''): Field => ({ label, unit, show: num });
  const mineral = (m: string) => mineralName(d, m, lang);
  const perYear = (m: string) => t('editor.perYear', { unit: d.minerals.find((x) => x.id === m)?.unit ?? '' });
  const yesNo = (label: string): Field => ({ label, unit: '', show: (v) => t(v ? 'workflow.inputs.yes' : 'workflow.inputs.no') });
  switch (head) {
    case 'capSource':
      return { label: t('editor.capSource'), unit: '', show: (v) => t(`editor.capSource.${String(v)}`, { source: v === 'table11' ? d.table11.source : d.table20.source }) };
    case 'largeMediumShare':
      return a === 'minerals' ? { label: t('editor.shareMinerals'), unit: '', show: (v) => (Array.isArray(v) ? v.map((m) => mineral(String(m))).join(t('workflow.listSep')) : num(v)) } : plain(path.join('.'));
    case 'maxScale':
      return plain(t('editor.scaleMaxOf', { mineral: mineral(a), size: t(`plan.size.${b}`) }), perYear(a));
    case 'excludedZones':
      return {
        label: t('workflow.inputs.excludedZones'),
        unit: '',
        show: (v) => (Array.isArray(v) && v.length > 0 ? v.map((z) => `${String(z)} ${zoneName(d, String(z))}`).join(t('workflow.listSep')) : t('workflow.inputs.none')),
      };
    case 'allowNewOutsideZones':
      return yesNo(t('editor.allowOutside'));
    case 'demand':
      if (a === 'enabled') return yesNo(t('editor.demandEnabled'));
      if (a === 'perCounty') return plain(t('editor.demandOf', { county: countyName(d, b, lang), mineral: mineral(rest[0] ?? '') }), perYear(rest[0] ?? ''));
      if (a === 'prefecture') return plain(t('workflow.inputs.prefectureDemand', { mineral: mineral(b) }), perYear(b));
      return plain(path.join('.'));
    case 'reference':
      return plain(t('editor.referenceOf', { county: countyName(d, a, lang), mineral: mineral(b) }), perYear(b));
    case 'objective':
      if (a === 'preset') return { label: t('editor.preset'), unit: '', show: (v) => t(`editor.preset.${String(v)}`) };
      return plain(t(`editor.weight.${b}`));
    case 'assumptions': {
      const x = d.assumptions.find((y) => y.id === a);
      const keys = [b, ...rest].filter((k) => k !== '').map((k) => (d.minerals.some((m) => m.id === k) ? mineral(k) : d.units.some((u) => u.id === k) ? countyName(d, k, lang) : k));
      return plain([x ? labelOf(x.label, lang) : a, ...keys].join(' → '), x?.unit ?? '');
    }
    case 'timeLimitSec':
      return plain(t('editor.timeLimit'), t('editor.seconds'));
    case 'mipGap':
      return plain(t('workflow.inputs.mipGap'));
    default:
      return plain(path.join('.'));
  }
}

/**
 * The inputs that differ between the scenarios, in the order the first
 * scenario that sets each one lists it. Two values differ when the values
 * the model uses differ (where the engine can say), else when the files do.
 */
export function diffInputs(scenarios: readonly Scenario[], d: Dataset, lang: Lang): InputDiff[] {
  const paths = new Map<string, Key[]>();
  for (const s of scenarios) leaves(s, [], paths);
  // the engine's reading of the sweepable parameters: label, unit and the value used (own or default)
  const params = scenarios.map((s) => new Map(sweepParams(d, s, lang).map((p) => [p.path, p])));
  const out: InputDiff[] = [];
  for (const [key, path] of paths) {
    const own = scenarios.map((s) => valueAt(s, path));
    const known = params.map((m) => m.get(sweepPath(path)));
    const used = known.map((p, i) => p?.current ?? own[i] ?? null);
    const same = (xs: unknown[]) => new Set(xs.map((x) => canonicalJson(x ?? null))).size <= 1;
    if (same(used)) continue;
    const first = known.find((p) => p !== undefined);
    const field = first ? { label: first.label, unit: first.unit, show: (v: unknown) => (typeof v === 'number' ? fmt(v, lang, 6) : '—') } : describe(d, path, lang);
    const withUnit = (text: string) => (field.unit && text !== '—' ? `${text} ${unitLabel(field.unit, lang)}` : text);
    out.push({
      path: key,
      label: field.label,
      values: own.map((v, i) => {
        if (v !== undefined) return withUnit(field.show(v));
        const fallback = used[i];
        return fallback === null || fallback === undefined ? t('workflow.inputs.default') : t('workflow.inputs.defaultValue', { value: withUnit(field.show(fallback)) });
      }),
    });
  }
  return out;
}
