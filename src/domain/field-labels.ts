/**
 * The planner's name of every scenario field, by its path in the scenario
 * file (`$.rightsCaps.class12`, `caps.sand`, `countyBounds.hetian.sand.max`,
 * `objective.weights.transport`). A validation problem, an infeasibility
 * explanation, a saved sweep and the report name a field by this label and
 * unit, never by its path, which is for the file and the command line.
 *
 * The words are below the UI (dict/fields.ts), because the export and the
 * CLI name fields too; the editor's and the Explore page's dictionaries take
 * their field labels from there, so a field reads the same everywhere.
 */
import type { Dataset } from './dataset';
import fieldDict from './dict/fields';
import sizeWords from './dict/size';
import { isKeyOf, mergeWords, translators, type KeyOf, type Translate } from './i18n';
import type { Lang } from './label';
import { unitLabel } from './units';

// a field's label needs its unit's words and the size classes' names too
const words = mergeWords(fieldDict, sizeWords);
const inLang = translators(words);
type FieldKey = KeyOf<typeof fieldDict>;
/** A field's words by their name in the dictionary: `capMax` for `field.capMax`. */
export type FieldName = FieldKey extends infer K ? (K extends `field.${infer N}` ? N : never) : never;

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

/** A field's words filled in; a name left out (a path that stops early) leaves no double space. */
function fill(tr: Translate<KeyOf<typeof words>>, name: FieldName, params: Record<string, string> = {}): string {
  return tr(`field.${name}`, params).replace(/ {2,}/g, ' ').trim();
}

interface Named {
  text: FieldName;
  params?: Record<string, string>;
  /** the unit as the model writes it (unitLabel reads it), or a word of the fields' dictionary */
  unit?: { model: string } | { word: FieldName; params?: Record<string, string> };
}

/** A field's label and unit, without the words: which entry of the fields' dictionary, filled with which names. */
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
      if (a === 'weights') return b !== undefined && isKeyOf(fieldDict, `field.weight.${b}`) ? { text: `weight.${b}` as FieldName } : { text: 'weights' };
      return { text: 'objective' };
    case 'assumptions':
      return a === undefined ? { text: 'assumptions' } : { assumption: a, rest: keys.slice(2) };
    default:
      return { text: 'file' };
  }
}

function withUnit(tr: Translate<KeyOf<typeof words>>, label: string, unit: string | undefined): string {
  return unit ? tr('field.withUnit', { label, unit }) : label;
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
  const tr = inLang(lang);
  if ('assumption' in n) {
    const a = d.assumptions.find((x) => x.id === n.assumption);
    // the entries of a map or matrix assumption are ids of minerals, counties or size classes
    const part = (k: string) =>
      d.minerals.find((m) => m.id === k)?.name[lang] ?? d.units.find((u) => u.id === k)?.name[lang] ?? sizeName(k, lang);
    const label = [a?.label[lang] ?? n.assumption, ...n.rest.map(part)].join(' · ');
    return withUnit(tr, label, a ? unitLabel(a.unit, lang) : undefined);
  }
  const label = fill(tr, n.text, n.params);
  const unit = n.unit === undefined ? undefined : 'model' in n.unit ? unitLabel(n.unit.model, lang) : fill(tr, n.unit.word, n.unit.params);
  return withUnit(tr, label, unit);
}

/** A dictionary's entries that read as field labels: each key gets its field's words in `lang`, placeholders kept. */
export function fieldWords<K extends string>(fields: Record<K, FieldName>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<FieldName>(fields).map(([key, field]) => [key, fieldDict[lang][`field.${field}`]])) as Record<K, string>;
}
