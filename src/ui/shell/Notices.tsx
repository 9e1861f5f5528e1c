import { For, Show } from 'solid-js';
import { t } from '../i18n';
import { dismiss, notices } from '../state/notices';
import { SaveProblems } from './SaveProblems';

/**
 * The notice area: a polite live region, so screen readers hear "deleted … Undo";
 * and the dialogs of a save that failed or met another tab's, which need an answer.
 */
export function Notices() {
  return (
    <>
      <SaveProblems />
      <div class="notices" role="status" aria-live="polite">
      <For each={notices()}>
        {(n) => (
          <div class={`notice notice-${n.kind}`}>
            <span>{n.message}</span>
            <Show when={n.action}>
              {(a) => (
                <button
                  type="button"
                  onClick={() => {
                    dismiss(n.id);
                    void a().run();
                  }}
                >
                  {a().label}
                </button>
              )}
            </Show>
            <button type="button" class="icon" aria-label={t('shell.dismiss')} title={t('shell.dismiss')} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        )}
      </For>
      </div>
    </>
  );
}
