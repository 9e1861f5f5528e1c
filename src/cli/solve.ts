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
import { countyQuotasCsv } from '../export/csv';
import { countyName, fmt, fmtPct, mineralName } from '../export/names';
import { buildModel } from '../model/build';
import type { SolveReport } from '../model/report';
import { runBuilt } from '../model/run';
import { textTable } from '../model/explore/format';
import { createNodeSolver } from '../solver/node';
import { loadScenarioAndModel, parseCommandLine, runCommand } from './common';

const USAGE = 'usage: npm run -s solve -- <scenario.json> [--model <file>] [--json] [--csv <file>] [--lp <file>] [--lang zh|en]';

function options(argv: string[]) {
  const { options, values } = parseCommandLine(argv, USAGE, { csv: { type: 'string' }, lp: { type: 'string' } });
  return { ...options, csv: values.csv, lp: values.lp };
}

function readable(r: SolveReport, d: Dataset, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(`${zh ? '状态' : 'Status'}: ${r.status}   ${zh ? '目标值（万元）' : 'Objective (万元)'}: ${fmt(r.objective, lang)}   ${zh ? '求解' : 'solved in'} ${fmt(r.solveTimeMs, lang, 0)} ms`);
  if (r.status === 'infeasible') {
    out.push('', zh ? '方案不可行。放宽以下约束即可行：' : 'The scenario is infeasible. Relaxing these makes it feasible:');
    for (const x of r.explanation) out.push(`  ${x.label[lang]}: ${zh ? '放宽' : 'relax by'} ${fmt(x.relaxBy, lang)} ${x.unit}`);
    if (r.explanation.length === 0) out.push(zh ? '  （仅放宽政策约束无法使其可行）' : '  (no relaxation of policy constraints alone makes it feasible)');
    return out.join('\n');
  }
  const header = zh ? ['县（市）', '矿种', '开采量', '单位', '大型', '中型', '小型'] : ['County', 'Mineral', 'Volume', 'Unit', 'Large', 'Medium', 'Small'];
  const rows = r.counties.map((q) => [
    countyName(d, q.county, lang), mineralName(d, q.mineral, lang), fmt(q.volume, lang),
    r.totals[q.mineral]?.unit ?? '', String(q.mines.large), String(q.mines.medium), String(q.mines.small),
  ]);
  out.push('', textTable([header, ...rows]));
  out.push('', zh ? '总量与上限' : 'Totals against caps');
  out.push(textTable([
    zh ? ['矿种', '开采量', '上限', '单位', '矿山数'] : ['Mineral', 'Volume', 'Cap', 'Unit', 'Mines'],
    ...Object.entries(r.totals).map(([m, t]) => [mineralName(d, m, lang), fmt(t.volume, lang), fmt(t.cap, lang), t.unit, String(t.mines)]),
  ]));
  const { class3, class12, total, largeMediumShare } = r.rights;
  out.push('', `${zh ? '三类矿山' : 'Class-3 mines'} ${class3.used}/${class3.cap}   ${zh ? '一二类矿山' : 'Class-1/2 mines'} ${class12.used}/${class12.cap}   ${zh ? '合计' : 'All'} ${total.used}/${total.cap}   ${zh ? '大中型比例' : 'Large/medium share'} ${fmtPct(largeMediumShare.value, lang)} (≥ ${fmtPct(largeMediumShare.min, lang)})`);
  if (r.binding.length) {
    out.push('', zh ? '起作用的约束（对偶值：右端项每增加一个单位目标值的变化，万元；整数变量固定后的线性规划）' : 'Binding constraints (dual: objective change per unit added to the right-hand side, 万元; LP with the integers fixed)');
    for (const b of r.binding) out.push(`  ${b.label[lang]}  ${zh ? '对偶值' : 'dual'} ${b.dual === null ? '—' : fmt(b.dual, lang, 4)}`);
  }
  return out.join('\n');
}

function exitCode(r: SolveReport): number {
  if (r.status === 'optimal' || r.status === 'feasible') return 0;
  return r.status === 'infeasible' ? 2 : 3;
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const { dataset, scenario } = loadScenarioAndModel(o);
  const solver = await createNodeSolver();
  const built = buildModel(dataset, scenario);
  if (o.lp) writeFileSync(o.lp, solver.writeLp(built.linear));
  const report = runBuilt(dataset, built, solver);
  if (o.csv) writeFileSync(o.csv, countyQuotasCsv(report, dataset, o.lang));
  if (o.json) {
    const { status, objective, totals, rights, counties, zones, binding, explanation } = report;
    process.stdout.write(`${JSON.stringify({ status, objective, totals, rights, counties, zones, binding, explanation }, null, 2)}\n`);
  } else process.stdout.write(`${readable(report, dataset, o.lang)}\n`);
  return exitCode(report);
}

runCommand(main);
