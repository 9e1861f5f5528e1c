import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { createNodeSolver } from '../src/solver/node';
import { buildModel } from '../src/model/build';
import { oneAnswerModel } from '../src/model/one-answer';
const d = loadDatasetFile('models/hotan-2021-2025.json');
const s = loadScenarioFile(process.argv[2] ?? 'scenarios/baseline.json');

const solver = await createNodeSolver();
const b = buildModel(d, s);
let t = performance.now();
const g = solver.solve(b.linear, { timeLimitSec: 30 });
console.log('stage1', (performance.now()-t).toFixed(0), g.status, g.objective, g.bound);
t = performance.now();
const m2 = oneAnswerModel(d, b, g.objective!);
const g2 = solver.solve(m2, { timeLimitSec: 30 });
console.log('stage2', (performance.now()-t).toFixed(0), g2.status, g2.objective, g2.bound);
