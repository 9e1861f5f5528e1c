import { Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { draftCheck, draftId } from '../state/draft';
import { cancelSolve, clearSolvePhase, elapsedSec, isSolving, solvePhase, solveCurrent } from '../state/solve';
import { href, navigate } from './router';

/** Solve the current scenario from any page; shows progress, Cancel, and the outcome. */
export function SolveBar() {
  const invalid = () => {
    const c = draftCheck();
    return c !== null && !c.ok ? c.problems.length : 0;
  };
  const solve = async () => {
    const run = await solveCurrent();
    if (run) navigate('results');
  };
  return (
    <div class="solve-bar">
      <button
        type="button"
        class="primary"
        disabled={isSolving() || draftId() === null || invalid() > 0}
        title={invalid() > 0 ? t('shell.solve.fixFirst', { n: invalid() }) : t('shell.solve.hint')}
        aria-keyshortcuts="Control+Enter"
        onClick={() => void solve()}
      >
        {t('shell.solve.button')}
      </button>
      <Switch>
        <Match when={isSolving()}>
          <progress class="busy" aria-label={t('shell.solve.progress')} />
          <span class="elapsed" aria-live="off">
            {t('shell.solve.elapsed', {
              s: elapsedSec().toFixed(1),
              limit: (() => {
                const p = solvePhase();
                return p.phase === 'running' ? p.timeLimitSec : 0;
              })(),
            })}
          </span>
          <button type="button" onClick={cancelSolve}>
            {t('shell.solve.cancel')}
          </button>
        </Match>
        <Match when={invalid() > 0}>
          <a class="warn" href={href('editor')}>
            {t('shell.solve.fixFirst', { n: invalid() })}
          </a>
        </Match>
        <Match when={solvePhase().phase === 'error'}>
          <span class="error" role="alert">
            {(() => {
              const p = solvePhase();
              return p.phase === 'error' ? p.message : '';
            })()}
          </span>
          <button type="button" class="icon" aria-label={t('shell.dismiss')} onClick={clearSolvePhase}>
            ×
          </button>
        </Match>
        <Match when={solvePhase().phase === 'done'}>
          <Show when={(() => { const p = solvePhase(); return p.phase === 'done' ? p : null; })()}>
            {(p) => (
              <span class="ok">
                {t('shell.solve.done', { status: t(`shell.solve.status.${p().status}`), s: (p().ms / 1000).toFixed(1) })}
              </span>
            )}
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
