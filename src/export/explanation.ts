/**
 * The infeasibility explanation in sentences a planner can act on (the CLI's
 * `solve` and the results page print the same ones): the figure to set and
 * the rows on the other side of each relaxation, and what only a row itself
 * can fix (src/model/explain.ts). Given the model's names, a sentence names
 * the scenario field to change by its label ("set ‘Class-1/2 … (mines)’ to at
 * least 56"); without them (the CLI, which prints the path beside it) it
 * quotes the row.
 */
import { fieldLabel, type FieldNames } from '../domain/field-labels';
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import type { InfeasibilityCause, Relaxation } from '../model/report';
import fieldDict from '../present/dict/field-messages';
import resultsDict from '../present/dict/results';
import { relaxationText } from '../present/kpis';
import { clean, fmt } from '../present/names';
import { translatorFor, type Tr } from '../present/tr';

const words = (lang: Lang): Tr => translatorFor({ zh: { ...resultsDict.zh, ...fieldDict.zh }, en: { ...resultsDict.en, ...fieldDict.en } }, lang);

/**
 * Why no mine can meet a minimum; `named`: the sentence names the row (false: it follows the row's own relaxation);
 * `names`: the minimum scale is named by its field label, else by its path.
 */
export function causeSentence(c: InfeasibilityCause, lang: Lang, named = true, names?: FieldNames): string {
  const tr = words(lang);
  const subject = named ? `“${c.label[lang]}”` : tr('results.cause.this');
  if (c.kind === 'noCell') {
    const why = c.excludedZones.length > 0 ? tr('results.cause.noCell.excluded', { zones: c.excludedZones.join(', ') }) : tr('results.cause.noCell.none');
    return tr('results.cause.noCell', { subject, why });
  }
  const figures = { subject, min: fmt(c.minScale, lang), largest: fmt(c.largest, lang), unit: unitLabel(c.unit, lang) };
  return names ? tr('results.cause.noMine.field', { ...figures, field: fieldLabel(c.path, lang, names) }) : tr('results.cause.noMine', { ...figures, path: c.path });
}

/**
 * "Set ‘Class-1/2 … (mines)’ to at least 56 (now 30; 26 more)." with the model's `names`, else "lower X from 2,500
 * to 2,000 万m³ (by 500)"; then the rows it runs into. The amount alone (relaxationText) for runs stored before the figures.
 */
export function relaxationSentence(r: Relaxation, lang: Lang, names?: FieldNames): string {
  const tr = words(lang);
  const unit = unitLabel(r.unit, lang);
  const label = r.label[lang];
  const side = r.key?.side;
  const path = r.key?.path;
  // the change between the two figures shown (a mine count is rounded up, so it can exceed relaxBy)
  const figures =
    r.figure !== undefined && r.target !== undefined ? { from: fmt(r.figure, lang, 4), to: fmt(r.target, lang, 4), amount: fmt(clean(Math.abs(r.target - r.figure)), lang, 4) } : null;
  const first =
    figures === null || side === undefined
      ? relaxationText(r, lang)
      : names && path
        ? tr(side === 'min' ? 'results.relax.setAtMost' : 'results.relax.setAtLeast', { ...figures, field: fieldLabel(path, lang, names) })
        : tr(side === 'min' ? 'results.relax.lower' : 'results.relax.raise', { ...figures, label, unit });
  const parts = [first];
  if (r.opposing?.length) parts.push(tr('results.relax.opposing', { rows: r.opposing.map((o) => o.label[lang]).join(tr('results.relax.listSep')) }));
  if (r.cause) parts.push(causeSentence(r.cause, lang, false, names));
  return parts.join(lang === 'zh' ? '' : ' ');
}
