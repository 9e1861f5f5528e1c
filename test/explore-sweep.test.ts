/**
 * Sweeps: parameter paths checked against the scenario schema and the
 * model, immutable setting, the grid's order, and — on the real model with
 * the real solver — every point equal to a single solve of the same scenario
 * written by hand; cancel keeps the points done.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import {
  OutputKeyError,
  ParamPathError,
  SweepSpecError,
  axisValues,
  checkOutputKey,
  getPath,
  outputKeys,
  outputOf,
  paramInfo,
  runSweep,
  setPath,
  sweepPoints,
  sweepScenarios,
} from '../src/model/explore/sweep';
import type { SolveReport } from '../src/model/report';
import { runScenario } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';
import { inProcessWorker } from './helpers/in-process-pool';

let solver: Solver;
let d: Dataset;
const preset = (name: string): Scenario => checkScenarioAgainst(loadScenarioFile(`scenarios/${name}.json`), d, name);

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
});

/** What a single solve and a sweep point must agree on. */
function essence(r: SolveReport) {
  return {
    status: r.status,
    objective: r.objective,
    totals: Object.fromEntries(Object.entries(r.totals).map(([m, t]) => [m, { volume: t.volume, mines: t.mines, cap: t.cap, floor: t.floor }])),
    rights: r.rights,
    counties: r.counties,
  };
}

describe('parameter paths', () => {
  const base = (): Scenario => ({ format: 'quota-scenario/1', name: 'p', model: 'hotan-2021-2025' });

  it('accepts the paths the issue names and says what they end at', () => {
    for (const p of ['caps.sand', 'rightsCaps.class3', 'minScale.sand.small', 'largeMediumShare.min', 'demand.radiusKm', 'countyBounds.moyu.sand.max', 'assumptions.zoneIntensity.sand', '$.caps.sand.min'])
      expect(() => paramInfo(p, d), p).not.toThrow();
    expect(paramInfo('caps.sand').target).toBe('number');
    expect(paramInfo('countyBounds.moyu.sand').target).toBe('bound');
  });

  it('refuses unknown keys, ids the model lacks and non-numeric parameters, naming the key', () => {
    expect(() => paramInfo('capz.sand')).toThrow(/no key "capz".*has format, name/);
    expect(() => paramInfo('rightsCaps.class4')).toThrow(/no key "class4".*rightsCaps has class3, class12, total/);
    expect(() => paramInfo('caps.sandd', d)).toThrow(/unknown mineral "sandd"/);
    expect(() => paramInfo('countyBounds.atlantis.sand.max', d)).toThrow(/unknown county "atlantis"/);
    expect(() => paramInfo('assumptions.zoneIntensity.gold', d)).toThrow(/does not exist in the model/);
    expect(() => paramInfo('excludedZones')).toThrow(/not a numeric parameter/);
    expect(() => paramInfo('name')).toThrow(/not a numeric parameter/);
    expect(() => paramInfo('caps..sand')).toThrow(ParamPathError);
  });

  it('sets a value without touching the input, creating the objects on the way', () => {
    const s = base();
    const t = setPath(s, 'countyBounds.moyu.sand.max', 300, d);
    expect(s).toEqual(base());
    expect(t.countyBounds).toEqual({ moyu: { sand: { max: 300 } } });
    expect(setPath(s, 'minScale.sand.small', 12, d).minScale).toEqual({ sand: { small: 12 } });
    expect(setPath(s, 'demand.radiusKm', 50, d).demand).toEqual({ radiusKm: 50 });
  });

  it('reads a cap given as a number or as {min, max}: the path sets the max, .min the floor', () => {
    const asNumber = { ...base(), caps: { sand: 2000 } };
    const asBound = { ...base(), caps: { sand: { min: 100, max: 2000 } } };
    expect(setPath(asNumber, 'caps.sand', 1500).caps?.sand).toBe(1500);
    expect(setPath(asBound, 'caps.sand', 1500).caps?.sand).toEqual({ min: 100, max: 1500 });
    expect(setPath(asNumber, 'caps.sand.min', 100).caps?.sand).toEqual({ max: 2000, min: 100 });
    expect(setPath(asNumber, 'caps.sand.max', 1800).caps?.sand).toEqual({ max: 1800 });
    expect(setPath(base(), 'caps.sand.min', 100).caps?.sand).toEqual({ min: 100 });
    expect(setPath(base(), 'countyBounds.moyu.sand', 7).countyBounds?.moyu?.sand).toEqual({ max: 7 });
    expect(getPath(asBound, 'caps.sand')).toBe(2000);
    expect(getPath(asBound, 'caps.sand.min')).toBe(100);
    expect(getPath(asNumber, 'caps.sand.max')).toBe(2000);
    expect(getPath(base(), 'caps.sand')).toBeUndefined();
  });

  it('starts an assumption entry from the model, so the other entries keep their figures', () => {
    const t = setPath(base(), 'assumptions.zoneIntensity.sand', 30, d);
    const model = d.assumptions.find((a) => a.id === 'zoneIntensity')?.value as Record<string, number>;
    expect(t.assumptions?.zoneIntensity).toEqual({ ...model, sand: 30 });
  });

  it('refuses a value the schema refuses, with its JSON path', () => {
    expect(() => setPath(base(), 'largeMediumShare.min', 1.5)).toThrow(/\$\.largeMediumShare\.min/);
    expect(() => setPath(base(), 'caps.sand', -1)).toThrow(ParamPathError);
    expect(() => setPath({ ...base(), caps: { sand: 100 } }, 'caps.sand.min', 200)).toThrow(/min is larger than max/);
    expect(() => setPath(base(), 'demand.radiusKm', 0)).toThrow(/demand\.radiusKm/);
  });
});

describe('sweep points', () => {
  it('spaces a range evenly, ends included, without float noise', () => {
    expect(axisValues({ path: 'x', from: 0, to: 1, steps: 11 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(axisValues({ path: 'x', from: 250, to: 100, steps: 4 })).toEqual([250, 200, 150, 100]);
    expect(axisValues({ path: 'x', from: 5, to: 5, steps: 1 })).toEqual([5]);
    expect(() => axisValues({ path: 'x', from: 1, to: 2, steps: 1 })).toThrow(SweepSpecError);
    expect(() => axisValues({ path: 'x', from: 1, to: 2, steps: 2.5 })).toThrow(SweepSpecError);
  });

  it('orders a grid row by row, the first parameter outer', () => {
    const pts = sweepPoints({ axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 2 }, { path: 'rightsCaps.class3', from: 100, to: 200, steps: 3 }] });
    expect(pts).toEqual([
      { 'caps.sand': 1000, 'rightsCaps.class3': 100 },
      { 'caps.sand': 1000, 'rightsCaps.class3': 150 },
      { 'caps.sand': 1000, 'rightsCaps.class3': 200 },
      { 'caps.sand': 2000, 'rightsCaps.class3': 100 },
      { 'caps.sand': 2000, 'rightsCaps.class3': 150 },
      { 'caps.sand': 2000, 'rightsCaps.class3': 200 },
    ]);
    expect(() => sweepPoints({ axes: [{ path: 'caps.sand', from: 1, to: 2, steps: 2 }, { path: '$.caps.sand', from: 1, to: 2, steps: 2 }] })).toThrow(/both axes/);
  });

  it('gives a bench or a worker pool the scenario of every point, validated before anything is solved', () => {
    const s = preset('table11-caps');
    const cases = sweepScenarios(d, s, { axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 3 }] });
    expect(cases.map((c) => c.scenario.caps?.sand)).toEqual([1000, 1500, 2000]);
    expect(cases[0]?.scenario.capSource).toBe('table11');
    expect(() => sweepScenarios(d, s, { axes: [{ path: 'largeMediumShare.min', from: 0.5, to: 1.5, steps: 3 }] })).toThrow(/largeMediumShare\.min: at 1\.5/);
  });
});

describe('a sweep on the real model', () => {
  it('solves every point exactly as a single solve of the same scenario written by hand (1-D)', async () => {
    const s = preset('table11-caps');
    const progress: number[] = [];
    const worker = inProcessWorker();
    const r = await runSweep(d, s, { axes: [{ path: 'caps.sand', from: 1200, to: 2400, steps: 4 }] }, [worker], (p) => progress.push(p.done));
    // the dataset went to the worker once; the cap is a bound, so the model was built once and rebounded
    expect(worker.datasetsSent).toBe(1);
    expect(worker.endpoint.counts).toEqual({ built: 1, rebounded: 3 });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(r.cancelled).toBe(false);
    expect(r.points.map((p) => p.params['caps.sand'])).toEqual([1200, 1600, 2000, 2400]);
    for (const p of r.points) {
      const v = p.params['caps.sand'] as number;
      const single = runScenario(d, { ...s, caps: { ...s.caps, sand: v } }, solver);
      expect(essence(p.report)).toEqual(essence(single));
      expect(p.report.totals.sand?.volume).toBeLessThanOrEqual(v + 1e-6);
      expect(outputOf(p.report, 'volume.sand')).toBe(p.report.totals.sand?.volume);
    }
    // more sand allowed never lowers the value
    const objectives = r.points.map((p) => p.report.objective as number);
    for (let i = 1; i < objectives.length; i++) expect(objectives[i]).toBeGreaterThanOrEqual((objectives[i - 1] as number) - 1e-3 * Math.abs(objectives[i - 1] as number));
  });

  it('solves a 2-D grid the same way, each point as its single solve', async () => {
    const s = preset('strict-consolidation');
    const spec = { axes: [{ path: 'rightsCaps.class3', from: 14, to: 30, steps: 2 }, { path: 'largeMediumShare.min', from: 0.4, to: 0.8, steps: 2 }] } as const;
    const worker = inProcessWorker();
    const r = await runSweep(d, s, { axes: [spec.axes[0], spec.axes[1]] }, [worker]);
    // the share changes a coefficient: every point with a new share is built again
    expect(worker.endpoint.counts).toEqual({ built: 4, rebounded: 0 });
    expect(r.points).toHaveLength(4);
    for (const p of r.points) {
      const class3 = p.params['rightsCaps.class3'] as number;
      const share = p.params['largeMediumShare.min'] as number;
      const single = runScenario(d, { ...s, rightsCaps: { ...s.rightsCaps, class3 }, largeMediumShare: { ...s.largeMediumShare, min: share } }, solver);
      expect(essence(p.report)).toEqual(essence(single));
    }
    // v2 has no sand floor (demand is soft): 14 class-3 mines are feasible, supplying at most
    // 14 × 17.8777 (the largest sand mine, 10726.6 / 120 / 5) = 250.3 万m³ of sand
    const tight = r.points.filter((p) => p.params['rightsCaps.class3'] === 14);
    for (const p of tight) {
      expect(p.report.status).toBe('optimal');
      expect(p.report.totals.sand?.volume as number).toBeLessThanOrEqual((14 * 10726.6) / 120 / 5 + 1e-6);
      expect(outputOf(p.report, 'objective')).toBe(p.report.objective);
    }
    expect(r.points.filter((p) => p.params['rightsCaps.class3'] === 30).every((p) => p.report.status === 'optimal')).toBe(true);
  });

  it('stops when cancelled and keeps the points done', async () => {
    const s = preset('ecological-red-line');
    const abort = new AbortController();
    const r = await runSweep(
      d,
      s,
      { axes: [{ path: 'caps.sand', from: 1000, to: 2000, steps: 6 }] },
      [inProcessWorker()],
      (p) => {
        if (p.done === 2) abort.abort();
      },
      abort.signal,
    );
    expect(r.cancelled).toBe(true);
    expect(r.total).toBe(6);
    expect(r.points.map((p) => p.params['caps.sand'])).toEqual([1000, 1200]);
    expect(r.points.every((p) => p.report.status === 'optimal')).toBe(true);
  });
});

describe('outputs', () => {
  let report: SolveReport;
  beforeAll(() => {
    report = runScenario(d, preset('table11-caps'), solver);
  });

  it('reads every key the model offers from a report', () => {
    for (const k of outputKeys(d)) {
      checkOutputKey(d, k);
      expect(typeof outputOf(report, k), k).toBe('number');
    }
    expect(outputOf(report, 'objective')).toBe(report.objective);
    expect(outputOf(report, 'mines.class3')).toBe(report.rights.class3.used);
    expect(outputOf(report, 'mines.total')).toBe(report.rights.total.used);
    expect(outputOf(report, 'share')).toBe(report.rights.largeMediumShare.value);
    const moyuSand = report.counties.filter((q) => q.county === 'moyu' && q.mineral === 'sand').reduce((a, q) => a + q.volume, 0);
    expect(outputOf(report, 'county.moyu.sand')).toBe(moyuSand);
    const sandByCounty = [...d.units.map((u) => u.id), 'none'].reduce((a, c) => a + (outputOf(report, `county.${c}.sand`) ?? 0), 0);
    expect(sandByCounty).toBeCloseTo(outputOf(report, 'volume.sand') as number, 6);
  });

  it('refuses a key it does not know', () => {
    expect(() => outputOf(report, 'volumes.sand')).toThrow(OutputKeyError);
    expect(() => outputOf(report, 'volume.gold')).toThrow(/no mineral "gold"/);
    expect(() => outputOf(report, 'county.moyu')).toThrow(OutputKeyError);
    expect(() => checkOutputKey(d, 'zone.Z99')).toThrow(OutputKeyError);
  });
});
