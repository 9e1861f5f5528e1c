/**
 * npm run bench [-- --runs N] [--scale 1,3,7,14] [--sweeps N] [--grid N] [--json]
 *
 * Times the engine on the embedded model: building each shipped preset's
 * model, and solving it as the workbench does (solve, duals, report), repeated; prints medians and ratios from this one run
 * (the machines are shared and noisy, so single times mean little). Then a
 * 50-point sweep of the sand cap on one worker thread and on a pool of one
 * thread per core, alternately `--sweeps` times (default 3): median times and
 * the median of the ratios, with the cores each run got (the process's CPU
 * time ÷ wall time: below the worker count when other programs share the
 * machine). `--scale` solves the
 * baseline on province-scale datasets (scripts/province.ts: the Hotan data
 * replicated N times, perturbed). `--grid N` (default 0: none) solves the
 * N × N grid of the sand cap × the clay cap that the browser benchmark sweeps,
 * one point at a time, and says how far an estimate of the time left can be
 * trusted after a tenth of its points: the page's estimate played back on
 * these times, and how often a fair sample's mean comes within 25% at all.
 * `--json` prints one object {presets, province, pool, grid} instead of the
 * tables.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadDatasetFile, loadScenarioFile } from '../domain/load-node';
import { buildModel } from '../model/build';
import { sweepScenarios } from '../model/explore/sweep';
import { runBuilt } from '../model/run';
import { createNodeSolver } from '../solver/node';
import { createThreadWorker } from '../solver/node-pool';
import { solveAll } from '../model/pool';
import { provinceDataset, seededRandom } from '../../scripts/province';
import { benchGrid, ESTIMATE_AT, ESTIMATE_TOLERANCE } from '../../scripts/bench-grid';
import { fairSampleWithin, playBack, spreadOrder } from '../model/explore/schedule';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, scale: { type: 'string', default: '1,3,7,14' }, sweeps: { type: 'string', default: '3' }, grid: { type: 'string', default: '0' }, json: { type: 'boolean', default: false } } });
const runs = Math.max(3, Number(values.runs));
const sweeps = Math.max(1, Number(values.sweeps));
const gridSteps = Math.max(0, Math.floor(Number(values.grid)));
const scales = values.scale.split(',').map(Number).filter((x) => Number.isInteger(x) && x > 0);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const dataset = loadDatasetFile('models/hotan-2021-2025.json');
const solver = await createNodeSolver();
const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort();
const rows: { name: string; build: number; solve: number; status: string }[] = [];
const benchPreset = (d: typeof dataset, scenario: ReturnType<typeof loadScenarioFile>) => {
  const builds: number[] = [];
  const solves: number[] = [];
  let status = '';
  let tieBreak = '';
  let built = buildModel(d, scenario);
  for (let i = 0; i < runs; i++) {
    builds.push(time(() => (built = buildModel(d, scenario))));
    solves.push(time(() => {
      const r = runBuilt(d, built, solver);
      status = r.status;
      tieBreak = r.tieBreak ?? 'none';
    }));
  }
  const size = { rows: built.linear.constraints.length, cols: built.linear.variables.length, ints: built.linear.variables.filter((v) => v.integer).length };
  return { build: median(builds), solve: median(solves), status, tieBreak, size };
};
for (const file of presets) {
  const r = benchPreset(dataset, loadScenarioFile(`scenarios/${file}`));
  rows.push({ name: file.replace(/\.json$/, ''), build: r.build, solve: r.solve, status: r.status });
}
const base = rows.find((r) => r.name === 'baseline')?.solve ?? 1;
log(`runs per preset: ${runs}; medians in ms; ratio = solve time ÷ baseline solve time (same run)`);
log(['preset'.padEnd(24), 'build'.padStart(8), 'solve'.padStart(9), 'ratio'.padStart(7), '  status'].join(''));
for (const r of rows)
  log([r.name.padEnd(24), r.build.toFixed(1).padStart(8), r.solve.toFixed(1).padStart(9), (r.solve / base).toFixed(2).padStart(7), `  ${r.status}`].join(''));

const baseline = loadScenarioFile('scenarios/baseline.json');
/** a province run gets this time limit (the scenario's own is 60 s), so that a scale glpk cannot prove ends the bench in minutes */
const PROVINCE_TIME_LIMIT_SEC = 20;
const province = scales.map((scale) => {
  const d = provinceDataset(dataset, scale);
  const r = benchPreset(d, { ...baseline, model: d.id, timeLimitSec: PROVINCE_TIME_LIMIT_SEC });
  return { scale, ...r.size, proven: r.status === 'optimal', status: r.status, tieBreak: r.tieBreak, buildMs: r.build, ms: r.solve };
});
log(`\nprovince scale (the Hotan data × N, perturbed ±10%), baseline scenario, time limit ${PROVINCE_TIME_LIMIT_SEC} s; medians in ms`);
log(['scale'.padStart(6), 'rows'.padStart(7), 'cols'.padStart(7), 'ints'.padStart(6), 'build'.padStart(8), 'solve'.padStart(9), '  status', '  tie-break'].join(''));
for (const p of province)
  log([String(p.scale).padStart(6), String(p.rows).padStart(7), String(p.cols).padStart(7), String(p.ints).padStart(6), p.buildMs.toFixed(1).padStart(8), p.ms.toFixed(1).padStart(9), `  ${p.status}`, `  ${p.tieBreak}`].join(''));
const sweep = sweepScenarios(dataset, baseline, { axes: [{ path: 'caps.sand', from: 1000, to: 2500, steps: 50 }] }).map((c) => c.scenario);
async function timedSweep(threads: number): Promise<{ ms: number; cores: number }> {
  const workers = Array.from({ length: threads }, createThreadWorker);
  await solveAll(dataset, sweep.slice(0, threads), workers);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await solveAll(dataset, sweep, workers);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  return { ms, cores: (cpu.user + cpu.system) / 1000 / ms };
}
const cores = availableParallelism();
const pairs: { one: Awaited<ReturnType<typeof timedSweep>>; pool: Awaited<ReturnType<typeof timedSweep>> }[] = [];
for (let i = 0; i < sweeps; i++) pairs.push({ one: await timedSweep(1), pool: await timedSweep(cores) });
const sweepMedians = {
  ms1: median(pairs.map((p) => p.one.ms)),
  msN: median(pairs.map((p) => p.pool.ms)),
  speedup: median(pairs.map((p) => p.one.ms / p.pool.ms)),
  cores1: median(pairs.map((p) => p.one.cores)),
  coresN: median(pairs.map((p) => p.pool.cores)),
};
log(`\n50-point sweep of caps.sand, ${sweeps}× alternately (threads warmed up first); medians: 1 worker ${sweepMedians.ms1.toFixed(0)} ms on ${sweepMedians.cores1.toFixed(2)} cores, pool of ${cores} ${sweepMedians.msN.toFixed(0)} ms on ${sweepMedians.coresN.toFixed(2)} cores, speed-up ${sweepMedians.speedup.toFixed(2)}× (each: ${pairs.map((p) => (p.one.ms / p.pool.ms).toFixed(2)).join(', ')})`);
function gridTail(steps: number) {
  const cases = sweepScenarios(dataset, baseline, { axes: benchGrid(steps) });
  const times = cases.map((c) => time(() => runBuilt(dataset, buildModel(dataset, c.scenario), solver)));
  const total = times.reduce((a, x) => a + x, 0);
  const mean = total / times.length;
  const sd = Math.sqrt(times.reduce((a, x) => a + (x - mean) ** 2, 0) / (times.length - 1));
  const slowest = [...times].sort((a, b) => b - a).slice(0, Math.ceil(0.03 * times.length));
  const page = playBack(times, spreadOrder(times.length), 1, ESTIMATE_AT);
  return {
    points: times.length,
    totalMs: total,
    medianMs: median(times),
    meanMs: mean,
    variation: sd / mean,
    slowestShare: slowest.reduce((a, x) => a + x, 0) / total,
    pageEstimateError: page.estimate === null ? null : (page.estimate - page.actual) / page.actual,
    fairSampleWithin: fairSampleWithin(times, steps, ESTIMATE_AT, ESTIMATE_TOLERANCE, 2000, seededRandom(1)),
  };
}
const grid = gridSteps > 1 ? gridTail(gridSteps) : null;
if (grid) {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  log(`\n${gridSteps}×${gridSteps} grid of caps.sand × caps.clay, one point at a time: ${grid.points} points in ${(grid.totalMs / 1000).toFixed(1)} s; per point median ${grid.medianMs.toFixed(0)} ms, mean ${grid.meanMs.toFixed(0)} ms, coefficient of variation ${grid.variation.toFixed(2)}; the slowest 3% of the points take ${pct(grid.slowestShare)} of the time`);
  log(`  time left after ${pct(ESTIMATE_AT)} of the points, the page's order and estimate played back on these times (one worker): ${grid.pageEstimateError === null ? 'no estimate yet' : `off by ${pct(grid.pageEstimateError)}`}`);
  log(`  a fair sample of ${pct(ESTIMATE_AT)} (a point in every row and column first, the rest at random; 2000 draws): its mean is within ${pct(ESTIMATE_TOLERANCE)} of the rest's in ${pct(grid.fairSampleWithin)} of the draws`);
}
if (values.json)
  console.log(JSON.stringify({
    runs,
    presets: rows.map((r) => ({ name: r.name, proven: r.status === 'optimal', status: r.status, ms: r.solve, buildMs: r.build })),
    province: province.map(({ scale, rows: r, cols, ints, proven, status, tieBreak, ms, buildMs }) => ({ scale, rows: r, cols, ints, proven, status, tieBreak, ms, buildMs })),
    pool: { workers: cores, sweeps, ...sweepMedians },
    grid,
  }));
