/**
 * Node-only loading of model and scenario files for the CLIs and tests: read,
 * parse, validate the whole file, and report every problem with its JSON path.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Dataset } from './dataset';
import { InputError } from './errors';
import type { Lang } from './label';
import type { Scenario } from './scenario';
import {
  fileSizeProblem,
  formatProblems,
  parseJson,
  validateDataset,
  validateScenario,
  validateScenarioAgainst,
  type Validated,
  type ValidationProblem,
} from './validation';

function fail(file: string, problems: ValidationProblem[]): never {
  throw new InputError(formatProblems({ file, problems }), file, problems);
}

function unwrap<T>(v: Validated<T>, file: string): T {
  if (!v.ok) fail(file, v.problems);
  return v.value;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    const stat = statSync(path);
    const tooLarge = stat.isFile() ? fileSizeProblem(stat.size) : null;
    if (tooLarge) fail(path, [tooLarge]);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(path, [{ path: '$', message: `cannot read the file: ${(e as Error).message}` }]);
  }
  return unwrap(parseJson(text, path), path);
}

/** Reads and validates a `quota-model/1` file; throws InputError with `file: $.path: reason` lines. */
export function loadDatasetFile(path: string): Dataset {
  return unwrap(validateDataset(readJson(path), path), path);
}

/** Reads and validates a `quota-scenario/1` file on its own; a name or description in both languages is read in `lang`. */
export function loadScenarioFile(path: string, lang: Lang = 'zh'): Scenario {
  return unwrap(validateScenario(readJson(path), path, lang), path);
}

/** Checks every id a scenario uses against the model it runs on. */
export function checkScenarioAgainst(scenario: Scenario, dataset: Dataset, path: string): Scenario {
  return unwrap(validateScenarioAgainst(scenario, dataset, path), path);
}
