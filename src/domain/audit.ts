/**
 * The data audit: finds where the plan disagrees with itself. Every finding
 * is computed from the data (totals recomputed from their rows, every figure
 * that two tables both give compared in the same unit, every unit compared
 * with the mineral's unit); no table, mineral or county is named here, so a
 * planted or corrected figure changes the findings by itself.
 */
import type { Dataset } from './dataset';
import words from './dict/audit';
import { say, translators, type KeyOf, type Lang, type Param, type Params, type Said } from './i18n';
import type { Label } from './label';
import { parsePlanUnit, unitLabel, type Measure } from './units';

type AuditKey = KeyOf<typeof words>;
const inLang = translators(words);
type AuditParam = Param<AuditKey>;

const said = (key: AuditKey, params?: Params<AuditKey>): Said<AuditKey> => say(key, params);

/** A unit as the plan writes it (万吨) in Chinese, as 10⁴ t in English (the quoted plan text keeps its own words); callers pass figures whose unit was read. */
const unit = (u: string | null): Label => ({ zh: u ?? '', en: unitLabel(u ?? '', 'en') });

/** Items in a sentence: 甲、乙 in Chinese, a, b in English. */
const listOf = (items: AuditParam[]): AuditParam => items.reduce((first, second) => said('audit.list', { first, second }));

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
  /** the values compared, in the order the sentence names them */
  values: unknown[];
  /** what is wrong, said in the reader's language by findingText */
  said: Said<AuditKey>;
  subject?: FindingSubject;
}

/** A finding's sentence in `lang`. */
export function findingText(f: Finding, lang: Lang): string {
  return inLang(lang)(f.said.key, f.said.params);
}

/** Amounts are printed with at most two decimals; closer than this is equal. */
export const AMOUNT_TOLERANCE = 0.005;

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const fmt = (x: number): string => String(round(x));
const differ = (a: number, b: number): boolean => Math.abs(a - b) > AMOUNT_TOLERANCE;
const sum = (xs: readonly number[]): number => round(xs.reduce((s, x) => s + x, 0));

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
  /** A finding when a recomputed sum is not the figure the table states in `row` (and `column`); the sentence is made only then. */
  const mismatch = (kind: FindingKind, s: number, stated: number, row: string, column: string | undefined, sentence: () => Said<AuditKey>) => {
    if (s !== stated) out.push({ kind, tables: [T], values: [s, stated], subject: { table: T, row, ...(column === undefined ? {} : { column }) }, said: sentence() });
  };

  for (const r of [...t.rows, ...t.subtotals, t.total]) {
    const s = rowSum(r.counts);
    mismatch('row-sum', s, r.total, r.planName, undefined, () => said('audit.rowSum', { table: T, row: r.planName, sum: s, total: r.total }));
  }

  for (const sub of t.subtotals) {
    const rows = t.rows.filter((r) => r.rightsClass === sub.rightsClass);
    const cls = said(`audit.class.${sub.rightsClass}`);
    const names = rows.map((r) => r.planName).join('、');
    for (const col of t.columns) {
      const s = sum(rows.map((r) => at(r.counts, col)));
      const stated = at(sub.counts, col);
      mismatch('class-subtotal', s, stated, sub.planName, col, () => {
        const name = c.column(col);
        return said('audit.classColumn', { table: T, columnZh: name.zh, columnEn: name.en, class: cls, names, sum: s, subtotal: sub.planName, stated });
      });
    }
    const s = sum(rows.map((r) => r.total));
    mismatch('class-subtotal', s, sub.total, sub.planName, undefined, () => said('audit.classTotal', { table: T, class: cls, sum: s, subtotal: sub.planName, stated: sub.total }));
  }

  const total = t.total.planName;
  if (t.subtotals.length > 0) {
    const subNames = t.subtotals.map((s) => s.planName).join('、');
    for (const col of t.columns) {
      const s = sum(t.subtotals.map((r) => at(r.counts, col)));
      const stated = at(t.total.counts, col);
      mismatch('total-of-subtotals', s, stated, total, col, () => {
        const name = c.column(col);
        return said('audit.subtotalsColumn', { table: T, columnZh: name.zh, columnEn: name.en, subtotals: subNames, sum: s, total, stated });
      });
    }
    const s = sum(t.subtotals.map((r) => r.total));
    mismatch('total-of-subtotals', s, t.total.total, total, undefined, () => said('audit.subtotalsTotal', { table: T, subtotals: subNames, sum: s, total, stated: t.total.total }));
  }

  const s = sum(t.rows.map((r) => r.total));
  mismatch('total-of-rows', s, t.total.total, total, undefined, () => said('audit.rowsTotal', { table: T, n: t.rows.length, sum: s, total, stated: t.total.total }));

  for (const r of t.rows) {
    const m = r.mineral === null ? undefined : c.mineral(r.mineral);
    if (m && m.rightsClass !== r.rightsClass)
      out.push({
        kind: 'rights-class',
        tables: [T],
        values: [r.rightsClass, m.rightsClass],
        subject: { table: T, row: r.planName },
        said: said('audit.rightsClass', { table: T, row: r.planName, counted: said(`audit.class.${r.rightsClass}`), mineral: m.name, model: said(`audit.class.${m.rightsClass}`) }),
      });
  }
  return out;
}

// ------------------------------------------------ stated totals (6, 22, 23)

function auditTotals(c: Context): Finding[] {
  const out: Finding[] = [];
  const t6 = c.d.table6;
  const fields = [
    { field: 'mines', name: said('audit.field.mines'), parts: t6.rows.map((r) => r.mines), stated: t6.total.mines },
    { field: 'value', name: said('audit.field.value', { unit: unit('万元') }), parts: t6.rows.map((r) => r.value), stated: t6.total.value },
  ];
  for (const f of fields) {
    const s = sum(f.parts);
    if (differ(s, f.stated))
      out.push({
        kind: 'total',
        tables: [t6.source],
        values: [s, f.stated],
        subject: { table: t6.source, row: t6.total.planName, column: f.field },
        said: said('audit.total', { table: t6.source, n: t6.rows.length, field: f.name, sum: fmt(s), total: t6.total.planName, stated: fmt(f.stated) }),
      });
  }

  /** A finding when what a table adds up to or counts is not the figure the text states for it. */
  const againstText = (kind: 'stated-total' | 'stated-count', table: string, found: number, stated: number, sentence: () => Said<AuditKey>) => {
    if (found !== stated) out.push({ kind, tables: [table], values: [found, stated], subject: { table }, said: sentence() });
  };
  const t22 = c.d.table22;
  const blocks = sum(t22.rows.map((r) => r.blocks));
  const total = t22.statedTotal;
  againstText('stated-total', t22.source, blocks, total.value, () => said('audit.statedTotal', { table: t22.source, sum: blocks, source: total.source, stated: total.value }));
  const t23 = c.d.table23;
  const zones = t23.zones.length;
  const count = t23.statedCount;
  againstText('stated-count', t23.source, zones, count.value, () => said('audit.statedCount', { table: t23.source, n: zones, source: count.source, stated: count.value }));
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
        said: said('audit.unreadableUnit', { table: r.table, row: r.row, mineral: label, unitText: r.unitText }),
      });
      continue;
    }
    const m = c.mineral(r.key);
    if (!m || r.unit === m.unit) continue;
    const agree = [...new Set((byKey.get(r.key) ?? []).filter((o) => o.table !== r.table && o.unit === m.unit).map((o) => o.table))];
    const others = (byKey.get(r.key) ?? []).filter((o) => o.table !== r.table && o.unit !== null && o.unit !== m.unit && o.unit !== r.unit);
    const also = agree.length ? said('audit.otherUnit.also', { tables: listOf(agree), unit: unit(m.unit) }) : '';
    const rest = others.length ? said('audit.otherUnit.rest', { uses: listOf(others.map((o) => said('audit.otherUnit.uses', { table: o.table, unit: unit(o.unit) }))) }) : '';
    out.push({
      kind: 'unit',
      tables: [r.table],
      values: [r.unitText, r.unit, m.unit],
      subject: { table: r.table, row: r.row },
      said: said('audit.otherUnit', { table: r.table, row: r.row, unitText: r.unitText, unit: unit(r.unit), mineral: m.name, modelUnit: unit(m.unit), also, rest }),
    });
  }

  // minerals outside the model have no unit of their own: their tables must at least agree with each other
  for (const [key, group] of byKey) {
    if (c.mineral(key)) continue;
    const units = [...new Set(group.map((g) => g.unit).filter((u): u is Measure => u !== null))];
    if (units.length < 2) continue;
    const label = c.keyLabel(key);
    const list = group.filter((g) => g.unit !== null).map((g) => said('audit.tableUnit', { table: g.table, unit: unit(g.unit) }));
    out.push({
      kind: 'unit',
      tables: [...new Set(group.map((g) => g.table))],
      values: units,
      subject: { table: group[0]?.table ?? '', row: label.zh },
      said: said('audit.unitsDisagree', { mineral: label, units: listOf(list) }),
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
  name: Said<AuditKey>;
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
      name: said('audit.q.output2020'),
      figures: [
        ...figures(c, d.table6.source, d.table6.rows, (r) => r.output),
        ...(d.table8 ? figures(c, d.table8.source, d.table8.rows, (r) => r.achieved) : []),
        ...figures(c, d.table20.source, d.table20.rows, (r) => r.output2020),
      ],
    },
    target2025: {
      name: said('audit.q.target2025'),
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
            said: said('audit.unitsDiffer', {
              mineral: label,
              quantity: q.name,
              a: a.table,
              aValue: fmt(a.value),
              aUnit: unit(a.unit),
              aText: a.unitText,
              b: b.table,
              bValue: fmt(b.value),
              bUnit: unit(b.unit),
              bText: b.unitText,
            }),
          });
        } else if (differ(a.value, b.value)) {
          out.push({
            kind: 'figure',
            tables,
            values: [a.value, b.value],
            subject: { table: a.table, row: a.row },
            said: said('audit.figure', { mineral: label, quantity: q.name, a: a.table, aValue: fmt(a.value), b: b.table, bValue: fmt(b.value), unit: unit(a.unit) }),
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
    const outputs = listOf(above.map((o) => said('audit.capBelow2020.output', { table: o.table, value: fmt(o.value) })));
    out.push({
      kind: 'cap-below-2020',
      tables: [...new Set([cap.table, ...above.map((o) => o.table)])],
      values: [cap.value, ...above.map((o) => o.value)],
      subject: { table: cap.table, row: cap.row },
      said: said('audit.capBelow2020', { mineral: label, table: cap.table, cap: fmt(cap.value), unit: unit(cap.unit), outputs }),
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
    const rows = rights.length ? listOf(rights.map((r) => said('audit.rights.row', { row: r.planName }))) : said('audit.rights.noRow', { mineral: label });
    out.push({
      kind: 'rights',
      tables: [t6.source, t5.source],
      values: [p.mines, valid],
      subject: { table: t6.source, row: p.planName },
      said: said(valid === 1 ? 'audit.rights.one' : 'audit.rights.many', { mineral: label, producing: t6.source, n: p.mines, rights: t5.source, rows, valid }),
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
