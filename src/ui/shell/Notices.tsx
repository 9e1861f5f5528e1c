import { For, Show } from 'solid-js';
import { t } from '../i18n';
import { dismiss, notices } from '../state/notices';

/** The notice area: a polite live region, so screen readers hear "deleted … Undo". */
export function Notices() {
  return (
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
  );
}
