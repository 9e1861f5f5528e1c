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
import { capProblems, jsonPath, parseJson, protoKeys, safeParseListed, unionIssues, validateScenarioAgainst, type ValidationProblem } from '../../domain/validation';
import { fieldLabel } from '../../domain/field-labels';
import { domainMessageZh } from '../../domain/messages-zh';
import { resolveInputs } from '../../model/inputs';
import { lang, t } from '../i18n';
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
      return t('editor.v.type', { expected: t(`editor.v.kind.${issue.expected}`) });
    case 'too_small':
      return t(issue.inclusive ? 'editor.v.min' : 'editor.v.gt', { n: fmt(issue.minimum) });
    case 'too_big':
      return t(issue.inclusive ? 'editor.v.max' : 'editor.v.lt', { n: fmt(issue.maximum) });
    case 'unrecognized_keys':
      return t('editor.v.unknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return t('editor.v.oneOf', { values: issue.values.map((v) => String(v)).join(' / ') });
    case 'invalid_format':
      return t('editor.v.format', { reason: issue.message });
    case 'invalid_key':
      return t('editor.v.key', { reason: issue.issues.map(issueMessage).join('; ') });
    case 'invalid_union': {
      const first = issue.errors.map((branch) => branch[0]).find((x): x is Issue => x !== undefined && x.code !== 'invalid_type');
      if (first) return issueMessage(first);
      const text = issue.errors.some((branch) => branch[0]?.code === 'invalid_type' && branch[0].expected === 'string');
      return t('editor.v.type', { expected: t(text ? 'editor.v.kind.textOrBilingual' : 'editor.v.kind.numberOrRange') });
    }
    case 'custom':
      return customMessage(issue.message);
    default:
      return issue.message;
  }
}

/** The domain's checks speak English; the common ones are translated, the rest shown as written. */
export function customMessage(message: string): string {
  const unknown = /^unknown (mineral|county|zone|assumption|unit) "(.*)"$/.exec(message);
  if (unknown) return t(`editor.v.unknown.${unknown[1]}`, { id: unknown[2] ?? '' });
  const model = /^names model "(.*)" but the model is "(.*)"$/.exec(message);
  if (model) return t('editor.v.wrongModel', { named: model[1] ?? '', model: model[2] ?? '' });
  if (message === 'min is larger than max') return t('editor.v.minOverMax');
  if (message.startsWith('not valid JSON')) return t('editor.v.json', { reason: message.replace(/^not valid JSON: /, '') });
  if (message === 'a zone id is Z followed by two digits') return t('editor.v.zoneId');
  if (message === 'an id is ASCII letters, digits, _ or -') return t('editor.v.id');
  return (lang() === 'zh' && domainMessageZh(message)) || message;
}

/** Problems from src/domain/validation (already flattened to path + English message), translated. */
export function localizeProblems(problems: readonly ValidationProblem[]): Problem[] {
  return problems.map((p) => ({ path: p.path, message: customMessage(p.message) }));
}

/** zod issues as problems with localized reasons; a union's are those of the branch the value chose. */
function issueProblems(issues: readonly Issue[]): Problem[] {
  return capProblems(unionIssues(issues).map((i) => ({ path: jsonPath(i.path), message: issueMessage(i) })), lang());
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
