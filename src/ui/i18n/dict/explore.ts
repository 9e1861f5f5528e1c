import type { FeatureDict } from '..';

/** Explore page: sweeps, the mine-count frontier, sensitivity and the path to 2025. */
const dict: FeatureDict = {
  zh: {
    // the page's name in the navigation (the shell builds `shell.page.<page>` for every page)
    'shell.page.explore': '探索',
    'explore.loading': '正在加载……',
  },
  en: {
    'shell.page.explore': 'Explore',
    'explore.loading': 'Loading…',
  },
};
export default dict;
