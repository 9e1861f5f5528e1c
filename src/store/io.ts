/**
 * Scenario files in and out. An imported file is untrusted: it is parsed and
 * validated in full (schema, then against the model it names) and every
 * problem is returned with its JSON path; nothing is stored unless it is valid.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { parseJson, validateScenario, validateScenarioAgainst, type Validated } from '../domain/validation';
import { canonicalJson } from './hash';
import type { ScenarioDraft } from './db';

export function parseScenarioFile(text: string, file: string, dataset: Dataset): Validated<Scenario> {
  const json = parseJson(text.replace(/^\uFEFF/, ''), file);
  if (!json.ok) return json;
  const shape = validateScenario(json.value, file);
  if (!shape.ok) return shape;
  return validateScenarioAgainst(shape.value, dataset, file);
}

/** The scenario as a file: keys in a stable order, two-space indent, newline at the end. */
export function scenarioFileText(scenario: ScenarioDraft): string {
  const sorted = JSON.parse(canonicalJson(scenario)) as Record<string, unknown>;
  const first = FIRST_KEYS.filter((k) => k in sorted);
  const ordered: Record<string, unknown> = {};
  for (const k of [...first, ...Object.keys(sorted).filter((k) => !first.includes(k))]) ordered[k] = sorted[k];
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** Keys a reader looks for first; the rest follow in alphabetical order. */
const FIRST_KEYS = ['format', 'name', 'description', 'model'];

/** A file name from a scenario name: keeps CJK, replaces characters file systems reject. */
export function scenarioFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'scenario';
  return `${safe}.scenario.json`;
}
