/** Offline copy and updates (src/ui/state/offline.ts) and pages that failed to load (src/ui/shell/lazy-view.tsx, src/ui/shell/pages.ts). */
const zh = {
  'offline.update.ready': '新版本已就绪，重新加载后使用。已输入的内容均已保存。',
  'offline.update.reload': '重新加载',
  'offline.load.failed': '此页面未能加载（{{reason}}）。请检查网络连接后重试。',
  'offline.load.retry': '重试',
};

const en = {
  'offline.update.ready': 'A new version is ready: reload to use it. Everything you entered is saved.',
  'offline.update.reload': 'Reload',
  'offline.load.failed': 'This page could not be loaded ({{reason}}). Check the network connection and try again.',
  'offline.load.retry': 'Retry',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
