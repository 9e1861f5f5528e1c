/**
 * The model's assumptions (figures the plan does not give), each with its
 * reason. Changing one figure stores the whole assumption in the scenario
 * (the engine reads an assumption whole); clearing every change removes it.
 */
import { For, Show } from 'solid-js';
import type { AssumptionValue, Dataset } from '../../domain/dataset';
import { labelOf } from '../../domain/label';
import { unitLabel } from '../../domain/units';
import { canonicalJson } from '../../store';
import { lang, t } from '../i18n';
import { draft } from '../state/draft';
import { NumField, setPath } from './fields';
import { getIn, setIn } from '../../domain/json-path';

type Leaf = { keys: string[]; def: number };

function leaves(v: AssumptionValue, prefix: string[] = []): Leaf[] {
  if (typeof v === 'number') return [{ keys: prefix, def: v }];
  return Object.entries(v).flatMap(([k, x]) => leaves(x as AssumptionValue, [...prefix, k]));
}

export function AssumptionsSection(props: { d: Dataset; defaults: Record<string, AssumptionValue> }) {
  const keyLabel = (k: string) => {
    const m = props.d.minerals.find((x) => x.id === k);
    if (m) return labelOf(m.name, lang());
    const u = props.d.units.find((x) => x.id === k);
    if (u) return labelOf(u.name, lang());
    return k;
  };
  return (
    <section class="editor-section" id="ed-assumptions" aria-labelledby="ed-assumptions-h">
      <h3 id="ed-assumptions-h" tabindex="-1">{t('editor.section.assumptions')}</h3>
      <p class="intro">{t('editor.assumptionsIntro')}</p>
      <For each={props.d.assumptions}>
        {(a) => {
          const override = () => getIn(draft(), ['assumptions', a.id]);
          const set = (keys: string[], v: number | string | undefined) => {
            const def = a.value;
            const base = (override() ?? structuredClone(def)) as Record<string, unknown>;
            const next = keys.length === 0 ? (v ?? def) : setIn(base, keys, v === undefined ? getIn(def, keys) : v);
            setPath(['assumptions', a.id], canonicalJson(next) === canonicalJson(def) ? undefined : next);
          };
          return (
            <details class="assumption" open={override() !== undefined}>
              <summary>
                <span class="assumption-name">{labelOf(a.label, lang())}</span> <span class="muted mono">{a.id}</span> <span class="muted assumption-unit">({unitLabel(a.unit, lang())})</span>
                <Show when={override() !== undefined}>
                  <span class="tag">{t('editor.changed')}</span>
                </Show>
              </summary>
              <p class="reason">{a.reason}</p>
              <div class="field-row wrap">
                <For each={leaves(a.value)}>
                  {(leaf) => (
                    <NumField
                      path={['assumptions', a.id, ...leaf.keys]}
                      errorPaths={leaf.keys.length ? [] : [`$.assumptions.${a.id}`]}
                      label={leaf.keys.length ? leaf.keys.map(keyLabel).join(' → ') : labelOf(a.label, lang())}
                      def={leaf.def}
                      class="compact-label"
                      get={() => (override() === undefined ? undefined : getIn(override(), leaf.keys) === leaf.def ? undefined : getIn(override(), leaf.keys))}
                      set={(v) => set(leaf.keys, v)}
                    />
                  )}
                </For>
              </div>
              <Show when={override() !== undefined}>
                <button type="button" onClick={() => setPath(['assumptions', a.id], undefined)}>
                  {t('editor.resetAssumption')}
                </button>
              </Show>
            </details>
          );
        }}
      </For>
    </section>
  );
}
