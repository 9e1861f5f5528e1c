import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditDataset, findingText, groupFindingsByTable, type Finding } from '../src/domain/audit';
import type { Dataset } from '../src/domain/dataset';
import { InputError } from '../src/domain/errors';
import { loadDatasetFile } from '../src/domain/load-node';
import { validateDataset } from '../src/domain/validation';

const MODEL = 'models/hotan-2021-2025.json';
const model = (): Dataset => loadDatasetFile(MODEL);
/** What a finding is about, independent of the values it reports. */
const identity = (f: Finding) => JSON.stringify([f.kind, f.tables, f.subject ?? null]);

function find(fs: Finding[], p: (f: Finding) => boolean): Finding {
  const hit = fs.filter(p);
  expect(hit, 'exactly one finding matches').toHaveLength(1);
  return hit[0]!;
}

describe('the shipped model', () => {
  it('validates against quota-model/1', () => {
    const raw: unknown = JSON.parse(readFileSync(MODEL, 'utf8'));
    const v = validateDataset(raw, MODEL);
    expect(v.ok).toBe(true);
    const d = model();
    expect(d.table23.zones).toHaveLength(38);
    expect(d.table5.rows).toHaveLength(11);
    // every row of 专栏5 has every column
    for (const r of [...d.table5.rows, ...d.table5.subtotals, d.table5.total]) expect(Object.keys(r.counts).sort()).toEqual([...d.table5.columns].sort());
  });
});

describe('audit of the printed plan', () => {
  const d = model();
  const fs = auditDataset(d);
  const t5 = d.table5.source;
  const minfeng = d.units.find((u) => u.planColumn === '民丰')!.id;

  it('finds the class 1/2 subtotal that does not add up in the 民丰 column of 专栏5', () => {
    const f = find(fs, (x) => x.kind === 'class-subtotal' && x.subject?.column !== undefined);
    expect(f.tables).toEqual([t5]);
    expect(f.subject?.column).toBe(minfeng);
    const sub = d.table5.subtotals.find((s) => s.planName === f.subject?.row)!;
    const rowsSum = d.table5.rows.filter((r) => r.rightsClass === sub.rightsClass).reduce((s, r) => s + (r.counts[minfeng] ?? 0), 0);
    expect(f.values).toEqual([rowsSum, sub.counts[minfeng]]);
    expect(f.values).toEqual([16, 15]);
  });

  it('finds the class total and grand total of 专栏5 that are not the sums of their rows', () => {
    expect(find(fs, (x) => x.kind === 'class-subtotal' && x.subject?.column === undefined).values).toEqual([109, 108]);
    expect(find(fs, (x) => x.kind === 'total-of-rows').values).toEqual([335, 334]);
    // the per-row sums and the subtotal-to-total sums do add up in the printed plan
    expect(fs.filter((x) => x.kind === 'row-sum' || x.kind === 'total-of-subtotals')).toEqual([]);
  });

  it('finds the 专栏6 mine count (133 listed, 134 stated) but not the value, which adds up', () => {
    const f = find(fs, (x) => x.kind === 'total' && x.tables[0] === d.table6.source);
    expect(f.values).toEqual([d.table6.rows.reduce((s, r) => s + r.mines, 0), d.table6.total.mines]);
    expect(f.values).toEqual([133, 134]);
    expect(f.subject?.column).toBe('mines');
  });

  it('finds the figures two tables give differently, in the same unit only', () => {
    const figures = fs.filter((x) => x.kind === 'figure');
    expect(figures.map((x) => [x.tables, x.values])).toEqual([
      [[d.table6.source, d.table20.source], [1605.7, 1605.9]],
      [[d.table11.source, d.table20.source], [500, 300]],
    ]);
  });

  it('finds the unit disagreements instead of comparing across units', () => {
    const units = fs.filter((x) => x.kind === 'unit');
    const byRow = units.filter((x) => x.tables.length === 1).map((x) => [x.tables[0], x.subject?.row, x.values]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        ['专栏4', '砖瓦用粘土', ['矿石,万立方米', '万m³', '万吨']],
        ['专栏4', '建筑用石灰岩', ['矿石,万立方米', '万m³', '万吨']],
        ['专栏8', '建筑用砂', ['矿石,万吨', '万吨', '万m³']],
        ['专栏11', '建筑用砂', ['矿石,万吨', '万吨', '万m³']],
        ['专栏20', '玉石', ['矿石万吨', '万吨', '吨']],
      ]),
    );
    expect(byRow).toHaveLength(5);
    const pairs = units.filter((x) => x.tables.length === 2).map((x) => [x.tables, x.subject?.row, x.values]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [['专栏11', '专栏20'], '建筑用砂', ['万吨', '万m³']],
        [['专栏11', '专栏20'], '玉石', ['吨', '万吨']],
        // 专栏8 prints 2020 sand as 1605.7 万吨, the same figure 专栏6 gives in 万m³
        [['专栏6', '专栏8'], '建筑用砂', ['万m³', '万吨']],
        [['专栏8', '专栏20'], '建筑用砂', ['万吨', '万m³']],
      ]),
    );
    expect(pairs).toHaveLength(4);
  });

  it('finds more producing mines than rights, and a 2025 cap below the 2020 output', () => {
    const rights = find(fs, (x) => x.kind === 'rights');
    expect(rights.tables).toEqual([d.table6.source, t5]);
    expect(rights.subject?.row).toBe('煤');
    expect(rights.values).toEqual([3, 1]);
    const cap = find(fs, (x) => x.kind === 'cap-below-2020');
    expect(cap.subject).toEqual({ table: d.table20.source, row: '砖瓦用粘土' });
    // the 2025 figure, then the 2020 output of 专栏6, 专栏8 and 专栏20
    expect(cap.values).toEqual([100, 117.1, 117.1, 117.1]);
  });

  it('has nothing else to report: the table 22 blocks and the 38 zones agree with the text', () => {
    expect(fs.filter((x) => x.kind === 'stated-total' || x.kind === 'stated-count')).toEqual([]);
    expect(fs).toHaveLength(17);
    for (const f of fs) {
      expect(findingText(f, 'zh').length).toBeGreaterThan(0);
      expect(findingText(f, 'en').length).toBeGreaterThan(0);
      expect(f.tables.every((t) => /^专栏\d+$/.test(t))).toBe(true);
    }
  });

  it('groups findings by table in table order, two-table findings under both', () => {
    const groups = groupFindingsByTable(fs);
    expect(groups.map((g) => g.table)).toEqual(['专栏4', '专栏5', '专栏6', '专栏8', '专栏11', '专栏20']);
    const g20 = groups.find((g) => g.table === '专栏20')!;
    expect(g20.findings.filter((f) => f.kind === 'figure')).toHaveLength(2);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(fs.reduce((n, f) => n + f.tables.length, 0));
  });
});

describe('audit of planted errors', () => {
  const original = auditDataset(model());
  const before = new Set(original.map(identity));

  it('finds a wrong row total in 专栏5 and a changed 2020 sand output in 专栏20; nothing else changes in kind', () => {
    const d = structuredClone(model());
    const jade = d.table5.rows.find((r) => r.mineral === 'jade')!;
    jade.total += 1; // 40 → 41
    const sand20 = d.table20.rows.find((r) => r.mineral === 'sand')!;
    sand20.output2020 = 1500;
    const gyp20 = d.table20.rows.find((r) => r.mineral === 'gypsum')!;
    gyp20.output2020 = 8; // 专栏6 says 7.5
    expect(validateDataset(d).ok).toBe(true);

    const fs = auditDataset(d);
    const rowSum = find(fs, (x) => x.kind === 'row-sum');
    expect(rowSum.subject).toEqual({ table: '专栏5', row: jade.planName });
    expect(rowSum.values).toEqual([40, 41]);
    const sand = find(fs, (x) => x.kind === 'figure' && x.subject?.row === '建筑用砂');
    expect(sand.values).toEqual([1605.7, 1500]);
    const gyp = find(fs, (x) => x.kind === 'figure' && x.subject?.row === '石膏' && x.tables[0] === '专栏6');
    expect(gyp.tables).toEqual(['专栏6', '专栏20']);
    expect(gyp.values).toEqual([7.5, 8]);
    // the totals that include the planted row report the planted value
    expect(find(fs, (x) => x.kind === 'total-of-rows').values).toEqual([336, 334]);
    expect(find(fs, (x) => x.kind === 'class-subtotal' && x.subject?.column === undefined).values).toEqual([110, 108]);

    // the sand figure already disagreed in the printed plan (1605.7 vs 1605.9): it changes its values, not the count
    const added = fs.filter((f) => !before.has(identity(f)));
    // 8 disagrees with both tables that give 7.5: 专栏6 and 专栏8
    expect(added.map((f) => [f.kind, f.tables, f.subject?.row])).toEqual([
      ['row-sum', ['专栏5'], jade.planName],
      ['figure', ['专栏6', '专栏20'], '石膏'],
      ['figure', ['专栏8', '专栏20'], '石膏'],
    ]);
    expect(fs).toHaveLength(original.length + 3);
    expect(original.every((f) => fs.some((g) => identity(g) === identity(f)))).toBe(true);
  });

  it('loses the sand finding when the two tables are made to agree', () => {
    const d = structuredClone(model());
    d.table20.rows.find((r) => r.mineral === 'sand')!.output2020 = 1605.7;
    const fs = auditDataset(d);
    expect(fs.some((x) => x.kind === 'figure' && x.subject?.row === '建筑用砂')).toBe(false);
    expect(fs).toHaveLength(original.length - 1);
  });
});

describe('audit CLI', () => {
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/audit.ts', ...args], { encoding: 'utf8' });

  it('--json prints only a JSON array of the findings', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Finding[];
    expect(Array.isArray(out)).toBe(true);
    expect(out).toHaveLength(auditDataset(model()).length);
    for (const f of out) for (const k of ['kind', 'tables', 'values', 'message', 'messageEn']) expect(f).toHaveProperty(k);
    expect(out.some((f) => f.kind === 'total' && JSON.stringify(f.values) === '[133,134]')).toBe(true);
  });

  it('prints a readable bilingual list by default', () => {
    const r = run('--model', MODEL);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('专栏5');
    expect(r.stdout).toContain('Data audit');
  });

  it('rejects a bad model file with the JSON path and reason, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const bad = join(dir, 'bad.json');
    const d = JSON.parse(readFileSync(MODEL, 'utf8')) as { table6: { total: { mines: unknown } } };
    d.table6.total.mines = -1;
    writeFileSync(bad, JSON.stringify(d));
    const r = run('--model', bad, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: $.table6.total.mines:`);

    const missing = run('--model', join(dir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, 'missing.json')}: $: cannot read the file`);

    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"format": ');
    const broken = run('--model', notJson);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${notJson}: $: not valid JSON`);
  });

  it('loadDatasetFile throws an InputError carrying the formatted problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'quota-model/1' }));
    expect(() => loadDatasetFile(bad)).toThrow(InputError);
    try {
      loadDatasetFile(bad);
    } catch (e) {
      expect((e as InputError).message).toContain(`${bad}: $.units:`);
      expect((e as InputError).problems.length).toBeGreaterThan(1);
    }
  });
});
