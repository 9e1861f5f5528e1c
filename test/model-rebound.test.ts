/**
 * Rebounding a built model (model/rebound.ts): for every scenario key it
 * handles, the rebounded model equals the model built from scratch, and so
 * does the report solved from it; every other change, and a bound that adds
 * or removes a row, builds again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { buildModel } from '../src/model/build';
import { setPath } from '../src/model/explore/params';
import { ModelCache, reboundModel } from '../src/model/rebound';
import type { SolveReport } from '../src/model/report';
import { runBuilt } from '../src/model/run';
import type { Solver } from '../src/solver/adapter';
import { createNodeSolver } from '../src/solver/node';

let solver: Solver;
let d: Dataset;
let from: Scenario;

/** The report without its solve time, the one thing two identical solves may differ in. */
const timeless = (r: SolveReport) => ({ ...r, solveTimeMs: 0 });

beforeAll(async () => {
  solver = await createNodeSolver();
  d = loadDatasetFile('models/hotan-2021-2025.json');
  // the baseline with a sand floor and bounds on one county, so that those rows exist to be rebounded
  from = {
    ...loadScenarioFile('scenarios/baseline.json'),
    caps: { sand: { max: 2000, min: 500 }, clay: 60 },
    countyBounds: { moyu: { sand: { max: 600, min: 20 } } },
  };
});

describe('reboundModel', () => {
  const mapped: [string, number][] = [
    ['caps.sand', 1700],
    ['caps.sand.min', 900],
    ['caps.clay', 45],
    ['rightsCaps.class3', 120],
    ['rightsCaps.class12', 110],
    ['rightsCaps.total', 300],
    ['countyBounds.moyu.sand.max', 450],
    ['countyBounds.moyu.sand.min', 60],
  ];

  it.each(mapped)('%s: the same model and the same report as a full rebuild', (path, value) => {
    const built = buildModel(d, from);
    const to = { ...setPath(from, path, value, d), name: `${from.name} [${path}=${value}]` };
    const rebounded = reboundModel(d, from, built, to);
    const fresh = buildModel(d, to);
    expect(rebounded).not.toBeNull();
    expect(rebounded).toEqual(fresh);
    // the swept number did reach the model: it differs from the one it was rebounded from
    expect(rebounded?.linear).not.toEqual(built.linear);
    const report = runBuilt(d, rebounded as NonNullable<typeof rebounded>, solver);
    expect(report.status).toBe('optimal');
    expect(timeless(report)).toEqual(timeless(runBuilt(d, fresh, solver)));
  }, 60_000);

  it('builds again for keys that change columns or coefficients, and for a bound that adds a row', () => {
    const built = buildModel(d, from);
    const others: [string, number][] = [
      ['demand.radiusKm', 50],
      ['minScale.sand.small', 8],
      ['largeMediumShare.min', 0.5],
      ['assumptions.zoneIntensity.sand', 20],
      // no floor or county bound yet: the row would be new
      ['caps.clay.min', 10],
      ['countyBounds.hetian.sand.max', 100],
    ];
    for (const [path, value] of others) expect(reboundModel(d, from, built, setPath(from, path, value, d)), path).toBeNull();
  });
});

describe('ModelCache', () => {
  it('rebounds from the last model of the same dataset, and builds when the dataset or a structural key changes', () => {
    const cache = new ModelCache();
    const at = (path: string, value: number) => setPath(from, path, value, d);
    expect(cache.model(d, at('caps.sand', 1500))).toEqual(buildModel(d, at('caps.sand', 1500)));
    expect(cache.model(d, at('caps.sand', 1600))).toEqual(buildModel(d, at('caps.sand', 1600)));
    expect(cache.counts).toEqual({ built: 1, rebounded: 1 });
    cache.model(d, at('demand.radiusKm', 50));
    cache.model(structuredClone(d), from);
    expect(cache.counts).toEqual({ built: 3, rebounded: 1 });
  });
});
