/** Messages about local storage (IndexedDB) that the planner may see. */
const zh = {
  'store.unavailable': '浏览器不允许本地存储（IndexedDB），方案无法保存。请关闭隐私/无痕模式后重试。',
  'store.upgradeBlocked': '另一个标签页正在使用旧版本的工作台，请关闭其他标签页后刷新。',
  'store.newVersion': '另一个标签页打开了新版本的工作台，请刷新本页（已保存的内容不会丢失）。',
};

const en = {
  'store.unavailable': 'The browser does not allow local storage (IndexedDB), so scenarios cannot be saved. Leave private mode and try again.',
  'store.upgradeBlocked': 'Another tab runs an older version of the workbench; close the other tabs and reload.',
  'store.newVersion': 'A newer version of the workbench was opened in another tab; reload this page (everything saved is kept).',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
