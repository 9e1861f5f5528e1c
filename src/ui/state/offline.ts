/**
 * Offline use and updates. The service worker (src/offline/sw.js, written into
 * the build with its file list by scripts/sw-plugin.ts) stores every file of
 * the build when it installs, so a planner who opened the workbench online can
 * later open and use all of it offline. Production builds only.
 *
 * A new deployment installs beside the running one and waits. This tab keeps
 * running the build it loaded (the worker serves it from that build's cache)
 * and offers "a new version is ready — reload"; the new build takes over only
 * when the planner clicks, and that tab then reloads itself. Other open tabs
 * keep working on their build and get the same offer.
 */
import { warmSolver } from './solve';
import { t } from '../i18n';
import { notify } from './notices';
import { whenIdle } from '../shell/idle';

/** Notices close themselves after a delay; the offer stays up (the longest delay a timer takes). */
const UNTIL_DISMISSED_MS = 2 ** 31 - 1;

let registration: ServiceWorkerRegistration | null = null;
let reloading = false;
let offered = false;

/** Lets the waiting build take over (it then controls this tab, which reloads), or reloads when it already has. */
export function applyUpdate(): void {
  reloading = true;
  const waiting = registration?.waiting;
  if (waiting) waiting.postMessage({ type: 'skip-waiting' });
  else location.reload();
}

function offerUpdate(): void {
  if (offered) return;
  offered = true;
  notify({ kind: 'info', message: t('offline.update.ready'), action: { label: t('offline.update.reload'), run: applyUpdate } }, UNTIL_DISMISSED_MS);
}

export function registerOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  // the first visit's worker takes control of the page too: that is no new version
  let controlled = sw.controller !== null;
  sw.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    else if (controlled) offerUpdate(); // another tab let a newer build in; this one still runs the one it loaded
    controlled = true;
  });
  // older builds' caches go once no tab runs them: this tab's load may be the one that frees them
  sw.controller?.postMessage({ type: 'tidy' });
  sw.register('./sw.js').then(
    // undefined where service workers are blocked (a browser policy, the browser tests)
    (reg: ServiceWorkerRegistration | undefined) => {
      if (!reg) return;
      registration = reg;
      const waitingNew = () => {
        if (reg.waiting && sw.controller) offerUpdate();
      };
      waitingNew();
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed') waitingNew();
        });
      });
      // a tab left open for days learns of a deployment when the planner comes back to it or the network returns
      const check = () => void reg.update().catch(() => undefined);
      window.addEventListener('online', check);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
    (e: unknown) => console.warn('offline copy unavailable:', e),
  );
}

/**
 * Starts the solver worker once the page is idle, so that the first solve is
 * quick. (The service worker stores every chunk when it installs; nothing
 * needs fetching for the offline copy.)
 */
export function warmUp(): void {
  whenIdle(() => void warmSolver(), 3000, 1500);
}
