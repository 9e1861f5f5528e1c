/**
 * Sentences that name a scenario field by its label (src/domain/field-labels.ts)
 * rather than its path (issue 10 item 6): the infeasibility explanation says
 * which field to set to what. `field` carries its unit, so the figure has none.
 */
const zh = {
  'results.relax.setAtLeast': '把『{{field}}』设为至少 {{to}}（现为 {{from}}，放宽 {{amount}}）。',
  'results.relax.setAtMost': '把『{{field}}』设为至多 {{to}}（现为 {{from}}，放宽 {{amount}}）。',
  'results.cause.noMine.field': '此矿种最小一级的最低开采规模 {{min}} 高于单矿最大年产量 {{largest}} {{unit}}，不可能有此矿种的矿山；只能降低{{subject}}或『{{field}}』。',
};

const en = {
  'results.relax.setAtLeast': 'Set ‘{{field}}’ to at least {{to}} (now {{from}}; {{amount}} more).',
  'results.relax.setAtMost': 'Set ‘{{field}}’ to at most {{to}} (now {{from}}; {{amount}} less).',
  'results.cause.noMine.field': "No mine of this mineral can exist: the smallest class's minimum scale {{min}} is above the largest mine {{largest}} {{unit}}; only lowering {{subject}} or ‘{{field}}’ helps.",
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
