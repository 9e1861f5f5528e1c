/**
 * npm run -s sweep -- <scenario.json> --param <path> --from A --to B --steps N
 *                     [--param2 <path> --from2 A --to2 B --steps2 N] [--workers N] [--json] [--model <file>] [--lang zh|en]
 *
 * Solves the scenario once per value of a parameter (a path in the scenario
 * file: caps.sand, rightsCaps.class3, minScale.sand.small,
 * largeMediumShare.min, demand.radiusKm, countyBounds.moyu.sand.max, ...),
 * or on a grid of two. `--steps` is the number of points, both ends included.
 * The points are solved on a pool of worker threads, one per core unless
 * `--workers` says otherwise.
 * With --json prints only {param, points: [{value, status, objective, totals,
 * rights, explanation}]} (a grid adds param2 and value2 per point).
 * Exit 0: the sweep ran (infeasible points are results, shown as such);
 * 1: bad input, named by file, JSON path and reason; 130: interrupted (the
 * points done are printed).
 */
import { availableParallelism } from 'node:os';
import type { Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { fmt, fmtPct, mineralName } from '../present/names';
import { textTable } from '../model/explore/format';
import { MAX_SWEEP_POINTS, ParamPathError, SweepSpecError, runSweep, type SweepAxis, type SweepResult, type SweepSpec } from '../model/explore/sweep';
import { createThreadWorker } from '../solver/node-pool';
import { cliTranslator, isEntry, loadScenarioAndModel, parseCommandLine, processIo, runCommand, type CommonOptions, type Io } from './common';
import { stringFlags } from './flags';
import { jsonText } from './json';
import { hasSolution } from '../model/report';

const USAGE =
  'usage: npm run -s sweep -- <scenario.json> --param <path> --from A --to B --steps N [--param2 <path> --from2 A --to2 B --steps2 N] [--workers N] [--json] [--model <file>] [--lang zh|en]';

interface Options extends CommonOptions {
  axes: SweepSpec['axes'];
  workers: number;
}

function numberOption(name: string, text: string | undefined): number {
  if (text === undefined) throw new InputError(`--${name} is missing\n${USAGE}`);
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) throw new InputError(`--${name}: "${text}" is not a number\n${USAGE}`);
  return x;
}

function options(argv: string[]): Options {
  const { options: common, values: v } = parseCommandLine(argv, USAGE, stringFlags('param', 'from', 'to', 'steps', 'param2', 'from2', 'to2', 'steps2', 'workers'));
  if (v.param === undefined) throw new InputError(`--param is missing\n${USAGE}`);
  const first: SweepAxis = { path: v.param, from: numberOption('from', v.from), to: numberOption('to', v.to), steps: numberOption('steps', v.steps) };
  let axes: SweepSpec['axes'] = [first];
  if ([v.param2, v.from2, v.to2, v.steps2].some((x) => x !== undefined)) {
    if (v.param2 === undefined) throw new InputError(`--from2/--to2/--steps2 need --param2\n${USAGE}`);
    axes = [first, { path: v.param2, from: numberOption('from2', v.from2), to: numberOption('to2', v.to2), steps: numberOption('steps2', v.steps2) }];
  }
  // checked before any value is made: 1e9 steps once ran out of memory after 57 s
  const points = axes.reduce((n, a) => n * a.steps, 1);
  if (points > MAX_SWEEP_POINTS)
    throw new InputError(`--steps: ${axes.map((a) => a.steps).join(' × ')} = ${points} points is more than ${MAX_SWEEP_POINTS} (one solve each)\n${USAGE}`);
  const workers = v.workers === undefined ? availableParallelism() : numberOption('workers', v.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new InputError(`--workers: ${v.workers} is not a whole number ≥ 1\n${USAGE}`);
  return { ...common, axes, workers };
}

function jsonOut(r: SweepResult): object {
  const [a, b] = r.spec.axes;
  return {
    param: a.path,
    ...(b ? { param2: b.path } : {}),
    ...(r.cancelled ? { cancelled: true, total: r.total } : {}),
    points: r.points.map(({ params, report }) => ({
      value: params[a.path],
      ...(b ? { value2: params[b.path] } : {}),
      status: report.status,
      objective: report.objective,
      totals: Object.fromEntries(Object.entries(report.totals).map(([m, t]) => [m, { volume: t.volume }])),
      rights: report.rights,
      explanation: report.explanation,
    })),
  };
}

function readable(r: SweepResult, d: Dataset, lang: Lang, workers: number): string {
  const tr = cliTranslator(lang);
  const axes = r.spec.axes;
  const minerals = d.minerals.map((m) => m.id);
  const header = [
    ...axes.map((a) => a.path),
    tr('cli.explore.col.status'),
    tr('cli.sweep.col.objective', { money: unitLabel('万元', lang) }),
    ...d.minerals.map((m) => `${mineralName(d, m.id, lang)}(${unitLabel(m.unit, lang)})`),
    tr('cli.sweep.col.class3'),
    tr('cli.sweep.col.class12'),
    tr('cli.sweep.col.total'),
    tr('cli.sweep.col.share'),
  ];
  const rows = r.points.map(({ params, report: p }) => {
    const ok = hasSolution(p);
    return [
      ...axes.map((a) => String(params[a.path])),
      p.status,
      fmt(p.objective, lang),
      ...minerals.map((m) => (ok ? fmt(p.totals[m]?.volume, lang) : '—')),
      ok ? String(p.rights.class3.used) : '—',
      ok ? String(p.rights.class12.used) : '—',
      ok ? String(p.rights.total.used) : '—',
      ok ? fmtPct(p.rights.largeMediumShare.value, lang) : '—',
    ];
  });
  const out = [textTable([header, ...rows])];
  const infeasible = r.points.filter((p) => p.report.status === 'infeasible');
  if (infeasible.length) {
    out.push('', tr('cli.sweep.infeasible'));
    for (const { params, report } of infeasible) {
      const at = axes.map((a) => `${a.path}=${params[a.path]}`).join(', ');
      const why = report.explanation.map((x) => tr('cli.sweep.relax', { row: x.label, amount: fmt(x.relaxBy, lang), unit: unitLabel(x.unit, lang) })).join('; ');
      out.push(`  ${at}: ${why || tr('cli.sweep.noRelaxation')}`);
    }
  }
  const ms = r.points.reduce((a, p) => a + p.report.solveTimeMs, 0);
  const interrupted = r.cancelled ? tr('cli.interrupted') : '';
  out.push('', tr('cli.sweep.summary', { done: r.points.length, total: r.total, interrupted, ms: fmt(ms, lang, 0), workers, elapsed: fmt(r.elapsedMs, lang, 0) }));
  return out.join('\n');
}

/** The command, callable in-process with its arguments and where its text goes. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const o = options(argv);
  const { dataset, scenario } = loadScenarioAndModel(o);
  const spec: SweepSpec = { axes: o.axes };
  const abort = new AbortController();
  process.on('SIGINT', () => abort.abort());
  // a thread starts on its first point, so a short sweep starts no more than it uses
  const workers = Array.from({ length: o.workers }, createThreadWorker);
  let result: SweepResult;
  try {
    result = await runSweep(dataset, scenario, spec, workers, (p) => {
      if (!o.json && process.stderr.isTTY) process.stderr.write(`\r${p.done}/${p.total}  ~${Math.ceil(p.remainingMs / 1000)} s left   `);
    }, abort.signal);
  } catch (e) {
    if (e instanceof ParamPathError) throw new InputError(`${o.scenario}: $.${e.path}: ${e.reason}`, o.scenario);
    if (e instanceof SweepSpecError) throw new InputError(`${e.message}\n${USAGE}`);
    throw e;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
  io.out(o.json ? `${jsonText(jsonOut(result))}\n` : `${readable(result, dataset, o.lang, Math.min(o.workers, result.total))}\n`);
  return result.cancelled ? 130 : 0;
}

if (isEntry(import.meta.url)) runCommand(() => main(process.argv.slice(2)));
