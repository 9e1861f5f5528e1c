/**
 * A scenario as its file, the one writer of it (the UI's downloads, and
 * through stableScenario the exports' parameter lists): a stable layout (the
 * schema's key order at the top, min before max, size classes large → small,
 * other keys sorted), so two writes of the same scenario are byte-identical
 * whatever order its keys were set in, and diff cleanly. A draft with
 * problems is written the same way: keys the schema does not know go last.
 */
import { scenarioSchema } from './scenario';

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

/** The scenario with its keys in the file's order and undefined members dropped. */
export function stableScenario(scenario: object): unknown {
  return stable(scenario, true);
}

/** The scenario file's text: the stable layout, two-space indent, a newline at the end. */
export function scenarioJson(scenario: object): string {
  return JSON.stringify(stableScenario(scenario), null, 2) + '\n';
}
