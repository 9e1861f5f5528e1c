/** Short messages at the foot of the page (polite live region), optionally with one action such as Undo. */
import { createRoot, createSignal } from 'solid-js';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const state = createRoot(() => {
  const [notices, setNotices] = createSignal<Notice[]>([]);
  return { notices, setNotices };
});

let next = 1;

export const notices = state.notices;

export function dismiss(id: number): void {
  state.setNotices((all) => all.filter((n) => n.id !== id));
}

/** Shows a notice; it closes itself after `ms` (errors stay until dismissed). */
export function notify(n: Omit<Notice, 'id'>, ms = 12_000): number {
  const id = next++;
  state.setNotices((all) => [...all.slice(-3), { ...n, id }]);
  if (n.kind !== 'error') setTimeout(() => dismiss(id), ms);
  return id;
}

/** What went wrong, for a notice: the error's name (QuotaExceededError, …) and message. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}
