/**
 * The app's modal dialog (a <dialog> opened with showModal, so the rest of
 * the page is inert until the planner answers; Escape is the dialog's own
 * cancel), and a yes/no question built on it.
 */
import { onMount, type JSX } from 'solid-js';

export function Modal(props: { id: string; onCancel: () => void; class?: string; children: JSX.Element }) {
  let el!: HTMLDialogElement;
  onMount(() => el.showModal());
  return (
    <dialog
      ref={el}
      class={`modal ${props.class ?? ''}`}
      role="alertdialog"
      aria-labelledby={`${props.id}-h`}
      aria-describedby={`${props.id}-d`}
      data-testid={props.id}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      {props.children}
    </dialog>
  );
}

/** Asks before an action: a title, what will happen, OK (the action's own words) and Cancel. */
export function ConfirmDialog(props: { id: string; title: string; body: string; ok: string; cancel: string; onOk: () => void; onCancel: () => void }) {
  return (
    <Modal id={props.id} class="confirm" onCancel={props.onCancel}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <p id={`${props.id}-d`}>{props.body}</p>
      <div class="modal-actions">
        <button type="button" class="primary" onClick={() => props.onOk()}>
          {props.ok}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {props.cancel}
        </button>
      </div>
    </Modal>
  );
}
