/**
 * Validation of untrusted files: every problem is reported with the file, the
 * JSON path and the reason, and nothing is used until the whole file is valid.
 */
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './dataset';
import type { Lang } from './label';
import { localiseScenario, scenarioFileSchema, type Scenario, type ScenarioFile } from './scenario';

export interface ValidationProblem {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; file: string; problems: ValidationProblem[] };

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

function check<T>(schema: z.ZodType<T>, data: unknown, file: string): Validated<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    file,
    problems: unionIssues(parsed.error.issues).map((i) => ({ path: jsonPath(i.path), message: i.message })),
  };
}

/** Parses JSON text; a syntax error becomes a problem at `$` with the parser's reason. */
export function parseJson(text: string, file: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, file, problems: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
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
  const assumptions = new Set(d.assumptions.map((a) => a.id));
  const need = (ok: boolean, path: PropertyKey[], message: string) => {
    if (!ok) problems.push({ path: jsonPath(path), message });
  };
  if (s.model !== d.id) problems.push({ path: '$.model', message: `names model "${s.model}" but the model is "${d.id}"` });
  const mineralKeys = (rec: Record<string, unknown> | undefined, key: string) =>
    Object.keys(rec ?? {}).forEach((m) => need(minerals.has(m), [key, m], `unknown mineral "${m}"`));
  mineralKeys(s.caps, 'caps');
  mineralKeys(s.minScale, 'minScale');
  mineralKeys(s.maxScale, 'maxScale');
  (s.largeMediumShare?.minerals ?? []).forEach((m, i) =>
    need(minerals.has(m), ['largeMediumShare', 'minerals', i], `unknown mineral "${m}"`),
  );
  (s.excludedZones ?? []).forEach((z, i) => need(zones.has(z), ['excludedZones', i], `unknown zone "${z}"`));
  const perUnit = (rec: Record<string, Record<string, unknown>> | undefined, key: PropertyKey[]) =>
    Object.entries(rec ?? {}).forEach(([u, byMineral]) => {
      need(units.has(u), [...key, u], `unknown county "${u}"`);
      Object.keys(byMineral).forEach((m) => need(minerals.has(m), [...key, u, m], `unknown mineral "${m}"`));
    });
  perUnit(s.countyBounds, ['countyBounds']);
  perUnit(s.demand?.perCounty, ['demand', 'perCounty']);
  perUnit(s.reference, ['reference']);
  Object.keys(s.assumptions ?? {}).forEach((a) => need(assumptions.has(a), ['assumptions', a], `unknown assumption "${a}"`));
  return problems.length ? { ok: false, file, problems } : { ok: true, value: s };
}

export function formatProblems(v: { file: string; problems: ValidationProblem[] }): string {
  return v.problems.map((p) => `${v.file}: ${p.path}: ${p.message}`).join('\n');
}
