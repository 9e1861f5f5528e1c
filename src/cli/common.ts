/**
 * What every scenario command shares: `<scenario.json> [--model <file>]
 * [--json] [--lang zh|en]`, loading the scenario and the model it names (or
 * --model), and the exit protocol (1 with `file: $.path: reason` on bad input).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import { mergeWords, translators, type KeyOf, type Translate } from '../domain/i18n';
import { ModelInputError, resolveInputs } from '../model/inputs';
import { DEFAULT_RANGE_TOLERANCE } from '../model/ranges';
import type { Lang } from '../domain/label';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../domain/load-node';
import { MAX_TIME_LIMIT_SEC, type Scenario } from '../domain/scenario';
import { presentWords } from '../present/words';
import cliWords from './words';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../models');

const COMMON_OPTIONS = {
  model: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'zh' },
} as const satisfies ParseArgsOptionsConfig;

export interface CommonOptions {
  scenario: string;
  model: string | undefined;
  json: boolean;
  lang: Lang;
}

/** Parses the common flags and the command's own; a mistake is an InputError carrying the usage. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(argv: string[], usage: string, own: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON_OPTIONS, ...own } });
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const common = values as { model?: string; json?: boolean; lang?: string };
  if (positionals.length !== 1) throw new InputError(`give exactly one scenario file\n${usage}`);
  if (common.lang !== 'zh' && common.lang !== 'en') throw new InputError(`--lang is zh or en\n${usage}`);
  const options: CommonOptions = { scenario: positionals[0] as string, model: common.model, json: common.json ?? false, lang: common.lang };
  return { options, values };
}

/**
 * The scenario file (read in --lang) and the model it names (models/<id>.json
 * unless --model), checked against each other and read the way a solve reads
 * them, so a figure the engine cannot use is bad input here, not a crash later.
 */
export function loadScenarioAndModel(o: CommonOptions): { dataset: Dataset; scenario: Scenario } {
  const named = loadScenarioFile(o.scenario, o.lang);
  const modelFile = o.model ?? resolve(MODELS_DIR, `${named.model}.json`);
  const dataset = loadDatasetFile(modelFile, o.lang);
  const scenario = checkScenarioAgainst(named, dataset, o.scenario, o.lang);
  try {
    resolveInputs(dataset, scenario);
  } catch (e) {
    if (e instanceof ModelInputError) throw new InputError(`${o.scenario}: $: ${e.message} (model ${modelFile})`, o.scenario);
    throw e;
  }
  return { dataset, scenario };
}

// the commands' own words and every word below the UI, which names the model's rows and units
const words = mergeWords(presentWords, cliWords);

export type CliKey = KeyOf<typeof words>;

/** What the commands print, in the reader's --lang. */
export const cliTranslator: (lang: Lang) => Translate<CliKey> = translators(words);

/** Where a command writes its text; the CLI's is the process's, a test's collects it. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/**
 * Runs a command and gives its exit code: bad input prints its message and is
 * 1; any other error is a programming error and keeps its stack trace.
 */
export async function runMain(main: () => Promise<number>, io: Io = processIo): Promise<number> {
  try {
    return await main();
  } catch (e) {
    io.err(`${e instanceof InputError ? e.message : (e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

/** Runs a command as the process: its number is the exit code. */
export function runCommand(main: () => Promise<number>): void {
  void runMain(main).then((code) => process.exit(code));
}

/** The module is the script node was started with (not imported by a test). */
export function isEntry(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}

/**
 * Checks that every file a command will write can be written, before it
 * writes any: a wrong folder on the second must not leave the first written.
 */
export function checkOutputFiles(files: { flag: string; path: string | undefined }[]): void {
  const given = files.filter((f): f is { flag: string; path: string } => f.path !== undefined);
  const seen = new Map<string, string>();
  for (const { flag, path } of given) {
    const full = resolve(path);
    const fail = (reason: string): never => {
      throw new InputError(`${path || `${flag} ""`}: $: cannot write ${flag}: ${reason}; nothing was written`, path);
    };
    if (path.trim() === '') fail('no file name given');
    const other = seen.get(full);
    if (other) fail(`${other} names the same file`);
    seen.set(full, flag);
    const dir = dirname(full);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      fail(`the folder ${dir} does not exist`);
    }
    if (!isDir) fail(`${dir} is not a folder`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      fail(`the folder ${dir} is not writable`);
    }
    let existing = null;
    try {
      existing = statSync(full);
    } catch {
      continue;
    }
    if (existing.isDirectory()) fail('it is a folder');
    try {
      accessSync(full, constants.W_OK);
    } catch {
      fail('the file is not writable');
    }
  }
}

/** The flags of commands that compute quota ranges (solve, path). */
export const RANGE_FLAGS = {
  ranges: { type: 'boolean' },
  tolerance: { type: 'string' },
  'range-time': { type: 'string' },
} as const;

export interface RangeFlags {
  ranges: boolean;
  tolerance: number;
  /** the planner's limit for each end of a range; none unless given, so the ranges do not depend on the machine's load */
  rangeTimeSec: number | undefined;
}

export function rangeFlags(values: { ranges?: boolean; tolerance?: string; 'range-time'?: string }, usage: string): RangeFlags {
  // Number('') is 0: an empty flag is a mistake, not a zero
  const given = (text: string | undefined) => (text === undefined ? undefined : text.trim() === '' ? NaN : Number(text));
  const tolerance = given(values.tolerance) ?? DEFAULT_RANGE_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 1) throw new InputError(`--tolerance: a fraction between 0 and 1, not "${values.tolerance}"\n${usage}`);
  const seconds = given(values['range-time']);
  if (seconds !== undefined && (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIME_LIMIT_SEC))
    throw new InputError(`--range-time: seconds above 0 and at most ${MAX_TIME_LIMIT_SEC}, not "${values['range-time']}"\n${usage}`);
  return { ranges: values.ranges === true, tolerance, rangeTimeSec: seconds };
}
