/**
 * The Explore page (探索), loaded on first use so that its charts and the
 * exploration engine stay out of the first page load.
 */
import { Suspense, type JSX } from 'solid-js';
import { t } from '../i18n';
import { lazyView } from '../shell/lazy-view';

// a failed load (offline without the chunk) shows an error with Retry, not "loading" for ever
const Page = lazyView(() => import('./ExplorePage'), (m) => m.ExplorePage, () => t('explore.loading'));

export function ExplorePage(): JSX.Element {
  return (
    <Suspense fallback={<p class="muted">{t('explore.loading')}</p>}>
      <Page />
    </Suspense>
  );
}
