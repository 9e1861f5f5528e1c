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
import { countyName, fmt, fmtPct, mineralName, mineralUnit } from '../present/names';
import { buildModel } from '../model/build';
import { hasSolution, type SolveReport } from '../model/report';
import { quotaRanges } from '../model/ranges';
import { runAnswer } from '../model/run';
import { textTable } from '../model/explore/format';
import { createNodeSolver } from '../solver/node';
import { checkOutputFiles, isEntry, loadScenarioAndModel, parseCommandLine, processIo, RANGE_FLAGS, rangeFlags, runCommand, type Io } from './common';

const USAGE = 'usage: npm run -s solve -- <scenario.json> [--model <file>] [--json] [--csv <file>] [--lp <file>] [--ranges [--tolerance 0.01] [--range-time 10]] [--lang zh|en]';

function options(argv: string[]) {
  const { options, values } = parseCommandLine(argv, USAGE, {
    csv: { type: 'string' }, lp: { type: 'string' }, ...RANGE_FLAGS,
  });
  return { ...options, csv: values.csv, lp: values.lp, ...rangeFlags(values, USAGE) };
}

function statusLine(r: SolveReport, lang: Lang): string {
  const zh = lang === 'zh';
  const money = unitLabel('万元', lang);
  const gap = r.gap != null ? (zh ? `（未证明最优，差距 ≤ ${fmtPct(r.gap, lang)}）` : ` (not proven optimal, gap ≤ ${fmtPct(r.gap, lang)})`) : '';
  const proven = r.status === 'optimal' ? (zh ? '（已证明最优）' : ' (proven optimal)') : gap;
  return `${zh ? '状态' : 'Status'}: ${r.status}${proven}   ${zh ? `目标值（${money}）` : `Objective (${money})`}: ${fmt(r.objective, lang)}   ${zh ? '求解' : 'solved in'} ${fmt(r.solveTimeMs, lang, 0)} ms`;
}

function readable(r: SolveReport, d: Dataset, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(statusLine(r, lang));
  if (r.status === 'infeasible') {
    out.push('', zh ? '方案不可行。放宽以下约束即可行：' : 'The scenario is infeasible. Relaxing these makes it feasible:');
    for (const x of r.explanation) out.push(`  ${relaxationSentence(x, lang, d)}${x.key?.path ? `  [${x.key.path}]` : ''}`);
    if (r.explanation.length === 0) {
      out.push(zh ? '  （仅放宽政策约束无法使其可行）' : '  (no relaxation of policy constraints alone makes it feasible)');
      for (const c of r.causes ?? []) out.push(`  ${causeSentence(c, lang, d)}${c.key?.path ? `  [${c.key.path}]` : ''}`);
    }
    return out.join('\n');
  }
  const header = zh
    ? ['县（市）', '矿种', '2025年指标', '2020年', '单位', '大型', '中型', '小型', '2020年采矿权', '可调范围']
    : ['County', 'Mineral', '2025 quota', '2020', 'Unit', 'Large', 'Medium', 'Small', '2020 rights', 'Range'];
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
    out.push(zh ? '* 该端点在时限内未证明；可能的极值（线性松弛界）：' : '* end not proven within the time limit; the furthest it can be (LP relaxation bound):');
    for (const x of unproven)
      out.push(`  ${countyName(d, x.county, lang)} ${mineralName(d, x.mineral, lang)}: ${fmt(x.minBound ?? null, lang)}–${fmt(x.maxBound ?? null, lang)}`);
  }
  if (r.ranges?.length) out.push(zh ? '可调范围：目标值不低于最优值×（1−容差）时各县指标的最小与最大值。' : 'Range: the least and most each quota can be while the goal stays within the tolerance of its optimum.');
  out.push('', zh ? '总量与上限' : 'Totals against caps');
  out.push(textTable([
    zh ? ['矿种', '开采量', '上限', '单位', '矿山数'] : ['Mineral', 'Volume', 'Cap', 'Unit', 'Mines'],
    ...Object.entries(r.totals).map(([m, t]) => [mineralName(d, m, lang), fmt(t.volume, lang), fmt(t.cap, lang), unitLabel(t.unit, lang), String(t.mines)]),
  ]));
  const { class3, class12, total, largeMediumShare } = r.rights;
  out.push('', `${zh ? '三类矿山' : 'Class-3 mines'} ${class3.used}/${class3.cap}   ${zh ? '一二类矿山' : 'Class-1/2 mines'} ${class12.used}/${class12.cap}   ${zh ? '合计' : 'All'} ${total.used}/${total.cap}   ${zh ? '大中型比例' : 'Large/medium share'} ${fmtPct(largeMediumShare.value, lang)} (≥ ${fmtPct(largeMediumShare.min, lang)})`);
  if (largeMediumShare.shortfall) out.push(zh
    ? `大中型比例目标 ${fmtPct(largeMediumShare.min, lang)} 在本方案中无法达到：还差 ${fmt(largeMediumShare.shortfall, lang)} 个大中型矿山（规划矿种的矿山已尽可能大）。`
    : `The ${fmtPct(largeMediumShare.min, lang)} large/medium target cannot be reached here: ${fmt(largeMediumShare.shortfall, lang)} large or medium mines short (the modelled minerals' mines are as large as they can be).`);
  const unmet = (r.demand ?? []).filter((x) => x.unmet > 1e-6);
  if (unmet.length) {
    out.push('', zh ? '未满足的需求' : 'Demand not met');
    out.push(textTable([
      zh ? ['县（市）', '矿种', '需求', '供应', '缺口'] : ['County', 'Mineral', 'Demand', 'Supplied', 'Unmet'],
      ...unmet.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), fmt(x.demand, lang), fmt(x.supplied, lang), fmt(x.unmet, lang)]),
    ]));
  }
  const shipped = (r.flows ?? []).filter((f) => f.from !== f.to);
  if (shipped.length) {
    out.push('', zh ? '跨县调运' : 'Shipped between counties');
    out.push(textTable([
      zh ? ['自', '至', '矿种', '数量', '运距 km'] : ['From', 'To', 'Mineral', 'Amount', 'km'],
      ...shipped.map((f) => [countyName(d, f.from, lang), countyName(d, f.to, lang), mineralName(d, f.mineral, lang), fmt(f.amount, lang), String(f.km)]),
    ]));
  }
  if (r.binding.length) {
    const money = unitLabel('万元', lang);
    out.push('', zh ? `起作用的约束（对偶值：右端项每增加一个单位目标值的变化，${money}；整数变量固定后的线性规划）` : `Binding constraints (dual: objective change per unit added to the right-hand side, ${money}; LP with the integers fixed)`);
    for (const b of r.binding) out.push(`  ${b.label[lang]}  ${zh ? '对偶值' : 'dual'} ${b.dual === null ? '—' : fmt(b.dual, lang, 4)}`);
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
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else io.out(`${readable(report, dataset, o.lang)}\n`);
  return exitCode(report);
}

if (isEntry(import.meta.url)) runCommand(() => main(process.argv.slice(2)));
