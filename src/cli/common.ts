/**
 * What every scenario command shares: `<scenario.json> [--model <file>]
 * [--json] [--lang zh|en]`, loading the scenario and the model it names (or
 * --model), and the exit protocol (1 with `file: $.path: reason` on bad input).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import { MAX_TIME_LIMIT_SEC } from '../model/inputs';
import { DEFAULT_RANGE_TIME_SEC, DEFAULT_RANGE_TOLERANCE } from '../model/ranges';
import type { Lang } from '../domain/label';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../domain/load-node';
import type { Scenario } from '../domain/scenario';

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
 * The scenario file (read in --lang) and the model it names (models/<id>.json unless --model), checked against each other.
 * A time limit above MAX_TIME_LIMIT_SEC is solved with that maximum (model/inputs.ts timeLimitOf), and stderr says so.
 */
export function loadScenarioAndModel(o: CommonOptions): { dataset: Dataset; scenario: Scenario } {
  const named = loadScenarioFile(o.scenario, o.lang);
  const dataset = loadDatasetFile(o.model ?? resolve(MODELS_DIR, `${named.model}.json`));
  const scenario = checkScenarioAgainst(named, dataset, o.scenario);
  if (scenario.timeLimitSec !== undefined && scenario.timeLimitSec > MAX_TIME_LIMIT_SEC)
    process.stderr.write(
      o.lang === 'zh'
        ? `${o.scenario}: $.timeLimitSec: ${scenario.timeLimitSec} 秒超过求解时限上限 ${MAX_TIME_LIMIT_SEC} 秒，按 ${MAX_TIME_LIMIT_SEC} 秒求解\n`
        : `${o.scenario}: $.timeLimitSec: ${scenario.timeLimitSec} s is above the longest time limit, ${MAX_TIME_LIMIT_SEC} s; solving with ${MAX_TIME_LIMIT_SEC} s\n`,
    );
  return { dataset, scenario };
}

/** Runs a command: its number is the exit code; bad input prints its message and exits 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof InputError ? e.message : (e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
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
  rangeTimeSec: number;
}

export function rangeFlags(values: { ranges?: boolean; tolerance?: string; 'range-time'?: string }, usage: string): RangeFlags {
  const tolerance = values.tolerance === undefined ? DEFAULT_RANGE_TOLERANCE : Number(values.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 1) throw new InputError(`--tolerance: a fraction between 0 and 1, not "${values.tolerance}"\n${usage}`);
  const seconds = values['range-time'] === undefined ? DEFAULT_RANGE_TIME_SEC : Number(values['range-time']);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InputError(`--range-time: seconds above 0, not "${values['range-time']}"\n${usage}`);
  return { ranges: values.ranges === true, tolerance, rangeTimeSec: seconds };
}
