/**
 * Explanations a planner can act on (src/model/explain.ts, src/export/explanation.ts):
 * the figure to set, the rows on the other side, and minimums only the row itself can fix,
 * on the Hotan model and on the tiny region, with the real solver.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { causeSentence, relaxationSentence } from '../src/export/explanation';
import { buildModel } from '../src/model/build';
import { unmeetableMinimums } from '../src/model/explain';
import type { Relaxation, SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import type { ModelSaid } from '../src/model/said';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import { inBoth } from './helpers/said';
import { scenario, tiny, tinyZonesOnly } from './helpers/tiny';

let solver: Solver;
beforeAll(async () => {
  solver = await createNodeSolver();
});

const hotan = loadDatasetFile('models/hotan-2021-2025.json');
const baseline = loadScenarioFile('scenarios/baseline.json');
const onBaseline = (name: string, changes: Partial<Scenario>): Scenario => ({ ...baseline, name, ...changes });
const solve = (d: Dataset, s: Scenario): SolveReport => runScenario(d, s, solver);

function only(r: SolveReport): Relaxation {
  expect(r.status).toBe('infeasible');
  expect(r.explanation).toHaveLength(1);
  return r.explanation[0] as Relaxation;
}

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** The English sentence without the row labels and model units it quotes: no Chinese may be left. */
function skeleton(text: string, r: { unit?: string; label?: ModelSaid; opposing?: { label: ModelSaid }[] }): string {
  let s = text;
  for (const l of [r.label, ...(r.opposing ?? []).map((o) => o.label)]) if (l) s = s.split(inBoth(l).en).join('');
  return s.split(r.unit ?? '\0').join('');
}

describe('a sand floor above the cap', () => {
  it('Hotan: lower the floor from 2,500 to 2,000; it runs into cap[sand]', () => {
    const r = only(solve(hotan, onBaseline('floor above cap', { caps: { sand: { min: 2500 } } })));
    expect(r).toMatchObject({ constraint: 'floor[sand]', figure: 2500, key: { path: 'caps.sand.min', side: 'min', mineral: 'sand' } });
    expect(r.target).toBeCloseTo(2000, 6);
    // one full sand zone among many is not the other side; the cap that limits every sand cell is
    expect(r.opposing?.map((o) => o.constraint)).toEqual(['cap[sand]']);
    // the sentence names the field the planner edits, by its label and unit, and the figure to set it to
    const en = relaxationSentence(r, 'en', hotan);
    expect(en).toBe('Set ‘Construction sand total floor (10⁴ m³/yr)’ to at most 2,000 (now 2,500; 500 less). It runs into: Construction sand total extraction cap (专栏20).');
    expect(skeleton(en, r)).not.toMatch(CJK);
    expect(relaxationSentence(r, 'zh', hotan)).toBe('把『建筑用砂开采总量下限（万m³/年）』设为至多 2,000（现为 2,500，放宽 500）。与之冲突的约束：建筑用砂开采总量上限（专栏20）。');
  });

  it('tiny region: lower the floor from 150 to 100; it runs into cap[sand]', () => {
    const r = only(solve(tiny(), scenario('floor above cap', { caps: { sand: { min: 150 } } })));
    expect(r).toMatchObject({ constraint: 'floor[sand]', figure: 150, key: { path: 'caps.sand.min' } });
    expect(r.target).toBeCloseTo(100, 6);
    expect(r.opposing?.map((o) => o.constraint)).toEqual(['cap[sand]']);
  });
});

describe('a rights ceiling too low for the county floors', () => {
  // Seven county sand floors of 178.7 万m³: the largest sand mine makes 17.88, so each needs 10 mines
  // (70), and dropping one costs a floor 17.8/178.7 ≈ 10% of itself; four more class-3 mines cost 4/66 ≈ 6%.
  const counties = ['yutian', 'cele', 'luopu', 'hetian', 'minfeng', 'pishan', 'moyu'];
  const floors = Object.fromEntries(counties.map((c) => [c, { sand: { min: 178.7 } }]));

  it('Hotan: raise the class-3 ceiling from 66 to 70; the seven county floors are the other side', () => {
    const r = only(solve(hotan, onBaseline('class-3 too low', { rightsCaps: { class3: 66 }, countyBounds: floors })));
    expect(r).toMatchObject({ constraint: 'rights[class3]', figure: 66, target: 70, key: { path: 'rightsCaps.class3', side: 'max' } });
    expect(r.opposing?.map((o) => o.constraint).sort()).toEqual(counties.map((c) => `countyMin[${c},sand]`).sort());
    const en = relaxationSentence(r, 'en', hotan);
    expect(en).toMatch(/^Set ‘Class-3 \(sand\/gravel\/clay\) mines, at most \(mines\)’ to at least 70 \(now 66; 4 more\)\. It runs into: /);
    expect(skeleton(en, r)).not.toMatch(CJK);
    expect(relaxationSentence(r, 'zh', hotan)).toMatch(/^把『三类（砂石土）矿山数上限（个）』设为至少 70（现为 66，放宽 4）。与之冲突的约束：/);
  });

  it('tiny region: the class-1/2 ceiling is read against the planner\'s 10 (5 gold mines held fixed), not the model\'s 5', () => {
    // stone mines of at most 20 (maxScale): each county's 60 needs 3 mines, 6 in all, but 10 − 5 gold leaves 5;
    // one more mine costs 1/5, dropping one from a county 20/60.
    const s = scenario('class-1/2 too low', {
      rightsCaps: { class12: 10 },
      maxScale: { stone: { large: 20 } },
      countyBounds: { north: { stone: { min: 60 } }, south: { stone: { min: 60 } } },
    });
    const r = only(solve(tiny(), s));
    expect(r).toMatchObject({ constraint: 'rights[class12]', figure: 10, target: 11, key: { path: 'rightsCaps.class12' } });
    expect(r.opposing?.map((o) => o.constraint).sort()).toEqual(['countyMin[north,stone]', 'countyMin[south,stone]']);
    expect(relaxationSentence(r, 'en', tiny())).toMatch(/^Set ‘Class-1\/2 solid-mineral mines, at most \(mines\)’ to at least 11 \(now 10; 1 more\)\./);
  });
});

describe('minimums no mine can meet', () => {
  it('Hotan: a gypsum minimum in a county with no gypsum cell gives way by its own row only', () => {
    const r = only(solve(hotan, onBaseline('no gypsum in Yutian', { countyBounds: { yutian: { gypsum: { min: 10 } } } })));
    expect(r).toMatchObject({ constraint: 'countyMin[yutian,gypsum]', figure: 10, target: 0, opposing: [] });
    expect(r.cause).toMatchObject({ kind: 'noCell', excludedZones: [] });
    const en = relaxationSentence(r, 'en', hotan);
    expect(en).toBe('Set ‘Yutian (Keriya) County Gypsum minimum (10⁴ t/yr)’ to at most 0 (now 10; 10 less). No cell counts toward this minimum (no rights or zones of this mineral there): no mine can meet it, whatever the other limits; only lowering the minimum helps.');
    expect(skeleton(en, r)).not.toMatch(CJK);
  });

  it('tiny region: excluding the only sand zone of a county names the zone', () => {
    const s = scenario('south zone closed', { excludedZones: ['Z02'], countyBounds: { south: { sand: { min: 10 } } } });
    const report = solve(tinyZonesOnly(), s);
    const r = only(report);
    expect(r).toMatchObject({ constraint: 'countyMin[south,sand]', target: 0, cause: { kind: 'noCell', excludedZones: ['Z02'] } });
    expect(report.causes?.map((c) => c.constraint)).toEqual(['countyMin[south,sand]']);
    expect(relaxationSentence(r, 'en', tinyZonesOnly())).toContain('No cell counts toward this minimum (the scenario excludes zones Z02)');
    expect(relaxationSentence(r, 'zh', tinyZonesOnly())).toContain('没有任何单元可计入该下限（方案排除了集中开采区 Z02）');
  });

  it('tiny region: a stone floor when no stone mine can exist (minimum scale above the largest mine)', () => {
    const s = scenario('no stone mine', { minScale: { stone: { small: 90, medium: 95, large: 100 } }, caps: { stone: { min: 50 } } });
    const r = only(solve(tiny(), s));
    expect(r).toMatchObject({ constraint: 'floor[stone]', figure: 50, target: 0 });
    expect(r.cause).toMatchObject({ kind: 'noMine', mineral: 'stone', minScale: 90, largest: 80, path: 'minScale.stone' });
    // the minimum scale is named by its field, not its path
    const cause = causeSentence(r.cause!, 'en', tiny());
    expect(cause).toBe('No mine of this mineral can exist: the smallest class\'s minimum scale 90 is above the largest mine 80 10⁴ t; only lowering “Building stone total extraction floor” or ‘Building stone mine, minimum scale (10⁴ t/yr)’ helps.');
    expect(skeleton(cause, { unit: '万吨' })).not.toMatch(CJK);
    expect(causeSentence(r.cause!, 'zh', tiny())).not.toContain('minScale');
  });

  it('read from the scenario without solving; minimums cells can meet are not listed', () => {
    const built = buildModel(tiny(), scenario('fine', { caps: { sand: { min: 150 } }, countyBounds: { north: { sand: { min: 10 } } } }));
    expect(unmeetableMinimums(built)).toEqual([]);
  });
});
