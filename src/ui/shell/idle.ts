/**
 * Runs `fn` when the page is next idle, and at the latest after `timeoutMs`;
 * where the browser cannot say when it is idle, after `fallbackMs`.
 */
export function whenIdle(fn: () => void, timeoutMs: number, fallbackMs = 0): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: timeoutMs });
  else setTimeout(fn, fallbackMs);
}
