/**
 * Scenario files in (the writer is domain/scenario-json.ts). An imported
 * file is untrusted: it is parsed and validated in full (schema, then
 * against the model it names) and every problem is returned with its JSON
 * path; nothing is stored unless it is valid.
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { parseJson, validateScenario, validateScenarioAgainst, type Validated } from '../domain/validation';

export function parseScenarioFile(text: string, file: string, dataset: Dataset): Validated<Scenario> {
  const json = parseJson(text.replace(/^\uFEFF/, ''), file);
  if (!json.ok) return json;
  const shape = validateScenario(json.value, file);
  if (!shape.ok) return shape;
  return validateScenarioAgainst(shape.value, dataset, file);
}

/** A file name from a scenario name: keeps CJK, replaces characters file systems reject. */
export function scenarioFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'scenario';
  return `${safe}.scenario.json`;
}
