import { Show } from 'solid-js';
import { t } from '../i18n';
import { draftId, saveError, saveState, showSaveFailure } from '../state/draft';

/** "Saved" / "Saving…": the planner can see that nothing typed is lost; a failed save reopens its notice from here. */
export function SaveIndicator() {
  const label = () => {
    const state = saveState();
    return state === 'conflict' ? t('save.conflict') : t(`shell.save.${state}`);
  };
  return (
    <Show when={draftId() !== null}>
      <Show
        when={saveState() === 'error'}
        fallback={
          <span class={`save-state save-${saveState()}`} role="status" data-state={saveState()}>
            {label()}
          </span>
        }
      >
        <button type="button" class={`save-state save-error`} data-state="error" title={`${saveError() ?? ''} · ${t('save.reopen')}`} onClick={() => showSaveFailure(true)}>
          {label()}
        </button>
      </Show>
    </Show>
  );
}
