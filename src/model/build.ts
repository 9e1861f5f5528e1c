/**
 * The allocation model: dataset + scenario → a named MIP. One function per
 * constraint family of DESIGN.md; every row and column is named in planner
 * terms and labelled by a key of ./words.ts, read in either language.
 *
 * One mine count per cell, not one per size class: the classes' output bands
 * are contiguous (a class's maximum is the next one's minimum), so N mines
 * can produce any v with  min_smallest·N ≤ v ≤ largest·N,  and the split
 * into large / medium / small is read off after the solve (results.ts).
 * Where the large/medium share counts a mineral's mines, a second integer
 * says how many of them are at least medium.
 *
 *   n[s]   ∈ ℤ≥0  mines in cell s
 *   nLM[s] ∈ ℤ≥0  of them large or medium (share minerals that can reach medium)
 *   v[s]   ≥ 0    annual output of cell s, in the mineral's unit
 */
import type { Dataset } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { cellsOf, type Cell } from './cells';
import { resolveInputs, type ModelInputs } from './inputs';
import type { Constraint, ConstraintFamily, LinearModel, RowKey, Term, Variable } from './linear';
import { countyLabel, mineralLabel } from './labels';
import { listOf, sayModel, type ModelSaid } from './said';
import { objectiveOf } from './objective';

export interface BuiltModel {
  linear: LinearModel;
  inputs: ModelInputs;
  cells: Cell[];
  /** variable names by role, so results never parse names */
  index: ModelIndex;
}

export interface CellColumns {
  cell: Cell;
  mines: string;
  volume: string;
  /** large-or-medium mines: a column, 'all' when every mine of the mineral is, null when none can be */
  largeMedium: string | 'all' | null;
}

export interface ModelIndex {
  cells: CellColumns[];
  flows: { cell: Cell; county: string; km: number; variable: string }[];
  /** county null: demand of the whole prefecture (minerals with no county demand) */
  unmet: { county: string | null; mineral: string; demand: number; variable: string }[];
  deviation: { county: string; mineral: string; reference: number; up: string; down: string }[];
  /** large/medium mines missing from the plan's share target; null when the model has no share row */
  shareShortfall: string | null;
  /** the integer mine totals (per county and mineral, per mineral) */
  totals: string[];
}

export const PREFECTURE = 'all';

class Rows {
  readonly constraints: Constraint[] = [];
  /** A row with no columns is kept only when 0 breaks it: an unmeetable minimum must make the scenario infeasible, not vanish. */
  add(c: Omit<Constraint, 'lb' | 'ub'> & { lb?: number | null; ub?: number | null }): void {
    const lb = c.lb ?? null;
    const ub = c.ub ?? null;
    const zeroFits = (lb === null || lb <= 0) && (ub === null || ub >= 0);
    if (c.terms.length === 0 && zeroFits) return;
    this.constraints.push({ ...c, lb, ub });
  }
}

function unitOf(inputs: ModelInputs, mineral: string): string {
  return inputs.minerals.find((m) => m.id === mineral)?.unit ?? '';
}

const one = (variable: string, coef = 1): Term => ({ variable, coef });

function volumeTerms(index: ModelIndex, keep: (c: Cell) => boolean): Term[] {
  return index.cells.filter((x) => keep(x.cell)).map((x) => one(x.volume));
}

function mineTerms(index: ModelIndex, keep: (c: Cell) => boolean): Term[] {
  return index.cells.filter((x) => keep(x.cell)).map((x) => one(x.mines));
}

function cellColumns(cells: Cell[], inputs: ModelInputs, vars: Variable[], index: ModelIndex): void {
  const shareScope = new Set(inputs.share.minerals);
  for (const cell of cells) {
    const size = inputs.mineSize[cell.mineral];
    const n = `n[${cell.id}]`;
    const v = `v[${cell.id}]`;
    vars.push({ name: n, label: sayModel('model.cell.mines', { cell: cell.label }), integer: false, lb: 0, ub: null });
    vars.push({ name: v, label: sayModel('model.cell.output', { cell: cell.label }), integer: false, lb: 0, ub: null });
    let largeMedium: CellColumns['largeMedium'] = null;
    if (size?.allLargeMedium) largeMedium = 'all';
    else if (shareScope.has(cell.mineral) && size?.largeMediumMin != null) {
      largeMedium = `nLM[${cell.id}]`;
      vars.push({ name: largeMedium, label: sayModel('model.cell.largeMedium', { cell: cell.label }), integer: false, lb: 0, ub: null });
    }
    index.cells.push({ cell, mines: n, volume: v, largeMedium });
  }
}

/**
 * The mine counts as integers where cells are interchangeable: per county and
 * mineral (a county's zones and its outside cell serve the same demand), and
 * per mineral. The cells' counts beneath them are continuous in the goal's
 * and one-answer solves, which glpk proves fast; whole-mines.ts then gives
 * each cell whole mines without moving a county quota or the objective.
 */
function mineTotalRows(rows: Rows, index: ModelIndex, vars: Variable[], d: Dataset): void {
  const groups = new Map<string, CellColumns[]>();
  const add = (key: string, x: CellColumns) => groups.set(key, [...(groups.get(key) ?? []), x]);
  for (const x of index.cells) {
    add(`${x.cell.county ?? PREFECTURE},${x.cell.mineral}`, x);
    add(x.cell.mineral, x);
  }
  for (const [key, xs] of groups) {
    const mineral = xs[0]?.cell.mineral ?? '';
    const county = key.includes(',') ? xs[0]?.cell.county ?? undefined : undefined;
    const total = (column: string, name: string, label: ModelSaid, terms: Term[]) => {
      vars.push({ name: column, label, integer: true, lb: 0, ub: null });
      index.totals.push(column);
      rows.add({ name, family: 'mineCount', elastic: false, unit: '个', key: { mineral, county }, label, terms: [...terms, one(column, -1)], lb: 0, ub: 0 });
    };
    const m = mineralLabel(d, mineral);
    const where = county !== undefined ? countyLabel(d, county) : sayModel(key.includes(',') ? 'model.where.prefectureLevel' : 'model.where.prefecture');
    const place = sayModel('model.countyMineral', { county: where, mineral: m });
    total(`N[${key}]`, `mines[${key}]`, sayModel('model.mines.total', { place }), xs.map((x) => one(x.mines)));
    const lm = xs.flatMap((x) => (x.largeMedium !== null && x.largeMedium !== 'all' ? [one(x.largeMedium)] : []));
    if (lm.length > 0) total(`NLM[${key}]`, `largeMedium[${key}]`, sayModel('model.mines.largeMediumTotal', { place }), lm);
  }
}

/**
 * min_smallest·n + (min_medium − min_smallest)·nLM ≤ v ≤ largest·n, nLM ≤ n
 * (专栏21 minima; the largest mine from 专栏4 reserves per deposit ÷ service life)
 */
function scaleRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const { cell, mines: n, volume: v, largeMedium } of index.cells) {
    const size = inputs.mineSize[cell.mineral];
    if (!size) continue;
    const unit = unitOf(inputs, cell.mineral);
    const key: RowKey = { mineral: cell.mineral, county: cell.county ?? undefined, cell: cell.id };
    const minTerms = [one(v), one(n, -size.smallestMin)];
    if (largeMedium !== null && largeMedium !== 'all' && size.largeMediumMin !== null)
      minTerms.push(one(largeMedium, -(size.largeMediumMin - size.smallestMin)));
    rows.add({
      name: `scaleMin[${cell.id}]`, family: 'scale', elastic: false, unit, key: { ...key, side: 'min' },
      label: sayModel('model.scale.min', { cell: cell.label, source: d.table21.source }),
      terms: minTerms, lb: 0,
    });
    rows.add({
      name: `scaleMax[${cell.id}]`, family: 'scale', elastic: false, unit, key: { ...key, side: 'max' },
      label: sayModel('model.scale.max', { cell: cell.label, sources: listOf(size.largest.sources) }),
      terms: [one(v), one(n, -size.largest.value)], ub: 0,
    });
    if (largeMedium !== null && largeMedium !== 'all')
      rows.add({
        name: `scaleLM[${cell.id}]`, family: 'scale', elastic: false, unit: '个', key,
        label: sayModel('model.scale.largeMedium', { cell: cell.label }),
        terms: [one(largeMedium), one(n, -1)], ub: 0,
      });
  }
}

/** Σ v[m] ≤ cap[m] (专栏20 or 专栏11) and the optional floor */
function capRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const m of inputs.minerals) {
    const cap = inputs.caps[m.id];
    const terms = volumeTerms(index, (c) => c.mineral === m.id);
    const planTable = cap?.source === 'table11' || cap?.source === 'table20' ? d[cap.source].source : null;
    const source = planTable ?? sayModel('model.source.scenario');
    if (cap?.max != null)
      rows.add({ name: `cap[${m.id}]`, family: 'cap', elastic: true, unit: m.unit, terms, ub: cap.max,
        key: { mineral: m.id, side: 'max', path: `caps.${m.id}.max` },
        label: sayModel('model.cap', { mineral: m.name, source }) });
    if (cap?.min != null)
      rows.add({ name: `floor[${m.id}]`, family: 'floor', elastic: true, unit: m.unit, terms, lb: cap.min,
        key: { mineral: m.id, side: 'min', path: `caps.${m.id}.min` },
        label: sayModel('model.floor', { mineral: m.name }) });
  }
}

/** mine counts by rights class, the mines of other minerals held fixed (专栏5, assumption otherClass12) */
function rightsRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  const classOf = (mineral: string) => inputs.minerals.find((m) => m.id === mineral)?.rightsClass;
  const { class3, class12, total } = inputs.rightsCaps;
  const fixed = inputs.fixedMines;
  rows.add({ name: 'rights[class3]', family: 'rights', elastic: true, unit: '个', key: { rightsClass: 'class3', side: 'max', path: 'rightsCaps.class3' },
    label: sayModel('model.rights.class3', { cap: class3 }),
    terms: mineTerms(index, (c) => classOf(c.mineral) === 'class3'), ub: class3 - fixed.class3 });
  rows.add({ name: 'rights[class12]', family: 'rights', elastic: true, unit: '个', key: { rightsClass: 'class12', side: 'max', path: 'rightsCaps.class12' },
    label: sayModel('model.rights.class12', { cap: class12, fixed: fixed.class12 }),
    terms: mineTerms(index, (c) => classOf(c.mineral) === 'class12'), ub: class12 - fixed.class12 });
  rows.add({ name: 'rights[total]', family: 'rights', elastic: true, unit: '个', key: { rightsClass: 'total', side: 'max', path: 'rightsCaps.total' },
    label: sayModel('model.rights.total', { cap: total }),
    terms: mineTerms(index, () => true), ub: total - fixed.class3 - fixed.class12 });
}

/**
 * Σ large/medium ≥ share · Σ mines over the class-1/2 mines, the fixed mines
 * of other minerals included (§三(二)). The plan says 力争 (strive for): a
 * shortfall is allowed and costs the objective, and the report says so.
 */
function shareRow(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[]): void {
  const scope = new Set(inputs.share.minerals);
  const min = inputs.share.min;
  const terms: Term[] = [];
  for (const x of index.cells.filter((c) => scope.has(c.cell.mineral))) {
    terms.push(one(x.mines, -min));
    if (x.largeMedium === 'all') terms.push(one(x.mines, 1));
    else if (x.largeMedium !== null) terms.push(one(x.largeMedium, 1));
  }
  if (min <= 0) return;
  const shortfall = 'shareShortfall';
  vars.push({ name: shortfall, label: sayModel('model.share.shortfall'), integer: false, lb: 0, ub: null });
  index.shareShortfall = shortfall;
  const fixedAll = inputs.fixedMines.class12;
  rows.add({ name: 'share[largeMedium]', family: 'share', elastic: true, unit: '个', key: { side: 'min', path: 'largeMediumShare.min' },
    label: sayModel('model.share.min', { percent: Math.round(min * 100) }),
    terms: [...terms, one(shortfall)], lb: min * fixedAll - inputs.fixedLargeMedium });
}

/** volume ≤ intensity · area; mines ≤ area / area per mine (专栏23 areas) */
function zoneCapacityRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  for (const z of inputs.zones) {
    if (z.excluded) continue;
    const id = z.zone.id;
    const unit = unitOf(inputs, z.zone.mineral);
    const key: RowKey = { mineral: z.zone.mineral, county: z.zone.unit ?? undefined, zone: id, side: 'max' };
    rows.add({ name: `zoneVolume[${id}]`, family: 'zoneVolume', elastic: true, unit, ub: z.volumeCapacity, key,
      label: sayModel('model.zone.volume', { name: z.zone.name, id, area: z.zone.areaKm2 }),
      terms: volumeTerms(index, (c) => c.id === id) });
    rows.add({ name: `zoneMines[${id}]`, family: 'zoneMines', elastic: true, unit: '个', ub: z.maxMines, key,
      label: sayModel('model.zone.mines', { name: z.zone.name, id }),
      terms: mineTerms(index, (c) => c.id === id) });
  }
}

/**
 * Outside the zones (§六(八)): no more mines than the rights already there
 * (专栏5), and no more output than the county's 2020 figure grown by
 * outsideGrowth: new capacity goes to the zones.
 */
function outsideZoneRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, cells: Cell[], d: Dataset): void {
  if (inputs.allowNewOutsideZones) return;
  for (const cell of cells.filter((c) => c.kind === 'outside')) {
    const key: RowKey = { mineral: cell.mineral, county: cell.county ?? undefined, cell: cell.id, side: 'max' };
    rows.add({ name: `outside[${cell.id}]`, family: 'outsideZones', elastic: true, unit: '个', ub: cell.maxMines, key,
      label: sayModel('model.outside.mines', { cell: cell.label, rightsTable: d.table5.source, mines: String(cell.maxMines) }),
      terms: mineTerms(index, (c) => c.id === cell.id) });
    if (cell.maxVolume === null) continue;
    rows.add({ name: `outsideVolume[${cell.id}]`, family: 'outsideZones', elastic: true, unit: unitOf(inputs, cell.mineral), ub: cell.maxVolume, key,
      label: sayModel('model.outside.volume', { cell: cell.label, outputTable: d.table6.source, rightsTable: d.table5.source }),
      terms: volumeTerms(index, (c) => c.id === cell.id) });
  }
}

/** Σ v[m] ≤ reserve[m] / minimum service years (专栏4, 专栏21) */
function reserveRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  for (const m of inputs.minerals) {
    const r = inputs.reserveLimit[m.id];
    if (!r) continue;
    rows.add({ name: `reserve[${m.id}]`, family: 'reserve', elastic: true, unit: m.unit, ub: r.limit, key: { mineral: m.id, side: 'max' },
      label: sayModel('model.reserve', { mineral: m.name, years: r.years }),
      terms: volumeTerms(index, (c) => c.mineral === m.id) });
  }
}

/** per-county bounds the scenario sets */
function countyBoundRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const [county, byMineral] of Object.entries(inputs.countyBounds)) {
    const name = countyLabel(d, county);
    for (const [mineral, b] of Object.entries(byMineral)) {
      const terms = volumeTerms(index, (c) => c.county === county && c.mineral === mineral);
      const place = sayModel('model.countyMineral', { county: name, mineral: mineralLabel(d, mineral) });
      const unit = unitOf(inputs, mineral);
      if (b.max !== undefined)
        rows.add({ name: `countyMax[${county},${mineral}]`, family: 'countyBound', elastic: true, unit, terms, ub: b.max,
          key: { mineral, county, side: 'max', path: `countyBounds.${county}.${mineral}.max` },
          label: sayModel('model.county.max', { place }) });
      if (b.min !== undefined)
        rows.add({ name: `countyMin[${county},${mineral}]`, family: 'countyBound', elastic: true, unit, terms, lb: b.min,
          key: { mineral, county, side: 'min', path: `countyBounds.${county}.${mineral}.min` },
          label: sayModel('model.county.min', { place }) });
    }
  }
}

function unmetColumn(vars: Variable[], index: ModelIndex, county: string | null, mineral: string, demand: number, place: ModelSaid): string {
  const u = `unmet[${county ?? PREFECTURE},${mineral}]`;
  vars.push({ name: u, label: sayModel('model.unmet', { place }), integer: false, lb: 0, ub: null });
  index.unmet.push({ county, mineral, demand, variable: u });
  return u;
}

/** county demand met by flows from cells within the transport radius; what is not met is unmet */
function countyDemandRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[], cells: Cell[], d: Dataset): void {
  const { perCounty, radiusKm } = inputs.demand;
  const demanded = new Set(Object.values(perCounty).flatMap((b) => Object.keys(b)));
  for (const cell of cells) {
    if (!demanded.has(cell.mineral) || cell.county === null) continue;
    const flows: Term[] = [];
    for (const [county, byMineral] of Object.entries(perCounty)) {
      if (byMineral[cell.mineral] === undefined) continue;
      const km = inputs.roadKm[cell.county]?.[county] ?? (cell.county === county ? 0 : undefined);
      if (km === undefined || km > radiusKm) continue;
      const x = `x[${cell.id},${county}]`;
      vars.push({ name: x, label: sayModel('model.flow', { cell: cell.label, to: countyLabel(d, county) }), integer: false, lb: 0, ub: null });
      index.flows.push({ cell, county, km, variable: x });
      flows.push(one(x));
    }
    rows.add({ name: `supply[${cell.id}]`, family: 'supply', elastic: false, unit: unitOf(inputs, cell.mineral), ub: 0, key: { mineral: cell.mineral, cell: cell.id },
      label: sayModel('model.supply', { cell: cell.label }),
      terms: [...flows, one(index.cells.find((c) => c.cell.id === cell.id)?.volume ?? '', -1)] });
  }
  for (const [county, byMineral] of Object.entries(perCounty)) {
    const name = countyLabel(d, county);
    for (const [mineral, demand] of Object.entries(byMineral)) {
      const place = sayModel('model.countyMineral', { county: name, mineral: mineralLabel(d, mineral) });
      const u = unmetColumn(vars, index, county, mineral, demand, place);
      const inflow = index.flows.filter((f) => f.county === county && f.cell.mineral === mineral).map((f) => one(f.variable));
      rows.add({ name: `demand[${county},${mineral}]`, family: 'demand', elastic: false, unit: unitOf(inputs, mineral), lb: demand, ub: demand,
        key: { mineral, county },
        label: sayModel('model.demand.county', { place, radius: radiusKm }),
        terms: [...inflow, one(u)] });
    }
  }
}

/** prefecture-wide demand (专栏11's expected output): met by any cell's output; output beyond it earns nothing */
function prefectureDemandRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[], d: Dataset): void {
  for (const [mineral, demand] of Object.entries(inputs.demand.prefecture)) {
    const place = sayModel('model.countyMineral', { county: sayModel('model.where.prefecture'), mineral: mineralLabel(d, mineral) });
    const u = unmetColumn(vars, index, null, mineral, demand, place);
    rows.add({ name: `demand[${PREFECTURE},${mineral}]`, family: 'demand', elastic: false, unit: unitOf(inputs, mineral), lb: demand,
      key: { mineral },
      label: sayModel('model.demand.prefecture', { place, source: d.table11.source }),
      terms: [...volumeTerms(index, (c) => c.mineral === mineral), one(u)] });
  }
}

/** |county quota − reference| as two nonnegative parts */
function deviationRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[], d: Dataset): void {
  for (const [county, byMineral] of Object.entries(inputs.reference)) {
    const name = countyLabel(d, county);
    for (const [mineral, reference] of Object.entries(byMineral)) {
      const place = sayModel('model.countyMineral', { county: name, mineral: mineralLabel(d, mineral) });
      const up = `devUp[${county},${mineral}]`;
      const down = `devDown[${county},${mineral}]`;
      vars.push({ name: up, label: sayModel('model.deviation.above', { place }), integer: false, lb: 0, ub: null });
      vars.push({ name: down, label: sayModel('model.deviation.below', { place }), integer: false, lb: 0, ub: null });
      index.deviation.push({ county, mineral, reference, up, down });
      rows.add({ name: `deviation[${county},${mineral}]`, family: 'deviation', elastic: false, unit: unitOf(inputs, mineral), lb: reference, ub: reference,
        key: { mineral, county },
        label: sayModel('model.deviation', { place }),
        terms: [...volumeTerms(index, (c) => c.county === county && c.mineral === mineral), one(up, -1), one(down, 1)] });
    }
  }
}

/** Families whose rows only a scenario's caps, rights caps and county bounds set (rebound.ts rewrites them in a built model). */
export const BOUND_FAMILIES: ReadonlySet<ConstraintFamily> = new Set(['cap', 'floor', 'rights', 'countyBound']);

/** The rows of BOUND_FAMILIES, in the order buildModel adds them. */
export function boundRows(d: Dataset, inputs: ModelInputs, index: ModelIndex): Constraint[] {
  const rows = new Rows();
  capRows(rows, index, inputs, d);
  rightsRows(rows, index, inputs);
  countyBoundRows(rows, index, inputs, d);
  return rows.constraints;
}

export function buildModel(d: Dataset, s: Scenario): BuiltModel {
  const inputs = resolveInputs(d, s);
  const cells = cellsOf(d, inputs);
  const variables: Variable[] = [];
  const index: ModelIndex = { cells: [], flows: [], unmet: [], deviation: [], shareShortfall: null, totals: [] };
  const rows = new Rows();
  cellColumns(cells, inputs, variables, index);
  mineTotalRows(rows, index, variables, d);
  scaleRows(rows, index, inputs, d);
  capRows(rows, index, inputs, d);
  rightsRows(rows, index, inputs);
  shareRow(rows, index, inputs, variables);
  zoneCapacityRows(rows, index, inputs);
  outsideZoneRows(rows, index, inputs, cells, d);
  reserveRows(rows, index, inputs);
  countyBoundRows(rows, index, inputs, d);
  countyDemandRows(rows, index, inputs, variables, cells, d);
  prefectureDemandRows(rows, index, inputs, variables, d);
  deviationRows(rows, index, inputs, variables, d);
  const objective = objectiveOf(inputs, index);
  return {
    linear: { name: s.name, sense: 'max', objective: objective.terms, objectiveConstant: objective.constant, variables, constraints: rows.constraints },
    inputs,
    cells,
    index,
  };
}
