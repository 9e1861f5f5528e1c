/** A scenario path read as the planner's label and unit (src/domain/field-labels.ts), in both languages. */
import { describe, expect, it } from 'vitest';
import { fieldLabel, pathKeys } from '../src/domain/field-labels';
import { loadDatasetFile } from '../src/domain/load-node';
import { reportContent, type TableBlock } from '../src/export/report-content';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import { scenario, tiny } from './helpers/tiny';

const d = loadDatasetFile('models/hotan-2021-2025.json');

describe('fieldLabel', () => {
  it('reads a path with or without $, in brackets or dots', () => {
    expect(pathKeys('$.rightsCaps.class12')).toEqual(['rightsCaps', 'class12']);
    expect(pathKeys('caps.sand')).toEqual(['caps', 'sand']);
    expect(pathKeys('$.excludedZones[3]')).toEqual(['excludedZones', '3']);
    expect(pathKeys('$["a.b"].c')).toEqual(['a.b', 'c']);
    expect(pathKeys('$')).toEqual([]);
  });

  it.each([
    ['$.rightsCaps.class12', '一二类固体矿产矿山数上限（个）', 'Class-1/2 solid-mineral mines, at most (mines)'],
    ['caps.sand', '建筑用砂开采总量上限（万m³/年）', 'Construction sand total cap (10⁴ m³/yr)'],
    ['caps.sand.min', '建筑用砂开采总量下限（万m³/年）', 'Construction sand total floor (10⁴ m³/yr)'],
    ['objective.weights.transport', '运输权重', 'Transport weight'],
    ['countyBounds.hetian.sand.max', '和田市及和田县建筑用砂开采量上限（万m³/年）', 'Hotan City and Hotan County Construction sand maximum (10⁴ m³/yr)'],
    ['$.minScale.jade.small', '玉石小型矿山规模下限（吨/年）', 'Jade (nephrite) small mine, minimum scale (t/yr)'],
    ['$.largeMediumShare.min', '一二类大中型矿山比例下限（0–1）', 'Large/medium share of class-1/2 mines, at least (0–1)'],
    ['$.demand.radiusKm', '需求最大运距（km）', 'Haul radius for demand (km)'],
    ['$.excludedZones[0]', '排除的集中开采区', 'Excluded zones'],
    ['$.assumptions.roadKm.hetian.moyu', '县际公路距离 · 和田市及和田县 · 墨玉县（km）', 'Road distance between county seats · Hotan City and Hotan County · Moyu (Karakax) County (km)'],
    ['$', '方案文件', 'Scenario file'],
  ])('%s', (path, zh, en) => {
    expect(fieldLabel(path, 'zh', d)).toBe(zh);
    expect(fieldLabel(path, 'en', d)).toBe(en);
  });

  it('shows an id the model does not have as written', () => {
    expect(fieldLabel('$.caps.unobtainium', 'en', d)).toBe('unobtainium total cap');
    expect(fieldLabel('$.countyBounds.atlantis.sand', 'zh', d)).toBe('atlantis建筑用砂开采量上下限（万m³/年）');
  });
});

describe('the printable report', () => {
  it('lists the scenario parameters by label and unit, not by path', async () => {
    const d = tiny();
    const s = scenario('floor above cap', { caps: { sand: { min: 150 } }, rightsCaps: { class12: 10 } });
    const content = reportContent(runScenario(d, s, await createNodeSolver()), d, s, 'zh');
    const table = content.sections.find((x) => x.id === 'scenario')!.blocks[0] as TableBlock;
    const names = table.rows.map((r) => r[0]!.runs.map((x) => x.text).join(''));
    expect(table.header).toEqual(['参数', '取值']);
    expect(names).toEqual(expect.arrayContaining(['方案名称', '一二类固体矿产矿山数上限（个）', fieldLabel('caps.sand.min', 'zh', d)]));
    expect(names.join()).not.toMatch(/caps\.|rightsCaps/);
  });
});
