/**
 * The planner's name of every scenario field, by its path in the scenario
 * file (`$.rightsCaps.class12`, `caps.sand`, `countyBounds.hetian.sand.max`,
 * `objective.weights.transport`). A validation problem, an infeasibility
 * explanation, a saved sweep and the report name a field by this label and
 * unit, never by its path, which is for the file and the command line.
 *
 * The words are here, below the UI, because the export and the CLI name
 * fields too; the editor's and the Explore page's dictionaries take their
 * field labels from FIELD_TEXT, so a field reads the same everywhere.
 */
import type { Dataset } from './dataset';
import sizeWords from './dict/size';
import { isKeyOf } from './i18n';
import type { Label, Lang } from './label';
import { unitLabel } from './units';

/** Label templates (`{{mineral}}`, `{{county}}`, `{{size}}` filled in by fieldLabel; the dictionaries use the same syntax). */
export const FIELD_TEXT = {
  file: { zh: '方案文件', en: 'Scenario file' },
  format: { zh: '文件格式', en: 'File format' },
  name: { zh: '方案名称', en: 'Scenario name' },
  description: { zh: '说明', en: 'Description' },
  model: { zh: '规划模型', en: 'Plan model' },
  timeLimit: { zh: '求解时限', en: 'Solve time limit' },
  mipGap: { zh: '允许的最优差距', en: 'Allowed optimality gap' },
  capSource: { zh: '上限默认取自', en: 'Default caps from' },
  caps: { zh: '开采总量上限', en: 'Total caps' },
  capMax: { zh: '{{mineral}}开采总量上限', en: '{{mineral}} total cap' },
  capMin: { zh: '{{mineral}}开采总量下限', en: '{{mineral}} total floor' },
  rights: { zh: '矿山数上限', en: 'Mine ceilings' },
  'rights.class3': { zh: '三类（砂石土）矿山数上限', en: 'Class-3 (sand/gravel/clay) mines, at most' },
  'rights.class12': { zh: '一二类固体矿产矿山数上限', en: 'Class-1/2 solid-mineral mines, at most' },
  'rights.total': { zh: '有效矿山总数上限', en: 'Valid mines in all, at most' },
  share: { zh: '大中型矿山比例', en: 'Large/medium share' },
  shareMin: { zh: '一二类大中型矿山比例下限', en: 'Large/medium share of class-1/2 mines, at least' },
  shareMinerals: { zh: '比例适用的矿种', en: 'Minerals the share applies to' },
  minScale: { zh: '{{mineral}}{{size}}矿山规模下限', en: '{{mineral}} {{size}} mine, minimum scale' },
  maxScale: { zh: '{{mineral}}{{size}}矿山规模上限', en: '{{mineral}} {{size}} mine, maximum scale' },
  excludedZones: { zh: '排除的集中开采区', en: 'Excluded zones' },
  allowOutside: { zh: '允许在集中开采区外新设砂石土矿山', en: 'Allow new sand/clay mines outside the zones' },
  countyBounds: { zh: '各县（市）上下限', en: 'County bounds' },
  bound: { zh: '{{county}}{{mineral}}开采量上下限', en: '{{county}} {{mineral}} bounds' },
  boundMin: { zh: '{{county}}{{mineral}}开采量下限', en: '{{county}} {{mineral}} minimum' },
  boundMax: { zh: '{{county}}{{mineral}}开采量上限', en: '{{county}} {{mineral}} maximum' },
  demand: { zh: '需求与运输', en: 'Demand and transport' },
  demandEnabled: { zh: '考虑需求与运输', en: 'Model demand and transport' },
  radius: { zh: '需求最大运距', en: 'Haul radius for demand' },
  demandOf: { zh: '{{county}}{{mineral}}需求', en: '{{county}} {{mineral}} demand' },
  prefectureDemand: { zh: '全地区{{mineral}}需求', en: 'Prefecture-wide {{mineral}} demand' },
  referenceOf: { zh: '{{county}}{{mineral}}参考开采量', en: '{{county}} {{mineral}} reference' },
  objective: { zh: '目标', en: 'Objective' },
  preset: { zh: '目标预设', en: 'Objective preset' },
  weights: { zh: '目标权重', en: 'Objective weights' },
  'weight.value': { zh: '产值权重', en: 'Value weight' },
  'weight.mines': { zh: '矿山数权重', en: 'Mines weight' },
  'weight.transport': { zh: '运输权重', en: 'Transport weight' },
  'weight.unmet': { zh: '需求缺口权重', en: 'Unmet demand weight' },
  'weight.deviation': { zh: '偏离参考权重', en: 'Deviation weight' },
  'weight.share': { zh: '大中型比例缺口权重', en: 'Large/medium share shortfall weight' },
  assumptions: { zh: '模型假设', en: 'Model assumptions' },
  perYear: { zh: '{{unit}}/年', en: '{{unit}}/yr' },
  fraction: { zh: '0–1', en: '0–1' },
  seconds: { zh: '秒', en: 's' },
} satisfies Record<string, Label>;

type FieldTextKey = keyof typeof FIELD_TEXT;

/** A size class by its id (an entry of a path or of an assumption's map), or the id as written when it is none. */
function sizeName(id: string, lang: Lang): string {
  const key = `size.${id}`;
  return isKeyOf(sizeWords, key) ? sizeWords[lang][key] : id;
}

/** What fieldLabel reads of the model: the names of its minerals, counties and assumptions. */
export type FieldNames = Pick<Dataset, 'minerals' | 'units' | 'assumptions'>;

/** `$.a.b[3]["c d"]` or `a.b` → ['a', 'b', '3', 'c d']. */
export function pathKeys(path: string): string[] {
  const keys: string[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|^([^$.[\]][^.[\]]*)/g;
  for (const m of path.trim().matchAll(re)) keys.push(m[1] ?? m[2] ?? (m[3] !== undefined ? (JSON.parse(m[3]) as string) : (m[4] ?? '')));
  return keys;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, k: string) => params[k] ?? '').replace(/ {2,}/g, ' ').trim();
}

interface Named {
  text: FieldTextKey;
  params?: Record<string, string>;
  /** the unit as the model writes it (unitLabel reads it), or a FIELD_TEXT word */
  unit?: { model: string } | { word: FieldTextKey; params?: Record<string, string> };
}

/** A field's label and unit, without the words: which FIELD_TEXT entry, filled with which names. */
function named(keys: string[], d: FieldNames, lang: Lang): Named | { assumption: string; rest: string[] } {
  const [head, a, b, c] = keys;
  const mineralOf = (id: string | undefined) => (id === undefined ? '' : (d.minerals.find((m) => m.id === id)?.name[lang] ?? id));
  const countyOf = (id: string | undefined) => (id === undefined ? '' : (d.units.find((u) => u.id === id)?.name[lang] ?? id));
  const sizeOf = (k: string | undefined) => (k === undefined ? '' : sizeName(k, lang));
  const perYear = (id: string | undefined) => {
    const m = d.minerals.find((x) => x.id === id);
    return m ? { unit: { word: 'perYear' as const, params: { unit: unitLabel(m.unit, lang) } } } : {};
  };
  switch (head) {
    case undefined:
      return { text: 'file' };
    case 'format':
    case 'name':
    case 'description':
    case 'model':
    case 'capSource':
    case 'excludedZones':
      return { text: head };
    case 'timeLimitSec':
      return { text: 'timeLimit', unit: { word: 'seconds' } };
    case 'mipGap':
      return { text: 'mipGap', unit: { word: 'fraction' } };
    case 'allowNewOutsideZones':
      return { text: 'allowOutside' };
    case 'caps':
      if (a === undefined) return { text: 'caps' };
      return { text: b === 'min' ? 'capMin' : 'capMax', params: { mineral: mineralOf(a) }, ...perYear(a) };
    case 'rightsCaps':
      return a === 'class3' || a === 'class12' || a === 'total' ? { text: `rights.${a}`, unit: { model: '个' } } : { text: 'rights' };
    case 'largeMediumShare':
      return a === 'min' ? { text: 'shareMin', unit: { word: 'fraction' } } : a === 'minerals' ? { text: 'shareMinerals' } : { text: 'share' };
    case 'minScale':
    case 'maxScale':
      return { text: head, params: { mineral: mineralOf(a), size: sizeOf(b) }, ...perYear(a) };
    case 'countyBounds': {
      const text = c === 'min' ? 'boundMin' : c === 'max' ? 'boundMax' : a === undefined ? 'countyBounds' : 'bound';
      return { text, params: { county: countyOf(a), mineral: mineralOf(b) }, ...perYear(b) };
    }
    case 'demand':
      if (a === 'enabled') return { text: 'demandEnabled' };
      if (a === 'radiusKm') return { text: 'radius', unit: { model: 'km' } };
      if (a === 'perCounty' && b !== undefined) return { text: 'demandOf', params: { county: countyOf(b), mineral: mineralOf(c) }, ...perYear(c) };
      if (a === 'prefecture' && b !== undefined) return { text: 'prefectureDemand', params: { mineral: mineralOf(b) }, ...perYear(b) };
      return { text: 'demand' };
    case 'reference':
      return { text: 'referenceOf', params: { county: countyOf(a), mineral: mineralOf(b) }, ...perYear(b) };
    case 'objective':
      if (a === 'preset') return { text: 'preset' };
      if (a === 'weights') return b !== undefined && `weight.${b}` in FIELD_TEXT ? { text: `weight.${b}` as FieldTextKey } : { text: 'weights' };
      return { text: 'objective' };
    case 'assumptions':
      return a === undefined ? { text: 'assumptions' } : { assumption: a, rest: keys.slice(2) };
    default:
      return { text: 'file' };
  }
}

function withUnit(label: string, unit: string | undefined, lang: Lang): string {
  if (!unit) return label;
  return lang === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/**
 * The planner's label of the scenario field at `path`, with its unit:
 * `$.rightsCaps.class12` → 一二类固体矿产矿山数上限（个）; `caps.sand` →
 * 建筑用砂开采总量上限（万m³/年）. An id the model does not have shows itself;
 * a path outside the schema names the file.
 */
export function fieldLabel(path: string, lang: Lang, d: FieldNames): string {
  const keys = pathKeys(path);
  const n = named(keys, d, lang);
  if ('assumption' in n) {
    const a = d.assumptions.find((x) => x.id === n.assumption);
    // the entries of a map or matrix assumption are ids of minerals, counties or size classes
    const part = (k: string) =>
      d.minerals.find((m) => m.id === k)?.name[lang] ?? d.units.find((u) => u.id === k)?.name[lang] ?? sizeName(k, lang);
    const label = [a?.label[lang] ?? n.assumption, ...n.rest.map(part)].join(' · ');
    return withUnit(label, a ? unitLabel(a.unit, lang) : undefined, lang);
  }
  const label = fill(FIELD_TEXT[n.text][lang], n.params ?? {});
  const unit = n.unit === undefined ? undefined : 'model' in n.unit ? unitLabel(n.unit.model, lang) : fill(FIELD_TEXT[n.unit.word][lang], n.unit.params ?? {});
  return withUnit(label, unit, lang);
}

/** A dictionary's entries that read as field labels: each key gets its FIELD_TEXT template in `lang`. */
export function fieldWords<K extends string>(fields: Record<K, FieldTextKey>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<FieldTextKey>(fields).map(([key, field]) => [key, FIELD_TEXT[field][lang]])) as Record<K, string>;
}
