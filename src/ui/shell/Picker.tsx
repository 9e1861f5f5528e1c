/** A labelled drop-down that picks one item of a list by its key (a stored run, a sweep, a mineral). */
import { For, type JSX } from 'solid-js';

export function Picker<T>(props: {
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  text: (item: T) => JSX.Element;
  /** the key of the item shown now */
  picked: string | null | undefined;
  onPick: (key: string) => void;
}): JSX.Element {
  return (
    <label class="inline">
      {props.label}
      <select onChange={(e) => props.onPick(e.currentTarget.value)}>
        <For each={props.items}>
          {(item) => (
            <option value={props.keyOf(item)} selected={props.keyOf(item) === props.picked}>
              {props.text(item)}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
