import type { FeatureDict } from '..';

/** Stored sweeps (Explore page): the state of a sweep a closed page cut short. */
const dict: FeatureDict = {
  zh: {
    'explore.sweep.state.interrupted': '未完成（页面已关闭）',
  },
  en: {
    'explore.sweep.state.interrupted': 'interrupted',
  },
};
export default dict;
