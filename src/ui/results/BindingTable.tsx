import { Show, type JSX } from 'solid-js';
import { unitLabel } from '../../domain/units';
import type { BindingConstraint, SolveReport } from '../../model/report';
import type { ConstraintSensitivity, Move } from '../../model/explore/sensitivity';
import { familyText } from '../../present/kpis';
import { fmtSig } from '../../present/names';
import { lang, t } from '../i18n';
import { label } from '../table/Table';
import { ResultTable } from './ResultTable';

/** Solver noise (−1.5e-11, a slack of −6e-14) reads as 0, as on the sensitivity tab. */
const tiny = (x: number) => (Math.abs(x) < 1e-6 ? 0 : x);

/** The objective's change for one unit in a direction, with the gap's worst case when the re-solves were not proven. */
function effect(change: number | null, move: Move): string {
  if (change === null) return t('results.worth.noSolution');
  const x = tiny(change);
  const money = unitLabel('万元', lang());
  const text = x === 0 ? t('results.worth.same') : t(x > 0 ? 'results.worth.gain' : 'results.worth.loss', { amount: fmtSig(Math.abs(x), lang()), money });
  const gap = move.uncertainty > 0 && Number.isFinite(move.uncertainty) ? t('results.worth.gap', { u: fmtSig(move.uncertainty, lang()) }) : '';
  return text + gap;
}

/**
 * What loosening and tightening a constraint by one unit does to the
 * objective, as the sensitivity re-solves measured it (the figures of
 * Explore › Sensitivity). `up` moves the bound +1, `down` −1; a cap (≤) is
 * loosened upwards, a minimum (≥) downwards.
 */
function worthTexts(c: ConstraintSensitivity): { loosen: string; tighten: string } {
  const raised = { change: c.up.perUnit, move: c.up };
  // down.perUnit is per unit of the bound, like up.perUnit: lowering by one changes the objective by −perUnit
  const lowered = { change: c.down.perUnit === null ? null : -c.down.perUnit, move: c.down };
  const [loosen, tighten] = c.side === 'upper' ? [raised, lowered] : [lowered, raised];
  const unit = unitLabel(c.family === 'rights' ? '个' : c.unit, lang());
  return {
    loosen: t('results.worth.loosen', { unit, effect: effect(loosen.change, loosen.move) }),
    tighten: t('results.worth.tighten', { unit, effect: effect(tighten.change, tighten.move) }),
  };
}

/**
 * Binding constraints, their duals (the LP with the mines fixed) and, once
 * measured, what relaxing each is worth: the sensitivity's re-solves, not the
 * dual, which in a degenerate LP prices one direction only (a cap whose
 * mines are all at their largest shows 0 although more cap is worth more).
 */
export function BindingTable(props: { report: SolveReport; measured?: readonly ConstraintSensitivity[] }): JSX.Element {
  const measuredOf = (b: BindingConstraint) => props.measured?.find((c) => c.constraint === b.constraint);
  return (
    <ResultTable
      topic="binding"
      rows={props.report.binding}
      rowProps={(b) => ({ 'data-constraint': b.constraint })}
      columns={[
        {
          header: label('results.col.constraint'),
          cell: (b) => (
            <th scope="row">
              {t(b.label.key, b.label.params)} <code class="id">{b.constraint}</code>
            </th>
          ),
        },
        { header: label('results.col.kind'), cell: (b) => <td>{familyText(b.family, lang())}</td> },
        { header: label('results.col.slack'), num: true, cell: (b) => <td class="num slack">{fmtSig(tiny(b.slack), lang())}</td> },
        { header: label('results.col.dual'), num: true, cell: (b) => <td class="num dual">{b.dual === null ? '—' : fmtSig(tiny(b.dual), lang())}</td> },
        {
          header: label('results.col.worth'),
          cell: (b) => (
            <Show when={measuredOf(b)} fallback={<td class="worth unmeasured">{t('results.worth.unmeasured')}</td>}>
              {(c) => (
                <td class="worth measured">
                  <span class="loosen">{worthTexts(c()).loosen}</span>
                  <span class="tighten">{worthTexts(c()).tighten}</span>
                </td>
              )}
            </Show>
          ),
        },
      ]}
    />
  );
}
