const zh = {
  'pager.showing': '第 {{from}}–{{to}} 行，共 {{total}} 行',
  'pager.prev': '上一页',
  'pager.next': '下一页',
  'pager.nav': '表格分页',
};

const en = {
  'pager.showing': 'Rows {{from}}–{{to}} of {{total}}',
  'pager.prev': 'Previous page',
  'pager.next': 'Next page',
  'pager.nav': 'Table pages',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
