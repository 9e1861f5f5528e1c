/** The shipped model and its baseline scenario, read and validated from the repository's files, and the baseline solved by the Node solver. */
import { readFileSync } from 'node:fs';
import { validateDataset, validateScenario } from '../../src/domain';
import type { Dataset } from '../../src/domain/dataset';
import type { Scenario } from '../../src/domain/scenario';
import type { SolveReport } from '../../src/model/report';
import { runScenario } from '../../src/model/run';
import { createNodeSolver } from '../../src/solver/node';

export function shippedModel(): Dataset {
  const d = validateDataset(JSON.parse(readFileSync('models/hotan-2021-2025.json', 'utf8')));
  if (!d.ok) throw new Error('model does not validate');
  return d.value;
}

export async function solvedBaseline(): Promise<{ dataset: Dataset; scenario: Scenario; report: SolveReport }> {
  const dataset = shippedModel();
  const s = validateScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')));
  if (!s.ok) throw new Error('baseline scenario does not validate');
  return { dataset, scenario: s.value, report: runScenario(dataset, s.value, await createNodeSolver()) };
}
