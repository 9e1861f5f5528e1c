/** Stored sweeps (Explore page): the state of a sweep a closed page cut short. */
const zh = {
  'explore.sweep.state.interrupted': '未完成（页面已关闭）',
};

const en = {
  'explore.sweep.state.interrupted': 'interrupted',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
