/**
 * What the comparison page shows, computed from 2–4 reports: KPIs with their
 * differences from the first run, county × mineral volumes side by side, and
 * which constraints bind in which run. Pure.
 */
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { hasSolution, type SolveReport } from '../../model/report';
import type { ModelSaid } from '../../model/said';
import { planKpis, type Kpi } from '../../present/kpis';
import { clean, count, orderBy } from '../../present/names';

export interface CompareRun {
  name: string;
  report: SolveReport;
  scenario: Scenario;
}

export const MAX_RUNS = 4;

/** A difference from the base run; null when either side has no value. */
export function delta(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value === null || value === undefined || base === null || base === undefined) return null;
  return clean(value - base);
}

export interface KpiCompareRow {
  id: string;
  /** KPIs of the runs (null: the run has no plan) */
  kpis: (Kpi | null)[];
  deltas: (number | null)[];
}

export function compareKpis(runs: CompareRun[], d: Dataset): KpiCompareRow[] {
  const per = runs.map((r) => (hasSolution(r.report) ? planKpis(r.report, d) : null));
  const ids: string[] = [];
  for (const list of per) for (const k of list ?? []) if (!ids.includes(k.id)) ids.push(k.id);
  // runs without a plan still list the KPIs the dataset defines, with no values
  return ids.map((id) => {
    const kpis = per.map((list) => list?.find((k) => k.id === id) ?? null);
    const base = kpis[0]?.value;
    return { id, kpis, deltas: kpis.map((k) => delta(k?.value, base)) };
  });
}

export interface CountyCompareRow {
  countyId: string | null;
  mineral: string;
  volumes: (number | null)[];
  mines: (number | null)[];
  deltas: (number | null)[];
  mineDeltas: (number | null)[];
}

export function compareCounties(runs: CompareRun[], d: Dataset): CountyCompareRow[] {
  const keys = new Map<string, { county: string | null; mineral: string }>();
  for (const r of runs) for (const c of r.report.counties) keys.set(`${c.county ?? ''}|${c.mineral}`, { county: c.county, mineral: c.mineral });
  const byUnit = orderBy<{ county: string | null }>(d.units.map((u) => u.id), (x) => x.county);
  const byMineral = orderBy<{ mineral: string }>(d.minerals.map((m) => m.id), (x) => x.mineral);
  return [...keys.values()]
    .sort((a, b) => byUnit(a, b) || byMineral(a, b))
    .map(({ county, mineral }) => {
      const cells = runs.map((r) => {
        if (!hasSolution(r.report)) return null;
        const q = r.report.counties.find((c) => c.county === county && c.mineral === mineral);
        // a county without this row in a solved run extracts nothing there
        return q ? { volume: clean(q.volume), mines: count(q.mines.large) + count(q.mines.medium) + count(q.mines.small) } : { volume: 0, mines: 0 };
      });
      const volumes = cells.map((c) => c?.volume ?? null);
      const mines = cells.map((c) => c?.mines ?? null);
      return {
        countyId: county,
        mineral,
        volumes,
        mines,
        deltas: volumes.map((v) => delta(v, volumes[0])),
        mineDeltas: mines.map((v) => delta(v, mines[0])),
      };
    });
}

export type BindingCell = { kind: 'binding'; dual: number | null } | { kind: 'relax'; relaxBy: number; unit: string } | { kind: 'off' } | { kind: 'noPlan' };

export interface BindingCompareRow {
  constraint: string;
  label: ModelSaid;
  cells: BindingCell[];
}

export function compareBinding(runs: CompareRun[]): BindingCompareRow[] {
  const rows = new Map<string, ModelSaid>();
  for (const r of runs) {
    for (const b of r.report.binding) if (!rows.has(b.constraint)) rows.set(b.constraint, b.label);
    for (const x of r.report.explanation) if (!rows.has(x.constraint)) rows.set(x.constraint, x.label);
  }
  return [...rows.entries()].map(([constraint, label]) => ({
    constraint,
    label,
    cells: runs.map((r): BindingCell => {
      const relax = r.report.explanation.find((x) => x.constraint === constraint);
      if (relax) return { kind: 'relax', relaxBy: relax.relaxBy, unit: relax.unit };
      if (!hasSolution(r.report)) return { kind: 'noPlan' };
      const b = r.report.binding.find((x) => x.constraint === constraint);
      return b ? { kind: 'binding', dual: b.dual } : { kind: 'off' };
    }),
  }));
}

/** Mines per run by rights class, from the reports' rights use. */
export function minesPerRun(runs: CompareRun[]): { class3: number | null; class12: number | null; total: number | null }[] {
  return runs.map((r) =>
    hasSolution(r.report)
      ? { class3: r.report.rights.class3.used, class12: r.report.rights.class12.used, total: r.report.rights.total.used }
      : { class3: null, class12: null, total: null },
  );
}

/** True when the runs optimise different objectives, so objective values do not compare. */
export function objectivesDiffer(runs: CompareRun[]): boolean {
  const key = (r: CompareRun) => {
    const o = r.scenario.objective ?? {};
    const w = o.weights ?? {};
    return JSON.stringify([o.preset ?? null, Object.keys(w).sort().map((k) => [k, w[k as keyof typeof w]])]);
  };
  return new Set(runs.map(key)).size > 1;
}
