/** The phase of a background job of the app (Solve all, quota ranges): a signal the module owns, not a component, and whether the job runs. */
import { createRoot, createSignal } from 'solid-js';

export function jobPhase<P extends { phase: string }>(initial: P) {
  const [phase, setPhase] = createRoot(() => createSignal<P>(initial));
  return { phase, setPhase, running: (): boolean => phase().phase === 'running' };
}
