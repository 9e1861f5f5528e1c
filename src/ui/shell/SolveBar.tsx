import { createRoot, createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { draftCheck, draftId } from '../state/draft';
import { cancelSolve, clearSolvePhase, elapsedSec, isSolving, solvePhase, solveCurrent } from '../state/solve';
import { href, navigate } from './router';

const GO_KEY = 'quota-workbench.solve.goToResults';

/** The planner's choice, kept across reloads; unset means go, as Solve always did. */
function storedGo(): boolean {
  try {
    return localStorage.getItem(GO_KEY) !== 'false';
  } catch {
    return true;
  }
}

const go = createRoot(() => createSignal(storedGo()));
/** Whether a finished solve opens its results, or the planner stays on the page (to tune and solve again). */
export const goToResults = go[0];

export function setGoToResults(on: boolean): void {
  go[1](on);
  try {
    localStorage.setItem(GO_KEY, String(on));
  } catch {
    /* the choice lasts for this page only */
  }
}

/** Solves the current scenario (the button and Ctrl+Enter), then shows the results if the planner wants them. */
export async function solveAndShow(): Promise<void> {
  const run = await solveCurrent();
  if (run && goToResults()) navigate('results');
}

/** Solve the current scenario from any page; shows progress, Cancel, and the outcome. */
export function SolveBar() {
  const invalid = () => {
    const c = draftCheck();
    return c !== null && !c.ok ? c.problems.length : 0;
  };
  return (
    <div class="solve-bar">
      <button
        type="button"
        class="primary"
        disabled={isSolving() || draftId() === null || invalid() > 0}
        title={invalid() > 0 ? t('shell.solve.fixFirst', { n: invalid() }) : t('shell.solve.hint')}
        aria-keyshortcuts="Control+Enter"
        onClick={() => void solveAndShow()}
      >
        {t('shell.solve.button')}
      </button>
      <label class="check solve-go">
        <input type="checkbox" checked={goToResults()} onChange={(e) => setGoToResults(e.currentTarget.checked)} />
        {t('workflow.solve.goToResults')}
      </label>
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
