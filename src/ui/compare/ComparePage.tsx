import { createMemo, createSignal, For, Show, Suspense } from 'solid-js';
import { t } from '../i18n';
import { dataset } from '../state/model';
import { latestRunByScenario, scenarios } from '../state/scenarios';
import { SolveAll } from '../scenarios/SolveAll';
import { solveAllPhase, staleScenarios } from '../state/solve-all';
import { runScenario } from '../shell/RunInfo';
import { CompareView } from './CompareView';

const KEY = 'quota-workbench.compare';
export const MAX_COMPARE = 4;

function storedSelection(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Two to four scenarios side by side, each by its newest run. */
export function ComparePage() {
  const [chosen, setChosen] = createSignal<string[]>(storedSelection());
  const solved = createMemo(() => scenarios().filter((s) => latestRunByScenario().has(s.id)));
  /** The chosen scenarios that still exist and have a run; by default the first two solved. */
  const selected = createMemo(() => {
    const ok = new Set(solved().map((s) => s.id));
    const c = chosen().filter((id) => ok.has(id));
    return c.length > 0 || chosen().length > 0 ? c : solved().slice(0, 2).map((s) => s.id);
  });
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected(), id].slice(0, MAX_COMPARE) : selected().filter((x) => x !== id);
    setChosen(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      /* kept for this page only */
    }
  };
  const runs = createMemo(() =>
    selected().flatMap((id) => {
      const s = scenarios().find((x) => x.id === id);
      const run = latestRunByScenario().get(id);
      return s && run ? [{ name: s.name, report: run.report, scenario: runScenario(run) }] : [];
    }),
  );
  return (
    <section class="page compare-page">
      <h2>{t('shell.page.compare')}</h2>
      {/* out-of-date runs compare old answers: solving them all is one click from here (quiet when all are up to date) */}
      <Show when={staleScenarios().length > 0 || solveAllPhase().phase !== 'idle'}>
        <SolveAll />
      </Show>
      <Show when={solved().length >= 2} fallback={<p class="empty">{t('shell.compare.needTwo')}</p>}>
        <fieldset class="compare-pick">
          <legend>{t('shell.compare.pick', { max: MAX_COMPARE })}</legend>
          <For each={solved()}>
            {(s) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={selected().includes(s.id)}
                  disabled={!selected().includes(s.id) && selected().length >= MAX_COMPARE}
                  onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                />
                {s.name}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={runs().length >= 2} fallback={<p class="empty">{t('shell.compare.pickTwo')}</p>}>
          <Suspense fallback={<p class="muted">{t('shell.loading')}</p>}>
            <CompareView runs={runs()} dataset={dataset()} />
          </Suspense>
        </Show>
      </Show>
    </section>
  );
}
