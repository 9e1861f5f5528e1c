/**
 * Names in the CPLEX LP file.
 *
 * GLPK's LP writer replaces ' ' by '_', '-' by '~', '[' by '(' and ']' by ')',
 * and writes any name that is still invalid (a ':' or a non-ASCII character,
 * a leading digit or '.') as a positional `r_<i>` / `x_<j>`, which loses the
 * planner's name and can even collide with a real name. So the adapter maps
 * names itself before GLPK sees them:
 *
 * - `[` → `(`, `]` → `)` (as GLPK does), `:` → `.`, ` ` → `_`, `-` → `~`;
 * - the other characters CPLEX allows (letters, digits and
 *   ``!"#$%&()/,.;?@_`'{}|~``) are kept;
 * - any other ASCII character becomes `_`; a non-ASCII character becomes
 *   `u<hex code point>` (`砂` → `u7802`);
 * - a name that would start with a digit, `.`, `~` (GLPK's own `~r_<i>`
 *   range columns) or read as an exponent (`e`, `E7`), or that is an LP
 *   keyword (`free`, `inf`, `st`, `end`, ...), gets a `_` prefix;
 * - names longer than 200 characters are cut;
 * - a name already taken (columns, and rows with the objective, are separate
 *   namespaces) gets `~2`, `~3`, ... appended, in model order.
 *
 * So `scaleMin[zone:ZS07,medium]` is written `scaleMin(zone.ZS07,medium)` and
 * `cap[sand]` is `cap(sand)`; `lpFileNames` returns the full mapping.
 *
 * Two more things GLPK does in the file: a ranged row (both bounds finite and
 * different) is written as an equality at its lower bound minus an extra
 * column `~r_<row number>` bounded by 0 and ub − lb; a free row (no bound) is
 * left out, since it constrains nothing. The objective constant, which
 * glpk.js cannot carry, is added by the adapter as a last objective line
 * (`+ 12.5`), which HiGHS and CPLEX read as the objective's offset.
 */
import type { LinearModel } from '../model/linear';

export interface LpNames {
  objective: string;
  /** aligned with `model.variables` */
  columns: string[];
  /** aligned with `model.constraints` */
  rows: string[];
}

const KEPT = /^[A-Za-z0-9!"#$%&()/,.;?@_`'{}|~]$/;
const REPLACED: Record<string, string> = { '[': '(', ']': ')', ':': '.', ' ': '_', '-': '~' };
const KEYWORDS = new Set([
  'max', 'maximize', 'maximise', 'maximum', 'min', 'minimize', 'minimise', 'minimum',
  'st', 's.t.', 'st.', 'subject', 'such', 'to', 'that', 'bound', 'bounds', 'free', 'inf', 'infinity',
  'gen', 'general', 'generals', 'int', 'integer', 'integers', 'bin', 'binary', 'binaries',
  'semi', 'semis', 'semi-continuous', 'sos', 'sos1', 'sos2', 'end',
]);
const MAX_LENGTH = 200;

/** One name made valid for an LP file (not yet unique). */
export function lpName(name: string): string {
  let s = '';
  for (const ch of name) {
    const replaced = REPLACED[ch];
    if (replaced !== undefined) s += replaced;
    else if (KEPT.test(ch)) s += ch;
    else {
      const cp = ch.codePointAt(0) ?? 0;
      s += cp < 128 ? '_' : `u${cp.toString(16)}`;
    }
  }
  if (s === '' || /^[0-9.~]/.test(s) || /^[eE]([0-9]|$)/.test(s) || KEYWORDS.has(s.toLowerCase())) s = `_${s}`;
  return s.length > MAX_LENGTH ? s.slice(0, MAX_LENGTH) : s;
}

function uniquer(): (name: string) => string {
  const taken = new Set<string>();
  return (name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}~${n}`;
    taken.add(candidate);
    return candidate;
  };
}

/** The name every column, row and the objective carry in `writeLp`'s file. */
export function lpFileNames(model: LinearModel, objective = 'obj'): LpNames {
  const col = uniquer();
  const row = uniquer();
  const columns = model.variables.map((v) => col(lpName(v.name)));
  // The objective's name shares the row namespace; give it first pick.
  const obj = row(lpName(objective));
  const rows = model.constraints.map((c) => row(lpName(c.name)));
  return { objective: obj, columns, rows };
}
