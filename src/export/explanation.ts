/**
 * The infeasibility explanation in sentences a planner can act on (the CLI's
 * `solve` and the results page print the same ones): the figure to set and
 * the rows on the other side of each relaxation, and what only a row itself
 * can fix (src/model/explain.ts). A sentence names the scenario field to
 * change by its label and unit (src/domain/field-labels.ts), read with the
 * model's names: "set ‘Class-1/2 … (mines)’ to at least 56".
 */
import { fieldLabel, type FieldNames } from '../domain/field-labels';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import type { InfeasibilityCause, Relaxation } from '../model/report';
import { relaxationText } from '../present/kpis';
import { clean, fmt } from '../present/names';
import { presentTr } from '../present/words';

/** Why no mine can meet a minimum, naming the minimum scale by its field; `named`: the sentence names the row (false: it follows the row's own relaxation). */
export function causeSentence(c: InfeasibilityCause, lang: Lang, names: FieldNames, named = true): string {
  const tr = presentTr(lang);
  const subject = named ? `“${tr(c.label.key, c.label.params)}”` : tr('results.cause.this');
  if (c.kind === 'noCell') {
    const why = c.excludedZones.length > 0 ? tr('results.cause.noCell.excluded', { zones: c.excludedZones.join(', ') }) : tr('results.cause.noCell.none');
    return tr('results.cause.noCell', { subject, why });
  }
  return tr('results.cause.noMine.field', { subject, min: fmt(c.minScale, lang), largest: fmt(c.largest, lang), unit: unitLabel(c.unit, lang), field: fieldLabel(c.path, lang, names) });
}

/**
 * "Set ‘Class-1/2 … (mines)’ to at least 56 (now 30; 26 more)." (the field by its label and unit, named from the
 * model's `names`), then the rows it runs into; the amount alone (relaxationText) for runs stored before the figures.
 */
export function relaxationSentence(r: Relaxation, lang: Lang, names: FieldNames): string {
  const tr = presentTr(lang);
  const side = r.key?.side;
  const path = r.key?.path;
  const first =
    r.figure !== undefined && r.target !== undefined && side !== undefined && path !== undefined
      ? tr(side === 'min' ? 'results.relax.setAtMost' : 'results.relax.setAtLeast', {
          field: fieldLabel(path, lang, names),
          from: fmt(r.figure, lang, 4),
          to: fmt(r.target, lang, 4),
          // the change between the two figures shown (a mine count is rounded up, so it can exceed relaxBy)
          amount: fmt(clean(Math.abs(r.target - r.figure)), lang, 4),
        })
      : relaxationText(r, lang);
  const parts = [first];
  if (r.opposing?.length) parts.push(tr('results.relax.opposing', { rows: r.opposing.map((o) => tr(o.label.key, o.label.params)).join(tr('results.relax.listSep')) }));
  if (r.cause) parts.push(causeSentence(r.cause, lang, names, false));
  return parts.join(tr('explanation.sentenceSep'));
}
