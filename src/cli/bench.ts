/**
 * npm run bench [-- --runs N]
 *
 * Times the engine on the embedded model: building each shipped preset's
 * model, and solving it as the workbench does (solve, duals, report), repeated; prints medians and ratios from this one run
 * (the machines are shared and noisy, so single times mean little). Then a
 * 50-point sweep of the sand cap on one worker thread and on a pool of one
 * thread per core, as a ratio measured in the same run.
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
import { solveAll } from '../solver/pool';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Math.max(3, Number(values.runs));

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
for (const file of presets) {
  const scenario = loadScenarioFile(`scenarios/${file}`);
  const builds: number[] = [];
  const solves: number[] = [];
  let status = '';
  for (let i = 0; i < runs; i++) {
    let built = buildModel(dataset, scenario);
    builds.push(time(() => (built = buildModel(dataset, scenario))));
    solves.push(time(() => (status = runBuilt(dataset, built, solver).status)));
  }
  rows.push({ name: file.replace(/\.json$/, ''), build: median(builds), solve: median(solves), status });
}
const base = rows.find((r) => r.name === 'baseline')?.solve ?? 1;
console.log(`runs per preset: ${runs}; medians in ms; ratio = solve time ÷ baseline solve time (same run)`);
console.log(['preset'.padEnd(24), 'build'.padStart(8), 'solve'.padStart(9), 'ratio'.padStart(7), '  status'].join(''));
for (const r of rows)
  console.log([r.name.padEnd(24), r.build.toFixed(1).padStart(8), r.solve.toFixed(1).padStart(9), (r.solve / base).toFixed(2).padStart(7), `  ${r.status}`].join(''));

const baseline = loadScenarioFile('scenarios/baseline.json');
const sweep = sweepScenarios(dataset, baseline, { axes: [{ path: 'caps.sand', from: 1000, to: 2500, steps: 50 }] }).map((c) => c.scenario);
async function timedSweep(threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, createThreadWorker);
  await solveAll(dataset, sweep.slice(0, threads), workers);
  const t0 = performance.now();
  await solveAll(dataset, sweep, workers);
  const ms = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}
const cores = availableParallelism();
const one = await timedSweep(1);
const pool = await timedSweep(cores);
console.log(`\n50-point sweep of caps.sand (threads warmed up first): 1 worker ${one.toFixed(0)} ms, pool of ${cores} ${pool.toFixed(0)} ms, speed-up ${(one / pool).toFixed(2)}×`);
