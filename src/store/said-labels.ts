/**
 * Reports stored before the model named its rows by key (src/model/said.ts)
 * carry each row's name as `{ zh, en }`. The upgrade to DB v6 turns each such
 * name into a sentence that says it as it is, so an old run reads as before.
 */
import type { Label } from '../domain/label';
import type { SolveReport } from '../model/report';
import { asIs } from '../model/said';

function isLabel(x: unknown): x is Label {
  return typeof x === 'object' && x !== null && !('key' in x) && typeof (x as Label).zh === 'string' && typeof (x as Label).en === 'string';
}

/** Every place a report names a row. */
function namedRows(r: Partial<SolveReport>): { label: unknown }[] {
  const relaxations = r.explanation ?? [];
  return [...(r.binding ?? []), ...(r.causes ?? []), ...relaxations, ...relaxations.flatMap((x) => [...(x.opposing ?? []), ...(x.cause ? [x.cause] : [])])];
}

/** Names the rows of a stored report by sentence, in place; a report already in that shape is left as it is. */
export function nameRowsBySentence(report: Partial<SolveReport> | undefined): void {
  if (!report) return;
  for (const row of namedRows(report)) if (isLabel(row.label)) row.label = asIs(row.label);
}
