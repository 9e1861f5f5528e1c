/**
 * The allocation model: dataset + scenario → a named MIP. One function per
 * constraint family of DESIGN.md; every row and column is named in planner
 * terms and labelled in both languages.
 *
 *   n[s,k] ∈ ℤ≥0  mines of size class k in cell s
 *   v[s,k] ≥ 0    annual output of those mines, in the mineral's unit
 */
import type { Dataset, SizeClass } from '../domain/dataset';
import type { Scenario } from '../domain/scenario';
import { cellsOf, type Cell } from './cells';
import { resolveInputs, type ModelInputs } from './inputs';
import type { Constraint, LinearModel, Term, Variable } from './linear';
import { countyLabel, mineralLabel } from './labels';
import { objectiveTerms } from './objective';

const CLASS_NAMES: Record<SizeClass, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
};

export interface BuiltModel {
  linear: LinearModel;
  inputs: ModelInputs;
  cells: Cell[];
  /** variable names by role, so results never parse names */
  index: ModelIndex;
}

export interface ModelIndex {
  mines: { cell: Cell; size: SizeClass; variable: string }[];
  volume: { cell: Cell; size: SizeClass; variable: string }[];
  flows: { cell: Cell; county: string; km: number; variable: string }[];
  unmet: { county: string; mineral: string; demand: number; variable: string }[];
  deviation: { county: string; mineral: string; reference: number; up: string; down: string }[];
}

export const mines = (cell: string, k: SizeClass) => `n[${cell},${k}]`;
export const volume = (cell: string, k: SizeClass) => `v[${cell},${k}]`;

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

function sizeClasses(inputs: ModelInputs, mineral: string): SizeClass[] {
  return Object.keys(inputs.scale[mineral] ?? {}) as SizeClass[];
}

function unitOf(inputs: ModelInputs, mineral: string): string {
  return inputs.minerals.find((m) => m.id === mineral)?.unit ?? '';
}

function volumeTerms(index: ModelIndex, keep: (c: Cell) => boolean): Term[] {
  return index.volume.filter((x) => keep(x.cell)).map((x) => ({ variable: x.variable, coef: 1 }));
}

function mineTerms(index: ModelIndex, keep: (c: Cell, k: SizeClass) => boolean): Term[] {
  return index.mines.filter((x) => keep(x.cell, x.size)).map((x) => ({ variable: x.variable, coef: 1 }));
}

function mineAndVolumeColumns(cells: Cell[], inputs: ModelInputs, vars: Variable[], index: ModelIndex): void {
  for (const cell of cells) {
    for (const k of sizeClasses(inputs, cell.mineral)) {
      const n = mines(cell.id, k);
      const v = volume(cell.id, k);
      vars.push({ name: n, label: { zh: `${cell.label.zh}${CLASS_NAMES[k].zh}矿山数`, en: `${cell.label.en}: ${CLASS_NAMES[k].en} mines` }, integer: true, lb: 0, ub: null });
      vars.push({ name: v, label: { zh: `${cell.label.zh}${CLASS_NAMES[k].zh}矿山开采量`, en: `${cell.label.en}: ${CLASS_NAMES[k].en} mines' output` }, integer: false, lb: 0, ub: null });
      index.mines.push({ cell, size: k, variable: n });
      index.volume.push({ cell, size: k, variable: v });
    }
  }
}

/** minScale[m,k]·n ≤ v ≤ maxScale[m,k]·n (专栏21) */
function scaleRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const { cell, size, variable: n } of index.mines) {
    const scale = inputs.scale[cell.mineral]?.[size];
    if (!scale) continue;
    const v = volume(cell.id, size);
    const unit = unitOf(inputs, cell.mineral);
    const cls = CLASS_NAMES[size];
    rows.add({
      name: `scaleMin[${cell.id},${size}]`, family: 'scale', elastic: false, unit,
      label: { zh: `${cell.label.zh}${cls.zh}矿山最低开采规模（${d.table21.source}）`, en: `${cell.label.en}: ${cls.en} mine minimum scale (${d.table21.source})` },
      terms: [{ variable: v, coef: 1 }, { variable: n, coef: -scale.min }], lb: 0,
    });
    rows.add({
      name: `scaleMax[${cell.id},${size}]`, family: 'scale', elastic: false, unit,
      label: { zh: `${cell.label.zh}${cls.zh}矿山规模上限`, en: `${cell.label.en}: ${cls.en} mine maximum scale` },
      terms: [{ variable: v, coef: 1 }, { variable: n, coef: -scale.max }], ub: 0,
    });
  }
}

/** Σ v[m] ≤ cap[m] (专栏20 or 专栏11) and the optional floor */
function capRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const m of inputs.minerals) {
    const cap = inputs.caps[m.id];
    const terms = volumeTerms(index, (c) => c.mineral === m.id);
    const planTable = cap?.source === 'table11' || cap?.source === 'table20' ? d[cap.source].source : null;
    const source = planTable ?? '方案';
    const sourceEn = planTable ?? 'scenario';
    if (cap?.max != null)
      rows.add({ name: `cap[${m.id}]`, family: 'cap', elastic: true, unit: m.unit, terms, ub: cap.max,
        label: { zh: `${m.name.zh}开采总量上限（${source}）`, en: `${m.name.en} total extraction cap (${sourceEn})` } });
    if (cap?.min != null)
      rows.add({ name: `floor[${m.id}]`, family: 'floor', elastic: true, unit: m.unit, terms, lb: cap.min,
        label: { zh: `${m.name.zh}开采总量下限`, en: `${m.name.en} total extraction floor` } });
  }
}

/** mine counts by rights class, the out-of-scope class-1/2 mines held fixed (专栏5, 规划目标) */
function rightsRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  const classOf = (mineral: string) => inputs.minerals.find((m) => m.id === mineral)?.rightsClass;
  const { class3, class12, total } = inputs.rightsCaps;
  const fixed = inputs.fixedMines;
  rows.add({ name: 'rights[class3]', family: 'rights', elastic: true, unit: '个',
    label: { zh: `三类矿产（砂石土）矿山数 ≤ ${class3}`, en: `class-3 (sand, gravel, clay) mines ≤ ${class3}` },
    terms: mineTerms(index, (c) => classOf(c.mineral) === 'class3'), ub: class3 - fixed.class3 });
  rows.add({ name: 'rights[class12]', family: 'rights', elastic: true, unit: '个',
    label: { zh: `一二类固体矿产矿山数 ≤ ${class12}（含规划外矿种 ${fixed.class12} 个）`, en: `class-1/2 solid-mineral mines ≤ ${class12} (incl. ${fixed.class12} of other minerals)` },
    terms: mineTerms(index, (c) => classOf(c.mineral) === 'class12'), ub: class12 - fixed.class12 });
  rows.add({ name: 'rights[total]', family: 'rights', elastic: true, unit: '个',
    label: { zh: `有效矿山总数 ≤ ${total}`, en: `valid mines in all ≤ ${total}` },
    terms: mineTerms(index, () => true), ub: total - fixed.class3 - fixed.class12 });
}

/** Σ(large + medium) ≥ share · Σ all, over the class-1/2 minerals in scope */
function shareRow(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  const scope = new Set(inputs.share.minerals);
  const min = inputs.share.min;
  const terms = index.mines
    .filter((x) => scope.has(x.cell.mineral))
    .map((x) => ({ variable: x.variable, coef: (x.size === 'small' ? 0 : 1) - min }))
    .filter((t) => t.coef !== 0);
  rows.add({ name: 'share[largeMedium]', family: 'share', elastic: true, unit: '个',
    label: { zh: `大中型矿山比例 ≥ ${Math.round(min * 100)}%`, en: `large and medium mines ≥ ${Math.round(min * 100)}%` },
    terms, lb: 0 });
}

/** volume ≤ intensity · area; mines ≤ area / area per mine (专栏23 areas) */
function zoneCapacityRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  for (const z of inputs.zones) {
    if (z.excluded) continue;
    const id = z.zone.id;
    const unit = unitOf(inputs, z.zone.mineral);
    rows.add({ name: `zoneVolume[${id}]`, family: 'zoneVolume', elastic: true, unit, ub: z.volumeCapacity,
      label: { zh: `${z.zone.name}开采能力（${z.zone.areaKm2} km²）`, en: `zone ${id} volume capacity (${z.zone.areaKm2} km²)` },
      terms: volumeTerms(index, (c) => c.id === id) });
    rows.add({ name: `zoneMines[${id}]`, family: 'zoneMines', elastic: true, unit: '个', ub: z.maxMines,
      label: { zh: `${z.zone.name}矿山数上限`, en: `zone ${id} most mines` },
      terms: mineTerms(index, (c) => c.id === id) });
  }
}

/** outside the zones: no more mines than the rights already there (§六(八)) */
function outsideZoneRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, cells: Cell[], d: Dataset): void {
  if (inputs.allowNewOutsideZones) return;
  for (const cell of cells.filter((c) => c.kind === 'outside')) {
    rows.add({ name: `outside[${cell.id}]`, family: 'outsideZones', elastic: true, unit: '个', ub: cell.maxMines,
      label: { zh: `${cell.label.zh}不新增矿山（${d.table5.source}现有 ${cell.maxMines} 个）`, en: `${cell.label.en}: no new mines (${d.table5.source} has ${cell.maxMines})` },
      terms: mineTerms(index, (c) => c.id === cell.id) });
  }
}

/** Σ v[m] ≤ reserve[m] / minimum service years (专栏4, 专栏21) */
function reserveRows(rows: Rows, index: ModelIndex, inputs: ModelInputs): void {
  for (const m of inputs.minerals) {
    const r = inputs.reserveLimit[m.id];
    if (!r) continue;
    rows.add({ name: `reserve[${m.id}]`, family: 'reserve', elastic: true, unit: m.unit, ub: r.limit,
      label: { zh: `${m.name.zh}保有资源量 ÷ 最低服务年限 ${r.years} 年`, en: `${m.name.en} reserves ÷ ${r.years}-year minimum service life` },
      terms: volumeTerms(index, (c) => c.mineral === m.id) });
  }
}

/** per-county bounds the scenario sets */
function countyBoundRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, d: Dataset): void {
  for (const [county, byMineral] of Object.entries(inputs.countyBounds)) {
    const name = countyLabel(d, county);
    for (const [mineral, b] of Object.entries(byMineral)) {
      const terms = volumeTerms(index, (c) => c.county === county && c.mineral === mineral);
      const m = mineralLabel(d, mineral);
      const unit = unitOf(inputs, mineral);
      if (b.max !== undefined)
        rows.add({ name: `countyMax[${county},${mineral}]`, family: 'countyBound', elastic: true, unit, terms, ub: b.max,
          label: { zh: `${name.zh}${m.zh}指标上限`, en: `${name.en} ${m.en} quota maximum` } });
      if (b.min !== undefined)
        rows.add({ name: `countyMin[${county},${mineral}]`, family: 'countyBound', elastic: true, unit, terms, lb: b.min,
          label: { zh: `${name.zh}${m.zh}指标下限`, en: `${name.en} ${m.en} quota minimum` } });
    }
  }
}

/** flows from cells to county demand within the transport radius; unmet demand is penalised */
function demandRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[], cells: Cell[], d: Dataset): void {
  if (!inputs.demand.enabled) return;
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
      const to = countyLabel(d, county);
      vars.push({ name: x, label: { zh: `${cell.label.zh}运往${to.zh}`, en: `${cell.label.en} to ${to.en}` }, integer: false, lb: 0, ub: null });
      index.flows.push({ cell, county, km, variable: x });
      flows.push({ variable: x, coef: 1 });
    }
    rows.add({ name: `supply[${cell.id}]`, family: 'supply', elastic: false, unit: unitOf(inputs, cell.mineral), ub: 0,
      label: { zh: `${cell.label.zh}运出量 ≤ 开采量`, en: `${cell.label.en}: shipped ≤ extracted` },
      terms: [...flows, ...volumeTerms(index, (c) => c.id === cell.id).map((t) => ({ ...t, coef: -1 }))] });
  }
  for (const [county, byMineral] of Object.entries(perCounty)) {
    const name = countyLabel(d, county);
    for (const [mineral, demand] of Object.entries(byMineral)) {
      const u = `unmet[${county},${mineral}]`;
      const m = mineralLabel(d, mineral);
      vars.push({ name: u, label: { zh: `${name.zh}${m.zh}未满足需求`, en: `${name.en} ${m.en} unmet demand` }, integer: false, lb: 0, ub: null });
      index.unmet.push({ county, mineral, demand, variable: u });
      const inflow = index.flows.filter((f) => f.county === county && f.cell.mineral === mineral).map((f) => ({ variable: f.variable, coef: 1 }));
      rows.add({ name: `demand[${county},${mineral}]`, family: 'demand', elastic: false, unit: unitOf(inputs, mineral), lb: demand, ub: demand,
        label: { zh: `${name.zh}${m.zh}需求（半径 ${radiusKm} km）`, en: `${name.en} ${m.en} demand (radius ${radiusKm} km)` },
        terms: [...inflow, { variable: u, coef: 1 }] });
    }
  }
}

/** |county quota − reference| as two nonnegative parts */
function deviationRows(rows: Rows, index: ModelIndex, inputs: ModelInputs, vars: Variable[], d: Dataset): void {
  for (const [county, byMineral] of Object.entries(inputs.reference)) {
    const name = countyLabel(d, county);
    for (const [mineral, reference] of Object.entries(byMineral)) {
      const m = mineralLabel(d, mineral);
      const up = `devUp[${county},${mineral}]`;
      const down = `devDown[${county},${mineral}]`;
      vars.push({ name: up, label: { zh: `${name.zh}${m.zh}高于参考`, en: `${name.en} ${m.en} above reference` }, integer: false, lb: 0, ub: null });
      vars.push({ name: down, label: { zh: `${name.zh}${m.zh}低于参考`, en: `${name.en} ${m.en} below reference` }, integer: false, lb: 0, ub: null });
      index.deviation.push({ county, mineral, reference, up, down });
      rows.add({ name: `deviation[${county},${mineral}]`, family: 'deviation', elastic: false, unit: unitOf(inputs, mineral), lb: reference, ub: reference,
        label: { zh: `${name.zh}${m.zh}与参考分配之差`, en: `${name.en} ${m.en} deviation from reference` },
        terms: [...volumeTerms(index, (c) => c.county === county && c.mineral === mineral), { variable: up, coef: -1 }, { variable: down, coef: 1 }] });
    }
  }
}

export function buildModel(d: Dataset, s: Scenario): BuiltModel {
  const inputs = resolveInputs(d, s);
  const cells = cellsOf(d, inputs);
  const variables: Variable[] = [];
  const index: ModelIndex = { mines: [], volume: [], flows: [], unmet: [], deviation: [] };
  const rows = new Rows();
  mineAndVolumeColumns(cells, inputs, variables, index);
  scaleRows(rows, index, inputs, d);
  capRows(rows, index, inputs, d);
  rightsRows(rows, index, inputs);
  shareRow(rows, index, inputs);
  zoneCapacityRows(rows, index, inputs);
  outsideZoneRows(rows, index, inputs, cells, d);
  reserveRows(rows, index, inputs);
  countyBoundRows(rows, index, inputs, d);
  demandRows(rows, index, inputs, variables, cells, d);
  deviationRows(rows, index, inputs, variables, d);
  return {
    linear: { name: s.name, sense: 'max', objective: objectiveTerms(inputs, index), objectiveConstant: 0, variables, constraints: rows.constraints },
    inputs,
    cells,
    index,
  };
}
