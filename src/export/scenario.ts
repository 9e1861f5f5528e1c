/**
 * Scenario JSON with a stable layout (the schema's key order at the top,
 * min before max, size classes large → small, other keys sorted), so two
 * exports of the same scenario are byte-identical and diff cleanly.
 */
import { scenarioSchema, type Scenario } from '../domain/scenario';

const TOP = Object.keys(scenarioSchema.shape);
const NESTED = ['enabled', 'radiusKm', 'preset', 'weights', 'perCounty', 'min', 'max', 'minerals', 'large', 'medium', 'small', 'class3', 'class12', 'total'];

function keyOrder(keys: string[], top: boolean): string[] {
  const known = top ? TOP : NESTED;
  const rank = (k: string) => {
    const i = known.indexOf(k);
    return i < 0 ? known.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function stable(v: unknown, top: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => stable(x, false));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of keyOrder(Object.keys(o), top)) if (o[k] !== undefined) out[k] = stable(o[k], false);
    return out;
  }
  return v;
}

export function scenarioJson(scenario: Scenario): string {
  return JSON.stringify(stable(scenario, true), null, 2) + '\n';
}

export type ParamValue = string | number | boolean | null;

/**
 * The scenario as key path → value rows (`caps.sand.max` → 1200,
 * `excludedZones[0]` → "Z07"), in the stable order above. An empty object or
 * array is kept as a row so that "set to nothing" stays visible.
 */
export function flattenScenario(scenario: Scenario): { key: string; value: ParamValue }[] {
  const rows: { key: string; value: ParamValue }[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      if (v.length === 0) rows.push({ key: path, value: '[]' });
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0 && path) rows.push({ key: path, value: '{}' });
      for (const [k, x] of entries) walk(x, path ? (/^[A-Za-z_$][\w$-]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`) : k);
    } else if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      rows.push({ key: path, value: v });
    }
  };
  walk(stable(scenario, true), '');
  return rows;
}
