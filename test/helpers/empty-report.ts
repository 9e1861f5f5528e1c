/** A solve report with nothing in it (no counties, zones or binding constraints), for tests of what stores or shows reports. */
import type { SolveReport } from '../../src/model/report';

export function emptyReport(over: Partial<SolveReport> = {}): SolveReport {
  return {
    status: 'optimal',
    objective: 1,
    totals: {},
    rights: {
      class3: { used: 0, cap: 250 },
      class12: { used: 0, cap: 150 },
      total: { used: 0, cap: 400 },
      largeMediumShare: { value: null, min: 0.4 },
    },
    counties: [],
    zones: [],
    binding: [],
    explanation: [],
    size: { variables: 0, integers: 0, constraints: 0 },
    solveTimeMs: 1,
    modelVersion: '1.0.0',
    ...over,
  };
}
