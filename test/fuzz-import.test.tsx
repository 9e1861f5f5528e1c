// @vitest-environment jsdom
/**
 * Hostile files through the UI's imports (issue 9), in Node: the Scenarios
 * page's import (size check, checkScenarioFile against the embedded model,
 * then createFrom into Dexie, as ScenariosPage.tsx's onFile does) on
 * fake-indexeddb, and the county map's boundary loader (size check,
 * validateBoundary, ECharts' registerMap: CountyMap.tsx's own loader, boundary-file.ts).
 *
 * Each file either gets problems that name the file, a JSON path and a reason
 * in Chinese and in English (at most 50 and a line counting the rest), with
 * the whole database byte-identical afterwards, or is legitimately accepted:
 * the stored scenario validates and exports to a file that imports back the
 * same; a boundary's names stay text. The generator (test/helpers/hostile-files.ts)
 * is the CLI fuzz's, so every run tries the same files.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../src/cli/common';
import { main as solveMain } from '../src/cli/solve';
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScenariosPage } from '../src/ui/scenarios/ScenariosPage';
import { MAX_INPUT_BYTES, MAX_PROBLEMS } from '../src/domain/validation';
import { canonicalJson, createScenario, type WorkbenchDB } from '../src/store';
import { scenarioJson } from '../src/domain/scenario-json';
import { matchCounty, validateBoundary } from '../src/ui/charts/geojson';
import { loadBoundaryFile, type BoundaryLoad } from '../src/ui/results/boundary-file';
import { countyMapChart } from '../src/present/charts/options';
import { setLang, t } from '../src/ui/i18n';
import { useDb } from '../src/ui/state/db';
import { dataset } from '../src/ui/state/model';
import { createFrom } from '../src/ui/state/scenarios';
import { checkDraft, checkScenarioFile, problemField, sizeProblem, type Problem } from '../src/ui/state/validate';
import { openFresh } from './helpers/fresh-db';
import {
  brokenScenarioTexts,
  HOSTILE_NUMBERS,
  hostileBoundaries,
  HOTAN_IDS,
  hotanRichScenario,
  manyFeatures,
  MARKUP_NAMES,
  NEVER_A_FIGURE,
  nonsenseScenarios,
  numericLeaves,
  renamedKey,
  unknownZones,
  withLeaf,
  type Json,
} from './helpers/hostile-files';
import { toyDataset, toyReport } from './helpers/toy-report';

type Lang = 'zh' | 'en';
type Outcome = 'clear error' | 'unclear error' | 'accepted' | 'crash' | 'partial write' | 'silent acceptance';

function tally() {
  const counts: Record<Outcome, number> = { 'clear error': 0, 'unclear error': 0, accepted: 0, crash: 0, 'partial write': 0, 'silent acceptance': 0 };
  const examples: Partial<Record<Outcome, string[]>> = {};
  return {
    counts,
    examples,
    tried: () => Object.values(counts).reduce((a, b) => a + b, 0),
    record(outcome: Outcome, what: string): Outcome {
      counts[outcome]++;
      const list = (examples[outcome] ??= []);
      if (list.length < 5) list.push(what.slice(0, 400));
      return outcome;
    },
    line(name: string): string {
      return `${name}: tried ${this.tried()}; clear error ${counts['clear error']}; accepted ${counts.accepted}; crash ${counts.crash}; partial write ${counts['partial write']}; silent acceptance ${counts['silent acceptance']}; unclear error ${counts['unclear error']}`;
    },
  };
}

const scenarioTally = tally();
const boundaryTally = tally();

const CJK = /[\u4e00-\u9fff]/;
const MORE = { zh: /^另有 \d+ 个问题（只列出前 50 个）$/, en: /^and \d+ more problems? \(only the first 50 are listed\)$/ };

let db: WorkbenchDB;

/** Every table, every row, serialised and sorted: two equal dumps are the same database. */
async function dump(): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const table of db.tables) out[table.name] = (await table.toArray()).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify(out);
}

beforeAll(async () => {
  db = openFresh();
  useDb(db);
  // something in every table, so that a stray write anywhere would show
  const live = await createScenario(db, { format: 'quota-scenario/1', name: '已有方案', model: 'hotan-2021-2025', caps: { sand: 1500 } }, { name: '已有方案' });
  const gone = await createScenario(db, { format: 'quota-scenario/1', name: 'deleted', model: 'hotan-2021-2025' }, { name: 'deleted' });
  await db.scenarios.update(gone.id, { deletedAt: 1 });
  await db.runs.put({ id: 'run-1', scenarioId: live.id, scenarioHash: 'h', modelVersion: 'v', scenario: live.scenario, report: toyReport(), createdAt: 1 });
  await db.table('sweeps').put({ id: 'sweep-1', scenarioId: live.id, createdAt: 1, done: 1 });
  await db.table('sweepPoints').put({ sweepId: 'sweep-1', index: 0, value: 1 });
});

afterAll(() => setLang('zh'));

// ------------------------------------------------------------------ scenarios

/** What the Scenarios page does with a chosen file (ScenariosPage.tsx, Import's onFile), in `language`. */
async function importAsThePage(file: string, text: string, language: Lang) {
  setLang(language);
  const tooLarge = sizeProblem(Buffer.byteLength(text));
  if (tooLarge) return { ok: false as const, file, problems: [tooLarge] as Problem[] };
  const v = checkScenarioFile(text, file, dataset());
  if (!v.ok) return v;
  const rec = await createFrom(v.scenario, v.scenario.name);
  return { ok: true as const, rec };
}

/** The problems the page would list for `text` in `language`, without storing anything (a rejected file). */
function problemsIn(file: string, text: string, language: Lang): { file: string; problems: Problem[] } | null {
  setLang(language);
  const tooLarge = sizeProblem(Buffer.byteLength(text));
  if (tooLarge) return { file, problems: [tooLarge] };
  const v = checkScenarioFile(text, file, dataset());
  return v.ok ? null : v;
}

/** Why a rejection is not clear, or null: file named, every problem a path and a reason in the language, at most 50 and the count of the rest. */
function unclear(file: string, r: { file: string; problems: Problem[] } | null, language: Lang): string | null {
  if (!r) return `${language}: accepted in this language`;
  if (r.file !== file) return `${language}: names file ${r.file}`;
  const { problems } = r;
  if (problems.length === 0) return `${language}: no problems`;
  if (problems.length > MAX_PROBLEMS + 1) return `${language}: ${problems.length} problems`;
  if (problems.length === MAX_PROBLEMS + 1 && !MORE[language].test(problems[MAX_PROBLEMS]!.message)) return `${language}: 51st line ${problems[MAX_PROBLEMS]!.message}`;
  setLang(language);
  if (!t('scenarios.importRejected', { file: r.file, n: problems.length }).includes(file)) return `${language}: the heading does not name the file`;
  for (const p of problems) {
    if (typeof p.path !== 'string' || !p.path.startsWith('$')) return `${language}: path ${String(p.path)}`;
    if (typeof p.message !== 'string' || p.message.trim() === '') return `${language}: ${p.path}: no reason`;
    if (language === 'zh' && !CJK.test(p.message)) return `zh: ${p.path}: reason not in Chinese: ${p.message}`;
    if (language === 'en' && !/[A-Za-z]{2}/.test(p.message.replace(/"[^"]*"|“[^”]*”/g, ''))) return `en: ${p.path}: reason not in English: ${p.message}`;
    if (!problemField(p)) return `${language}: ${p.path}: no field label`;
  }
  return null;
}

let serial = 0;

/** Imports one file as the page does and classifies what happened. `mustReject`: nonsense the issue names. */
async function tryImport(what: string, text: string, mustReject: boolean): Promise<Outcome> {
  const file = `fuzz-${serial}.json`;
  const language: Lang = serial++ % 2 === 0 ? 'zh' : 'en';
  const other: Lang = language === 'zh' ? 'en' : 'zh';
  const before = await dump();
  let r: Awaited<ReturnType<typeof importAsThePage>>;
  try {
    r = await importAsThePage(file, text, language);
  } catch (e) {
    return scenarioTally.record('crash', `${what}: ${(e as Error).stack ?? String(e)}`);
  }
  if (!r.ok) {
    const after = await dump();
    if (after !== before) return scenarioTally.record('partial write', `${what}: rejected, but the database changed`);
    let why: string | null;
    try {
      why = unclear(file, r, language) ?? unclear(file, problemsIn(file, text, other), other);
    } catch (e) {
      return scenarioTally.record('crash', `${what} (${other}): ${(e as Error).stack ?? String(e)}`);
    }
    return scenarioTally.record(why ? 'unclear error' : 'clear error', `${what}: ${why ?? ''}`);
  }
  const { rec } = r;
  try {
    if (mustReject) return scenarioTally.record('silent acceptance', `${what}: imported as ${rec.name}`);
    const stored = await db.scenarios.get(rec.id);
    if (!stored) return scenarioTally.record('partial write', `${what}: accepted, but nothing stored`);
    const valid = checkDraft(dataset(), stored.scenario);
    if (!valid.ok) return scenarioTally.record('silent acceptance', `${what}: stored, but ${JSON.stringify(valid.problems.slice(0, 3))}`);
    const again = checkScenarioFile(scenarioJson(stored.scenario), 'again.json', dataset());
    if (!again.ok || canonicalJson(again.scenario) !== canonicalJson(stored.scenario))
      return scenarioTally.record('silent acceptance', `${what}: its export does not import back the same: ${JSON.stringify(again).slice(0, 300)}`);
    return scenarioTally.record('accepted', what);
  } finally {
    await db.scenarios.delete(rec.id); // the next file starts from the same database
  }
}

describe('hostile scenario files through the Scenarios page import', () => {
  it('the rich scenario itself is accepted, validates and exports to a file that imports back the same', async () => {
    expect(await tryImport('rich scenario', JSON.stringify(hotanRichScenario), false)).toBe('accepted');
  });

  it('every numeric leaf, set to each hostile value', async () => {
    const leaves = numericLeaves(hotanRichScenario);
    const outcomes: Outcome[] = [];
    for (const path of leaves)
      for (const v of HOSTILE_NUMBERS)
        outcomes.push(await tryImport(`$.${path.join('.')} = ${JSON.stringify(v)}`, JSON.stringify(withLeaf(hotanRichScenario, path, v)), NEVER_A_FIGURE.includes(v)));
    expect(outcomes).toHaveLength(leaves.length * HOSTILE_NUMBERS.length);
    expect(scenarioTally.examples.crash ?? []).toEqual([]);
    expect(scenarioTally.examples['partial write'] ?? []).toEqual([]);
    expect(scenarioTally.examples['silent acceptance'] ?? []).toEqual([]);
    expect(scenarioTally.examples['unclear error'] ?? []).toEqual([]);
    expect(outcomes.filter((o) => o === 'clear error').length).toBeGreaterThanOrEqual(leaves.length * NEVER_A_FIGURE.length);
  }, 300_000);

  it('the nonsense issue 9 names is refused, each with the figure and why', async () => {
    for (const [what, scenario] of nonsenseScenarios(hotanRichScenario, HOTAN_IDS)) expect([what, await tryImport(what, JSON.stringify(scenario), true)]).toEqual([what, 'clear error']);
  });

  it('reserved and unknown ids in every map of the scenario are refused', async () => {
    const s = hotanRichScenario as Record<string, Json>;
    const cases: [string, Json][] = [];
    for (const id of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'nowhere']) {
      cases.push([`caps.${id}`, renamedKey(s, ['caps'], 'sand', id)]);
      cases.push([`countyBounds.${id}`, renamedKey(s, ['countyBounds'], 'moyu', id)]);
      cases.push([`countyBounds.moyu.${id}`, renamedKey(s, ['countyBounds', 'moyu'], 'sand', id)]);
      cases.push([`demand.perCounty.${id}`, renamedKey(s, ['demand', 'perCounty'], 'moyu', id)]);
      cases.push([`reference.${id}`, renamedKey(s, ['reference'], 'moyu', id)]);
      cases.push([`minScale.${id}`, renamedKey(s, ['minScale'], 'gypsum', id)]);
      cases.push([`assumptions.density.${id}`, renamedKey(s, ['assumptions', 'density'], 'sand', id)]);
      cases.push([`excludedZones ${id}`, { ...s, excludedZones: [id] }]);
    }
    for (const [what, scenario] of cases) expect([what, await tryImport(what, JSON.stringify(scenario), true)]).toEqual([what, 'clear error']);
    // __proto__ cannot be made by an object literal: write it into the text
    const text = JSON.stringify(s);
    for (const [what, edited] of [
      ['caps.__proto__', text.replace('"caps":{', '"caps":{"__proto__":5,')],
      ['countyBounds.__proto__', text.replace('"countyBounds":{', '"countyBounds":{"__proto__":{"sand":{"max":1}},')],
      ['demand.perCounty.__proto__', text.replace('"perCounty":{', '"perCounty":{"__proto__":{"sand":1},')],
    ] as const) {
      expect(edited).not.toBe(text);
      expect([what, await tryImport(what, edited, true)]).toEqual([what, 'clear error']);
    }
    expect(({} as Record<string, unknown>).sand).toBeUndefined();
  });

  it('files that are no scenario at all, too deep or too big are refused', async () => {
    for (const [what, text] of brokenScenarioTexts(hotanRichScenario, MAX_INPUT_BYTES)) expect([what, await tryImport(what, text, true)]).toEqual([what, 'clear error']);
  }, 120_000);

  it('200,000 unknown zone ids: 50 problems and the count of the rest, in both languages', async () => {
    const text = JSON.stringify({ ...(hotanRichScenario as object), excludedZones: unknownZones(200_000) });
    const zh = problemsIn('many.json', text, 'zh');
    const en = problemsIn('many.json', text, 'en');
    expect(zh?.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(en?.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(en?.problems[0]).toEqual({ path: '$.excludedZones[0]', message: expect.stringContaining('Z1000') as string });
    expect(en?.problems[MAX_PROBLEMS]).toEqual({ path: '$', message: `and ${200_000 - MAX_PROBLEMS} more problems (only the first ${MAX_PROBLEMS} are listed)` });
    expect(zh?.problems[MAX_PROBLEMS]).toEqual({ path: '$', message: `另有 ${200_000 - MAX_PROBLEMS} 个问题（只列出前 ${MAX_PROBLEMS} 个）` });
  });

  it('markup in the name and description is legitimately accepted and kept as the literal text', async () => {
    const s = hotanRichScenario as Record<string, Json>;
    const [a, b] = MARKUP_NAMES as [string, string];
    expect(await tryImport('markup name', JSON.stringify({ ...s, name: a, description: b }), false)).toBe('accepted');
    setLang('zh');
    const v = checkScenarioFile(JSON.stringify({ ...s, name: { zh: a, en: b }, description: b }), 'm.json', dataset());
    expect(v.ok && [v.scenario.name, v.scenario.description]).toEqual([a, b]);
  });
});

describe('the Scenarios page itself (jsdom), on the largest files', () => {
  it('lists 50 problems and the count of the rest, heads them with the full count, and changes nothing', async () => {
    setLang('en');
    render(() => <ScenariosPage />);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    const cases: [string, string, number, number][] = [
      ['zones.json', JSON.stringify({ ...(hotanRichScenario as object), excludedZones: unknownZones(200_000) }), MAX_PROBLEMS + 1, 200_000],
      ['nulls.json', JSON.stringify({ ...(hotanRichScenario as object), excludedZones: Array.from({ length: 200_000 }, () => null) }), 1, 1],
    ];
    for (const [name, text, rows, count] of cases) {
      const before = await dump();
      // jsdom's File has no text(); the browser's does (and the Chromium sample uses it)
      const file = Object.assign(new File([text], name, { type: 'application/json' }), { text: () => Promise.resolve(text) });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input!);
      const heading = () => document.querySelector('[data-testid="import-problems"] strong')?.textContent ?? '';
      await vi.waitFor(() => expect(heading()).toContain(`“${name}”`), { timeout: 20_000 });
      expect(heading()).toBe(`“${name}” has ${count} problem(s); it was not imported and nothing was changed.`);
      expect(document.querySelectorAll('[data-testid="import-problems"] tbody tr')).toHaveLength(rows);
      expect(await dump()).toBe(before);
    }
    cleanup();
  }, 60_000);
});

describe('what this suite found, pinned (the UI and the CLI alike)', () => {
  const s = hotanRichScenario as Record<string, Json>;
  const FOUND: [string, string, string, RegExp][] = [
    // zod spread 200,000 problems into one call: a RangeError, shown as "import failed: RangeError" with no field
    ['200,000 nulls in a list', JSON.stringify({ ...s, excludedZones: Array.from({ length: 200_000 }, () => null) }), '$.excludedZones', /^a list of 200000 items with problems, too many to check one by one/],
    // the key check recursed once per level: a RangeError
    ['nesting 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000), '$', /./],
    // a density for a mineral the model does not have was dropped without a word
    ['an unknown mineral in an assumption map', JSON.stringify(renamedKey(s, ['assumptions', 'density'], 'sand', 'nowhere')), '$.assumptions.density.nowhere', /nowhere/],
    ['an unknown county in an assumption map', JSON.stringify({ ...s, assumptions: { population: { moyu: 1000, atlantis: 5 } } }), '$.assumptions.population.atlantis', /atlantis/],
    // the page's check had no __proto__ check: the key was dropped and the file imported
    ['a key __proto__', JSON.stringify(s).replace('"caps":{', '"caps":{"__proto__":5,'), '$.caps.__proto__', /__proto__/],
  ];

  it('the Scenarios page refuses each with its field and reason', () => {
    for (const [what, text, path, reason] of FOUND) {
      const en = problemsIn('found.json', text, 'en');
      expect([what, en?.problems.some((p) => p.path === path && reason.test(p.message))]).toEqual([what, true]);
      const zh = problemsIn('found.json', text, 'zh');
      expect([what, zh?.problems.every((p) => CJK.test(p.message))]).toEqual([what, true]);
    }
  });

  it('the solve command refuses each: exit 1, `file: $.path: reason`, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-import-'));
    try {
      for (const [what, text, path, reason] of FOUND) {
        const file = join(dir, 'found.json');
        writeFileSync(file, text);
        const io = { stdout: '', stderr: '', out: (x: string) => void (io.stdout += x), err: (x: string) => void (io.stderr += x) };
        const code = await runMain(() => solveMain([file, '--json', '--lang', 'en'], io), io);
        expect([what, code]).toEqual([what, 1]);
        expect(io.stderr).not.toMatch(/\n\s+at /);
        const lines = io.stderr.trimEnd().split('\n');
        expect([what, lines.some((l) => l.startsWith(`${file}: ${path}: `) && reason.test(l.slice(`${file}: ${path}: `.length)))]).toEqual([what, true]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ------------------------------------------------------------------ county boundary GeoJSON

/** The county map's own loader (boundary-file.ts) on a file of `text`, in `language`. */
function loadAsTheMap(file: string, text: string, language: Lang): Promise<BoundaryLoad> {
  setLang(language);
  return loadBoundaryFile(new File([text], file, { type: 'application/geo+json' }), dataset());
}

async function tryBoundary(what: string, text: string, mustReject: boolean): Promise<Outcome> {
  const file = `<b>boundary-${serial}</b>.geojson`;
  const before = await dump();
  const results: Awaited<ReturnType<typeof loadAsTheMap>>[] = [];
  try {
    for (const language of ['zh', 'en'] as const) results.push(await loadAsTheMap(file, text, language));
  } catch (e) {
    return boundaryTally.record('crash', `${what}: ${(e as Error).stack ?? String(e)}`);
  }
  if ((await dump()) !== before) return boundaryTally.record('partial write', `${what}: the database changed`);
  const [zh, en] = results as [(typeof results)[0], (typeof results)[0]];
  if (!zh.ok || !en.ok) {
    if (zh.ok || en.ok) return boundaryTally.record('unclear error', `${what}: refused in one language only`);
    for (const [language, r] of [['zh', zh], ['en', en]] as const) {
      if (r.ok) continue;
      const ok =
        r.error.includes(`“${file}”`) &&
        r.path.startsWith('$') &&
        r.error.includes(r.path) &&
        !r.reason.startsWith('results.geo.') &&
        r.error.endsWith(r.reason) &&
        (language === 'zh' ? CJK.test(r.reason) : /[A-Za-z]{2}/.test(r.reason));
      if (!ok) return boundaryTally.record('unclear error', `${what}: ${language}: ${r.error.slice(0, 300)}`);
    }
    return boundaryTally.record('clear error', `${what}: ${en.ok ? '' : en.error.slice(0, 200)}`);
  }
  if (mustReject) return boundaryTally.record('silent acceptance', `${what}: loaded`);
  // accepted: every feature has a name that is a non-empty string, kept as text in the chart and escaped in its tooltip
  const features = (JSON.parse(text) as { features: unknown[] }).features.length;
  const regions = zh.regions;
  if (regions.length !== features || !regions.every((r) => typeof r.name === 'string' && r.name.length > 0)) return boundaryTally.record('silent acceptance', `${what}: ${regions.length} regions for ${features} features`);
  const spec = countyMapChart(toyReport(), toyDataset, 'en', { metric: 'mines', boundary: { mapName: zh.mapName, regions } });
  const option = spec.option as { series: { type: string; data: { name: string }[] }[]; tooltip: { formatter: (p: { name: string; value: unknown }) => string } };
  const mapData = option.series.find((s) => s.type === 'map')?.data ?? [];
  if (JSON.stringify(mapData.map((d) => d.name)) !== JSON.stringify(regions.map((r) => r.name))) return boundaryTally.record('silent acceptance', `${what}: the chart's names differ from the file's`);
  for (const r of regions.slice(0, 50)) {
    const tip = option.tooltip.formatter({ name: r.name, value: 1 });
    if (/[<>"]/.test(tip.replace(/&(lt|gt|quot|amp|#39);/g, ''))) return boundaryTally.record('silent acceptance', `${what}: tooltip ${tip.slice(0, 200)}`);
  }
  if (({} as Record<string, unknown>).name !== undefined || ({} as Record<string, unknown>).polluted !== undefined) return boundaryTally.record('silent acceptance', `${what}: Object.prototype polluted`);
  return boundaryTally.record('accepted', what);
}

describe('hostile boundary GeoJSON through the county map loader', () => {
  it('each is refused with file, path and reason in both languages, or loaded with its names as text', async () => {
    const cases = hostileBoundaries(MAX_INPUT_BYTES);
    const outcomes: [string, Outcome][] = [];
    for (const c of cases) outcomes.push([c.what, await tryBoundary(c.what, c.text, c.mustReject)]);
    expect(outcomes.filter(([, o]) => o !== 'clear error' && o !== 'accepted')).toEqual([]);
    expect(outcomes.filter(([what]) => cases.find((c) => c.what === what)?.mustReject).every(([, o]) => o === 'clear error')).toBe(true);
    // well-formed files with hostile names are loaded, not refused
    expect(outcomes.filter(([, o]) => o === 'accepted').map(([w]) => w)).toEqual(cases.filter((c) => !c.mustReject).map((c) => c.what));
  }, 120_000);

  it('the first wrong feature is named by its index, and the reason is the one for what is wrong', async () => {
    const r = await loadAsTheMap('b.json', manyFeatures(50_000, true), 'en');
    expect(r).toEqual({ ok: false, error: 'Cannot use “b.json”: $.features[49999].geometry geometry must be a Polygon or MultiPolygon', path: '$.features[49999].geometry', reason: 'geometry must be a Polygon or MultiPolygon' });
    const big = await loadAsTheMap('big.json', manyFeatures(100_000), 'zh');
    expect(!big.ok && big.error).toMatch(/^无法使用文件“big\.json”：\$ 文件大小 8\.\d MB，超过/);
  });

  it('100,000 features are within what the loader itself copes with (apart from the size limit)', () => {
    const checked = validateBoundary(manyFeatures(100_000));
    expect(checked.ok && checked.names.length).toBe(100_000);
    expect(checked.ok && checked.names[99_999]).toBe('#100000');
  });

  it('a name matching a county is placed on it; hostile names match none', () => {
    expect(matchCounty(dataset(), '墨玉县')).toBe('moyu');
    for (const n of [...MARKUP_NAMES, '__proto__', 'constructor', 'toString', '#1']) expect([n, matchCounty(dataset(), n)]).toEqual([n, null]);
  });
});

afterAll(() => {
  console.log(scenarioTally.line('scenario import (UI path)'));
  console.log(boundaryTally.line('boundary GeoJSON (UI path)'));
  for (const [name, tl] of [['scenario', scenarioTally], ['boundary', boundaryTally]] as const)
    for (const k of ['crash', 'partial write', 'silent acceptance', 'unclear error'] as const) if (tl.examples[k]) console.log(name, k, tl.examples[k]);
});

it('no crash, no partial write, no silent acceptance, no unclear error in all the files tried', () => {
  for (const tl of [scenarioTally, boundaryTally]) {
    expect(tl.tried()).toBeGreaterThan(0);
    expect(tl.counts.crash).toBe(0);
    expect(tl.counts['partial write']).toBe(0);
    expect(tl.counts['silent acceptance']).toBe(0);
    expect(tl.counts['unclear error']).toBe(0);
  }
});
