/**
 * Checks a scenario draft the way a solve would: the zod schema, then the ids
 * against the model, then the engine's own reading of the inputs. Problems
 * carry the JSON path (the editor shows each beside its field) and a reason
 * in the planner's language; lists name the field by problemField, its
 * label and unit, never by the path.
 */
import type { z } from 'zod';
import type { Dataset } from '../../domain/dataset';
import { localiseScenario, scenarioFileSchema, scenarioSchema, type Scenario } from '../../domain/scenario';
import { capProblems, fileSizeProblem, jsonPath, parseJson, protoKeys, safeParseListed, unionIssues, validateScenarioAgainst, type ValidationProblem } from '../../domain/validation';
import { fieldLabel } from '../../domain/field-labels';
import { issueReason, type Reason, type ReasonKey } from '../../domain/reasons';
import { resolveInputs } from '../../model/inputs';
import { lang, t, tOr, type UiKey } from '../i18n';
import { dataset } from './model';

export interface Problem {
  path: string;
  message: string;
}

export type Checked = { ok: true; scenario: Scenario; problems: [] } | { ok: false; problems: Problem[] };

type Issue = z.core.$ZodIssue;

/** The field a problem is about as the planner knows it ("一二类固体矿产矿山数上限（个）"), for lists of problems away from the field. */
export function problemField(p: Pick<Problem, 'path'>): string {
  return fieldLabel(p.path, lang(), dataset());
}

/** A problem as one line away from its field: the field's label, then the rule it breaks. */
export function problemLine(p: Problem): string {
  return t('messages.problem', { field: problemField(p), rule: p.message });
}

function fmt(n: number | bigint): string {
  return String(n);
}

/** One zod issue in the current language; union failures show the first branch's reason. */
export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('editor.v.required');
      return t('editor.v.type', { expected: tOr(`editor.v.kind.${issue.expected}`, issue.expected) });
    case 'too_small':
      return t(issue.inclusive ? 'editor.v.min' : 'editor.v.gt', { n: fmt(issue.minimum) });
    case 'too_big':
      return t(issue.inclusive ? 'editor.v.max' : 'editor.v.lt', { n: fmt(issue.maximum) });
    case 'unrecognized_keys':
      return t('editor.v.unknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return t('editor.v.oneOf', { values: issue.values.map((v) => String(v)).join(' / ') });
    case 'invalid_format':
      return t('editor.v.format', { reason: issueReason(issue) });
    case 'invalid_key':
      return t('editor.v.key', { reason: issue.issues.map(issueMessage).join('; ') });
    case 'invalid_union': {
      const first = issue.errors.map((branch) => branch[0]).find((x): x is Issue => x !== undefined && x.code !== 'invalid_type');
      if (first) return issueMessage(first);
      const text = issue.errors.some((branch) => branch[0]?.code === 'invalid_type' && branch[0].expected === 'string');
      return t('editor.v.type', { expected: t(text ? 'editor.v.kind.textOrBilingual' : 'editor.v.kind.numberOrRange') });
    }
    case 'custom':
      return reasonText(issueReason(issue));
    default:
      return issue.message;
  }
}

/**
 * The reasons the editor has always put in its own words beside a field
 * (the command line keeps the domain's terser ones); every other reason is
 * said as the domain's dictionary (src/domain/dict/validation.ts) words it.
 */
const EDITOR_WORDS: Partial<Record<ReasonKey, UiKey>> = {
  'validation.unknown.mineral': 'editor.v.unknown.mineral',
  'validation.unknown.county': 'editor.v.unknown.county',
  'validation.unknown.unit': 'editor.v.unknown.unit',
  'validation.unknown.zone': 'editor.v.unknown.zone',
  'validation.unknown.assumption': 'editor.v.unknown.assumption',
  'validation.wrongModel': 'editor.v.wrongModel',
  'validation.minOverMax': 'editor.v.minOverMax',
  'validation.json': 'editor.v.json',
  'validation.id': 'editor.v.id',
};

/** A reason of the domain's checks in the planner's language. */
function reasonText(r: Reason): string {
  return t(EDITOR_WORDS[r.key] ?? r.key, r.params);
}

/** Problems from src/domain/validation (a path and a reason each), said in the planner's language. */
export function localizeProblems(problems: readonly ValidationProblem[]): Problem[] {
  return problems.map((p) => ({ path: p.path, message: reasonText(p.said) }));
}

/** The problem of a file too large to read (its size alone), or null. */
export function sizeProblem(bytes: number): Problem | null {
  const p = fileSizeProblem(bytes);
  return p && { path: p.path, message: reasonText(p.said) };
}

/** zod issues as problems with localized reasons; a union's are those of the branch the value chose. */
function issueProblems(issues: readonly Issue[]): Problem[] {
  return capProblems(unionIssues(issues).map((i) => ({ path: jsonPath(i.path), message: issueMessage(i) }))).map((p) => ('said' in p ? { path: p.path, message: reasonText(p.said) } : p));
}

/** Problems of an arbitrary JSON value read as a scenario, with localized reasons. */
export function schemaProblems(value: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return { ok: false, problems: issueProblems(parsed.error.issues) };
}

export function checkDraft(dataset: Dataset, draft: unknown): Checked {
  const shape = schemaProblems(draft);
  if (!shape.ok) return shape;
  const ids = validateScenarioAgainst(shape.scenario, dataset);
  if (!ids.ok) return { ok: false, problems: localizeProblems(ids.problems) };
  try {
    resolveInputs(dataset, shape.scenario);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: t('editor.v.engine', { reason: (e as Error).message }) }] };
  }
  return { ok: true, scenario: shape.scenario, problems: [] };
}

/**
 * An imported scenario file, checked in full with reasons in the planner's
 * language: JSON syntax, then the schema, then the model's ids. A name or
 * description given in both languages is kept in the planner's.
 */
export function checkScenarioFile(
  text: string,
  file: string,
  dataset: Dataset,
): { ok: true; scenario: Scenario } | { ok: false; file: string; problems: Problem[] } {
  const json = parseJson(text.replace(/^\uFEFF/, ''), file);
  if (!json.ok) return { ok: false, file, problems: localizeProblems(json.problems) };
  // JSON.parse keeps a key __proto__ as data, which the schema would drop without a word
  const reserved = protoKeys(json.value);
  if (reserved.length) return { ok: false, file, problems: localizeProblems(capProblems(reserved)) };
  const shape = safeParseListed(scenarioFileSchema, json.value, { reportInput: true });
  if ('tooLong' in shape) return { ok: false, file, problems: localizeProblems([shape.tooLong]) };
  if (!shape.success) return { ok: false, file, problems: issueProblems(shape.error.issues) };
  const scenario = localiseScenario(shape.data, lang());
  const ids = validateScenarioAgainst(scenario, dataset, file);
  if (!ids.ok) return { ok: false, file, problems: localizeProblems(ids.problems) };
  return { ok: true, scenario };
}
