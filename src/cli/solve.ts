/**
 * npm run -s solve -- <scenario.json> [--model <file>] [--json] [--csv <file>] [--lp <file>] [--lang zh|en]
 *
 * Solves a scenario headless with the same builder, solver adapter and
 * results code as the browser. Exit 0: a solution was found; 2: the scenario
 * is infeasible (the explanation is printed); 3: no solution for another
 * reason (time limit, unbounded); 1: bad input, named by file, JSON path and reason.
 */
import { writeFileSync } from 'node:fs';
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import { countyQuotasCsv } from '../export/csv';
import { causeSentence, relaxationSentence } from '../export/explanation';
import { asHeading, countyName, fmt, fmtPct, mineralName, mineralUnit } from '../present/names';
import { buildModel } from '../model/build';
import { hasSolution, type SolveReport } from '../model/report';
import { quotaRanges } from '../model/ranges';
import { runAnswer } from '../model/run';
import { textTable } from '../model/explore/format';
import { createNodeSolver } from '../solver/node';
import { checkOutputFiles, cliTranslator, isEntry, loadScenarioAndModel, parseCommandLine, processIo, RANGE_FLAGS, rangeFlags, runCommand, type Io } from './common';
import { jsonText } from './json';

const USAGE = 'usage: npm run -s solve -- <scenario.json> [--model <file>] [--json] [--csv <file>] [--lp <file>] [--ranges [--tolerance 0.01] [--range-time <seconds per end; default: until proven>]] [--lang zh|en]';

function options(argv: string[]) {
  const { options, values } = parseCommandLine(argv, USAGE, {
    csv: { type: 'string' }, lp: { type: 'string' }, ...RANGE_FLAGS,
  });
  return { ...options, csv: values.csv, lp: values.lp, ...rangeFlags(values, USAGE) };
}

function statusLine(r: SolveReport, lang: Lang): string {
  const tr = cliTranslator(lang);
  const proof = r.status === 'optimal' ? tr('cli.solve.proven') : r.gap != null ? tr('cli.solve.gap', { gap: fmtPct(r.gap, lang) }) : '';
  return tr('cli.solve.status', { status: r.status, proof, money: unitLabel('万元', lang), objective: fmt(r.objective, lang), ms: fmt(r.solveTimeMs, lang, 0) });
}

function readable(r: SolveReport, d: Dataset, lang: Lang): string {
  const tr = cliTranslator(lang);
  const out: string[] = [];
  out.push(statusLine(r, lang));
  if (r.status === 'infeasible') {
    out.push('', tr('cli.solve.infeasible'));
    for (const x of r.explanation) out.push(`  ${relaxationSentence(x, lang, d)}${x.key?.path ? `  [${x.key.path}]` : ''}`);
    if (r.explanation.length === 0) {
      out.push(`  ${tr('cli.solve.noRelaxation')}`);
      for (const c of r.causes ?? []) out.push(`  ${causeSentence(c, lang, d)}${c.key?.path ? `  [${c.key.path}]` : ''}`);
    }
    return out.join('\n');
  }
  // the size words are lower-case, as inside a sentence; a column heading capitalises them
  const header = (
    ['cli.col.county', 'cli.col.mineral', 'cli.solve.col.quota2025', 'cli.solve.col.output2020', 'cli.col.unit', 'size.large', 'size.medium', 'size.small', 'cli.solve.col.rights2020', 'cli.solve.col.range'] as const
  ).map((k) => asHeading(tr(k)));
  // An end the time limit stopped before proof is marked *: the most it can be is its bound, printed below the table.
  const rangeOf = (county: string | null, mineral: string) => {
    const x = r.ranges?.find((g) => g.county === county && g.mineral === mineral);
    return x ? `${fmt(x.min, lang)}${x.minProven === false ? '*' : ''}–${fmt(x.max, lang)}${x.maxProven === false ? '*' : ''}` : '';
  };
  const rows = r.counties.map((q) => [
    countyName(d, q.county, lang), mineralName(d, q.mineral, lang), fmt(q.volume, lang), fmt(q.output2020 ?? null, lang),
    mineralUnit(d, q.mineral, lang, r.totals[q.mineral]?.unit ?? ''), String(q.mines.large), String(q.mines.medium), String(q.mines.small), String(q.rights2020 ?? ''), rangeOf(q.county, q.mineral),
  ]);
  out.push('', textTable([header, ...rows]));
  const unproven = (r.ranges ?? []).filter((x) => x.minProven === false || x.maxProven === false);
  if (unproven.length) {
    out.push(tr('cli.solve.unprovenEnds'));
    for (const x of unproven)
      out.push(`  ${countyName(d, x.county, lang)} ${mineralName(d, x.mineral, lang)}: ${fmt(x.minBound ?? null, lang)}–${fmt(x.maxBound ?? null, lang)}`);
  }
  if (r.ranges?.length) out.push(tr('cli.solve.rangeMeaning'));
  out.push('', tr('cli.solve.totals'));
  out.push(textTable([
    [tr('cli.col.mineral'), tr('cli.solve.col.volume'), tr('cli.solve.col.cap'), tr('cli.col.unit'), tr('cli.solve.col.mines')],
    ...Object.entries(r.totals).map(([m, t]) => [mineralName(d, m, lang), fmt(t.volume, lang), fmt(t.cap, lang), unitLabel(t.unit, lang), String(t.mines)]),
  ]));
  const { class3, class12, total, largeMediumShare } = r.rights;
  const usedOfCap = (x: { used: number; cap: number }) => `${x.used}/${x.cap}`;
  const min = fmtPct(largeMediumShare.min, lang);
  out.push('', tr('cli.solve.rights', { class3: usedOfCap(class3), class12: usedOfCap(class12), total: usedOfCap(total), share: fmtPct(largeMediumShare.value, lang), min }));
  if (largeMediumShare.shortfall) out.push(tr('cli.solve.shortfall', { min, short: fmt(largeMediumShare.shortfall, lang) }));
  const unmet = (r.demand ?? []).filter((x) => x.unmet > 1e-6);
  if (unmet.length) {
    out.push('', tr('cli.solve.unmet'));
    out.push(textTable([
      [tr('cli.col.county'), tr('cli.col.mineral'), tr('cli.solve.col.demand'), tr('cli.solve.col.supplied'), tr('cli.solve.col.unmet')],
      ...unmet.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), fmt(x.demand, lang), fmt(x.supplied, lang), fmt(x.unmet, lang)]),
    ]));
  }
  const shipped = (r.flows ?? []).filter((f) => f.from !== f.to);
  if (shipped.length) {
    out.push('', tr('cli.solve.shipped'));
    out.push(textTable([
      [tr('cli.solve.col.from'), tr('cli.solve.col.to'), tr('cli.col.mineral'), tr('cli.solve.col.amount'), tr('cli.solve.col.km')],
      ...shipped.map((f) => [countyName(d, f.from, lang), countyName(d, f.to, lang), mineralName(d, f.mineral, lang), fmt(f.amount, lang), String(f.km)]),
    ]));
  }
  if (r.binding.length) {
    out.push('', tr('cli.solve.binding', { money: unitLabel('万元', lang) }));
    for (const b of r.binding) out.push(`  ${tr('cli.solve.dual', { row: b.label, dual: b.dual === null ? '—' : fmt(b.dual, lang, 4) })}`);
  }
  return out.join('\n');
}

function exitCode(r: SolveReport): number {
  if (hasSolution(r)) return 0;
  return r.status === 'infeasible' ? 2 : 3;
}

/** The command, callable in-process (the fuzz tests do) with its arguments and where its text goes. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const o = options(argv);
  checkOutputFiles([{ flag: '--lp', path: o.lp }, { flag: '--csv', path: o.csv }]);
  const { dataset, scenario } = loadScenarioAndModel(o);
  const solver = await createNodeSolver();
  const ranAt = new Date();
  const built = buildModel(dataset, scenario);
  const { report, answer } = runAnswer(dataset, built, solver);
  // The one-answer model pins the quotas: another exact solver reading it returns the same ones.
  const lpText = o.lp ? solver.writeLp(answer.oneAnswer ?? built.linear) : null;
  if (o.ranges && answer.goal.objective !== null && report.objective !== null)
    report.ranges = quotaRanges(built, solver, answer.goal.objective, answer.solution.values, o.tolerance, o.rangeTimeSec);
  const csvText = o.csv ? countyQuotasCsv(report, dataset, o.lang, { scenario: scenario.name, ranAt }) : null;
  if (o.lp && lpText !== null) writeFileSync(o.lp, lpText);
  if (o.csv && csvText !== null) writeFileSync(o.csv, csvText);
  if (o.json) {
    const { status, objective, gap, tieBreak, totals, rights, counties, zones, demand, flows, ranges, binding, explanation } = report;
    const out = { status, objective, gap, tieBreak, totals, rights, counties, zones, demand, flows, ...(ranges ? { ranges } : {}), binding, explanation };
    io.out(`${jsonText(out)}\n`);
  } else io.out(`${readable(report, dataset, o.lang)}\n`);
  return exitCode(report);
}

if (isEntry(import.meta.url)) runCommand(() => main(process.argv.slice(2)));
