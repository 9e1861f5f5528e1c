/** A one-line message read out at once (role="alert"), shown only while `when` holds. */
import { Show, type JSX } from 'solid-js';

export function AlertLine(props: { when: unknown; class: 'error' | 'field-error'; children: JSX.Element }): JSX.Element {
  return (
    <Show when={props.when}>
      <p class={props.class} role="alert">
        {props.children}
      </p>
    </Show>
  );
}
