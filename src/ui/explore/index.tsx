/**
 * The Explore page (探索), loaded on first use so that its charts and the
 * exploration engine stay out of the first page load.
 */
import { lazy, Suspense, type JSX } from 'solid-js';
import { t } from '../i18n';

const Page = lazy(async () => ({ default: (await import('./ExplorePage')).ExplorePage }));

export function ExplorePage(): JSX.Element {
  return (
    <Suspense fallback={<p class="muted">{t('explore.loading')}</p>}>
      <Page />
    </Suspense>
  );
}
