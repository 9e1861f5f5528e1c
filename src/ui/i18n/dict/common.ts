const zh = {
  'common.appTitle': '和田地区矿产开采指标工作台',
  'common.language': '语言',
};

const en = {
  'common.appTitle': 'Hotan mineral quota workbench',
  'common.language': 'Language',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
