/** A scenario as key path → value rows, for the exports' parameter lists. */
import type { Scenario } from '../domain/scenario';
import { stableScenario } from '../domain/scenario-json';

export type ParamValue = string | number | boolean | null;

/**
 * The scenario as key path → value rows (`caps.sand.max` → 1200,
 * `excludedZones[0]` → "Z07"), in the scenario file's order. An empty object or
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
  walk(stableScenario(scenario), '');
  return rows;
}
