/**
 * Which inputs differ between the compared scenarios: every field a scenario
 * file sets (by its path, read with getIn), named with its unit
 * as everywhere else (fieldLabel), with each scenario's value.
 * A field one scenario leaves out shows the value the model uses instead
 * (the plan's figure or the model's default) where the engine can say it,
 * so "left out" and "set to the plan's figure" are not reported as a change.
 */
import type { Dataset } from '../../domain/dataset';
import { fieldLabel } from '../../domain/field-labels';
import type { Lang } from '../../domain/label';
import type { Scenario } from '../../domain/scenario';
import { fmt, mineralName, zoneName } from '../../present/names';
import { canonicalJson } from '../../store/hash';
import { sweepParams } from '../explore/labels';
import { t, tOr } from '../i18n';
import { getIn } from '../../domain/json-path';

/** Not inputs of the model: what a scenario is called and why. */
const NOT_INPUTS = new Set(['format', 'name', 'description', 'model']);

export interface InputDiff {
  /** the field's path in the scenario file (caps.sand, rightsCaps.class3, …) */
  path: string;
  /** the field's name with its unit */
  label: string;
  /** one per scenario, as shown, marked when it is the default */
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

/** A value as the planner reads it (the unit is in the field's label). */
function showValue(d: Dataset, path: Key[], v: unknown, lang: Lang): string {
  const [head, a] = path.map(String);
  const list = (xs: string[]) => (xs.length > 0 ? xs.join(t('workflow.listSep')) : t('workflow.inputs.none'));
  if (typeof v === 'boolean') return t(v ? 'workflow.inputs.yes' : 'workflow.inputs.no');
  if (typeof v === 'number') return fmt(v, lang, 6);
  if (head === 'capSource') return tOr(`editor.capSource.${String(v)}`, String(v), { source: v === 'table11' ? d.table11.source : d.table20.source });
  if (head === 'objective' && a === 'preset') return tOr(`editor.preset.${String(v)}`, String(v));
  if (Array.isArray(v) && head === 'excludedZones') return list(v.map((z) => `${String(z)} ${zoneName(d, String(z))}`));
  if (Array.isArray(v) && head === 'largeMediumShare') return list(v.map((m) => mineralName(d, String(m), lang)));
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The inputs that differ between the scenarios, in the order the first
 * scenario that sets each one lists it. Two values differ when the values
 * the model uses differ (where the engine can say), else when the files do.
 */
export function diffInputs(scenarios: readonly Scenario[], d: Dataset, lang: Lang): InputDiff[] {
  const paths = new Map<string, Key[]>();
  for (const s of scenarios) leaves(s, [], paths);
  // the engine's reading of the sweepable parameters: the value used (the scenario's own, or the plan's / the model's default)
  const params = scenarios.map((s) => new Map(sweepParams(d, s, lang).map((p) => [p.path, p])));
  const out: InputDiff[] = [];
  for (const [key, path] of paths) {
    const own = scenarios.map((s) => valueAt(s, path));
    const known = params.map((m) => m.get(sweepPath(path)));
    const used = known.map((p, i) => p?.current ?? own[i] ?? null);
    const same = (xs: unknown[]) => new Set(xs.map((x) => canonicalJson(x ?? null))).size <= 1;
    if (same(used)) continue;
    const show = (v: unknown) => showValue(d, path, v, lang);
    out.push({
      path: key,
      label: fieldLabel(key, lang, d),
      values: own.map((v, i) => {
        if (v !== undefined) return show(v);
        const fallback = used[i];
        return fallback === null || fallback === undefined ? t('workflow.inputs.default') : t('workflow.inputs.defaultValue', { value: show(fallback) });
      }),
    });
  }
  return out;
}
