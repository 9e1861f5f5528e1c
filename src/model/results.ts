/**
 * Turns solver output into what a planner reads: county × mineral quotas
 * with mines by size class, zones with capacity use, demand met and unmet,
 * flows between counties, the plan's KPIs. Pure; never parses variable
 * names (the builder's index says what each column is).
 */
import type { SizeClass } from '../domain/dataset';
import type { BuiltModel, CellColumns } from './build';
import type { MineSize } from './inputs';
import type { CountyQuota, DemandLine, Flow, MineralTotal, MinesByClass, SolveReport, ZoneQuota } from './report';

export type Values = Record<string, number>;

const noMines = (): MinesByClass => ({ large: 0, medium: 0, small: 0 });
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits + 0;
/** whole mines from a solver value (−1e-12 reads as 0, not −0) */
const count = (x: number | undefined) => Math.max(0, Math.round(x ?? 0));
const TOL = 1e-6;

/**
 * Mines of a cell by size class. Rule: every mine gets its class's least
 * output (large/medium ones the medium minimum, the others the smallest
 * class's), then the rest of the cell's output fills the mines one by one
 * up to the largest sensible mine; each mine is then classed by its output.
 * So a cell has as many large mines as its output allows.
 */
export function splitByClass(size: MineSize, mines: number, volume: number, largeMedium: number): MinesByClass {
  const out = noMines();
  if (mines <= 0) return out;
  const lmMin = size.largeMediumMin ?? size.smallestMin;
  const outputs = Array.from({ length: mines }, (_, i) => (i < largeMedium ? lmMin : size.smallestMin));
  let rest = volume - outputs.reduce((a, x) => a + x, 0);
  for (let i = 0; i < outputs.length && rest > TOL; i++) {
    const add = Math.min(rest, size.largest.value - (outputs[i] ?? 0));
    outputs[i] = (outputs[i] ?? 0) + add;
    rest -= add;
  }
  const order: SizeClass[] = ['large', 'medium', 'small'];
  for (const o of outputs) {
    const k = order.find((c) => {
      const band = size.classes[c];
      return band !== undefined && o >= band.min - TOL;
    });
    out[k ?? 'small'] += 1;
  }
  return out;
}

function cellMines(b: BuiltModel, x: CellColumns, values: Values): MinesByClass {
  const n = count(values[x.mines]);
  const lm = x.largeMedium === 'all' ? n : x.largeMedium === null ? 0 : count(values[x.largeMedium]);
  const size = b.inputs.mineSize[x.cell.mineral];
  if (!size) return noMines();
  return splitByClass(size, n, values[x.volume] ?? 0, lm);
}

function addMines(a: MinesByClass, b: MinesByClass): void {
  a.large += b.large;
  a.medium += b.medium;
  a.small += b.small;
}

export function mineralTotals(b: BuiltModel, values: Values): Record<string, MineralTotal> {
  const out: Record<string, MineralTotal> = {};
  for (const m of b.inputs.minerals) {
    const cap = b.inputs.caps[m.id];
    out[m.id] = { volume: 0, cap: cap?.max ?? null, floor: cap?.min ?? null, unit: m.unit, mines: 0 };
  }
  for (const x of b.index.cells) {
    const t = out[x.cell.mineral];
    if (!t) continue;
    t.volume = round(t.volume + (values[x.volume] ?? 0));
    t.mines += count(values[x.mines]);
  }
  return out;
}

export function countyQuotas(b: BuiltModel, values: Values): CountyQuota[] {
  const byKey = new Map<string, CountyQuota>();
  const keyOf = (county: string | null, mineral: string) => `${county ?? ''}|${mineral}`;
  for (const x of b.index.cells) {
    const { county, mineral } = x.cell;
    const key = keyOf(county, mineral);
    let q = byKey.get(key);
    if (!q) {
      q = { county, mineral, volume: 0, mines: noMines() };
      if (county !== null) {
        q.output2020 = b.inputs.output2020[county]?.[mineral] ?? null;
        q.rights2020 = b.inputs.existingRights[county]?.[mineral] ?? 0;
      }
      byKey.set(key, q);
    }
    q.volume = round(q.volume + (values[x.volume] ?? 0));
    addMines(q.mines, cellMines(b, x, values));
  }
  const unitRank = (c: string | null) => (c === null ? Infinity : b.inputs.unitOrder.indexOf(c));
  const mineralRank = (m: string) => b.inputs.minerals.findIndex((x) => x.id === m);
  return [...byKey.values()].sort((x, y) => unitRank(x.county) - unitRank(y.county) || mineralRank(x.mineral) - mineralRank(y.mineral));
}

export function zoneQuotas(b: BuiltModel, values: Values): ZoneQuota[] {
  return b.inputs.zones.map((z) => {
    const id = z.zone.id;
    const x = b.index.cells.find((c) => c.cell.id === id);
    const volume = round(x ? values[x.volume] ?? 0 : 0);
    const mines = x ? count(values[x.mines]) : 0;
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
  const { rightsCaps, fixedMines, fixedLargeMedium, share } = b.inputs;
  const classOf = (mineral: string) => b.inputs.minerals.find((m) => m.id === mineral)?.rightsClass;
  const scope = new Set(share.minerals);
  let class3 = fixedMines.class3;
  let class12 = fixedMines.class12;
  let inScope = fixedMines.class12;
  let largeMedium = fixedLargeMedium;
  for (const x of b.index.cells) {
    const n = count(values[x.mines]);
    if (classOf(x.cell.mineral) === 'class3') class3 += n;
    if (classOf(x.cell.mineral) === 'class12') class12 += n;
    if (!scope.has(x.cell.mineral)) continue;
    inScope += n;
    const m = cellMines(b, x, values);
    largeMedium += m.large + m.medium;
  }
  const shortfall = b.index.shareShortfall ? round(values[b.index.shareShortfall] ?? 0, 4) : 0;
  return {
    class3: { used: class3, cap: rightsCaps.class3 },
    class12: { used: class12, cap: rightsCaps.class12 },
    total: { used: class3 + class12, cap: rightsCaps.total },
    largeMediumShare: { value: inScope > 0 ? round(largeMedium / inScope, 4) : null, min: share.min, shortfall },
  };
}

export function demandLines(b: BuiltModel, values: Values): DemandLine[] {
  return b.index.unmet.map((u) => {
    const unmet = round(values[u.variable] ?? 0);
    return { county: u.county, mineral: u.mineral, demand: round(u.demand), supplied: round(u.demand - unmet), unmet };
  });
}

/**
 * Below this (in the mineral's unit: 10 m³ or 10 t) a shipment is a remnant
 * of the goal's tolerance in the one-answer solve, not a plan: left out.
 */
export const LEAST_FLOW = 1e-3;

/** Shipments between counties (a county's own supply included, at 0 km), summed over the cells of each county. */
export function flows(b: BuiltModel, values: Values): Flow[] {
  const byKey = new Map<string, Flow>();
  for (const f of b.index.flows) {
    const amount = values[f.variable] ?? 0;
    const from = f.cell.county;
    if (amount <= TOL || from === null) continue;
    const key = `${from}|${f.county}|${f.cell.mineral}`;
    const flow = byKey.get(key) ?? { from, to: f.county, mineral: f.cell.mineral, amount: 0, km: f.km };
    flow.amount = round(flow.amount + amount);
    byKey.set(key, flow);
  }
  return [...byKey.values()].filter((f) => f.amount >= LEAST_FLOW);
}

export function resultsFrom(b: BuiltModel, values: Values): Pick<SolveReport, 'totals' | 'rights' | 'counties' | 'zones' | 'demand' | 'flows'> {
  return {
    totals: mineralTotals(b, values),
    rights: rightsUse(b, values),
    counties: countyQuotas(b, values),
    zones: zoneQuotas(b, values),
    demand: demandLines(b, values),
    flows: flows(b, values),
  };
}
