/**
 * Numeric scenario parameters named by their path in the scenario file
 * (`caps.sand`, `rightsCaps.class3`, `minScale.sand.small`,
 * `countyBounds.moyu.sand.max`, `assumptions.zoneIntensity.sand`), checked
 * against the scenario schema itself, so a sweep can vary any number a
 * planner could type into the file and nothing else.
 *
 * Bounds (`{min, max}`) read a path that stops at the bound as its maximum:
 * `caps.sand` is the cap, `caps.sand.min` the floor; a cap written as a plain
 * number becomes `{max: n}` when its floor is set.
 */
import { z } from '../../domain/zod';
import type { Dataset } from '../../domain/dataset';
import { scenarioSchema, type Scenario } from '../../domain/scenario';
import { problemText, validateScenario, validateScenarioAgainst, type ValidationProblem } from '../../domain/validation';
import { getIn } from '../../domain/json-path';

/** A parameter path that the scenario schema does not have, or a value it does not accept. */
export class ParamPathError extends Error {
  override readonly name = 'ParamPathError';

  constructor(
    readonly path: string,
    readonly reason: string,
    readonly problems: readonly ValidationProblem[] = [],
  ) {
    super(`${path}: ${reason}`);
  }
}

type Schema = z.ZodType;

/** What a path ends at: a number, or a `{min, max}` bound whose `max` it means. */
export type ParamTarget = 'number' | 'bound';

export interface ParamInfo {
  path: string;
  segments: string[];
  target: ParamTarget;
}

function unwrap(s: Schema): Schema {
  let x = s;
  for (;;) {
    if (x instanceof z.ZodOptional || x instanceof z.ZodNullable || x instanceof z.ZodDefault) x = x.unwrap() as Schema;
    else return x;
  }
}

/** The alternatives a (possibly union) schema stands for, optional wrappers removed. */
function alternatives(s: Schema): Schema[] {
  const x = unwrap(s);
  if (x instanceof z.ZodUnion) return (x.options as readonly Schema[]).flatMap(alternatives);
  return [x];
}

function isBound(s: Schema): s is z.ZodObject {
  if (!(s instanceof z.ZodObject)) return false;
  const shape = s.shape as Record<string, Schema>;
  const max = shape.max;
  const min = shape.min;
  return max !== undefined && min !== undefined && alternatives(max).some((a) => a instanceof z.ZodNumber) && Object.keys(shape).length === 2;
}

function child(s: Schema, key: string): Schema[] {
  if (s instanceof z.ZodObject) {
    const c = (s.shape as Record<string, Schema>)[key];
    return c ? alternatives(c) : [];
  }
  if (s instanceof z.ZodRecord) {
    const keyOk = (s.keyType as Schema).safeParse(key).success;
    return keyOk ? alternatives(s.valueType as Schema) : [];
  }
  return [];
}

function keysOf(s: Schema): string[] {
  return s instanceof z.ZodObject ? Object.keys(s.shape as Record<string, Schema>) : [];
}

/** Splits `caps.sand.min` (a leading `$.` is allowed) into its keys. */
export function pathSegments(path: string): string[] {
  const p = path.trim().replace(/^\$\.?/, '');
  const segments = p.split('.');
  if (p === '' || segments.some((s) => s === '')) throw new ParamPathError(path, 'a parameter path is keys joined by dots, e.g. caps.sand or rightsCaps.class3');
  return segments;
}

/**
 * Checks a path against the scenario schema (and, given the model, its ids):
 * throws ParamPathError naming the first key that does not fit and what would.
 */
export function paramInfo(path: string, dataset?: Dataset): ParamInfo {
  const segments = pathSegments(path);
  let here: Schema[] = [scenarioSchema];
  segments.forEach((key, i) => {
    const next = here.flatMap((s) => child(s, key));
    if (next.length === 0) {
      const at = segments.slice(0, i).join('.') || '(top level)';
      const known = here.flatMap(keysOf);
      const hint = known.length ? `; ${at} has ${known.join(', ')}` : here.some((s) => s instanceof z.ZodRecord) ? '; not a valid id' : `; ${at} is not an object`;
      throw new ParamPathError(path, `no key "${key}" in the scenario schema at ${at}${hint}`);
    }
    here = next;
  });
  const target: ParamTarget | null = here.some((s) => s instanceof z.ZodNumber) ? 'number' : here.some(isBound) ? 'bound' : null;
  if (target === null) throw new ParamPathError(path, 'not a numeric parameter (a sweep varies numbers only)');
  if (dataset) checkIds(path, segments, dataset);
  return { path, segments, target };
}

function checkIds(path: string, segments: string[], d: Dataset): void {
  const minerals = new Set(d.minerals.map((m) => m.id));
  const units = new Set(d.units.map((u) => u.id));
  const need = (ok: boolean, message: string) => {
    if (!ok) throw new ParamPathError(path, message);
  };
  const [head, a, b] = segments;
  if (head === 'caps' || head === 'minScale' || head === 'maxScale')
    need(a !== undefined && minerals.has(a), `unknown mineral "${a}" (the model has ${[...minerals].join(', ')})`);
  if (head === 'countyBounds' || head === 'reference' || (head === 'demand' && a === 'perCounty')) {
    const [u, m] = head === 'demand' ? [b, segments[3]] : [a, b];
    need(u !== undefined && units.has(u), `unknown county "${u}" (the model has ${[...units].join(', ')})`);
    need(m !== undefined && minerals.has(m), `unknown mineral "${m}"`);
  }
  if (head === 'assumptions') {
    const found = d.assumptions.find((x) => x.id === a);
    need(found !== undefined, `unknown assumption "${a}"`);
    const v = getIn(found?.value, segments.slice(2));
    need(v !== undefined, `assumption ${segments.slice(1).join('.')} does not exist in the model`);
    need(typeof v === 'number', `assumption ${segments.slice(1).join('.')} is not a number in the model`);
  }
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The value a model assumption has, to seed a scenario override of one of its entries. */
function seedFor(segments: string[], depth: number, d: Dataset | undefined): unknown {
  if (!d || segments[0] !== 'assumptions' || depth !== 1) return undefined;
  const a = d.assumptions.find((x) => x.id === segments[1]);
  return a ? structuredClone(a.value) : undefined;
}

/**
 * A new scenario with the parameter at `path` set to `value` (the input is
 * not changed). Missing objects on the way are created; an assumption entry
 * starts from the model's whole assumption, so setting
 * `assumptions.zoneIntensity.sand` keeps the model's clay and jade figures.
 * The result is validated; a value the schema refuses throws ParamPathError.
 */
export function setPath(scenario: Scenario, path: string, value: number, dataset?: Dataset): Scenario {
  const info = paramInfo(path, dataset);
  if (!Number.isFinite(value)) throw new ParamPathError(path, `${value} is not a finite number`);
  const out = structuredClone(scenario) as unknown as Json;
  const { segments } = info;
  let here: Json = out;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i] as string;
    const cur = here[key];
    if (isObject(cur)) here = cur;
    else {
      // a plain number here is a bound written as its maximum (caps.sand: 2000 → {max: 2000})
      const next: Json = typeof cur === 'number' ? { max: cur } : (seedFor(segments, i, dataset) as Json | undefined) ?? {};
      here[key] = next;
      here = next;
    }
  }
  const last = segments[segments.length - 1] as string;
  const cur = here[last];
  if (info.target === 'bound' || isObject(cur)) here[last] = { ...(isObject(cur) ? cur : {}), max: value };
  else here[last] = value;
  return checked(out, path, dataset);
}

/** The problems as one reason, in English like the path errors above (the sweep's errors have no --lang yet). */
function reasonOf(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => `${p.path}: ${problemText(p, 'en')}`).join('; ');
}

function checked(candidate: unknown, path: string, dataset: Dataset | undefined): Scenario {
  const v = validateScenario(candidate);
  if (!v.ok) throw new ParamPathError(path, reasonOf(v.problems), v.problems);
  if (!dataset) return v.value;
  const w = validateScenarioAgainst(v.value, dataset);
  if (!w.ok) throw new ParamPathError(path, reasonOf(w.problems), w.problems);
  return w.value;
}

/** The value the scenario file itself gives the parameter (a bound path reads its max), or undefined. */
export function getPath(scenario: Scenario, path: string): number | undefined {
  const { segments } = paramInfo(path);
  const bound = getIn(scenario, segments.slice(0, -1));
  // a bound written as a plain number is its maximum (caps.sand: 2000 is caps.sand.max)
  if (typeof bound === 'number' && segments.at(-1) === 'max') return bound;
  const here = getIn(scenario, segments);
  if (typeof here === 'number') return here;
  if (isObject(here) && typeof here.max === 'number') return here.max;
  return undefined;
}
