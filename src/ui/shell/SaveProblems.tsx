/**
 * The two ways an edit can fail to reach the database, each as a modal
 * dialog the planner has to answer, because a small label was easy to miss
 * and a reload then lost the edit:
 * - the save failed (storage full, database gone): the edit is only in this
 *   page; download it as a scenario file, try again, or keep editing;
 * - another tab saved the same fields at the same time: for each field, keep
 *   this tab's value or the other tab's; the choice is then saved.
 */
import { createSignal, For, Show } from 'solid-js';
import { jsonPath, type Path } from '../../store';
import { fieldId } from '../editor/fields';
import { t } from '../i18n';
import { draft, draftId, flushDraft, resolveConflict, saveConflict, saveFailure, saveState, showSaveFailure, type SaveConflict } from '../state/draft';
import { scenarios } from '../state/scenarios';
import { downloadScenario } from './download';
import { Modal } from './Modal';
import { ColumnHeads } from './ColumnHeads';

export function SaveProblems() {
  return (
    <>
      <Show when={saveConflict()}>{(c) => <ConflictDialog conflict={c()} />}</Show>
      <Show when={saveFailure()?.open && saveConflict() === null}>
        <FailureDialog />
      </Show>
    </>
  );
}

function FailureDialog() {
  const [retrying, setRetrying] = createSignal(false);
  const failed = () => saveFailure();
  // the latest typing when the failed scenario is still open, else what failed to save
  const latest = () => {
    const f = failed();
    return f && draftId() === f.scenarioId ? (draft() ?? f.draft) : f?.draft;
  };
  const name = () => scenarios().find((s) => s.id === failed()?.scenarioId)?.name ?? (typeof latest()?.name === 'string' ? (latest()?.name as string) : '');
  const download = () => {
    const d = latest();
    if (d) downloadScenario(d, name());
  };
  const retry = async () => {
    setRetrying(true);
    await flushDraft();
    setRetrying(false);
  };
  return (
    <Modal id="save-failed" onCancel={() => showSaveFailure(false)}>
      <h2 id="save-failed-h">{t('save.failed.title')}</h2>
      <p id="save-failed-d">{t('save.failed.body', { name: name(), reason: failed()?.message ?? '' })}</p>
      <div class="modal-actions">
        <button type="button" class="primary" onClick={download}>
          {t('save.failed.download')}
        </button>
        <button type="button" onClick={() => void retry()} disabled={retrying() || saveState() === 'saving'}>
          {retrying() ? t('save.failed.retrying') : t('save.failed.retry')}
        </button>
        <button type="button" onClick={() => showSaveFailure(false)}>
          {t('save.failed.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The editor's label of the field at a path, when the editor shows that field (else the JSON path alone says which). */
function fieldLabel(path: Path): string | null {
  const el = document.getElementById(fieldId(path));
  const label = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : null;
  return label ?? el?.getAttribute('aria-label') ?? null;
}

function shown(v: unknown): string {
  return v === undefined ? t('save.conflict.cleared') : typeof v === 'string' ? v : JSON.stringify(v);
}

/** One side of a conflicting field: a radio button with the value it keeps. */
function Choice(props: { name: string; checked: boolean; onChoose: () => void; label: string; value: unknown }) {
  return (
    <td>
      <label>
        <input type="radio" name={props.name} checked={props.checked} onChange={() => props.onChoose()} aria-label={props.label} /> {shown(props.value)}
      </label>
    </td>
  );
}

function ConflictDialog(props: { conflict: SaveConflict }) {
  const [keepTheirs, setKeepTheirs] = createSignal<ReadonlySet<number>>(new Set());
  const choose = (i: number, theirs: boolean) =>
    setKeepTheirs((s) => {
      const next = new Set(s);
      if (theirs) next.add(i);
      else next.delete(i);
      return next;
    });
  return (
    <Modal id="save-conflict" onCancel={() => undefined}>
      <h2 id="save-conflict-h">{t('save.conflict.title')}</h2>
      <p id="save-conflict-d">{t('save.conflict.body', { name: props.conflict.name })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void resolveConflict(keepTheirs());
        }}
      >
        <table class="grid">
          <ColumnHeads cols={[t('save.conflict.field'), t('save.conflict.yours'), t('save.conflict.theirs')]} />
          <tbody>
            <For each={props.conflict.merge.conflicts}>
              {(c, i) => {
                const path = jsonPath(c.path);
                const label = fieldLabel(c.path);
                return (
                  <tr data-path={path}>
                    <th scope="row">
                      <Show when={label}>{(l) => <div>{l()}</div>}</Show>
                      <code>{path}</code>
                    </th>
                    <Choice name={`conflict-${i()}`} checked={!keepTheirs().has(i())} onChoose={() => choose(i(), false)} label={t('save.conflict.keepYours', { path })} value={c.mine} />
                    <Choice name={`conflict-${i()}`} checked={keepTheirs().has(i())} onChoose={() => choose(i(), true)} label={t('save.conflict.keepTheirs', { path })} value={c.theirs} />
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <div class="modal-actions">
          <button type="submit" class="primary">
            {t('save.conflict.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
