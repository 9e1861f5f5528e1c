import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { createNodeSolver } from '../src/solver/node';
import { buildModel } from '../src/model/build';
const d = loadDatasetFile('models/hotan-2021-2025.json');
const solver = await createNodeSolver();
for (const w of [{share:0},{mines:0},{share:0,mines:0},{transport:0}, {}]) {
  const s: any = { format: 'quota-scenario/1', name: 'x', model: d.id, objective: { preset: 'continuity', weights: w } };
  const b = buildModel(d, s);
  const t = performance.now();
  const g = solver.solve(b.linear, { timeLimitSec: 10 });
  console.log(JSON.stringify(w), (performance.now()-t).toFixed(0), g.status, g.objective?.toFixed(3), g.bound?.toFixed(3));
}
