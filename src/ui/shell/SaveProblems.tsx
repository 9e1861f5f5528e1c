/**
 * The two ways an edit can fail to reach the database, each as a modal
 * dialog the planner has to answer, because a small label was easy to miss
 * and a reload then lost the edit:
 * - the save failed (storage full, database gone): the edit is only in this
 *   page; download it as a scenario file, try again, or keep editing;
 * - another tab saved the same fields at the same time: for each field, keep
 *   this tab's value or the other tab's; the choice is then saved.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import { jsonPath, type Path } from '../../store';
import { fieldId } from '../editor/fields';
import { t } from '../i18n';
import { draft, draftId, flushDraft, resolveConflict, saveConflict, saveFailure, saveState, showSaveFailure, type SaveConflict } from '../state/draft';
import { scenarios } from '../state/scenarios';
import { downloadScenario } from './download';
import { Modal } from './Modal';
import { label, Table, type Column } from '../table/Table';

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
  const text = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : null;
  return text ?? el?.getAttribute('aria-label') ?? null;
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
  const lines = createMemo(() => props.conflict.merge.conflicts.map((c, i) => ({ ...c, i, path: jsonPath(c.path), label: fieldLabel(c.path) })));
  type Line = ReturnType<typeof lines>[number];
  /** a column of radio buttons that keep one side's values */
  const side = (theirs: boolean): Column<Line> => ({
    header: label(theirs ? 'save.conflict.theirs' : 'save.conflict.yours'),
    cell: (l) => (
      <Choice
        name={`conflict-${l.i}`}
        checked={keepTheirs().has(l.i) === theirs}
        onChoose={() => choose(l.i, theirs)}
        label={t(theirs ? 'save.conflict.keepTheirs' : 'save.conflict.keepYours', { path: l.path })}
        value={theirs ? l.theirs : l.mine}
      />
    ),
  });
  const columns: Column<Line>[] = [
    {
      header: label('save.conflict.field'),
      cell: (l) => (
        <th scope="row">
          <Show when={l.label}>{(x) => <div>{x()}</div>}</Show>
          <code>{l.path}</code>
        </th>
      ),
    },
    side(false),
    side(true),
  ];
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
        <Table class="grid" columns={columns} rows={lines()} rowProps={(l) => ({ 'data-path': l.path })} />
        <div class="modal-actions">
          <button type="submit" class="primary">
            {t('save.conflict.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
