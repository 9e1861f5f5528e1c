/**
 * Node-only loading of model and scenario files for the CLIs and tests: read,
 * parse, validate the whole file, and report every problem with its JSON path
 * and its reason in `lang` (the CLI's --lang; English for the tools without one).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Dataset } from './dataset';
import { InputError } from './errors';
import type { Lang } from './label';
import { reason } from './reasons';
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

function fail(file: string, problems: ValidationProblem[], lang: Lang): never {
  throw new InputError(formatProblems({ file, problems }, lang), file, problems);
}

function unwrap<T>(v: Validated<T>, file: string, lang: Lang): T {
  if (!v.ok) fail(file, v.problems, lang);
  return v.value;
}

function readJson(path: string, lang: Lang): unknown {
  let text: string;
  try {
    const stat = statSync(path);
    const tooLarge = stat.isFile() ? fileSizeProblem(stat.size) : null;
    if (tooLarge) fail(path, [tooLarge], lang);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(path, [{ path: '$', said: reason('validation.cannotRead', { reason: (e as Error).message }) }], lang);
  }
  return unwrap(parseJson(text, path), path, lang);
}

/** Reads and validates a `quota-model/1` file; throws InputError with `file: $.path: reason` lines. */
export function loadDatasetFile(path: string, lang: Lang = 'en'): Dataset {
  return unwrap(validateDataset(readJson(path, lang), path), path, lang);
}

/** Reads and validates a `quota-scenario/1` file on its own; a name or description in both languages is read in `lang`, and so are the problems. */
export function loadScenarioFile(path: string, lang: Lang = 'zh'): Scenario {
  return unwrap(validateScenario(readJson(path, lang), path, lang), path, lang);
}

/** Checks every id a scenario uses against the model it runs on. */
export function checkScenarioAgainst(scenario: Scenario, dataset: Dataset, path: string, lang: Lang = 'en'): Scenario {
  return unwrap(validateScenarioAgainst(scenario, dataset, path), path, lang);
}
