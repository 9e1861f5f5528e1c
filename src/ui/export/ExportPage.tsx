import { createMemo, Show, Suspense } from 'solid-js';
import { t } from '../i18n';
import { draft, draftCheck } from '../state/draft';
import { dataset } from '../state/model';
import { currentScenario, latestRunByScenario } from '../state/scenarios';
import { downloadScenario } from '../shell/download';
import { RunInfo, runScenario } from '../shell/RunInfo';
import { ExportPanel } from './ExportPanel';
import { scenarioLp } from '../state/solve';

/** Files for the current scenario: its JSON always; quotas, workbook, LP, the printable and the Word report once it is solved. */
export function ExportPage() {
  const run = createMemo(() => {
    const id = currentScenario()?.id;
    return id ? latestRunByScenario().get(id) : undefined;
  });
  const exportJson = () => {
    const d = draft();
    const s = currentScenario();
    if (d && s) downloadScenario(d, s.name);
  };
  return (
    <section class="page export-page">
      <h2>
        {t('shell.page.export')}
        <Show when={currentScenario()}>{(s) => <span class="sub"> — {s().name}</span>}</Show>
      </h2>
      <Show when={currentScenario()} fallback={<p class="empty">{t('shell.noScenario')}</p>}>
        <div class="export-block">
          <h3>{t('shell.export.scenarioJson')}</h3>
          <p class="muted">{t('shell.export.scenarioJsonHint')}</p>
          <button type="button" disabled={!draftCheck()?.ok} onClick={exportJson}>
            {t('scenarios.export')}
          </button>
          <Show when={draftCheck() && !draftCheck()?.ok}>
            <span class="warn"> {t('shell.solve.fixFirst', { n: draftCheck()?.problems.length ?? 0 })}</span>
          </Show>
        </div>
        <Show when={run()} fallback={<p class="empty">{t('shell.results.none')}</p>}>
          {(r) => (
            <div class="export-block">
              <RunInfo run={r()} current={draft()} />
              <Suspense fallback={<p class="muted">{t('shell.loading')}</p>}>
                <ExportPanel report={r().report} dataset={dataset()} scenario={runScenario(r())} ranAt={r().createdAt} getLp={() => scenarioLp(runScenario(r()))} />
              </Suspense>
            </div>
          )}
        </Show>
      </Show>
    </section>
  );
}
