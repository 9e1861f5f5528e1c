/**
 * Turns solver output into what a planner reads: county × mineral quotas,
 * zones with capacity use, the plan's KPIs. Pure; never parses variable
 * names (the builder's index says what each column is).
 */
import type { SizeClass } from '../domain/dataset';
import type { BuiltModel } from './build';
import type { CountyQuota, MineralTotal, MinesByClass, SolveReport, ZoneQuota } from './report';

export type Values = Record<string, number>;

const noMines = (): MinesByClass => ({ large: 0, medium: 0, small: 0 });
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

export function mineralTotals(b: BuiltModel, values: Values): Record<string, MineralTotal> {
  const out: Record<string, MineralTotal> = {};
  for (const m of b.inputs.minerals) {
    const cap = b.inputs.caps[m.id];
    out[m.id] = { volume: 0, cap: cap?.max ?? null, floor: cap?.min ?? null, unit: m.unit, mines: 0 };
  }
  for (const x of b.index.volume) {
    const t = out[x.cell.mineral];
    if (t) t.volume = round(t.volume + (values[x.variable] ?? 0));
  }
  for (const x of b.index.mines) {
    const t = out[x.cell.mineral];
    if (t) t.mines += Math.round(values[x.variable] ?? 0);
  }
  return out;
}

export function countyQuotas(b: BuiltModel, values: Values): CountyQuota[] {
  const byKey = new Map<string, CountyQuota>();
  const keyOf = (county: string | null, mineral: string) => `${county ?? ''}|${mineral}`;
  for (const cell of b.cells) {
    const key = keyOf(cell.county, cell.mineral);
    if (!byKey.has(key)) byKey.set(key, { county: cell.county, mineral: cell.mineral, volume: 0, mines: noMines() });
  }
  for (const x of b.index.volume) {
    const q = byKey.get(keyOf(x.cell.county, x.cell.mineral));
    if (q) q.volume = round(q.volume + (values[x.variable] ?? 0));
  }
  for (const x of b.index.mines) {
    const q = byKey.get(keyOf(x.cell.county, x.cell.mineral));
    if (q) q.mines[x.size] += Math.round(values[x.variable] ?? 0);
  }
  const unitRank = (c: string | null) => (c === null ? Infinity : b.inputs.unitOrder.indexOf(c));
  const mineralRank = (m: string) => b.inputs.minerals.findIndex((x) => x.id === m);
  return [...byKey.values()].sort((x, y) => unitRank(x.county) - unitRank(y.county) || mineralRank(x.mineral) - mineralRank(y.mineral));
}

export function zoneQuotas(b: BuiltModel, values: Values): ZoneQuota[] {
  return b.inputs.zones.map((z) => {
    const id = z.zone.id;
    const volume = round(b.index.volume.filter((x) => x.cell.id === id).reduce((a, x) => a + (values[x.variable] ?? 0), 0));
    const mines = b.index.mines.filter((x) => x.cell.id === id).reduce((a, x) => a + Math.round(values[x.variable] ?? 0), 0);
    return {
      zone: id,
      mineral: z.zone.mineral,
      county: z.zone.unit,
      volume,
      mines,
      excluded: z.excluded,
      capacityUse: z.excluded || z.volumeCapacity <= 0 ? null : round(volume / z.volumeCapacity, 4),
    };
  });
}

export function rightsUse(b: BuiltModel, values: Values): SolveReport['rights'] {
  const { rightsCaps, fixedMines, share } = b.inputs;
  const classOf = (mineral: string) => b.inputs.minerals.find((m) => m.id === mineral)?.rightsClass;
  const count = (keep: (mineral: string, size: SizeClass) => boolean) =>
    b.index.mines.filter((x) => keep(x.cell.mineral, x.size)).reduce((a, x) => a + Math.round(values[x.variable] ?? 0), 0);
  const class3 = count((m) => classOf(m) === 'class3') + fixedMines.class3;
  const class12 = count((m) => classOf(m) === 'class12') + fixedMines.class12;
  const scope = new Set(share.minerals);
  const inScope = count((m) => scope.has(m));
  const largeMedium = count((m, k) => scope.has(m) && k !== 'small');
  return {
    class3: { used: class3, cap: rightsCaps.class3 },
    class12: { used: class12, cap: rightsCaps.class12 },
    total: { used: class3 + class12, cap: rightsCaps.total },
    largeMediumShare: { value: inScope > 0 ? round(largeMedium / inScope, 4) : null, min: share.min },
  };
}

export function resultsFrom(b: BuiltModel, values: Values): Pick<SolveReport, 'totals' | 'rights' | 'counties' | 'zones'> {
  return {
    totals: mineralTotals(b, values),
    rights: rightsUse(b, values),
    counties: countyQuotas(b, values),
    zones: zoneQuotas(b, values),
  };
}
