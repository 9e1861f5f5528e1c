/** Hash routes (#/plan, #/editor …): work from a file server and offline, no router library needed. */
import { createRoot, createSignal } from 'solid-js';

export const PAGES = ['plan', 'scenarios', 'editor', 'results', 'compare', 'explore', 'export'] as const;
export type Page = (typeof PAGES)[number];

export const DEFAULT_PAGE: Page = 'scenarios';

export interface Route {
  page: Page;
  /** the part after the page, e.g. an anchor inside the editor */
  rest: string;
}

export function parseHash(hash: string): Route {
  const [page = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { page: (PAGES as readonly string[]).includes(page) ? (page as Page) : DEFAULT_PAGE, rest: rest.join('/') };
}

const state = createRoot(() => {
  const [route, setRoute] = createSignal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
  if (typeof window !== 'undefined') window.addEventListener('hashchange', () => setRoute(parseHash(location.hash)));
  return { route, setRoute };
});

export const route = state.route;

export function href(page: Page, rest = ''): string {
  return `#/${page}${rest ? `/${rest}` : ''}`;
}

export function navigate(page: Page, rest = ''): void {
  const next = href(page, rest);
  if (typeof location !== 'undefined' && location.hash !== next) location.hash = next;
  else state.setRoute(parseHash(next));
}

/** Brings a section into view and moves keyboard focus to its heading (for links to #/page/section). */
export function focusSection(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.querySelector<HTMLElement>('h3[tabindex]')?.focus({ preventScroll: true });
}
