/**
 * The data audit: finds where the plan disagrees with itself. Every finding
 * is computed from the data (totals recomputed from their rows, every figure
 * that two tables both give compared in the same unit, every unit compared
 * with the mineral's unit); no table, mineral or county is named here, so a
 * planted or corrected figure changes the findings by itself.
 */
import type { Dataset, RightsClass } from './dataset';
import { parsePlanUnit, unitLabel, type Measure } from './units';

/** A unit in an English message: 10⁴ t, never 万吨 (the quoted plan text keeps its own words); callers pass figures whose unit was read. */
const en = (unit: string | null): string => unitLabel(unit ?? '', 'en');

export const FINDING_KINDS = [
  /** a row's per-column counts do not add up to its own stated total */
  'row-sum',
  /** the rows of one rights class do not add up to that class's subtotal row */
  'class-subtotal',
  /** the subtotal rows do not add up to the total row */
  'total-of-subtotals',
  /** the rows' totals do not add up to the grand total */
  'total-of-rows',
  /** a table's stated total is not the sum of its rows */
  'total',
  /** a total stated in the text is not the sum of a table's rows */
  'stated-total',
  /** a count stated in the text is not the number of rows in a table */
  'stated-count',
  /** two tables give different figures for the same quantity of the same mineral */
  'figure',
  /** more producing mines than valid mining rights for the same mineral */
  'rights',
  /** a table puts a mineral in another rights class than the model */
  'rights-class',
  /** a unit differs from the mineral's unit or from another table's unit for the same figure, or cannot be read */
  'unit',
  /** a 2025 cap is below the 2020 output in the same unit */
  'cap-below-2020',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface FindingSubject {
  table: string;
  row?: string;
  column?: string;
}

export interface Finding {
  kind: FindingKind;
  /** the plan tables involved, e.g. ["专栏5"] or ["专栏6", "专栏20"] */
  tables: string[];
  /** the values compared, in the order the message names them */
  values: unknown[];
  message: string;
  messageEn: string;
  subject?: FindingSubject;
}

/** Amounts are printed with at most two decimals; closer than this is equal. */
export const AMOUNT_TOLERANCE = 0.005;

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const fmt = (x: number): string => String(round(x));
const differ = (a: number, b: number): boolean => Math.abs(a - b) > AMOUNT_TOLERANCE;
const sum = (xs: readonly number[]): number => round(xs.reduce((s, x) => s + x, 0));

const CLASS_LABEL: Record<RightsClass, { zh: string; en: string }> = {
  class12: { zh: '省、市级（一二类）', en: 'provincial/prefectural (class 1/2)' },
  class3: { zh: '县级（三类）', en: 'county-level (class 3)' },
};

/** Lookups shared by the checks: names of columns and minerals, and the key that identifies "the same mineral" across tables. */
class Context {
  private readonly byPlanName = new Map<string, string>();

  constructor(readonly d: Dataset) {
    for (const m of d.minerals) for (const n of [m.name.zh, ...m.planNames]) if (!this.byPlanName.has(n)) this.byPlanName.set(n, m.id);
  }

  /** A model mineral id when the row names one (by id or by one of its plan names), else the plan name itself. */
  key(mineral: string | null, planName: string): string {
    return mineral ?? this.byPlanName.get(planName.trim()) ?? `name:${planName.trim()}`;
  }

  mineral(key: string) {
    return this.d.minerals.find((m) => m.id === key);
  }

  keyLabel(key: string): { zh: string; en: string } {
    const m = this.mineral(key);
    if (m) return m.name;
    const name = key.replace(/^name:/, '');
    return { zh: name, en: name };
  }

  column(id: string): { zh: string; en: string } {
    const u = this.d.units.find((x) => x.id === id);
    return u ? { zh: u.planColumn, en: u.name.en } : { zh: id, en: id };
  }
}

// ---------------------------------------------------------------- table 5

function auditRights(c: Context): Finding[] {
  const t = c.d.table5;
  const T = t.source;
  const out: Finding[] = [];
  const at = (counts: Record<string, number>, col: string) => counts[col] ?? 0;
  const rowSum = (counts: Record<string, number>) => sum(t.columns.map((col) => at(counts, col)));

  for (const r of [...t.rows, ...t.subtotals, t.total]) {
    const s = rowSum(r.counts);
    if (s !== r.total)
      out.push({
        kind: 'row-sum',
        tables: [T],
        values: [s, r.total],
        subject: { table: T, row: r.planName },
        message: `${T}“${r.planName}”行各县合计为 ${s}，而该行汇总列为 ${r.total}。`,
        messageEn: `${T} row "${r.planName}": its county counts add up to ${s}, but its total column says ${r.total}.`,
      });
  }

  for (const sub of t.subtotals) {
    const rows = t.rows.filter((r) => r.rightsClass === sub.rightsClass);
    const cls = CLASS_LABEL[sub.rightsClass];
    const names = rows.map((r) => r.planName).join('、');
    for (const col of t.columns) {
      const s = sum(rows.map((r) => at(r.counts, col)));
      const stated = at(sub.counts, col);
      if (s !== stated) {
        const name = c.column(col);
        out.push({
          kind: 'class-subtotal',
          tables: [T],
          values: [s, stated],
          subject: { table: T, row: sub.planName, column: col },
          message: `${T}“${name.zh}”列：${cls.zh}各矿种（${names}）之和为 ${s}，而“${sub.planName}”为 ${stated}。`,
          messageEn: `${T} column ${name.en} (${name.zh}): the ${cls.en} rows (${names}) add up to ${s}, but the subtotal "${sub.planName}" says ${stated}.`,
        });
      }
    }
    const s = sum(rows.map((r) => r.total));
    if (s !== sub.total)
      out.push({
        kind: 'class-subtotal',
        tables: [T],
        values: [s, sub.total],
        subject: { table: T, row: sub.planName },
        message: `${T}：${cls.zh}各矿种汇总列之和为 ${s}，而“${sub.planName}”的汇总为 ${sub.total}。`,
        messageEn: `${T}: the totals of the ${cls.en} rows add up to ${s}, but the subtotal "${sub.planName}" says ${sub.total}.`,
      });
  }

  if (t.subtotals.length > 0) {
    const subNames = t.subtotals.map((s) => s.planName).join('、');
    for (const col of t.columns) {
      const s = sum(t.subtotals.map((r) => at(r.counts, col)));
      const stated = at(t.total.counts, col);
      if (s !== stated) {
        const name = c.column(col);
        out.push({
          kind: 'total-of-subtotals',
          tables: [T],
          values: [s, stated],
          subject: { table: T, row: t.total.planName, column: col },
          message: `${T}“${name.zh}”列：${subNames}之和为 ${s}，而“${t.total.planName}”为 ${stated}。`,
          messageEn: `${T} column ${name.en} (${name.zh}): the subtotals (${subNames}) add up to ${s}, but "${t.total.planName}" says ${stated}.`,
        });
      }
    }
    const s = sum(t.subtotals.map((r) => r.total));
    if (s !== t.total.total)
      out.push({
        kind: 'total-of-subtotals',
        tables: [T],
        values: [s, t.total.total],
        subject: { table: T, row: t.total.planName },
        message: `${T}：${subNames}的汇总之和为 ${s}，而“${t.total.planName}”为 ${t.total.total}。`,
        messageEn: `${T}: the subtotals (${subNames}) add up to ${s}, but "${t.total.planName}" says ${t.total.total}.`,
      });
  }

  const s = sum(t.rows.map((r) => r.total));
  if (s !== t.total.total)
    out.push({
      kind: 'total-of-rows',
      tables: [T],
      values: [s, t.total.total],
      subject: { table: T, row: t.total.planName },
      message: `${T}：${t.rows.length} 个矿种行的汇总之和为 ${s}，而“${t.total.planName}”为 ${t.total.total}。`,
      messageEn: `${T}: the totals of the ${t.rows.length} mineral rows add up to ${s}, but "${t.total.planName}" says ${t.total.total}.`,
    });

  for (const r of t.rows) {
    const m = r.mineral === null ? undefined : c.mineral(r.mineral);
    if (m && m.rightsClass !== r.rightsClass)
      out.push({
        kind: 'rights-class',
        tables: [T],
        values: [r.rightsClass, m.rightsClass],
        subject: { table: T, row: r.planName },
        message: `${T}“${r.planName}”计入${CLASS_LABEL[r.rightsClass].zh}，而模型中${m.name.zh}为${CLASS_LABEL[m.rightsClass].zh}。`,
        messageEn: `${T} counts "${r.planName}" as ${CLASS_LABEL[r.rightsClass].en}, but the model has ${m.name.en} as ${CLASS_LABEL[m.rightsClass].en}.`,
      });
  }
  return out;
}

// ------------------------------------------------ stated totals (6, 22, 23)

function auditTotals(c: Context): Finding[] {
  const out: Finding[] = [];
  const t6 = c.d.table6;
  const fields = [
    { field: 'mines', zh: '生产矿山数', en: 'producing mines', parts: t6.rows.map((r) => r.mines), stated: t6.total.mines },
    { field: 'value', zh: '矿业产值（万元）', en: `output value (${en('万元')})`, parts: t6.rows.map((r) => r.value), stated: t6.total.value },
  ];
  for (const f of fields) {
    const s = sum(f.parts);
    if (differ(s, f.stated))
      out.push({
        kind: 'total',
        tables: [t6.source],
        values: [s, f.stated],
        subject: { table: t6.source, row: t6.total.planName, column: f.field },
        message: `${t6.source}：${t6.rows.length} 个矿种的${f.zh}之和为 ${fmt(s)}，而“${t6.total.planName}”为 ${fmt(f.stated)}。`,
        messageEn: `${t6.source}: the ${f.en} of the ${t6.rows.length} minerals add up to ${fmt(s)}, but "${t6.total.planName}" says ${fmt(f.stated)}.`,
      });
  }

  const t22 = c.d.table22;
  const blocks = sum(t22.rows.map((r) => r.blocks));
  if (blocks !== t22.statedTotal.value)
    out.push({
      kind: 'stated-total',
      tables: [t22.source],
      values: [blocks, t22.statedTotal.value],
      subject: { table: t22.source },
      message: `${t22.source}各矿种开采区块数之和为 ${blocks}，而正文（${t22.statedTotal.source}）为 ${t22.statedTotal.value}。`,
      messageEn: `${t22.source}: the planning blocks add up to ${blocks}, but the text (${t22.statedTotal.source}) says ${t22.statedTotal.value}.`,
    });

  const t23 = c.d.table23;
  const zones = t23.zones.length;
  if (zones !== t23.statedCount.value)
    out.push({
      kind: 'stated-count',
      tables: [t23.source],
      values: [zones, t23.statedCount.value],
      subject: { table: t23.source },
      message: `${t23.source}列出 ${zones} 个集中开采区，而正文（${t23.statedCount.source}）为 ${t23.statedCount.value} 个。`,
      messageEn: `${t23.source} lists ${zones} concentrated extraction zones, but the text (${t23.statedCount.source}) says ${t23.statedCount.value}.`,
    });
  return out;
}

// ---------------------------------------------------------- units of rows

interface UnitRow {
  table: string;
  row: string;
  key: string;
  unitText: string;
  unit: Measure | null;
}

function unitRows(c: Context): UnitRow[] {
  const d = c.d;
  const tables = [d.table4, d.table6, ...(d.table8 ? [d.table8] : []), d.table11, d.table20, d.table21];
  return tables.flatMap((t) =>
    t.rows.map((r) => ({
      table: t.source,
      row: r.planName,
      key: c.key(r.mineral, r.planName),
      unitText: r.unitText,
      unit: parsePlanUnit(r.unitText),
    })),
  );
}

function auditUnits(c: Context): Finding[] {
  const out: Finding[] = [];
  const rows = unitRows(c);
  const byKey = new Map<string, UnitRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);

  for (const r of rows) {
    const label = c.keyLabel(r.key);
    if (r.unit === null) {
      if (!c.mineral(r.key)) continue; // minerals outside the model: their unit text need not be one of ours
      out.push({
        kind: 'unit',
        tables: [r.table],
        values: [r.unitText],
        subject: { table: r.table, row: r.row },
        message: `${r.table}“${r.row}”的单位“${r.unitText}”无法识别。`,
        messageEn: `${r.table} row "${r.row}" (${label.en}): the unit "${r.unitText}" cannot be read.`,
      });
      continue;
    }
    const m = c.mineral(r.key);
    if (!m || r.unit === m.unit) continue;
    const agree = [...new Set((byKey.get(r.key) ?? []).filter((o) => o.table !== r.table && o.unit === m.unit).map((o) => o.table))];
    const others = (byKey.get(r.key) ?? []).filter((o) => o.table !== r.table && o.unit !== null && o.unit !== m.unit && o.unit !== r.unit);
    const alsoZh = agree.length ? `（${agree.join('、')} 亦用 ${m.unit}）` : '';
    const alsoEn = agree.length ? ` (also used by ${agree.join(', ')})` : '';
    const restZh = others.length ? `；${others.map((o) => `${o.table} 用 ${o.unit}`).join('、')}` : '';
    const restEn = others.length ? `; ${others.map((o) => `${o.table} uses ${en(o.unit)}`).join(', ')}` : '';
    out.push({
      kind: 'unit',
      tables: [r.table],
      values: [r.unitText, r.unit, m.unit],
      subject: { table: r.table, row: r.row },
      message: `${r.table}“${r.row}”的单位为“${r.unitText}”（${r.unit}），而模型中${m.name.zh}的单位为 ${m.unit}${alsoZh}${restZh}。`,
      messageEn: `${r.table} row "${r.row}" gives ${m.name.en} in "${r.unitText}" (${en(r.unit)}), but the model's unit for it is ${en(m.unit)}${alsoEn}${restEn}.`,
    });
  }

  // minerals outside the model have no unit of their own: their tables must at least agree with each other
  for (const [key, group] of byKey) {
    if (c.mineral(key)) continue;
    const units = [...new Set(group.map((g) => g.unit).filter((u): u is Measure => u !== null))];
    if (units.length < 2) continue;
    const label = c.keyLabel(key);
    const list = group.filter((g) => g.unit !== null).map((g) => `${g.table} ${g.unit}`);
    const listEn = group.filter((g) => g.unit !== null).map((g) => `${g.table} ${en(g.unit)}`);
    out.push({
      kind: 'unit',
      tables: [...new Set(group.map((g) => g.table))],
      values: units,
      subject: { table: group[0]?.table ?? '', row: label.zh },
      message: `“${label.zh}”在各表中的单位不一致：${list.join('、')}。`,
      messageEn: `"${label.en}" has different units in different tables: ${listEn.join(', ')}.`,
    });
  }
  return out;
}

// ------------------------------------------------ figures given twice

interface Figure {
  table: string;
  row: string;
  key: string;
  unitText: string;
  unit: Measure | null;
  value: number;
}

interface Quantity {
  zh: string;
  en: string;
  figures: Figure[];
}

function figures<R extends { planName: string; mineral: string | null; unitText: string }>(
  c: Context,
  table: string,
  rows: readonly R[],
  value: (r: R) => number | null,
): Figure[] {
  return rows.flatMap((r) => {
    const v = value(r);
    return v === null ? [] : [{ table, row: r.planName, key: c.key(r.mineral, r.planName), unitText: r.unitText, unit: parsePlanUnit(r.unitText), value: v }];
  });
}

function quantities(c: Context): { output2020: Quantity; target2025: Quantity } {
  const d = c.d;
  return {
    output2020: {
      zh: '2020年开采量',
      en: '2020 output',
      figures: [
        ...figures(c, d.table6.source, d.table6.rows, (r) => r.output),
        ...(d.table8 ? figures(c, d.table8.source, d.table8.rows, (r) => r.achieved) : []),
        ...figures(c, d.table20.source, d.table20.rows, (r) => r.output2020),
      ],
    },
    target2025: {
      zh: '2025年开采量指标',
      en: '2025 extraction target',
      figures: [
        ...figures(c, d.table11.source, d.table11.rows, (r) => r.target),
        ...figures(c, d.table20.source, d.table20.rows, (r) => r.target2025),
      ],
    },
  };
}

function auditFigures(c: Context): Finding[] {
  const out: Finding[] = [];
  for (const q of Object.values(quantities(c))) {
    q.figures.forEach((a, i) =>
      q.figures.slice(i + 1).forEach((b) => {
        if (a.table === b.table || a.key !== b.key || a.unit === null || b.unit === null) return;
        const label = c.keyLabel(a.key);
        const tables = [a.table, b.table];
        if (a.unit !== b.unit) {
          out.push({
            kind: 'unit',
            tables,
            values: [a.unit, b.unit],
            subject: { table: a.table, row: a.row },
            message: `${label.zh}${q.zh}：${a.table}为 ${fmt(a.value)} ${a.unit}（“${a.unitText}”），${b.table}为 ${fmt(b.value)} ${b.unit}（“${b.unitText}”），单位不同，无法直接比较。`,
            messageEn: `${label.en} ${q.en}: ${a.table} gives ${fmt(a.value)} ${en(a.unit)} ("${a.unitText}"), ${b.table} gives ${fmt(b.value)} ${en(b.unit)} ("${b.unitText}"); the units differ, so the figures cannot be compared as printed.`,
          });
        } else if (differ(a.value, b.value)) {
          out.push({
            kind: 'figure',
            tables,
            values: [a.value, b.value],
            subject: { table: a.table, row: a.row },
            message: `${label.zh}${q.zh}：${a.table}为 ${fmt(a.value)} ${a.unit}，${b.table}为 ${fmt(b.value)} ${b.unit}。`,
            messageEn: `${label.en} ${q.en}: ${a.table} gives ${fmt(a.value)} ${en(a.unit)}, ${b.table} gives ${fmt(b.value)} ${en(b.unit)}.`,
          });
        }
      }),
    );
  }

  const { output2020, target2025 } = quantities(c);
  for (const cap of target2025.figures) {
    if (cap.unit === null) continue;
    const above = output2020.figures.filter((o) => o.key === cap.key && o.unit === cap.unit && o.value - cap.value > AMOUNT_TOLERANCE);
    if (above.length === 0) continue;
    const label = c.keyLabel(cap.key);
    const outZh = above.map((o) => `${o.table} ${fmt(o.value)}`).join('、');
    const outEn = above.map((o) => `${fmt(o.value)} (${o.table})`).join(', ');
    out.push({
      kind: 'cap-below-2020',
      tables: [...new Set([cap.table, ...above.map((o) => o.table)])],
      values: [cap.value, ...above.map((o) => o.value)],
      subject: { table: cap.table, row: cap.row },
      message: `${label.zh}：${cap.table}的2025年指标 ${fmt(cap.value)} ${cap.unit} 低于2020年开采量（${outZh} ${cap.unit}）。`,
      messageEn: `${label.en}: the 2025 figure in ${cap.table}, ${fmt(cap.value)} ${en(cap.unit)}, is below the 2020 output of ${outEn} ${en(cap.unit)}.`,
    });
  }
  return out;
}

function auditProducingMines(c: Context): Finding[] {
  const d = c.d;
  const out: Finding[] = [];
  const t5 = d.table5;
  const t6 = d.table6;
  for (const p of t6.rows) {
    const key = c.key(p.mineral, p.planName);
    const rights = t5.rows.filter((r) => c.key(r.mineral, r.planName) === key);
    const valid = sum(rights.map((r) => r.total));
    if (p.mines <= valid) continue;
    const label = c.keyLabel(key);
    const named = rights.length ? rights.map((r) => `“${r.planName}”`).join('、') : `无${label.zh}行`;
    const namedEn = rights.length ? rights.map((r) => `"${r.planName}"`).join(', ') : `no row for ${label.en}`;
    out.push({
      kind: 'rights',
      tables: [t6.source, t5.source],
      values: [p.mines, valid],
      subject: { table: t6.source, row: p.planName },
      message: `${label.zh}：${t6.source}有 ${p.mines} 个生产矿山，而${t5.source}（${named}）只有 ${valid} 个有效采矿权。`,
      messageEn: `${label.en}: ${t6.source} has ${p.mines} producing mines, but ${t5.source} (${namedEn}) has only ${valid} valid mining right${valid === 1 ? '' : 's'}.`,
    });
  }
  return out;
}

/** Every inconsistency the plan's own figures show, computed from the data. */
export function auditDataset(d: Dataset): Finding[] {
  const c = new Context(d);
  return [...auditRights(c), ...auditTotals(c), ...auditFigures(c), ...auditProducingMines(c), ...auditUnits(c)];
}

export interface TableFindings {
  table: string;
  findings: Finding[];
}

const tableNumber = (t: string): number => {
  const m = /(\d+)/.exec(t);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
};

/** Findings per plan table, in table order; a finding that involves two tables is listed under both. */
export function groupFindingsByTable(findings: readonly Finding[]): TableFindings[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) for (const t of f.tables) groups.set(t, [...(groups.get(t) ?? []), f]);
  return [...groups.entries()]
    .sort(([a], [b]) => tableNumber(a) - tableNumber(b) || a.localeCompare(b))
    .map(([table, fs]) => ({ table, findings: fs }));
}
