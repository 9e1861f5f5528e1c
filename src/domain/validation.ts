/**
 * Validation of untrusted files: every problem is reported with the file, the
 * JSON path and the reason, and nothing is used until the whole file is valid.
 */
import type { z } from 'zod';
import { SIZE_CLASSES, assumptionProblems, datasetSchema, type AssumptionValue, type Dataset, type SizeClass } from './dataset';
import type { Lang } from './label';
import { issueReason, reason, sayReason, type Reason } from './reasons';
import { localiseScenario, scenarioFileSchema, type Scenario, type ScenarioFile } from './scenario';

/** What is wrong where: the JSON path and the reason, said in the reader's language by whoever shows it (problemText). */
export interface ValidationProblem {
  path: string;
  said: Reason;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; file: string; problems: ValidationProblem[] };

/**
 * The most problems one file reports: a file with 200,000 unknown ids is
 * wrong in one way, and listing them all took 19 MB of stderr and froze the
 * page for minutes. The rest are counted in one last line.
 */
export const MAX_PROBLEMS = 50;

/** The first MAX_PROBLEMS problems, and a line counting the rest (a ValidationProblem, whatever the others are: the UI's are already said). */
export function capProblems<P extends { path: string }>(problems: P[]): (P | ValidationProblem)[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '$', said: reason(rest === 1 ? 'validation.more.one' : 'validation.more.many', { rest, max: MAX_PROBLEMS }) }];
}

/**
 * The largest model, scenario or boundary file read, in bytes. The shipped
 * model is 41 KB and a scenario a few KB; a county boundary GeoJSON at survey
 * detail stays under a few MB. A bigger file is refused before it is parsed,
 * since parsing and checking it is what froze the page.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** A problem when a file of `bytes` is too large to read, else null. */
export function fileSizeProblem(bytes: number): ValidationProblem | null {
  if (bytes <= MAX_INPUT_BYTES) return null;
  return { path: '$', said: reason('validation.fileSize', { mb: (bytes / 1048576).toFixed(1), max: MAX_INPUT_BYTES / 1048576 }) };
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${acc}.${String(key)}` : `${acc}[${JSON.stringify(String(key))}]`),
    '$',
  );
}

type Issue = z.core.$ZodIssue;

/**
 * A union's problems are those of the branch the value's type chose (the only
 * branch not rejecting the value itself for its type), with full paths, so a
 * problem inside `{zh, en}` or `{min, max}` names its key; otherwise the
 * union's own issue stays.
 */
export function unionIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const chosen = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    const [only] = chosen;
    return chosen.length === 1 && only ? unionIssues(only.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))) : [issue];
  });
}

/**
 * Keys `__proto__` anywhere in parsed JSON: the schema would drop them without
 * a word (an object cannot hold one as data), so they are named here.
 */
export function protoKeys(data: unknown): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  // walked with a stack, not by recursion: JSON may nest deeper than the call stack
  const stack: Node[] = [{ v: data, up: null, key: '' }];
  while (stack.length && out.length <= MAX_PROBLEMS) {
    const node = stack.pop() as Node;
    if (typeof node.v !== 'object' || node.v === null) continue;
    const entries: [PropertyKey, unknown][] = Array.isArray(node.v) ? node.v.map((x, i) => [i, x]) : Object.entries(node.v);
    for (const [k, x] of entries.reverse()) {
      if (k === '__proto__') out.push({ path: jsonPath(pathOf({ v: x, up: node, key: k })), said: reason('validation.proto') });
      else stack.push({ v: x, up: node, key: k });
    }
  }
  return out;
}

/** A value in parsed JSON with the way to it (a link to its parent, so deep nesting costs no copied paths). */
interface Node {
  v: unknown;
  up: Node | null;
  key: PropertyKey;
}

function pathOf(node: Node): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let n: Node | null = node; n?.up; n = n.up) path.push(n.key);
  return path.reverse();
}

/**
 * zod reports a problem per bad item and hands a list's problems up with a
 * spread, so a list of some 100,000 bad items overflows the stack (a
 * RangeError) before any is reported. Such a file is refused at its longest
 * list instead: `safeParse` as zod's, or that one problem.
 */
export function safeParseListed<T>(schema: z.ZodType<T>, data: unknown, params?: Parameters<z.ZodType<T>['safeParse']>[1]): ReturnType<z.ZodType<T>['safeParse']> | { tooLong: ValidationProblem } {
  try {
    return schema.safeParse(data, params);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { tooLong: longestList(data) };
  }
}

/** The longest list in parsed JSON, as the problem of a file too long to check item by item (walked without recursion: JSON may nest deep). */
function longestList(data: unknown): ValidationProblem {
  let best: { node: Node; length: number } | null = null;
  const stack: Node[] = [{ v: data, up: null, key: '' }];
  while (stack.length) {
    const node = stack.pop() as Node;
    const { v } = node;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      if (v.length > (best?.length ?? 0)) best = { node, length: v.length };
      // the items of a long list are not walked one by one: its own length is what matters
      if (v.length <= 1000) v.forEach((x, i) => stack.push({ v: x, up: node, key: i }));
    } else for (const [k, x] of Object.entries(v)) stack.push({ v: x, up: node, key: k });
  }
  return { path: jsonPath(best ? pathOf(best.node) : []), said: reason('validation.tooLong', { n: best?.length ?? 0 }) };
}

function check<T>(schema: z.ZodType<T>, data: unknown, file: string): Validated<T> {
  const reserved = protoKeys(data);
  if (reserved.length) return { ok: false, file, problems: capProblems(reserved) };
  const parsed = safeParseListed(schema, data);
  if ('tooLong' in parsed) return { ok: false, file, problems: [parsed.tooLong] };
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    file,
    problems: capProblems(unionIssues(parsed.error.issues).map((i) => ({ path: jsonPath(i.path), said: issueReason(i) }))),
  };
}

/** Parses JSON text; a syntax error becomes a problem at `$` with the parser's reason. */
export function parseJson(text: string, file: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, file, problems: [{ path: '$', said: reason('validation.json', { reason: (e as Error).message }) }] };
  }
}

export function validateDataset(data: unknown, file = 'model'): Validated<Dataset> {
  return check(datasetSchema, data, file);
}

/** A scenario file as written: `name` and `description` may be given in both languages. */
export function validateScenarioFile(data: unknown, file = 'scenario'): Validated<ScenarioFile> {
  return check(scenarioFileSchema, data, file);
}

/** A scenario file read in the planner's language (see localiseScenario). */
export function validateScenario(data: unknown, file = 'scenario', lang: Lang = 'zh'): Validated<Scenario> {
  const v = validateScenarioFile(data, file);
  return v.ok ? { ok: true, value: localiseScenario(v.value, lang) } : v;
}

/** Checks a scenario against the model it names: ids must exist there. */
export function validateScenarioAgainst(s: Scenario, d: Dataset, file = 'scenario'): Validated<Scenario> {
  const problems: ValidationProblem[] = [];
  const minerals = new Set(d.minerals.map((m) => m.id));
  const units = new Set(d.units.map((u) => u.id));
  const zones = new Set(d.table23.zones.map((z) => z.id));
  const need = (ok: boolean, path: PropertyKey[], said: Reason) => {
    if (!ok) problems.push({ path: jsonPath(path), said });
  };
  const unknown = (kind: 'mineral' | 'county' | 'zone' | 'assumption', id: string) => reason(`validation.unknown.${kind}`, { id });
  if (s.model !== d.id) problems.push({ path: '$.model', said: reason('validation.wrongModel', { named: s.model, model: d.id }) });
  const mineralKeys = (rec: Record<string, unknown> | undefined, key: string) =>
    Object.keys(rec ?? {}).forEach((m) => need(minerals.has(m), [key, m], unknown('mineral', m)));
  mineralKeys(s.caps, 'caps');
  mineralKeys(s.minScale, 'minScale');
  mineralKeys(s.maxScale, 'maxScale');
  (s.largeMediumShare?.minerals ?? []).forEach((m, i) =>
    need(minerals.has(m), ['largeMediumShare', 'minerals', i], unknown('mineral', m)),
  );
  (s.excludedZones ?? []).forEach((z, i) => need(zones.has(z), ['excludedZones', i], unknown('zone', z)));
  const perUnit = (rec: Record<string, Record<string, unknown>> | undefined, key: PropertyKey[]) =>
    Object.entries(rec ?? {}).forEach(([u, byMineral]) => {
      need(units.has(u), [...key, u], unknown('county', u));
      Object.keys(byMineral).forEach((m) => need(minerals.has(m), [...key, u, m], unknown('mineral', m)));
    });
  perUnit(s.countyBounds, ['countyBounds']);
  perUnit(s.demand?.perCounty, ['demand', 'perCounty']);
  perUnit(s.reference, ['reference']);
  Object.entries(s.assumptions ?? {}).forEach(([a, v]) => {
    const own = d.assumptions.find((x) => x.id === a);
    if (!own) return need(false, ['assumptions', a], unknown('assumption', a));
    const [mine, theirs] = [formOf(v), formOf(own.value)];
    if (mine !== theirs && !(mine === 'map' && isEmpty(v)))
      return need(false, ['assumptions', a], reason('validation.form', { form: reason(`validation.form.${theirs}`), given: reason(`validation.form.${mine}`) }));
    // a map the model keys by minerals (density) or counties (population, roadKm) takes no other key: it would be ignored without a word
    const modelKeys = typeof own.value === 'object' ? Object.keys(own.value) : [];
    const kind = modelKeys.length === 0 ? null : modelKeys.every((k) => minerals.has(k)) ? 'mineral' : modelKeys.every((k) => units.has(k)) ? 'county' : null;
    if (kind && typeof v === 'object') Object.keys(v).forEach((k) => need((kind === 'mineral' ? minerals : units).has(k), ['assumptions', a, k], unknown(kind, k)));
    assumptionProblems(a, v).forEach((p) => need(false, ['assumptions', a, ...p.path], p.said));
  });
  scaleProblems(s, d).forEach((p) => problems.push(p));
  return problems.length ? { ok: false, file, problems: capProblems(problems) } : { ok: true, value: s };
}

type Form = 'number' | 'map' | 'matrix';

function formOf(v: AssumptionValue): Form {
  if (typeof v === 'number') return 'number';
  return Object.values(v).some((x) => typeof x !== 'number') ? 'matrix' : 'map';
}

function isEmpty(v: AssumptionValue): boolean {
  return typeof v !== 'number' && Object.keys(v).length === 0;
}

/**
 * A scenario's scales read with the model's: each class's minimum below the
 * next larger class's (else the smaller class is dropped), and a largest mine
 * no smaller than the smallest class's minimum (else no mine of the mineral
 * can exist, and its output silently becomes 0).
 */
function scaleProblems(s: Scenario, d: Dataset): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const touched = new Set([...Object.keys(s.minScale ?? {}), ...Object.keys(s.maxScale ?? {})]);
  for (const m of d.minerals) {
    if (!touched.has(m.id)) continue;
    const row = d.table21.rows.find((r) => r.mineral === m.id);
    const assumed = s.assumptions?.[`${m.id}Scale`] ?? d.assumptions.find((a) => a.id === `${m.id}Scale`)?.value;
    const planMin = (k: SizeClass): number | null | undefined =>
      row ? row[k] : typeof assumed === 'object' && typeof assumed[k] === 'number' ? assumed[k] : undefined;
    const given = s.minScale?.[m.id] ?? {};
    const mins = SIZE_CLASSES.map((k) => ({ k, x: given[k] ?? planMin(k) })).filter((c): c is { k: SizeClass; x: number } => typeof c.x === 'number');
    // SIZE_CLASSES runs large → small: each class's minimum must be above the next one's
    for (let i = 0; i + 1 < mins.length; i++) {
      const [big, small] = [mins[i], mins[i + 1]] as [{ k: SizeClass; x: number }, { k: SizeClass; x: number }];
      if (big.x <= small.x) {
        const at = given[small.k] !== undefined ? small.k : big.k;
        const [bigName, smallName] = [reason(`size.${big.k}`), reason(`size.${small.k}`)];
        out.push({ path: jsonPath(['minScale', m.id, at]), said: reason('validation.classDropped', { big: bigName, bigMin: big.x, small: smallName, smallMin: small.x }) });
      }
    }
    const largest = s.maxScale?.[m.id]?.large;
    const smallest = mins[mins.length - 1];
    if (largest !== undefined && smallest && largest < smallest.x)
      out.push({
        path: jsonPath(['maxScale', m.id, 'large']),
        said: reason('validation.noMine', { largest, min: smallest.x, size: reason(`size.${smallest.k}`), mineral: m.id }),
      });
  }
  return out;
}

/** A problem's reason in `lang`. */
export function problemText(p: ValidationProblem, lang: Lang): string {
  return sayReason(p.said, lang);
}

/** A file's problems as the command line prints them: `file: $.path: reason` lines in `lang`. */
export function formatProblems(v: { file: string; problems: readonly ValidationProblem[] }, lang: Lang): string {
  return v.problems.map((p) => `${v.file}: ${p.path}: ${problemText(p, lang)}`).join('\n');
}
