import { For, Show } from 'solid-js';
import { t } from '../i18n';
import { currentScenario, scenarios, selectScenario } from '../state/scenarios';

/** The scenario every page works on; changing it here changes it everywhere. */
export function ScenarioPicker() {
  return (
    <div class="picker">
      <label for="current-scenario">{t('shell.current')}</label>
      <Show when={scenarios().length > 0} fallback={<span class="muted">{t('shell.noScenario')}</span>}>
        <select id="current-scenario" onChange={(e) => selectScenario(e.currentTarget.value)}>
          <For each={scenarios()}>
            {(s) => (
              <option value={s.id} selected={s.id === currentScenario()?.id}>
                {s.name}
              </option>
            )}
          </For>
        </select>
      </Show>
    </div>
  );
}
