/**
 * "Solve all scenarios": how many scenarios have no up-to-date run, a button
 * that solves them on the worker pool, progress (n of N and the scenarios
 * being solved) with Cancel, and what the batch did.
 */
import { createMemo, createUniqueId, Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { model } from '../state/model';
import { cancelSolveAll, solveAllPhase, solveAllScenarios, staleScenarios, type SolveAllPhase } from '../state/solve-all';

export function SolveAll() {
  const id = createUniqueId();
  const pending = createMemo(() => staleScenarios().length);
  const running = () => {
    const p = solveAllPhase();
    return p.phase === 'running' ? p : null;
  };
  const outcome = () => {
    const p = solveAllPhase();
    return p.phase === 'done' || p.phase === 'error' ? p : null;
  };
  const summary = (p: Extract<SolveAllPhase, { phase: 'done' | 'error' }>) =>
    p.phase === 'error'
      ? p.message
      : [
          t(p.cancelled ? 'workflow.solveAll.cancelledNote' : 'workflow.solveAll.doneNote', { n: p.solved, total: p.total }),
          p.infeasible > 0 ? t('workflow.solveAll.infeasible', { n: p.infeasible }) : '',
          p.skipped.length > 0 ? t('workflow.solveAll.skipped', { n: p.skipped.length, names: p.skipped.join(t('workflow.listSep')) }) : '',
        ]
          .filter(Boolean)
          .join(' ');
  return (
    <section class="panel solve-all" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('workflow.solveAll.title')}</h3>
      <Switch
        fallback={
          <>
            <p class="muted">{pending() > 0 ? t('workflow.solveAll.pending', { n: pending() }) : t('workflow.solveAll.upToDate')}</p>
            <button type="button" class="primary" disabled={pending() === 0 || !model.ok} onClick={() => void solveAllScenarios()}>
              {t('workflow.solveAll.button', { n: pending() })}
            </button>
          </>
        }
      >
        <Match when={running()}>
          {(p) => (
            <div class="solve-all-progress" role="status" aria-live="polite" data-done={p().done} data-total={p().total}>
              <progress max={Math.max(1, p().total)} value={p().done} aria-label={t('workflow.solveAll.progressLabel')} />
              <span class="progress-text">
                {t('workflow.solveAll.progress', { n: p().done, total: p().total })}
                <Show when={p().current.length > 0}> · {t('workflow.solveAll.current', { names: p().current.join(t('workflow.listSep')) })}</Show>
              </span>
              <button type="button" class="danger" disabled={p().stopping} onClick={cancelSolveAll}>
                {p().stopping ? t('workflow.solveAll.stopping') : t('workflow.solveAll.cancel')}
              </button>
            </div>
          )}
        </Match>
      </Switch>
      <Show when={outcome()}>
        {(p) => (
          <p class={p().phase === 'error' ? 'field-error' : 'note'} data-testid="solve-all-outcome" data-solved={p().solved} data-total={p().total}>
            {summary(p())}
          </p>
        )}
      </Show>
    </section>
  );
}
