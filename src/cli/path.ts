/**
 * npm run -s path -- <scenario.json> [--fraction 0.25] [--absolute sand=80,clay=10] [--output2020 jade=50] [--ranges [--tolerance 0.01] [--range-time <seconds per end; default: until proven>]]
 *                    [--json] [--csv <file>] [--model <file>] [--lang zh|en]
 *
 * Solves the scenario for its 2025 allocation, then draws the yearly quotas
 * 2021–2025 per county and mineral from the 2020 figures (专栏6 shared by
 * each county's rights in 专栏5: an assumption, printed) with at most the
 * given change from one year to the next. If that limit cannot be met, the
 * smallest limit that can is reported and used. Exit 0: a path was drawn
 * (with the limit asked for, or the smallest that works: see "status");
 * 2: the scenario is infeasible; 3: no 2025 allocation for another reason;
 * 1: bad input.
 */
import { writeFileSync } from 'node:fs';
import { MAX_AMOUNT, isReservedName, type Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import type { Translate } from '../domain/i18n';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { countyName, fmt, mineralName } from '../present/names';
import { sig, textTable } from '../model/explore/format';
import { PathError, pathTo2025, type PathOptions, type PathResult } from '../model/explore/path';
import { buildModel } from '../model/build';
import { quotaRanges } from '../model/ranges';
import { runAnswer } from '../model/run';
import { createNodeSolver } from '../solver/node';
import { checkOutputFiles, cliTranslator, loadScenarioAndModel, parseCommandLine, RANGE_FLAGS, rangeFlags, runCommand, type CliKey, type CommonOptions, type RangeFlags } from './common';
import { stringFlags } from './flags';
import { jsonText } from './json';
import { hasSolution } from '../model/report';

const USAGE =
  'usage: npm run -s path -- <scenario.json> [--fraction 0.25] [--absolute sand=80,clay=10] [--output2020 jade=50] [--ranges [--tolerance 0.01] [--range-time <seconds per end; default: until proven>]] [--json] [--csv <file>] [--model <file>] [--lang zh|en]';

interface Options extends CommonOptions, RangeFlags {
  csv: string | undefined;
  path: PathOptions;
}

function perMineral(flag: string, text: string | undefined): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z][\w-]*)=(.+)$/.exec(part);
    const x = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(x) || x < 0 || x > MAX_AMOUNT || isReservedName(m[1] as string))
      throw new InputError(`--${flag}: "${part}" is not mineral=number (a mineral id and a number from 0 to ${MAX_AMOUNT})\n${USAGE}`);
    out[m[1] as string] = x;
  }
  return out;
}

function options(argv: string[]): Options {
  const { options: common, values: v } = parseCommandLine(argv, USAGE, {
    ...stringFlags('csv', 'fraction', 'absolute', 'output2020'),
    ...RANGE_FLAGS,
  });
  const path: PathOptions = {};
  if (v.fraction !== undefined) {
    const f = Number(v.fraction);
    if (v.fraction.trim() === '' || !(f > 0) || !Number.isFinite(f)) throw new InputError(`--fraction: "${v.fraction}" is not a number above 0\n${USAGE}`);
    path.fraction = f;
  }
  const absolute = perMineral('absolute', v.absolute);
  if (absolute) path.absolute = absolute;
  const start = perMineral('output2020', v.output2020);
  if (start) path.output2020 = start;
  return { ...common, csv: v.csv, path, ...rangeFlags(v, USAGE) };
}

function limitText(r: PathResult['smallest'], d: Dataset, lang: Lang): string {
  const parts: string[] = [];
  for (const [m, v] of Object.entries(r.fractionByMineral)) parts.push(`${mineralName(d, m, lang)} ${sig(v * 100, 3)}%`);
  for (const [m, v] of Object.entries(r.absolute)) parts.push(`${mineralName(d, m, lang)} ${sig(v, 4)} ${unitLabel(d.minerals.find((x) => x.id === m)?.unit ?? '', lang)}`);
  return parts.join(cliTranslator(lang)('cli.listSep'));
}

/** The minerals of a per-mineral figure limited by fraction (absolute false) or by an absolute figure. */
function pick(byMineral: Record<string, number>, absolute: Record<string, number>, absoluteOnes: boolean): Record<string, number> {
  return Object.fromEntries(Object.entries(byMineral).filter(([m]) => (absolute[m] !== undefined) === absoluteOnes));
}

/** The path table's columns, the same in the printed table and the CSV but for how the last one is worded. */
function headerOf(r: PathResult, tr: Translate<CliKey>, limit: 'cli.path.col.limit' | 'cli.path.csv.limit'): string[] {
  return [tr('cli.col.county'), tr('cli.col.mineral'), tr('cli.col.unit'), ...r.years.map(String), tr(limit)];
}

function readable(r: PathResult, d: Dataset, lang: Lang): string {
  const tr = cliTranslator(lang);
  const out: string[] = [];
  const moved = r.rows.filter((x) => Math.abs(x.end - x.recommended) > 1e-6);
  if (r.smallestWithinRanges)
    out.push(
      tr('cli.path.withinRanges', {
        limits: limitText({ fractionByMineral: pick(r.smallestWithinRanges, r.asked.absolute, false), absolute: pick(r.smallestWithinRanges, r.asked.absolute, true), fraction: null }, d, lang),
      }),
      '',
    );
  if (moved.length)
    out.push(
      tr('cli.path.moved', {
        moves: moved
          .map((x) => tr('cli.path.move', { county: countyName(d, x.county, lang), mineral: mineralName(d, x.mineral, lang), from: fmt(x.recommended, lang, 1), to: fmt(x.end, lang, 1) }))
          .join(tr('cli.listSep')),
      }),
      '',
    );
  if (r.status === 'limit-too-tight')
    out.push(tr('cli.path.tooTight', { limits: limitText(r.smallest, d, lang), fraction: sig((r.smallest.fraction ?? 0) * 100, 3) }), '');
  const header = headerOf(r, tr, 'cli.path.col.limit');
  const rows = r.rows.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), unitLabel(x.unit, lang), ...r.years.map((y) => fmt(x.quotas[y], lang, 1)), fmt(x.limit, lang, 1)]);
  out.push(textTable([header, ...rows]));
  for (const o of r.omitted) out.push(`* ${tr(o.reason.key, o.reason.params)}`);
  out.push('', tr('cli.path.assumptions'), ...r.assumptions.map((a) => `- ${tr(a.key, a.params)}`));
  return out.join('\n');
}

function csvOf(r: PathResult, d: Dataset, lang: Lang): string {
  const cell = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const header = headerOf(r, cliTranslator(lang), 'cli.path.csv.limit');
  const rows = r.rows.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), unitLabel(x.unit, lang), ...r.years.map((y) => String(Number((x.quotas[y] ?? 0).toFixed(6)))), String(Number(x.limit.toFixed(6)))]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  checkOutputFiles([{ flag: '--csv', path: o.csv }]);
  const { dataset, scenario } = loadScenarioAndModel(o);
  const solver = await createNodeSolver();
  const built = buildModel(dataset, scenario);
  const { report, answer } = runAnswer(dataset, built, solver);
  if (!hasSolution(report)) {
    process.stderr.write(`${report.status}: ${report.explanation.map((x) => `${cliTranslator(o.lang)(x.label.key, x.label.params)} +${fmt(x.relaxBy, o.lang)} ${unitLabel(x.unit, o.lang)}`).join('; ')}\n`);
    return report.status === 'infeasible' ? 2 : 3;
  }
  if (o.ranges && answer.goal.objective !== null) o.path.ranges = quotaRanges(built, solver, answer.goal.objective, answer.solution.values, o.tolerance, o.rangeTimeSec);
  let r: PathResult;
  try {
    r = pathTo2025(dataset, scenario, report, solver, o.path);
  } catch (e) {
    if (e instanceof PathError) throw new InputError(`${e.message}\n${USAGE}`);
    throw e;
  }
  if (o.csv) writeFileSync(o.csv, csvOf(r, dataset, o.lang));
  process.stdout.write(o.json ? `${jsonText(r)}\n` : `${readable(r, dataset, o.lang)}\n`);
  return 0;
}

runCommand(main);
