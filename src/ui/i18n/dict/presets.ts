/** The preset list's disclosure: a long description shows its first lines until the planner asks for all of it. */
const zh = {
  'presets.more': '展开全文',
  'presets.less': '收起',
};

const en = {
  'presets.more': 'Show all',
  'presets.less': 'Show less',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
