/**
 * A stable fingerprint of a scenario: the same parameters give the same hash
 * whatever the key order, so a stored run can tell whether the scenario it
 * came from has changed since. The name and description do not take part:
 * renaming a scenario does not make its results stale.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys that label a scenario without changing what is solved. */
const LABEL_KEYS = new Set(['name', 'description']);

/** JSON with object keys sorted at every depth and `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** cyrb53-style 2×32-bit hash, written as 16 hex digits; synchronous so it can run in a reactive computation. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h2) + hex(h1);
}

/** The hash of what a scenario asks the solver to do (labels excluded). */
export function scenarioHash(scenario: object): string {
  const solved: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scenario)) if (!LABEL_KEYS.has(k)) solved[k] = v;
  return hashString(canonicalJson(solved));
}
