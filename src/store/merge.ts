/**
 * Merging two edits of one scenario made from the same stored revision (two
 * tabs): a three-way merge against that common base. A field only one side
 * changed takes that side's value without asking; a field both sides changed
 * to different values is a conflict, for the planner to settle. Objects are
 * merged key by key; anything else (numbers, strings, arrays such as the
 * closed zones) is one field.
 */
import type { ScenarioDraft } from './db';
import { canonicalJson } from './hash';

export type Path = (string | number)[];

export interface Conflict {
  path: Path;
  /** this tab's value (undefined: the field is cleared, the plan's default applies) */
  mine: unknown;
  /** the value the other tab saved */
  theirs: unknown;
}

export interface Merge {
  /** the merged scenario, with this tab's value in each conflicting field */
  merged: ScenarioDraft;
  conflicts: Conflict[];
  /** fields the other tab changed and this tab did not, taken from the other tab */
  taken: Path[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mergeDrafts(base: ScenarioDraft, mine: ScenarioDraft, theirs: ScenarioDraft): Merge {
  const conflicts: Conflict[] = [];
  const taken: Path[] = [];
  const merge = (b: unknown, m: unknown, t: unknown, path: Path): unknown => {
    if (same(m, t) || same(t, b)) return m;
    // an absent object is an empty one (a cleared field removes its emptied parent), so its fields merge one by one
    // (also when only the other tab changed it, so that `taken` names the fields, not their parent)
    const asObject = (v: unknown) => (v === undefined ? {} : isObject(v) ? v : null);
    const mo = asObject(m);
    const to = asObject(t);
    if (same(m, b) && !(mo && to)) {
      taken.push(path);
      return t;
    }
    if (mo && to) {
      const bo = asObject(b) ?? {};
      const out: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(mo), ...Object.keys(to)])) {
        const v = merge(bo[k], mo[k], to[k], [...path, k]);
        if (v !== undefined) out[k] = v;
      }
      return Object.keys(out).length > 0 || path.length === 0 ? out : undefined;
    }
    conflicts.push({ path, mine: m, theirs: t });
    return m;
  };
  return { merged: merge(base, mine, theirs, []) as ScenarioDraft, conflicts, taken };
}

/** The scenario with each conflict settled: `keepTheirs` holds the indexes of conflicts settled for the other tab's value. */
export function settle(merge: Merge, keepTheirs: ReadonlySet<number>): ScenarioDraft {
  let out = merge.merged;
  merge.conflicts.forEach((c, i) => {
    if (keepTheirs.has(i)) out = setPath(out, c.path, c.theirs);
  });
  return out;
}

/** A copy with the value at path set, or removed when undefined (objects left empty go too: a cleared field leaves no trace). */
function setPath(obj: Record<string, unknown>, path: Path, value: unknown): ScenarioDraft {
  const [head, ...rest] = path;
  if (head === undefined) return isObject(value) ? value : obj;
  const copy: Record<string | number, unknown> = { ...obj };
  const next = rest.length === 0 ? value : setPath(isObject(copy[head]) ? (copy[head] as Record<string, unknown>) : {}, rest, value);
  if (next === undefined || (rest.length > 0 && isObject(next) && Object.keys(next).length === 0)) delete copy[head];
  else copy[head] = next;
  return copy as ScenarioDraft;
}

/** A path as the JSON path the rest of the workbench shows: $.caps.sand */
export function jsonPath(path: Path): string {
  return '$' + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}
