/**
 * Offline use: a service worker (public/sw.js) keeps a copy of every file the
 * workbench loads, and soon after start-up the parts that are otherwise loaded
 * on first use (results, compare and export views, the solver worker and its
 * wasm) are fetched once, so that a planner who opened the workbench online
 * can later open and use all of it offline. Production builds only.
 */
import { warmSolver } from './solve';

export function registerOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('offline copy unavailable:', e));
}

/** Resolves once the service worker controls the page (or after `ms`, or at once when there is none). */
function controlled(ms: number): Promise<void> {
  const sw = typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (!import.meta.env.PROD || !sw || sw.controller) return Promise.resolve();
  return new Promise((ok) => {
    const done = () => ok();
    sw.addEventListener('controllerchange', done, { once: true });
    setTimeout(done, ms);
  });
}

/**
 * Fetches the lazily loaded parts once the page is idle and the offline copy
 * is in place (they also load faster when first used).
 */
export function warmUp(): void {
  const idle = (fn: () => void) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1500);
  void controlled(10_000).then(() => idle(() => {
    void import('../results/ResultsView').catch(() => undefined);
    void import('../compare/CompareView').catch(() => undefined);
    void import('../results/ExportPanel').catch(() => undefined);
    void warmSolver();
  }));
}
