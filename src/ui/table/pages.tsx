/**
 * A long table shown a page at a time. A sweep has up to 10,000 points: as
 * one table, every redraw of a running sweep and the sort at its end laid
 * out and painted every row (the longest tasks of a 225-point grid); a page
 * keeps that work to its own rows, whatever the sweep's size. The page
 * stays where the planner put it while rows come in.
 */
import { createMemo, createSignal, Show, type Accessor, type JSX } from 'solid-js';
import { t } from '../i18n';

export const PAGE_ROWS = 50;

export interface Pages<R> {
  /** the rows of the page shown */
  rows: Accessor<readonly R[]>;
  /** the page's place and the buttons to move, when there is more than one page */
  Controls: () => JSX.Element;
}

export function pagesOf<R>(all: Accessor<readonly R[]>, size = PAGE_ROWS): Pages<R> {
  const [asked, setAsked] = createSignal(0);
  const count = () => Math.max(1, Math.ceil(all().length / size));
  const page = () => Math.min(asked(), count() - 1);
  const rows = createMemo(() => all().slice(page() * size, (page() + 1) * size), [], {
    // new rows after this page leave it as it is: nothing to draw again
    equals: (a, b) => a.length === b.length && a.every((r, i) => r === b[i]),
  });
  const Controls = () => (
    <Show when={count() > 1}>
      <nav class="pager" aria-label={t('pager.nav')}>
        <button type="button" disabled={page() === 0} onClick={() => setAsked(page() - 1)} aria-label={t('pager.prev')}>
          ‹
        </button>
        <span class="pager-place">
          {t('pager.showing', { from: page() * size + 1, to: Math.min(all().length, (page() + 1) * size), total: all().length })}
        </span>
        <button type="button" disabled={page() >= count() - 1} onClick={() => setAsked(page() + 1)} aria-label={t('pager.next')}>
          ›
        </button>
      </nav>
    </Show>
  );
  return { rows, Controls };
}
