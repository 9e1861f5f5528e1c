import type { FeatureDict } from '..';

/** The preset list's disclosure: a long description shows its first lines until the planner asks for all of it. */
const dict: FeatureDict = {
  zh: {
    'presets.more': '展开全文',
    'presets.less': '收起',
  },
  en: {
    'presets.more': 'Show all',
    'presets.less': 'Show less',
  },
};

export default dict;
