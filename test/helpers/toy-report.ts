/**
 * A tiny, internally consistent example for tests and documentation: two
 * counties (和田, 墨玉), two minerals (sand in 万m³, limestone in 万吨), two
 * zones, a hand-made optimal report whose totals are the sums of its rows,
 * and an infeasible one. Not Hotan's plan figures.
 */
import type { Dataset } from '../../src/domain/dataset';
import type { Scenario } from '../../src/domain/scenario';
import type { SolveReport } from '../../src/model/report';
import { asIs } from '../../src/model/said';

export const toyDataset: Dataset = {
  format: 'quota-model/1',
  id: 'toy',
  version: '0.0.1',
  name: { zh: '示例规划', en: 'Toy plan' },
  planPeriod: '2021-2025',
  sourceDocument: 'toy.txt',
  units: [
    { id: 'hetian', name: { zh: '和田市及和田县', en: 'Hotan City and Hotan County' }, planColumn: '和田', seat: { lat: 37.117, lon: 79.917 } },
    { id: 'moyu', name: { zh: '墨玉县', en: 'Moyu (Karakax) County' }, planColumn: '墨玉', seat: { lat: 37.27, lon: 79.733 } },
  ],
  minerals: [
    { id: 'sand', name: { zh: '建筑用砂', en: 'Construction sand' }, planNames: ['建筑用砂'], unit: '万m³', rightsClass: 'class3' },
    { id: 'limestone', name: { zh: '石灰岩', en: 'Limestone' }, planNames: ['石灰岩'], unit: '万吨', rightsClass: 'class12' },
  ],
  table4: {
    source: '专栏4',
    rows: [
      { planName: '建筑用砂', mineral: 'sand', unitText: '万立方米', deposits: 3, reserve: 5000, cumulative: 5200 },
      { planName: '石灰岩', mineral: 'limestone', unitText: '矿石,万吨', deposits: 2, reserve: 3000, cumulative: 3100 },
    ],
  },
  table5: {
    source: '专栏5',
    columns: ['hetian', 'moyu'],
    rows: [
      { planName: '建筑用砂', mineral: 'sand', rightsClass: 'class3', solid: true, counts: { hetian: 4, moyu: 2 }, total: 6 },
      { planName: '石灰岩', mineral: 'limestone', rightsClass: 'class12', solid: true, counts: { hetian: 1, moyu: 2 }, total: 3 },
    ],
    subtotals: [
      { planName: '省、市级以上颁证汇总', rightsClass: 'class12', counts: { hetian: 1, moyu: 2 }, total: 3 },
      { planName: '县级颁证汇总', rightsClass: 'class3', counts: { hetian: 4, moyu: 2 }, total: 6 },
    ],
    total: { planName: '合计', counts: { hetian: 5, moyu: 4 }, total: 9 },
  },
  table6: {
    source: '专栏6',
    rows: [
      { planName: '建筑用砂', mineral: 'sand', mines: 6, unitText: '万立方米', output: 180, value: 3600 },
      { planName: '石灰岩', mineral: 'limestone', mines: 3, unitText: '万吨', output: 90, value: 2700 },
    ],
    total: { planName: '合计', mines: 9, value: 6300 },
  },
  table11: {
    source: '专栏11',
    rows: [
      { planName: '建筑用砂', mineral: 'sand', unitText: '万立方米', target: 210, attribute: '预期性' },
      { planName: '石灰岩', mineral: 'limestone', unitText: '万吨', target: 100, attribute: '预期性' },
    ],
    largeMediumShareMin: 0.4,
  },
  table20: {
    source: '专栏20',
    rows: [
      { planName: '建筑用砂', mineral: 'sand', unitText: '万立方米', output2020: 180, target2025: 210 },
      { planName: '石灰岩', mineral: 'limestone', unitText: '万吨', output2020: 90, target2025: 100 },
    ],
  },
  table21: {
    source: '专栏21',
    rows: [
      { planName: '建筑用砂', mineral: 'sand', unitText: '万立方米', large: 20, medium: 10, small: 2, minServiceYears: null },
      { planName: '石灰岩', mineral: 'limestone', unitText: '矿石万吨', large: 50, medium: 20, small: 5, minServiceYears: 10 },
    ],
  },
  table22: {
    source: '专栏22',
    rows: [{ planName: '石灰岩', mineral: 'limestone', blocks: 2 }],
    statedTotal: { value: 2, source: 'toy' },
  },
  table23: {
    source: '专栏23',
    statedCount: { value: 2, source: 'toy' },
    zones: [
      { id: 'Z01', name: '和田县奴隧7号砂石土类集中开采区', unit: 'hetian', unitText: '和田县', areaKm2: 3.07, mineral: 'sand', mineralText: '建筑用砂' },
      { id: 'Z02', name: '墨玉县示例建筑用砂集中开采区', unit: 'moyu', unitText: '墨玉县', areaKm2: 5, mineral: 'sand', mineralText: '建筑用砂' },
    ],
  },
  policy: {
    maxMinesTotal: { value: 400, source: 'toy' },
    maxClass12: { value: 5, source: 'toy' },
    maxClass3: { value: 250, source: 'toy' },
    minLargeMediumShare: { value: 0.4, source: 'toy' },
  },
  assumptions: [],
};

export const toyScenario: Scenario = {
  format: 'quota-scenario/1',
  name: '示例方案 Toy',
  description: 'two counties, two minerals',
  model: 'toy',
  caps: { sand: 210, limestone: { max: 100, min: 50 } },
  excludedZones: [],
  objective: { preset: 'max-value', weights: { mines: 0.001 } },
  rightsCaps: { class12: 5 },
};

/**
 * Optimal toy report. Totals are the sums of the county rows; zone volumes
 * plus the outside-zone sand in 和田 (20.0) make the sand total.
 */
export function toyReport(): SolveReport {
  return {
    status: 'optimal',
    objective: 123.456,
    totals: {
      sand: { volume: 200.75, cap: 210, floor: null, unit: '万m³', mines: 6 },
      limestone: { volume: 100, cap: 100, floor: 50, unit: '万吨', mines: 3 },
    },
    rights: {
      class3: { used: 6, cap: 250 },
      class12: { used: 5, cap: 5 },
      total: { used: 11, cap: 400 },
      largeMediumShare: { value: 0.6667, min: 0.4 },
    },
    counties: [
      { county: 'moyu', mineral: 'limestone', volume: 40, mines: { large: 0, medium: 1, small: 1 } },
      { county: 'hetian', mineral: 'sand', volume: 120.5, mines: { large: 0, medium: 1, small: 3 } },
      { county: 'hetian', mineral: 'limestone', volume: 60, mines: { large: 1, medium: 0, small: 0 } },
      { county: 'moyu', mineral: 'sand', volume: 80.25, mines: { large: 0, medium: 0, small: 2 } },
    ],
    zones: [
      { zone: 'Z01', mineral: 'sand', county: 'hetian', volume: 100.5, mines: 3, excluded: false, capacityUse: 0.8 },
      { zone: 'Z02', mineral: 'sand', county: 'moyu', volume: 80.25, mines: 2, excluded: false, capacityUse: 0.97 },
    ],
    binding: [
      { constraint: 'cap[limestone]', label: asIs({ zh: '石灰岩开采总量上限', en: 'Limestone volume cap' }), family: 'cap', slack: 0, dual: 0.12, unit: '万吨' },
      { constraint: 'rights[class12]', label: asIs({ zh: '一、二类采矿权数上限', en: 'Class-1/2 mining rights cap' }), family: 'rights', slack: 0, dual: 1.5, unit: '个' },
    ],
    explanation: [],
    size: { variables: 24, integers: 12, constraints: 30 },
    solveTimeMs: 42,
    modelVersion: 'toy@0.0.1',
  };
}

export function toyInfeasibleReport(): SolveReport {
  return {
    status: 'infeasible',
    objective: null,
    totals: {},
    rights: {
      class3: { used: 0, cap: 250 },
      class12: { used: 0, cap: 5 },
      total: { used: 0, cap: 400 },
      largeMediumShare: { value: null, min: 0.4 },
    },
    counties: [],
    zones: [],
    binding: [],
    explanation: [{ constraint: 'floor[sand]', label: asIs({ zh: '建筑用砂开采总量下限', en: 'Construction sand volume floor' }), relaxBy: 35.5, unit: '万m³' }],
    size: { variables: 24, integers: 12, constraints: 31 },
    solveTimeMs: 17,
    modelVersion: 'toy@0.0.1',
  };
}
