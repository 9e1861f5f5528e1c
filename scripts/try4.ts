import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { createNodeSolver } from '../src/solver/node';
import { buildModel } from '../src/model/build';
import { solveBuilt } from '../src/model/run';
import { lpFileNames } from '../src/solver/lp-names';
import highsLoader from 'highs';
const d = loadDatasetFile('models/hotan-2021-2025.json');
const solver = await createNodeSolver();
const highs = await highsLoader();
for (const f of process.argv.slice(2)) {
  const s = loadScenarioFile(f);
  const b = buildModel(d, s);
  const a = solveBuilt(d, b, solver);
  const lp1 = solver.writeLp(b.linear);
  const r1 = highs.solve(lp1, { mip_rel_gap: 0, time_limit: 60 } as any);
  const lp2 = solver.writeLp(a.oneAnswer!);
  const r2 = highs.solve(lp2, { mip_rel_gap: 0, time_limit: 60 } as any);
  const names = lpFileNames(a.oneAnswer!);
  let maxDiff = 0;
  const byCounty = new Map<string, [number, number]>();
  b.index.cells.forEach((x) => {
    const i = a.oneAnswer!.variables.findIndex((v) => v.name === x.volume);
    const col = names.columns[i]!;
    const h = (r2.Columns as any)[col]?.Primal ?? 0;
    const k = `${x.cell.county}|${x.cell.mineral}`;
    const e = byCounty.get(k) ?? [0, 0];
    byCounty.set(k, [e[0] + (a.solution.values[x.volume] ?? 0), e[1] + h]);
  });
  for (const [k, [g, h]] of byCounty) maxDiff = Math.max(maxDiff, Math.abs(g - h));
  console.log(f, 'glpk', a.goal.objective?.toFixed(4), 'highs', r1.Status, r1.ObjectiveValue?.toFixed(4), 'stage2', r2.Status, 'max county diff', maxDiff.toExponential(2));
}
{
  const s = loadScenarioFile('scenarios/high-demand-transport.json');
  const b = buildModel(d, s);
  const a = solveBuilt(d, b, solver);
  const lp2 = solver.writeLp(a.oneAnswer!);
  const r2 = highs.solve(lp2, { mip_rel_gap: 0, time_limit: 60 } as any);
  const g2 = solver.solve(a.oneAnswer!, {});
  console.log('stage2 obj glpk', g2.objective, 'highs', r2.ObjectiveValue);
  const names = lpFileNames(a.oneAnswer!);
  b.index.cells.forEach((x) => {
    const i = a.oneAnswer!.variables.findIndex((v) => v.name === x.volume);
    const h = (r2.Columns as any)[names.columns[i]!]?.Primal ?? 0;
    const g = g2.values[x.volume] ?? 0;
    if (Math.abs(g - h) > 1e-6) console.log(x.cell.id, g, h);
  });
}
