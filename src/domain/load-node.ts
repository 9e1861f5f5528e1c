/**
 * Node-only loading of a model file for the CLIs and tests: read, parse,
 * validate the whole file, and report every problem with its JSON path.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from './dataset';
import { InputError } from './errors';
import { formatProblems, parseJson, validateDataset, type ValidationProblem } from './validation';

function fail(file: string, problems: ValidationProblem[]): never {
  throw new InputError(formatProblems({ file, problems }), file, problems);
}

/** Reads and validates a `quota-model/1` file; throws InputError with `file: $.path: reason` lines. */
export function loadDatasetFile(path: string): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(path, [{ path: '$', message: `cannot read the file: ${(e as Error).message}` }]);
  }
  const json = parseJson(text, path);
  if (!json.ok) fail(path, json.problems);
  const data = validateDataset(json.value, path);
  if (!data.ok) fail(path, data.problems);
  return data.value;
}
