/**
 * The size classes of a mine (大型, 中型, 小型 of 专栏21), said once for every
 * layer: a table's column, a chart's legend, a field's label, a reason. The
 * English is lower-case, as inside a sentence; a heading capitalises its
 * first letter (present/names.ts asHeading).
 */
import type { SizeClass } from '../dataset';

const zh = {
  'size.large': '大型',
  'size.medium': '中型',
  'size.small': '小型',
} satisfies Record<`size.${SizeClass}`, string>;

const en = {
  'size.large': 'large',
  'size.medium': 'medium',
  'size.small': 'small',
} satisfies Record<keyof typeof zh, string>;

export default { zh, en };
