/**
 * models/README.md §7's worked figures are what the code gives today: the
 * table between the worked-figures markers is read and each figure compared
 * with a fresh solve of the baseline, to the decimals the document shows.
 * So the planners' document cannot drift from the model again.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinearModel } from '../src/model/linear';
import { buildModel } from '../src/model/build';
import type { SolveReport } from '../src/model/report';
import { solvedBaseline } from './helpers/baseline';

interface WorkedFigure {
  path: string;
  shown: string;
}

function workedFigures(markdown: string): WorkedFigure[] {
  const block = /<!-- worked-figures:start -->\n([\s\S]*?)<!-- worked-figures:end -->/.exec(markdown)?.[1];
  if (block === undefined) throw new Error('models/README.md has no worked-figures block');
  return block
    .split('\n')
    .map((line) => /^\| `([^`]+)` \| ([^|]+) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ path: m[1] ?? '', shown: (m[2] ?? '').trim() }));
}

/** The figure a worked-figures path names in the report or the built model (null when neither has it). */
function figureAt(report: SolveReport, model: LinearModel, path: string): number | null {
  const [kind = '', ...rest] = path.split('.');
  const tail = rest.join('.');
  const [county, mineral] = rest;
  switch (kind) {
    case 'objective':
      return report.objective;
    case 'count':
      return tail === 'binding' ? report.binding.length : null;
    case 'model': {
      const size: Record<string, number> = { columns: model.variables.length, integers: model.variables.filter((v) => v.integer).length, rows: model.constraints.length };
      return size[tail] ?? null;
    }
    case 'dual':
      return report.binding.find((b) => b.constraint === tail)?.dual ?? null;
    case 'county':
      return report.counties.find((c) => c.county === county && c.mineral === mineral)?.volume ?? null;
    case 'unmet': {
      const where = county === 'prefecture' ? null : county;
      return (report.demand ?? []).find((d) => d.county === where && d.mineral === mineral)?.unmet ?? null;
    }
    default: {
      const value = rest.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], (report as unknown as Record<string, unknown>)[kind]);
      return typeof value === 'number' ? value : null;
    }
  }
}

/** The shown text as a number, and half a unit of its last decimal: how far the code's figure may lie from it. */
function shownNumber(shown: string): { value: number; tolerance: number } {
  const percent = shown.endsWith('%');
  const digits = shown.replace(/[,%]/g, '');
  const decimals = digits.split('.')[1]?.length ?? 0;
  const scale = percent ? 100 : 1;
  return { value: Number(digits) / scale, tolerance: (0.5 * 10 ** -decimals) / scale + 1e-12 };
}

describe('models/README.md §7 worked figures', () => {
  const figures = workedFigures(readFileSync('models/README.md', 'utf8'));
  let report: SolveReport;
  let model: LinearModel;
  beforeAll(async () => {
    const solved = await solvedBaseline();
    report = solved.report;
    model = buildModel(solved.dataset, solved.scenario).linear;
  });

  it('lists the baseline figures planners defend', () => {
    expect(figures.length).toBeGreaterThanOrEqual(40);
    expect(figures.map((f) => f.path)).toEqual(expect.arrayContaining(['objective', 'count.binding', 'rights.largeMediumShare.value', 'model.rows']));
  });

  it('the baseline solves to a proven optimum, as the section says', () => {
    expect(report.status).toBe('optimal');
  });

  it.each(figures.map((f) => [f.path, f.shown] as const))('%s is %s', (path, shown) => {
    const actual = figureAt(report, model, path);
    expect(actual, `${path}: no such figure in the report`).not.toBeNull();
    const { value, tolerance } = shownNumber(shown);
    expect(Number.isFinite(value), `${path}: "${shown}" is not a number`).toBe(true);
    expect(Math.abs((actual ?? NaN) - value), `${path}: the code gives ${actual}, the document ${shown}`).toBeLessThanOrEqual(tolerance);
  });
});
