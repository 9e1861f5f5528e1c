/**
 * The domain's range and id checks in Chinese. The checks write English (the
 * CLI prints it as is, like zod's own reasons); the UI shows a planner
 * reading Chinese this text instead, figure and reason kept.
 */
import { AMOUNT_TOO_BIG, COUNT_TOO_BIG, MAX_AMOUNT, MAX_COUNT, NOT_NEGATIVE, RESERVED_MESSAGE, SCALE_ABOVE_ZERO } from './dataset';

const CLASS_ZH: Record<string, string> = { large: '大型', medium: '中型', small: '小型' };
const cls = (k: string | undefined) => CLASS_ZH[k ?? ''] ?? k ?? '';

/** Each assumption rule's reason (dataset.ts ASSUMPTION_RULES, assumptionRule) in Chinese. */
const WHY_ZH: Record<string, string> = {
  'a mine lasts some years: 0 would make its largest output infinite': '矿山服务年限必须大于 0：0 年会使最大矿山产量无穷大',
  'output per km² of a zone cannot be negative': '开采区每平方公里产量不能为负',
  'a mine takes some land: 0 would allow infinitely many mines': '每个矿山都要占地：0 会允许无穷多个矿山',
  'tonnes per m³ of rock: above 0 (0 erases the mineral when converting), at most 25 (the densest element is 22.6)':
    '岩石每立方米的吨数：大于 0（0 会在换算时抹掉该矿种），不超过 25（最重的元素为 22.6）',
  'people are counted: not negative, and someone must live there for demand to be shared': '人口是计数：不能为负，且需有人口才能分配需求',
  'a road distance is not negative and shorter than the equator': '道路距离不能为负，且短于赤道长度',
  'output is worth something or nothing, never less': '产值可以为零，但不能为负',
  'demand cannot be negative': '需求不能为负',
  "1 reads the printed figure in the mineral's own unit, 0 converts it": '1 表示按矿种自身单位读取印刷数值，0 表示换算',
  'output cannot be negative': '产量不能为负',
  'a share of 2020 output: -1 closes the mines outside the zones, below that output would be negative': '2020年产量的比例：-1 关闭区外矿山，更低则产量为负',
  'mines are counted in whole numbers': '矿山数为整数',
  'a mine of no output is no mine: a scale of 0 would remove its class': '产量为 0 的矿山不是矿山：规模为 0 会删除该规模类别',
};

const why = (en: string | undefined) => WHY_ZH[en ?? ''] ?? en ?? '';

function rangeZh(en: string): string {
  if (en === '0 or 1') return '0 或 1';
  const r = /^(a whole number )?(above|from) (\S+) (and at most|to) (\S+)$/.exec(en);
  if (!r) return en;
  return `${r[1] ? '整数，' : ''}${r[2] === 'above' ? `大于 ${r[3]} 且不超过 ${r[5]}` : `${r[3]} 至 ${r[5]}`}`;
}

const FORM_ZH: Record<string, string> = { number: '数值', 'map {key: number}': '映射 {键: 数值}', 'matrix {key: {key: number}}': '矩阵 {键: {键: 数值}}' };

const EXACT: Record<string, string> = {
  [RESERVED_MESSAGE]: '此名称为保留名（toString、constructor、valueOf 等），请换一个 id',
  'the key __proto__ is not allowed: it is a reserved name in JavaScript': '不允许使用键 __proto__：它是 JavaScript 的保留名',
  [AMOUNT_TOO_BIG]: `不超过 ${MAX_AMOUNT}（本单位）：更大的数值会使求解器失去精度`,
  [COUNT_TOO_BIG]: `不超过 ${MAX_COUNT}：规划中的矿山数以百计`,
  [NOT_NEGATIVE]: '不能为负：它是数量、个数或距离',
  [SCALE_ABOVE_ZERO]: '必须大于 0：产量为 0 的矿山不是矿山，0 会删除该规模类别或整个矿种',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^a weight is 0 \(term off\) or from (\S+) to (\S+)$/, (m) => `权重为 0（不计此项）或在 ${m[1]} 至 ${m[2]} 之间`],
  [/^the weights of .* are all 0/, () => '产值、矿山数、运输、未满足需求的权重（含预设值）全为 0：没有任何一项要求产出，结果将是不开采'],
  [/^only the large class's maximum can be set: a (\w+) mine/, (m) => `只能设定大型矿山的最大规模：${cls(m[1])}矿山的最大规模即上一级的最小规模（请改设 minScale）`],
  [/^maximum (\S+) is below the minimum (\S+) \((\S+)\): no (\w+) mine could exist$/, (m) => `最大规模 ${m[1]} 低于最小规模 ${m[2]}（${m[3]}）：不可能有${cls(m[4])}矿山`],
  [
    /^the (\w+) minimum (\S+) is not above the (\w+) minimum (\S+): the (\w+) class would be dropped$/,
    (m) => `${cls(m[1])}最小规模 ${m[2]} 不高于${cls(m[3])}最小规模 ${m[4]}：${cls(m[5])}类别将被舍弃`,
  ],
  [
    /^the largest mine (\S+) is below the smallest class's minimum (\S+) \((\w+)\): no mine of (\S+) could exist$/,
    (m) => `最大矿山规模 ${m[1]} 低于最小类别（${cls(m[3])}）的最小规模 ${m[2]}：${m[4]} 不可能有任何矿山`,
  ],
  [/^must be a (.+) as in the model, not a (.+)$/, (m) => `须与模型相同，为${FORM_ZH[m[1] ?? ''] ?? m[1]}，而非${FORM_ZH[m[2] ?? ''] ?? m[2]}`],
  [/^must be a (map|matrix) .* \((.+)\)$/, (m) => `须为${m[1] === 'map' ? FORM_ZH['map {key: number}'] : FORM_ZH['matrix {key: {key: number}}']}（${why(m[2])}）`],
  [/^(\S+) is out of range: (.+?) \((.+)\)$/, (m) => `${m[1]} 超出范围：${rangeZh(m[2] ?? '')}（${why(m[3])}）`],
  [/^every figure is 0 \((.+)\)$/, (m) => `所有数值均为 0（${why(m[1])}）`],
  [/^(\S+) is beyond ±(\S+)$/, (m) => `${m[1]} 超出 ±${m[2]}`],
  [/^a list of (\d+) items with problems, too many to check one by one/, (m) => `列表有 ${m[1]} 项且含有问题，过多，无法逐项检查：请先更正此列表`],
  [/^and (\d+) more problems? \(only the first (\d+) are listed\)$/, (m) => `另有 ${m[1]} 个问题（只列出前 ${m[2]} 个）`],
  [/^at most (\d+) s \(about 23 days/, (m) => `不超过 ${m[1]} 秒（约 23 天；求解器的计时器以 32 位整数计毫秒）`],
];

/** The Chinese of a message the domain's range and id checks write, or null for any other. */
export function domainMessageZh(message: string): string | null {
  if (Object.hasOwn(EXACT, message)) return EXACT[message] ?? null;
  for (const [re, zh] of PATTERNS) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return null;
}
