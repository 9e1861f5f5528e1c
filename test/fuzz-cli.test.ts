/**
 * Hostile model and scenario files through the real commands (issue 9): every
 * file either gets `file: $.path: reason` lines (no stack trace, stderr
 * bounded, exit 1, no output file written) or is accepted and solved with
 * finite results. The generator is seeded, so every run tries the same files.
 *
 * The tiny region and a scenario using every key are mutated leaf by leaf and
 * solved in-process with the solve command's own main; the Hotan model's 354
 * figures are mutated through the same validation entry, and an accepted one
 * must build a model whose every coefficient is finite (a sample is solved).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/domain/errors';
import { MAX_INPUT_BYTES, MAX_PROBLEMS } from '../src/domain/validation';
import { buildModel } from '../src/model/build';
import { loadScenarioAndModel, runMain, type Io } from '../src/cli/common';
import { main as solveMain } from '../src/cli/solve';
import { main as sweepMain } from '../src/cli/sweep';
import { TINY_PATH } from './helpers/tiny';
import { HOSTILE_NUMBERS, nonsenseScenarios, numericLeaves, richScenario, seeded, TINY_IDS, unknownZones, withLeaf, type Json } from './helpers/hostile-files';

const HOTAN_PATH = 'models/hotan-2021-2025.json';
const dir = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The most a rejected file may print: 50 problems and the count of the rest. */
const STDERR_BOUND = 40_000;
const ERROR_LINE = /^[^\n:]+: \$[^\s]*: \S/;

const tinyModel = JSON.parse(readFileSync(TINY_PATH, 'utf8')) as Json;
const hotanModel = JSON.parse(readFileSync(HOTAN_PATH, 'utf8')) as Json;

/** `accepted`: solved through the command with finite results; `built`: a Hotan file accepted by the validation entry whose built model is finite. */
type Outcome = 'clear error' | 'crash' | 'partial write' | 'silent acceptance' | 'accepted' | 'built';

interface Tally {
  tried: number;
  counts: Record<Outcome, number>;
  examples: Partial<Record<Outcome, string[]>>;
}

const tally: Tally = {
  tried: 0,
  counts: { 'clear error': 0, crash: 0, 'partial write': 0, 'silent acceptance': 0, accepted: 0, built: 0 },
  examples: {},
};

function record(outcome: Outcome, what: string): Outcome {
  tally.tried++;
  tally.counts[outcome]++;
  const list = (tally.examples[outcome] ??= []);
  if (list.length < 5) list.push(what);
  return outcome;
}

function collectingIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Rejected as the README promises: exit 1, only `file: $.path: reason` lines, no stack, bounded. */
function isClearError(code: number, stderr: string): boolean {
  const lines = stderr.trimEnd().split('\n');
  return code === 1 && stderr.length < STDERR_BOUND && !/\n\s+at /.test(stderr) && lines.length <= MAX_PROBLEMS + 1 && lines.every((l) => ERROR_LINE.test(l));
}

/** An accepted file's answer: a solved one has a finite objective and finite volumes. */
function finiteAnswer(code: number, stdout: string): boolean {
  if (code === 2) return true;
  if (code !== 0) return false;
  const r = JSON.parse(stdout) as { objective: unknown; totals: Record<string, { volume: unknown }>; counties: { volume: unknown }[] };
  const numbers = [r.objective, ...Object.values(r.totals).map((t) => t.volume), ...r.counties.map((c) => c.volume)];
  return numbers.every((x) => typeof x === 'number' && Number.isFinite(x));
}

let serial = 0;

/**
 * Solves one scenario (and model) with --json, --lp and --csv into a fresh
 * folder and classifies what happened. `mustReject`: nonsense the issue names.
 */
async function trySolve(what: string, scenario: Json | string, model: Json | string, mustReject = false): Promise<Outcome> {
  const here = join(dir, `case-${serial++}`);
  const out = join(here, 'out');
  mkdirSync(out, { recursive: true });
  const scenarioPath = join(here, 'scenario.json');
  const modelPath = join(here, 'model.json');
  writeFileSync(scenarioPath, typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  writeFileSync(modelPath, typeof model === 'string' ? model : JSON.stringify(model));
  const io = collectingIo();
  const code = await runMain(() => solveMain([scenarioPath, '--model', modelPath, '--json', '--lp', join(out, 'a.lp'), '--csv', join(out, 'a.csv')], io), io);
  const written = readdirSync(out);
  rmSync(here, { recursive: true, force: true });
  if (code === 1) {
    if (written.length > 0) return record('partial write', `${what}: wrote ${written.join(', ')} and failed`);
    return record(isClearError(code, io.stderr) ? 'clear error' : 'crash', `${what}: ${io.stderr.slice(0, 300)}`);
  }
  if (code === 0 && written.length !== 2) return record('partial write', `${what}: exit 0 but wrote ${written.join(', ') || 'nothing'}`);
  if (mustReject || !finiteAnswer(code, io.stdout)) return record('silent acceptance', `${what}: exit ${code}`);
  return record('accepted', what);
}

/** Every coefficient and bound of the built model is finite (what a solve of it would be given). */
function finiteModel(built: ReturnType<typeof buildModel>): boolean {
  const { objective, variables, constraints } = built.linear;
  const ok = (x: number | null) => x === null || Number.isFinite(x);
  return (
    objective.every((t) => ok(t.coef)) &&
    variables.every((v) => ok(v.lb) && ok(v.ub)) &&
    constraints.every((c) => ok(c.lb) && ok(c.ub) && c.terms.every((t) => ok(t.coef)))
  );
}

describe('hostile files through solve', () => {
  it('the rich scenario itself is accepted and solved', async () => {
    expect(await trySolve('rich scenario', richScenario, tinyModel)).toBe('accepted');
  });

  it('every numeric leaf of the scenario, set to each hostile value', async () => {
    const outcomes: Outcome[] = [];
    for (const path of numericLeaves(richScenario))
      for (const v of HOSTILE_NUMBERS) outcomes.push(await trySolve(`scenario $.${path.join('.')} = ${JSON.stringify(v)}`, withLeaf(richScenario, path, v), tinyModel));
    expect(outcomes).not.toContain('crash');
    expect(outcomes).not.toContain('partial write');
    expect(outcomes).not.toContain('silent acceptance');
    // 1e308, strings, null and arrays are never a figure
    expect(outcomes.filter((o) => o === 'clear error').length).toBeGreaterThanOrEqual(numericLeaves(richScenario).length * 5);
  }, 600_000);

  it('every numeric leaf of the tiny model, set to each hostile value', async () => {
    const outcomes: Outcome[] = [];
    const scenario = { format: 'quota-scenario/1', name: 'fuzz', model: 'tiny-region' };
    for (const path of numericLeaves(tinyModel))
      for (const v of HOSTILE_NUMBERS) outcomes.push(await trySolve(`model $.${path.join('.')} = ${JSON.stringify(v)}`, scenario, withLeaf(tinyModel, path, v)));
    expect(outcomes).not.toContain('crash');
    expect(outcomes).not.toContain('partial write');
    expect(outcomes).not.toContain('silent acceptance');
  }, 600_000);

  it('the nonsense issue 9 names is refused, each with the figure and why', async () => {
    // the tiny region has no value per unit: that case gets a model with one
    const valued = withLeaf(tinyModel, ['assumptions'], [...((tinyModel as Record<string, Json[]>).assumptions ?? []), { id: 'valuePerUnit', label: { zh: '单位价值', en: 'value per unit' }, assumption: true, value: { sand: 20 }, unit: '万元', reason: 'fuzz' }]);
    const cases: [string, Json, Json][] = nonsenseScenarios(richScenario, TINY_IDS).map(([what, scenario]) => [what, scenario, what === 'a negative value per unit' ? valued : tinyModel]);
    for (const [what, scenario, model] of cases) expect([what, await trySolve(what, scenario, model, true)]).toEqual([what, 'clear error']);
    const modelIds: [string, Json][] = [
      ['model mineral id toString', JSON.parse(JSON.stringify(tinyModel).replaceAll('"stone"', '"toString"')) as Json],
      ['model county id constructor', JSON.parse(JSON.stringify(tinyModel).replaceAll('"south"', '"constructor"')) as Json],
      ['model county id __proto__', JSON.parse(JSON.stringify(tinyModel).replaceAll('"south"', '"__proto__"')) as Json],
    ];
    for (const [what, model] of modelIds) {
      const scenario = { format: 'quota-scenario/1', name: 'fuzz', model: 'tiny-region' };
      expect([what, await trySolve(what, scenario, model, true)]).toEqual([what, 'clear error']);
    }
  }, 600_000);

  it('200,000 unknown zone ids: 50 problems and the count of the rest', async () => {
    const zones = unknownZones(200_000);
    const io = collectingIo();
    const path = join(dir, 'many-zones.json');
    writeFileSync(path, JSON.stringify({ ...(richScenario as object), excludedZones: zones }));
    const code = await runMain(() => solveMain([path, '--model', TINY_PATH, '--json', '--lang', 'en'], io), io);
    record(isClearError(code, io.stderr) ? 'clear error' : 'crash', '200,000 unknown zones');
    expect(code).toBe(1);
    const lines = io.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines[0]).toBe(`${path}: $.excludedZones[0]: unknown zone "Z1000"`);
    expect(lines[MAX_PROBLEMS]).toBe(`${path}: $: and ${200_000 - MAX_PROBLEMS} more problems (only the first ${MAX_PROBLEMS} are listed)`);
  });

  it('a file over the stated size is refused before it is parsed', async () => {
    const big = JSON.stringify({ ...(richScenario as object), description: 'x'.repeat(MAX_INPUT_BYTES) });
    expect(await trySolve('oversize scenario', big, tinyModel, true)).toBe('clear error');
    const io = collectingIo();
    const path = join(dir, 'big.json');
    writeFileSync(path, big);
    expect(await runMain(() => solveMain([path, '--model', TINY_PATH, '--lang', 'en'], io), io)).toBe(1);
    expect(io.stderr).toMatch(/^\S+big\.json: \$: the file is 8\.0 MB, more than the 8 MB .* it was not read\n$/);
  });

  it('--csv to a folder that does not exist writes no file at all, not even the LP file', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const scenarioPath = join(dir, 'ok.json');
    writeFileSync(scenarioPath, JSON.stringify(richScenario));
    const io = collectingIo();
    const code = await runMain(() => solveMain([scenarioPath, '--model', TINY_PATH, '--lp', join(out, 'a.lp'), '--csv', '/nonexistent/dir/a.csv'], io), io);
    record(code === 1 && readdirSync(out).length === 0 ? 'clear error' : 'partial write', '--csv into a missing folder');
    expect(code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(io.stderr).toBe('/nonexistent/dir/a.csv: $: cannot write --csv: the folder /nonexistent/dir does not exist; nothing was written\n');
    expect(io.stdout).toBe('');
  });

  it('--lp and --csv naming the same file are refused', async () => {
    const scenarioPath = join(dir, 'ok2.json');
    writeFileSync(scenarioPath, JSON.stringify(richScenario));
    const same = join(dir, 'same.out');
    const io = collectingIo();
    expect(await runMain(() => solveMain([scenarioPath, '--model', TINY_PATH, '--lp', same, '--csv', same], io), io)).toBe(1);
    expect(io.stderr).toContain('cannot write --csv: --lp names the same file');
    expect(existsSync(same)).toBe(false);
  });
});

describe('hostile figures in the Hotan model', () => {
  it('every numeric leaf, set to each hostile value, is refused clearly or builds a finite model', async () => {
    const random = seeded(9);
    const scenarioPath = join(dir, 'hotan-baseline.json');
    writeFileSync(scenarioPath, JSON.stringify({ format: 'quota-scenario/1', name: 'fuzz', model: 'hotan-2021-2025', timeLimitSec: 30 }));
    const modelPath = join(dir, 'hotan.json');
    const outcomes: Outcome[] = [];
    const accepted: Json[] = [];
    for (const path of numericLeaves(hotanModel))
      for (const v of HOSTILE_NUMBERS) {
        const what = `Hotan $.${path.join('.')} = ${JSON.stringify(v)}`;
        const model = withLeaf(hotanModel, path, v);
        writeFileSync(modelPath, JSON.stringify(model));
        try {
          const { dataset, scenario } = loadScenarioAndModel({ scenario: scenarioPath, model: modelPath, json: true, lang: 'en' });
          if (!finiteModel(buildModel(dataset, scenario))) outcomes.push(record('silent acceptance', `${what}: a coefficient is not finite`));
          else {
            accepted.push(model);
            outcomes.push(record('built', what));
          }
        } catch (e) {
          const message = e instanceof InputError ? e.message : String((e as Error).stack);
          outcomes.push(record(e instanceof InputError && isClearError(1, `${message}\n`) ? 'clear error' : 'crash', `${what}: ${message.slice(0, 300)}`));
        }
      }
    expect(tally.examples.crash ?? []).toEqual([]);
    expect(outcomes).not.toContain('silent acceptance');
    // a seeded sample of the accepted ones is solved through the command, outputs and all
    for (let i = 0; i < 4 && accepted.length > 0; i++) {
      const model = accepted[Math.floor(random() * accepted.length)] as Json;
      const scenario = { format: 'quota-scenario/1', name: 'fuzz', model: 'hotan-2021-2025', timeLimitSec: 30 };
      expect(await trySolve(`Hotan sample ${i}`, scenario, model)).toBe('accepted');
    }
  }, 600_000);
});

describe('hostile flags', () => {
  /** A flag's mistake: exit 1, the reason on one line and the usage on the next, no stack. */
  function isClearFlagError(code: number, stderr: string): boolean {
    const lines = stderr.trimEnd().split('\n');
    return code === 1 && lines.length === 2 && (lines[0] ?? '').length > 0 && (lines[1] ?? '').startsWith('usage: ') && !/\n\s+at /.test(stderr);
  }

  it('solve refuses each before solving, with the flag and the usage', async () => {
    const scenarioPath = join(dir, 'flags.json');
    writeFileSync(scenarioPath, JSON.stringify(richScenario));
    const cases: string[][] = [
      ['--range-time', '1e308', '--ranges'],
      ['--range-time', 'NaN'],
      ['--tolerance', '2'],
      ['--tolerance', ''],
      ['--range-time', ' '],
      ['--lang', 'fr'],
      ['--bogus'],
      ['--model'],
      [scenarioPath],
    ];
    for (const extra of cases) {
      const io = collectingIo();
      const code = await runMain(() => solveMain([scenarioPath, '--model', TINY_PATH, ...extra], io), io);
      const outcome = record(isClearFlagError(code, io.stderr) ? 'clear error' : 'crash', `solve ${extra.join(' ')}: ${io.stderr.slice(0, 200)}`);
      expect([extra.join(' '), outcome]).toEqual([extra.join(' '), 'clear error']);
      expect(io.stdout).toBe('');
    }
  });

  it('an output path that is a folder, or empty, is refused before solving', async () => {
    const scenarioPath = join(dir, 'flags2.json');
    writeFileSync(scenarioPath, JSON.stringify(richScenario));
    for (const [out, reason] of [[dir, 'it is a folder'], ['', 'no file name given']] as const) {
      const io = collectingIo();
      const code = await runMain(() => solveMain([scenarioPath, '--model', TINY_PATH, '--csv', out], io), io);
      record(isClearError(code, io.stderr) ? 'clear error' : 'crash', `--csv "${out}"`);
      expect(code).toBe(1);
      expect(io.stderr).toBe(`${out || '--csv ""'}: $: cannot write --csv: ${reason}; nothing was written\n`);
    }
  });
});

describe('sweep', () => {
  it('--steps 1e9 is refused before any point is made', async () => {
    const io = collectingIo();
    const code = await runMain(() => sweepMain(['scenarios/baseline.json', '--param', 'caps.sand', '--from', '0', '--to', '2000', '--steps', '1e9'], io), io);
    record(code === 1 && !/\n\s+at /.test(io.stderr) ? 'clear error' : 'crash', 'sweep --steps 1e9');
    expect(code).toBe(1);
    expect(io.stderr.split('\n')[0]).toBe('--steps: 1000000000 = 1000000000 points is more than 10000 (one solve each)');
  });
});

describe('the real processes', () => {
  const run = promisify(execFile);
  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', ...args], { maxBuffer: 1 << 24 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it('exit 1 and `file: $.path: reason` on stderr, nothing on stdout, no stack', async () => {
    const path = join(dir, 'proc.json');
    writeFileSync(path, JSON.stringify({ format: 'quota-scenario/1', name: 'x', model: 'hotan-2021-2025', caps: { toString: 5, sand: 1e308 }, timeLimitSec: 3e6 }));
    const r = await cli('src/cli/solve.ts', path, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toContain(`${path}: $.caps.toString: this name is reserved (toString, constructor, valueOf, ...): choose another id`);
    expect(lines.some((l) => l.startsWith(`${path}: $.caps.sand: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${path}: $.timeLimitSec: at most 2000000 s`))).toBe(true);
    expect(lines.every((l) => ERROR_LINE.test(l))).toBe(true);
  });

  it('frontier --max-solves 1e9 and path --absolute toString=5 exit 1 with the reason', async () => {
    const f = await cli('src/cli/frontier.ts', 'scenarios/baseline.json', '--max-solves', '1e9');
    expect([f.code, f.stderr.split('\n')[0]]).toEqual([1, '--max-solves: 1e9 is more than 10000']);
    const p = await cli('src/cli/path.ts', 'scenarios/baseline.json', '--absolute', 'toString=5');
    expect([p.code, p.stderr.split('\n')[0]]).toEqual([1, '--absolute: "toString=5" is not mineral=number (a mineral id and a number from 0 to 1000000000)']);
  });

  it('sweep --steps 1e9 exits 1 with the reason', async () => {
    const r = await cli('src/cli/sweep.ts', 'scenarios/baseline.json', '--param', 'caps.sand', '--from', '0', '--to', '1', '--steps', '1e9');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^--steps: 1000000000 = 1000000000 points is more than 10000/);
  });
});

afterAll(() => {
  const { tried, counts } = tally;
  console.log(
    `fuzz: tried ${tried}; clear error ${counts['clear error']}; accepted and solved with finite results ${counts.accepted}; accepted (Hotan model, validation entry) with every coefficient finite ${counts.built}; crash ${counts.crash}; partial write ${counts['partial write']}; silent acceptance ${counts['silent acceptance']}`,
  );
  for (const k of ['crash', 'partial write', 'silent acceptance'] as const) if (tally.examples[k]) console.log(k, tally.examples[k]);
});

it('no crash, no partial write, no silent acceptance in all the files tried', () => {
  expect(tally.counts.crash).toBe(0);
  expect(tally.counts['partial write']).toBe(0);
  expect(tally.counts['silent acceptance']).toBe(0);
});
