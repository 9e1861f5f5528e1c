/**
 * Makes the solver's infeasibility explanation (the smallest relative
 * relaxation of the policy rows, `elasticModel` in src/solver/adapter.ts)
 * something a planner can act on:
 *
 * - the figure to set, not only the amount: a minimum lowered to
 *   bound − relaxBy, a maximum raised to bound + relaxBy; a rights row
 *   against the planner's own ceiling (the scenario's figure, the mines of
 *   other minerals included, not the model's bound that subtracts them);
 *   mine counts whole. `key.path` names the scenario field.
 * - the other side of the conflict. A row's *cells* are the cells whose
 *   columns (mines, output) it counts. A row B is on the other side of a
 *   relaxed row A when B binds in the relaxed answer on the opposite side
 *   (A a minimum, B a maximum, or the reverse) and:
 *     A a minimum: B limits every cell A counts, or the binding maxima that
 *       share cells with A together limit all of them;
 *     A a maximum: every cell B counts is limited by A or by another binding
 *       maximum (B needs output or mines those maxima hold back).
 *   So a sand floor runs into cap[sand] or rights[class3], not into one full
 *   sand zone among many. The share row is left out: its shortfall column
 *   (the plan says 力争) means it never forces anything.
 * - causes nothing but the row itself can fix, read from the scenario: a
 *   minimum no cell counts toward (no rights or zones of the mineral there,
 *   or the scenario excluded the zones), or a minimum on a mineral no mine of
 *   which can exist (its smallest minimum scale above the largest mine).
 *   Demand never makes a scenario infeasible (unmet demand is a column), so
 *   demand and radius are never a cause.
 */
import type { BuiltModel } from './build';
import type { Constraint } from './linear';
import type { InfeasibilityCause, OpposingRow, Relaxation } from './report';

/** A row at one of its own bounds in the relaxed answer (the solver adapter lists them). */
export interface BoundRow {
  constraint: string;
  side: 'upper' | 'lower';
}

/** What the model layer reads of the solver's explanation: relaxations (with the side relaxed) and the rows at a bound. */
export type ElasticExplanation = (Relaxation & { side?: 'upper' | 'lower' })[] & { binding?: BoundRow[] };

/** Rows that never force anything (their shortfall column absorbs any gap). */
const SOFT_FAMILIES = new Set(['share']);

function cellsByColumn(b: BuiltModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const x of b.index.cells) {
    out.set(x.mines, x.cell.id);
    out.set(x.volume, x.cell.id);
    if (x.largeMedium !== null && x.largeMedium !== 'all') out.set(x.largeMedium, x.cell.id);
  }
  return out;
}

const covers = (outer: ReadonlySet<string>, inner: ReadonlySet<string>) => [...inner].every((c) => outer.has(c));
const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((c) => b.has(c));
const union = (sets: ReadonlySet<string>[]) => new Set(sets.flatMap((s) => [...s]));

/** Which side of the row was relaxed: the adapter says; a row with one bound has only that side. */
function relaxedSide(r: ElasticExplanation[number], c: Constraint): 'upper' | 'lower' {
  return r.side ?? (c.ub !== null ? 'upper' : 'lower');
}

/** The planner's figure for a row: the scenario's rights ceiling for a rights row, else the row's bound. */
function figureOf(b: BuiltModel, c: Constraint, side: 'upper' | 'lower'): number | undefined {
  if (SOFT_FAMILIES.has(c.family)) return undefined;
  const rc = c.key?.rightsClass;
  if (c.family === 'rights' && rc) return b.inputs.rightsCaps[rc];
  const bound = side === 'upper' ? c.ub : c.lb;
  return bound ?? undefined;
}

function targetOf(figure: number, relaxBy: number, side: 'upper' | 'lower', unit: string): number {
  const x = side === 'upper' ? figure + relaxBy : figure - relaxBy;
  if (unit !== '个') return x;
  return side === 'upper' ? Math.ceil(x - 1e-6) : Math.floor(x + 1e-6);
}

/** Minimums no allocation can meet whatever the policy rows allow, read from the built scenario. */
export function unmeetableMinimums(b: BuiltModel): InfeasibilityCause[] {
  const cellOf = cellsByColumn(b);
  const cells = new Map(b.cells.map((c) => [c.id, c]));
  const out: InfeasibilityCause[] = [];
  for (const c of b.linear.constraints) {
    if (!c.elastic || SOFT_FAMILIES.has(c.family) || c.lb === null || c.lb <= 0 || c.key?.side !== 'min') continue;
    const { key } = c;
    const scope = [...new Set(c.terms.flatMap((t) => cellOf.get(t.variable) ?? []))];
    if (scope.length === 0) {
      const excludedZones = b.inputs.zones
        .filter((z) => z.excluded && z.zone.mineral === key.mineral && (key.county === undefined || z.zone.unit === key.county))
        .map((z) => z.zone.id);
      out.push({ kind: 'noCell', constraint: c.name, label: c.label, key, excludedZones });
      continue;
    }
    const minerals = new Set(scope.map((id) => cells.get(id)?.mineral));
    const mineral = minerals.size === 1 ? [...minerals][0] : undefined;
    const size = mineral !== undefined ? b.inputs.mineSize[mineral] : undefined;
    if (mineral !== undefined && size && size.smallestMin > size.largest.value)
      out.push({ kind: 'noMine', constraint: c.name, label: c.label, key, mineral, minScale: size.smallestMin, largest: size.largest.value, unit: c.unit, path: `minScale.${mineral}` });
  }
  return out;
}

/** The relaxations with their figures, the rows on the other side and any cause only the row itself can fix. */
export function actionable(b: BuiltModel, raw: ElasticExplanation, causes: InfeasibilityCause[] = unmeetableMinimums(b)): Relaxation[] {
  const rows = new Map(b.linear.constraints.map((c) => [c.name, c]));
  const cellOf = cellsByColumn(b);
  const scopeOf = (c: Constraint) => new Set(c.terms.flatMap((t) => cellOf.get(t.variable) ?? []));
  const binding = (raw.binding ?? []).flatMap((x) => {
    const c = rows.get(x.constraint);
    return c && !SOFT_FAMILIES.has(c.family) ? [{ row: c, side: x.side, scope: scopeOf(c) }] : [];
  });
  const opposingRow = (c: Constraint): OpposingRow => ({ constraint: c.name, label: c.label, ...(c.key ? { key: c.key } : {}) });

  return raw.map((r) => {
    const c = rows.get(r.constraint);
    if (!c) return r;
    const side = relaxedSide(r, c);
    const scope = scopeOf(c);
    const against = binding.filter((x) => x.side !== side && meets(x.scope, scope));
    let opposing: typeof against;
    if (side === 'lower') {
      const whole = against.filter((x) => covers(x.scope, scope));
      opposing = whole.length > 0 ? whole : covers(union(against.map((x) => x.scope)), scope) ? against : [];
    } else {
      const held = union([scope, ...binding.filter((x) => x.side === 'upper' && x.row !== c).map((x) => x.scope)]);
      opposing = against.filter((x) => covers(held, x.scope));
    }
    const figure = figureOf(b, c, side);
    const cause = causes.find((x) => x.constraint === c.name);
    return {
      ...r,
      ...(c.key ? { key: c.key } : {}),
      ...(figure !== undefined ? { figure, target: targetOf(figure, r.relaxBy, side, c.unit) } : {}),
      opposing: opposing.map((x) => opposingRow(x.row)),
      ...(cause ? { cause } : {}),
    };
  });
}
