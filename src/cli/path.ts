/**
 * npm run -s path -- <scenario.json> [--fraction 0.25] [--absolute sand=80,clay=10] [--output2020 jade=50]
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
import type { Dataset } from '../domain/dataset';
import { InputError } from '../domain/errors';
import type { Lang } from '../domain/label';
import { countyName, fmt, mineralName } from '../export/names';
import { sig, textTable } from '../model/explore/format';
import { PathError, pathTo2025, type PathOptions, type PathResult } from '../model/explore/path';
import { runScenario } from '../model/run';
import { createNodeSolver } from '../solver/node';
import { loadScenarioAndModel, parseCommandLine, runCommand, type CommonOptions } from './common';

const USAGE =
  'usage: npm run -s path -- <scenario.json> [--fraction 0.25] [--absolute sand=80,clay=10] [--output2020 jade=50] [--json] [--csv <file>] [--model <file>] [--lang zh|en]';

interface Options extends CommonOptions {
  csv: string | undefined;
  path: PathOptions;
}

function perMineral(flag: string, text: string | undefined): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z][\w-]*)=(.+)$/.exec(part);
    const x = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(x) || x < 0) throw new InputError(`--${flag}: "${part}" is not mineral=number (a number ≥ 0)\n${USAGE}`);
    out[m[1] as string] = x;
  }
  return out;
}

function options(argv: string[]): Options {
  const { options: common, values: v } = parseCommandLine(argv, USAGE, {
    csv: { type: 'string' },
    fraction: { type: 'string' },
    absolute: { type: 'string' },
    output2020: { type: 'string' },
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
  return { ...common, csv: v.csv, path };
}

function limitText(r: PathResult['smallest'], d: Dataset, lang: Lang): string {
  const parts: string[] = [];
  for (const [m, v] of Object.entries(r.fractionByMineral)) parts.push(`${mineralName(d, m, lang)} ${sig(v * 100, 3)}%`);
  for (const [m, v] of Object.entries(r.absolute)) parts.push(`${mineralName(d, m, lang)} ${sig(v, 4)} ${d.minerals.find((x) => x.id === m)?.unit ?? ''}`);
  return parts.join(lang === 'zh' ? '，' : ', ');
}

function readable(r: PathResult, d: Dataset, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (r.status === 'limit-too-tight')
    out.push(
      zh
        ? `给定的年际变化上限无法从2020年到达2025年指标。各矿种可行的最小上限（占2020年数值的比例或绝对量）：${limitText(r.smallest, d, lang)}；统一比例至少 ${sig((r.smallest.fraction ?? 0) * 100, 3)}%。达不到给定上限的矿种按其最小上限编制。`
        : `The change limit asked for cannot reach the 2025 quotas from 2020. The smallest limit that works per mineral (share of the 2020 figure, or absolute): ${limitText(r.smallest, d, lang)}; one fraction for all would be at least ${sig((r.smallest.fraction ?? 0) * 100, 3)}%. Minerals that cannot keep to the limit use their smallest.`,
      '',
    );
  const header = [zh ? '县（市）' : 'County', zh ? '矿种' : 'Mineral', zh ? '单位' : 'Unit', ...r.years.map(String), zh ? '年变化上限' : 'limit/yr'];
  const rows = r.rows.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), x.unit, ...r.years.map((y) => fmt(x.quotas[y], lang, 1)), fmt(x.limit, lang, 1)]);
  out.push(textTable([header, ...rows]));
  for (const o of r.omitted) out.push(`* ${o.reason[lang]}`);
  out.push('', zh ? '假设：' : 'Assumptions:', ...r.assumptions.map((a) => `- ${a[lang]}`));
  return out.join('\n');
}

function csvOf(r: PathResult, d: Dataset, lang: Lang): string {
  const zh = lang === 'zh';
  const cell = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const header = [zh ? '县（市）' : 'County', zh ? '矿种' : 'Mineral', zh ? '单位' : 'Unit', ...r.years.map(String), zh ? '年变化上限' : 'Limit per year'];
  const rows = r.rows.map((x) => [countyName(d, x.county, lang), mineralName(d, x.mineral, lang), x.unit, ...r.years.map((y) => String(Number((x.quotas[y] ?? 0).toFixed(6)))), String(Number(x.limit.toFixed(6)))]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const { dataset, scenario } = loadScenarioAndModel(o);
  const solver = await createNodeSolver();
  const report = runScenario(dataset, scenario, solver);
  if (report.status !== 'optimal' && report.status !== 'feasible') {
    process.stderr.write(`${report.status}: ${report.explanation.map((x) => `${x.label[o.lang]} +${fmt(x.relaxBy, o.lang)} ${x.unit}`).join('; ')}\n`);
    return report.status === 'infeasible' ? 2 : 3;
  }
  let r: PathResult;
  try {
    r = pathTo2025(dataset, scenario, report, solver, o.path);
  } catch (e) {
    if (e instanceof PathError) throw new InputError(`${e.message}\n${USAGE}`);
    throw e;
  }
  if (o.csv) writeFileSync(o.csv, csvOf(r, dataset, o.lang));
  process.stdout.write(o.json ? `${JSON.stringify(r, null, 2)}\n` : `${readable(r, dataset, o.lang)}\n`);
  return 0;
}

runCommand(main);
