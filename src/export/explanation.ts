/**
 * The infeasibility explanation in sentences a planner can act on (the CLI's
 * `solve` and the results page print the same ones): the figure to set and
 * the rows on the other side of each relaxation, and what only a row itself
 * can fix (src/model/explain.ts).
 */
import type { Lang } from '../domain/label';
import { unitLabel } from '../domain/units';
import type { InfeasibilityCause, Relaxation } from '../model/report';
import resultsDict from '../present/dict/results';
import { relaxationText } from '../present/kpis';
import { clean, fmt } from '../present/names';
import { translatorFor } from '../present/tr';

/** Why no mine can meet a minimum; `named`: the sentence names the row (false: it follows the row's own relaxation). */
export function causeSentence(c: InfeasibilityCause, lang: Lang, named = true): string {
  const tr = translatorFor(resultsDict, lang);
  const subject = named ? `“${c.label[lang]}”` : tr('results.cause.this');
  if (c.kind === 'noCell') {
    const why = c.excludedZones.length > 0 ? tr('results.cause.noCell.excluded', { zones: c.excludedZones.join(', ') }) : tr('results.cause.noCell.none');
    return tr('results.cause.noCell', { subject, why });
  }
  return tr('results.cause.noMine', { subject, min: fmt(c.minScale, lang), largest: fmt(c.largest, lang), unit: unitLabel(c.unit, lang), path: c.path });
}

/** "lower X from 2,500 to 2,000 万m³ (by 500). It runs into: …" — the amount alone (relaxationText) for runs stored before the figures. */
export function relaxationSentence(r: Relaxation, lang: Lang): string {
  const tr = translatorFor(resultsDict, lang);
  const unit = unitLabel(r.unit, lang);
  const amount = fmt(clean(r.relaxBy), lang, 4);
  const label = r.label[lang];
  const side = r.key?.side;
  const parts = [
    r.figure !== undefined && r.target !== undefined && side !== undefined
      ? tr(side === 'min' ? 'results.relax.lower' : 'results.relax.raise', { label, from: fmt(r.figure, lang, 4), to: fmt(r.target, lang, 4), unit, amount })
      : relaxationText(r, lang),
  ];
  if (r.opposing?.length) parts.push(tr('results.relax.opposing', { rows: r.opposing.map((o) => o.label[lang]).join(tr('results.relax.listSep')) }));
  if (r.cause) parts.push(causeSentence(r.cause, lang, false));
  return parts.join(lang === 'zh' ? '' : ' ');
}
