import type { FeatureDict } from '..';

const dict: FeatureDict = {
  zh: {
    'common.appTitle': '和田地区矿产开采指标工作台',
    'common.language': '语言',
  },
  en: {
    'common.appTitle': 'Hotan mineral quota workbench',
    'common.language': 'Language',
  },
};
export default dict;
