/**
 * Numbers a planner charts across a sweep, named by a key:
 *
 *   objective               the objective, 万元
 *   volume.<mineral>        prefecture total of a mineral, in its unit
 *   mines.total|class3|class12   valid mines (fixed out-of-scope mines included, as in the report)
 *   mines.<mineral>         mines of one mineral
 *   county.<county>.<mineral>    a county's quota (`county.none.<mineral>`: zones of no county)
 *   zone.<zone>             a zone's volume
 *   share                   large + medium share of the class-1/2 mines in scope
 *
 * `outputOf` gives null when the point has no solution.
 */
import type { Dataset } from '../../domain/dataset';
import { hasSolution, type SolveReport } from '../report';

export class OutputKeyError extends Error {
  override readonly name = 'OutputKeyError';
}

const NO_COUNTY = 'none';

export function outputOf(report: SolveReport, key: string): number | null {
  const [head, a, b, ...rest] = key.split('.');
  const bad = () => new OutputKeyError(`unknown output "${key}"; try objective, volume.<mineral>, mines.total, mines.class3, county.<county>.<mineral>, zone.<zone>, share`);
  if (rest.length > 0) throw bad();
  const ok = hasSolution(report);
  switch (head) {
    case 'objective':
      if (a !== undefined) throw bad();
      return ok ? report.objective : null;
    case 'share':
      if (a !== undefined) throw bad();
      return ok ? report.rights.largeMediumShare.value : null;
    case 'volume': {
      if (a === undefined || b !== undefined) throw bad();
      const t = report.totals[a];
      if (!t) throw new OutputKeyError(`${key}: no mineral "${a}" in the report`);
      return ok ? t.volume : null;
    }
    case 'mines': {
      if (a === undefined || b !== undefined) throw bad();
      if (a === 'total' || a === 'class3' || a === 'class12') return ok ? report.rights[a].used : null;
      const t = report.totals[a];
      if (!t) throw new OutputKeyError(`${key}: "${a}" is neither total, class3, class12 nor a mineral of the report`);
      return ok ? t.mines : null;
    }
    case 'county': {
      if (a === undefined || b === undefined) throw bad();
      const county = a === NO_COUNTY ? null : a;
      if (!(b in report.totals)) throw new OutputKeyError(`${key}: no mineral "${b}" in the report`);
      if (!ok) return null;
      // a county without a cell for the mineral gets nothing
      return report.counties.filter((q) => q.county === county && q.mineral === b).reduce((s, q) => s + q.volume, 0);
    }
    case 'zone': {
      if (a === undefined || b !== undefined) throw bad();
      const z = report.zones.find((x) => x.zone === a);
      if (!z) throw new OutputKeyError(`${key}: no zone "${a}" in the report`);
      return ok ? z.volume : null;
    }
    default:
      throw bad();
  }
}

/** Every output key the model offers, in a stable order (for pickers and checks). */
export function outputKeys(d: Dataset): string[] {
  const keys = ['objective', 'share', 'mines.total', 'mines.class3', 'mines.class12'];
  for (const m of d.minerals) keys.push(`volume.${m.id}`, `mines.${m.id}`);
  for (const u of d.units) for (const m of d.minerals) keys.push(`county.${u.id}.${m.id}`);
  for (const m of d.minerals) if (d.table23.zones.some((z) => z.unit === null && z.mineral === m.id)) keys.push(`county.${NO_COUNTY}.${m.id}`);
  for (const z of d.table23.zones) keys.push(`zone.${z.id}`);
  return keys;
}

export function checkOutputKey(d: Dataset, key: string): void {
  if (!outputKeys(d).includes(key)) throw new OutputKeyError(`unknown output "${key}"; e.g. ${outputKeys(d).slice(0, 8).join(', ')}, county.<county>.<mineral>, zone.<zone>`);
}
