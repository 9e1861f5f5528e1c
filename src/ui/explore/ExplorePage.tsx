import type { JSX } from 'solid-js';
import { t } from '../i18n';

export function ExplorePage(): JSX.Element {
  return (
    <section class="page explore-page">
      <h2>{t('shell.page.explore')}</h2>
    </section>
  );
}
