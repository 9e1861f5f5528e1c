/**
 * npm run -s frontier -- <scenario.json> [--limit class3|class12|total] [--measure volume|value]
 *                        [--minerals sand,clay] [--step N] [--max-solves N] [--to N] [--json] [--model <file>] [--lang zh|en]
 *
 * The most volume (or output value) the scenario's rules allow for each limit
 * on the number of mines, from the fewest mines that meet the floors up to
 * the scenario's cap, one exact solve per limit, with the baseline, the
 * plan's point and the knee marked. Exit 0: the frontier was computed; 2: the
 * scenario is infeasible whatever the limit (the explanation is printed);
 * 1: bad input; 130: interrupted (the points done are printed).
 */
import { MAX_COUNT, type Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { fmt, mineralName } from '../present/names';
import { textTable } from '../model/explore/format';
import { MAX_SWEEP_POINTS } from '../model/explore/sweep';
import { FrontierError, MINE_LIMITS, computeFrontier, type Frontier, type FrontierMeasure, type FrontierOptions, type FrontierPoint, type MineLimit } from '../model/explore/frontier';
import { scenarioSolver } from '../model/explore/solve';
import { createNodeSolver } from '../solver/node';
import { cliTranslator, loadScenarioAndModel, parseCommandLine, runCommand, type CommonOptions } from './common';
import { stringFlags } from './flags';
import { jsonText } from './json';

const USAGE =
  'usage: npm run -s frontier -- <scenario.json> [--limit class3|class12|total] [--measure volume|value] [--minerals a,b] [--step N] [--max-solves N] [--to N] [--json] [--model <file>] [--lang zh|en]';

interface Options extends CommonOptions {
  frontier: FrontierOptions;
}

function whole(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isInteger(x) || x < 0) throw new InputError(`--${name}: "${text}" is not a whole number\n${USAGE}`);
  if (x > max) throw new InputError(`--${name}: ${text} is more than ${max}\n${USAGE}`);
  return x;
}

function options(argv: string[]): Options {
  const { options: common, values: v } = parseCommandLine(argv, USAGE, {
    limit: { type: 'string', default: 'class3' },
    ...stringFlags('measure', 'minerals', 'step', 'max-solves', 'to'),
  });
  if (!MINE_LIMITS.includes(v.limit as MineLimit)) throw new InputError(`--limit is one of ${MINE_LIMITS.join(', ')}\n${USAGE}`);
  if (v.measure !== undefined && v.measure !== 'volume' && v.measure !== 'value') throw new InputError(`--measure is volume or value\n${USAGE}`);
  const frontier: FrontierOptions = { limit: v.limit as MineLimit };
  if (v.measure) frontier.measure = v.measure as FrontierMeasure;
  if (v.minerals) frontier.minerals = v.minerals.split(',').map((m) => m.trim()).filter(Boolean);
  const step = whole('step', v.step, MAX_COUNT);
  if (step !== undefined) {
    if (step < 1) throw new InputError(`--step is at least 1\n${USAGE}`);
    frontier.step = step;
  }
  // one solve each, as a sweep's points: the same cap
  const maxSolves = whole('max-solves', v['max-solves'], MAX_SWEEP_POINTS);
  if (maxSolves !== undefined) frontier.maxSolves = maxSolves;
  const to = whole('to', v.to, MAX_COUNT);
  if (to !== undefined) frontier.to = to;
  return { ...common, frontier };
}

function readable(f: Frontier, d: Dataset, lang: Lang): string {
  const tr = cliTranslator(lang);
  const money = unitLabel('万元', lang);
  const what = f.measure === 'value' ? tr('cli.frontier.value', { money }) : `${f.minerals.map((m) => mineralName(d, m, lang)).join('+')}（${unitLabel(f.unit, lang)}）`;
  const out: string[] = [];
  if (f.fewest === null) {
    out.push(tr('cli.frontier.infeasible'));
    for (const x of f.infeasible?.explanation ?? []) out.push(`  ${tr('cli.frontier.relax', { row: x.label, amount: fmt(x.relaxBy, lang), unit: unitLabel(x.unit, lang) })}`);
    return out.join('\n');
  }
  out.push(tr('cli.frontier.title', { limit: tr(`cli.frontier.limit.${f.limit}`), measure: what }));
  const mark = (p: FrontierPoint) =>
    [p.limit === f.cap && tr('cli.frontier.mark.cap'), f.knee?.limit === p.limit && tr('cli.frontier.mark.knee'), f.baseline.limit === p.limit && tr('cli.frontier.mark.baseline'), p.carried && tr('cli.frontier.mark.carried')]
      .filter(Boolean)
      .join(', ');
  const byVolume = f.measure === 'volume';
  const header = [
    tr('cli.frontier.col.limit'),
    ...(byVolume ? [tr('cli.frontier.col.volume', { unit: unitLabel(f.unit, lang) })] : []),
    tr('cli.frontier.col.value', { money }),
    tr('cli.frontier.col.mines'),
    tr('cli.explore.col.status'),
    '',
  ];
  const rows = f.points.map((p) => [
    String(p.limit),
    ...(byVolume ? [fmt(p.volume, lang)] : []),
    fmt(p.value, lang),
    p.mines === null ? '—' : String(p.mines),
    p.status,
    mark(p),
  ]);
  out.push(textTable([header, ...rows]));
  const b = f.baseline;
  const amount = fmt(f.measure === 'value' ? b.value : b.volume, lang);
  out.push('', tr('cli.frontier.baseline', { mines: b.mines ?? '—', amount, unit: f.measure === 'value' ? money : unitLabel(f.unit, lang), status: b.status }));
  out.push(tr('cli.frontier.summary', { fewest: f.fewest, solves: f.solves, interrupted: f.cancelled ? tr('cli.interrupted') : '' }));
  return out.join('\n');
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const { dataset, scenario } = loadScenarioAndModel(o);
  const solver = await createNodeSolver();
  const abort = new AbortController();
  process.on('SIGINT', () => abort.abort());
  let f: Frontier;
  try {
    f = await computeFrontier(dataset, scenario, o.frontier, scenarioSolver(dataset, solver), (p) => {
      if (!o.json && process.stderr.isTTY) process.stderr.write(`\r${p.solves}/${p.maxSolves} ${p.phase}   `);
    }, abort.signal);
  } catch (e) {
    if (e instanceof FrontierError) throw new InputError(`${e.message}\n${USAGE}`);
    throw e;
  }
  if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
  if (o.json) {
    const { infeasible, ...rest } = f;
    const body = infeasible ? { ...rest, status: infeasible.status, explanation: infeasible.explanation } : rest;
    process.stdout.write(`${jsonText(body)}\n`);
  } else process.stdout.write(`${readable(f, dataset, o.lang)}\n`);
  if (f.cancelled) return 130;
  return f.fewest === null ? 2 : 0;
}

runCommand(main);
