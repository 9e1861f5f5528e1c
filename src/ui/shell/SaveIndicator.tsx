import { Show } from 'solid-js';
import { t } from '../i18n';
import { draftId, saveError, saveState } from '../state/draft';

/** "Saved" / "Saving…": the planner can see that nothing typed is lost. */
export function SaveIndicator() {
  return (
    <Show when={draftId() !== null}>
      <span class={`save-state save-${saveState()}`} role="status" data-state={saveState()} title={saveError() ?? ''}>
        {t(`shell.save.${saveState()}`)}
      </span>
    </Show>
  );
}
