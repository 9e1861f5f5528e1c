/**
 * Reading and writing a value at a key path in plain JSON (a scenario, a
 * draft with problems, a model assumption), without changing the input.
 */

type Key = string | number;

/** The value at `path`, or undefined where the path leaves the objects. */
export function getIn(obj: unknown, path: readonly Key[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, unknown>)[k];
  }
  return cur;
}

/**
 * Returns a copy of obj with the value at path set (objects missing on the
 * way are made), or removed when value is undefined; objects left empty by a
 * removal are removed too, so that a cleared field means "use the default"
 * and leaves no trace in the file.
 */
export function setIn<T extends Record<string, unknown>>(obj: T, path: readonly Key[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const copy = (Array.isArray(obj) ? [...(obj as unknown[])] : { ...obj }) as Record<Key, unknown>;
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = copy[head];
    const base = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : {};
    const next = setIn(base, rest, value);
    if (value === undefined && Object.keys(next).length === 0 && !Array.isArray(next)) delete copy[head];
    else copy[head] = next;
  }
  return copy as T;
}
