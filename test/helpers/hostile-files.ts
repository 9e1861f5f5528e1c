/**
 * A deterministic generator of hostile model, scenario and county-boundary
 * files (issue 9), shared by the CLI fuzz (test/fuzz-cli.test.ts), the UI
 * import fuzz (test/fuzz-import.test.tsx) and its browser sample
 * (test/e2e/fuzz-import.test.ts). Every numeric leaf is set to each of
 * HOSTILE_NUMBERS; the nonsense issue 9 names (inverted bounds, reserved ids,
 * zero populations, …) is listed case by case, for any model by its ids.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** mulberry32: a small seeded generator, so samples are the same each run. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE_NUMBERS: Json[] = [-1, 0, 1e308, 'NaN', 'a string', null, []];

/** The hostile values that are never a figure, whatever the field (HOSTILE_NUMBERS less -1 and 0). */
export const NEVER_A_FIGURE: Json[] = HOSTILE_NUMBERS.slice(2);

/** Paths of every numeric leaf. */
export function numericLeaves(x: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof x === 'number') return [path];
  if (Array.isArray(x)) return x.flatMap((v, i) => numericLeaves(v, [...path, i]));
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => numericLeaves(v, [...path, k]));
  return [];
}

export function withLeaf(x: Json, path: (string | number)[], value: Json): Json {
  const out = structuredClone(x);
  let here = out as Record<string | number, Json>;
  path.slice(0, -1).forEach((k) => (here = here[k] as Record<string | number, Json>));
  here[path[path.length - 1] as string | number] = value;
  return out;
}

/** Renames a key of the object at `path` (keeping its value), as a hostile id would. */
export function renamedKey(x: Json, path: string[], from: string, to: string): Json {
  const out = structuredClone(x);
  let here = out as Record<string, Json>;
  path.forEach((k) => (here = here[k] as Record<string, Json>));
  const v = here[from] as Json;
  delete here[from];
  here[to] = v;
  return out;
}

/** A scenario of the tiny region (test/fixtures/tiny-region.json) that sets every key with a figure. */
export const richScenario: Json = {
  format: 'quota-scenario/1',
  name: 'fuzz',
  model: 'tiny-region',
  caps: { sand: 90, stone: { min: 10, max: 110 } },
  rightsCaps: { class3: 12, class12: 10, total: 20 },
  largeMediumShare: { min: 0.4 },
  minScale: { stone: { small: 10 } },
  maxScale: { stone: { large: 80 } },
  countyBounds: { north: { sand: { min: 0, max: 80 } } },
  demand: { radiusKm: 100, perCounty: { north: { sand: 70 } }, prefecture: { stone: 90 } },
  reference: { north: { sand: 60 } },
  objective: { preset: 'continuity', weights: { mines: 0.001, transport: 0.05, unmet: 1, deviation: 0.1, share: 1 } },
  assumptions: { demandGrowth: { sand: 1 }, density: { sand: 1.5, stone: 2.5 } },
  timeLimitSec: 20,
  mipGap: 0,
};

/** The same for the Hotan model the workbench embeds (what the Scenarios page imports against). */
export const hotanRichScenario: Json = {
  format: 'quota-scenario/1',
  name: 'fuzz',
  model: 'hotan-2021-2025',
  caps: { sand: 1800, gypsum: { min: 1, max: 100 } },
  rightsCaps: { class3: 250, class12: 150, total: 400 },
  largeMediumShare: { min: 0.4 },
  minScale: { gypsum: { small: 5 } },
  maxScale: { gypsum: { large: 80 } },
  countyBounds: { moyu: { sand: { min: 0, max: 500 } } },
  demand: { radiusKm: 100, perCounty: { moyu: { sand: 70 } }, prefecture: { gypsum: 10 } },
  reference: { moyu: { sand: 60 } },
  objective: { preset: 'continuity', weights: { mines: 0.001, transport: 0.05, unmet: 1, deviation: 0.1, share: 1 } },
  assumptions: { demandGrowth: { sand: 1 }, density: { sand: 1.5, clay: 1.8, limestone: 2.6 } },
  timeLimitSec: 20,
  mipGap: 0,
};

/** The ids the nonsense cases need from a model; `base` must set caps[zoned], countyBounds[county] and assumptions.density. */
export interface NonsenseIds {
  /** a class-3 mineral with zones (sand) */
  zoned: string;
  /** a class-1/2 mineral with all three size minima in 专栏21 and a medium minimum below 50 */
  sized: string;
  /** every county, the first one used where one is needed */
  counties: string[];
  /** a mineral the model has a value per unit for */
  valued: string;
}

export const TINY_IDS: NonsenseIds = { zoned: 'sand', sized: 'stone', counties: ['north', 'south'], valued: 'sand' };
export const HOTAN_IDS: NonsenseIds = {
  zoned: 'sand',
  sized: 'gypsum',
  counties: ['moyu', 'yutian', 'cele', 'luopu', 'hetian', 'minfeng', 'pishan'],
  valued: 'jade',
};

/**
 * The nonsense issue 9 names, as scenarios that must be refused with the figure
 * and why. 'a negative value per unit' needs a model that has the assumption
 * (the tiny region's does not: the CLI adds it to the model it passes).
 */
export function nonsenseScenarios(base: Json, ids: NonsenseIds): [string, Json][] {
  const s = base as Record<string, Json>;
  const { zoned: a, sized: b, valued } = ids;
  const county = ids.counties[0] as string;
  const density = (s.assumptions as Record<string, Record<string, Json>>).density as Record<string, Json>;
  const population = (f: (i: number) => number) => Object.fromEntries(ids.counties.map((c, i) => [c, f(i)]));
  return [
    ['inverted scale bounds', { ...s, minScale: { [b]: { large: 50 } }, maxScale: { [b]: { large: 1 } } }],
    ['a small minimum above the medium minimum', { ...s, minScale: { [b]: { small: 50 } } }],
    ['a maximum scale of 0', { ...s, maxScale: { [a]: { large: 0 } } }],
    ['a largest mine below every class', { ...s, maxScale: { [a]: { large: 5 } } }],
    ['a medium maximum, which nothing reads', { ...s, maxScale: { [a]: { medium: 25 } } }],
    ['negative population', { ...s, assumptions: { population: population((i) => (i === 0 ? -3000 : 1000)) } }],
    ['no population at all', { ...s, assumptions: { population: population(() => 0) } }],
    ['density 0', { ...s, assumptions: { density: { ...density, [a]: 0 } } }],
    ['a negative value per unit', withLeaf(s, ['assumptions', 'valuePerUnit'], { [valued]: -20 })],
    ['all-zero weights', { ...s, objective: { weights: { value: 0, mines: 0, transport: 0, unmet: 0 } } }],
    ['a weight of 1e-300', { ...s, objective: { weights: { value: 1e-300 } } }],
    ['a weight of 1e300', { ...s, objective: { weights: { value: 1e300 } } }],
    ['a time limit above the stated maximum', { ...s, timeLimitSec: 3e6 }],
    ['a cap of 1e308', { ...s, caps: { [a]: 1e308 } }],
    ['an inverted cap', { ...s, caps: { [a]: { min: 50, max: 1 } } }],
    ['an inverted county bound', { ...s, countyBounds: { [county]: { [a]: { min: 80, max: 1 } } } }],
    ['an assumption of the wrong shape', { ...s, assumptions: { density: 1.5 } }],
    ['an assumption matrix where a map is', { ...s, assumptions: { density: { [a]: { a: 1 } } } }],
    ['a mineral id toString', renamedKey(s, ['caps'], a, 'toString')],
    ['a county id constructor', renamedKey(s, ['countyBounds'], county, 'constructor')],
    ['an assumption key __proto__', { ...s, assumptions: JSON.parse(`{"density":{"__proto__":1,"${a}":1.5}}`) as Json }],
  ];
}

/** `n` zone ids no model has (Z1000…Z9999, repeating). */
export function unknownZones(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `Z${String(1000 + (i % 9000))}`);
}

/**
 * Whole files that are not a scenario at all, or too big, or too deep: text,
 * and whether it must be refused (all of them).
 */
export function brokenScenarioTexts(base: Json, maxBytes: number): [string, string][] {
  const s = base as Record<string, Json>;
  return [
    ['empty file', ''],
    ['not JSON', '{"format": '],
    ['JSON null', 'null'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"quota-scenario/1"'],
    ['a number', '1e308'],
    ['another format', JSON.stringify({ ...s, format: 'quota-scenario/99' })],
    ['no format', JSON.stringify({ ...s, format: undefined })],
    ['a model file as a scenario', JSON.stringify({ format: 'quota-model/1', id: 'x' })],
    ['another model named', JSON.stringify({ ...s, model: 'other-region' })],
    ['an unknown top-level key', JSON.stringify({ ...s, extra: 1 })],
    ['a top-level __proto__', `{"__proto__":{"polluted":1},${JSON.stringify(s).slice(1)}`],
    ['a name that is an object', JSON.stringify({ ...s, name: { zh: 1, en: [] } })],
    ['nesting 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['nesting 5,000 deep inside caps', JSON.stringify({ ...s, caps: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000))],
    ['excludedZones of 200,000 unknown ids', JSON.stringify({ ...s, excludedZones: unknownZones(200_000) })],
    ['excludedZones of 200,000 nulls', JSON.stringify({ ...s, excludedZones: Array.from({ length: 200_000 }, () => null) })],
    ['a file over the stated size', JSON.stringify({ ...s, description: 'x'.repeat(maxBytes) })],
  ];
}

// ------------------------------------------------------------------ county boundary GeoJSON

export const MARKUP_NAMES = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>', "'><svg onload=\"window.__pwned=3\">", '{a}|{b}\n'];

const ring = (lon: number, lat: number, d = 0.5): Json => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];
const feature = (properties: Json, geometry: Json): Json => ({ type: 'Feature', properties, geometry });
const polygon = (lon = 79, lat = 37): Json => ({ type: 'Polygon', coordinates: [ring(lon, lat)] });
const fc = (features: Json[]): string => JSON.stringify({ type: 'FeatureCollection', features });

const SMALLEST = JSON.stringify(feature(null, { type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] })).replace('"properties":null,', '');

/** A FeatureCollection of `n` of the smallest valid features (88 bytes each); `pointLast`: the last one a Point. */
export function manyFeatures(n: number, pointLast = false): string {
  const last = pointLast ? JSON.stringify(feature(null, { type: 'Point', coordinates: [0, 0] })) : SMALLEST;
  return `{"type":"FeatureCollection","features":[${[...Array.from({ length: n - 1 }, () => SMALLEST), last].join(',')}]}`;
}

/**
 * Boundary files: `mustReject` ones are nonsense (wrong shape, coordinates out
 * of range, not a FeatureCollection); the others are well-formed, and their
 * names, however hostile, must stay text.
 */
export function hostileBoundaries(maxBytes: number): { what: string; text: string; mustReject: boolean }[] {
  const out: { what: string; text: string; mustReject: boolean }[] = [];
  const reject = (what: string, text: string) => out.push({ what, text, mustReject: true });
  const accept = (what: string, text: string) => out.push({ what, text, mustReject: false });
  // names
  const names: [string, Json][] = [
    ...MARKUP_NAMES.map((n, i): [string, Json] => [`markup name ${i}`, { name: n }]),
    ['name __proto__', { name: '__proto__' }],
    ['name constructor', { name: 'constructor' }],
    ['name toString', { name: 'toString' }],
    ['properties with an own __proto__ key', 'PROTO'],
    ['a name of 100,000 characters', { name: 'x'.repeat(100_000) }],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name that is a number', { name: 123 }],
    ['a name that is an object', { name: { toString: 'x' } }],
    ['a name that is an array', { name: ['a', 'b'] }],
    ['no properties', null],
    ['properties a string', 'just text'],
    ['properties an array', ['a']],
    ['right-to-left override and NUL', { name: '\u202e和田\u0000县' }],
    ['a county name', { name: '墨玉县' }],
    ['an English county name', { NAME_EN: 'Moyu' }],
    ['a one-letter name', { name: 'a' }],
  ];
  for (const [what, props] of names) {
    const text = props === 'PROTO' ? fc([feature({}, polygon())]).replace('"properties":{}', '"properties":{"__proto__":{"name":"polluted"},"name":"p"}') : fc([feature(props, polygon())]);
    accept(`feature ${what}`, text);
  }
  accept('a MultiPolygon', fc([feature({ name: 'm' }, { type: 'MultiPolygon', coordinates: [[ring(79, 37)], [ring(80, 37)]] })]));
  accept('extra positions (altitude)', fc([feature({ name: 'z' }, { type: 'Polygon', coordinates: [[[79, 37, 1], [80, 37, 1], [80, 38, 1], [79, 38, 1], [79, 37, 1]]] })]));
  // wrong shapes
  const geometries: [string, Json][] = [
    ['a Point', { type: 'Point', coordinates: [79, 37] }],
    ['a LineString', { type: 'LineString', coordinates: [[79, 37], [80, 38]] }],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [polygon()] }],
    ['geometry null', null],
    ['geometry a string', 'Polygon'],
    ['geometry an array', [polygon()]],
    ['a Polygon without coordinates', { type: 'Polygon' }],
    ['a Polygon with no rings', { type: 'Polygon', coordinates: [] }],
    ['a Polygon with an empty ring', { type: 'Polygon', coordinates: [[]] }],
    ['a ring of one position', { type: 'Polygon', coordinates: [[[79, 37]]] }],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[[79, 37], [80, 37], [79, 37]]] }],
    ['positions of strings', { type: 'Polygon', coordinates: [[['79', '37'], ['80', '37'], ['80', '38'], ['79', '37']]] }],
    ['positions of null', { type: 'Polygon', coordinates: [[[null, null], [null, null], [null, null], [null, null]]] }],
    ['a position of one number', { type: 'Polygon', coordinates: [[[79], [80], [81], [79]]] }],
    ['longitude 1e308', { type: 'Polygon', coordinates: [[[1e308, 37], [80, 37], [80, 38], [1e308, 37]]] }],
    ['longitude 181', { type: 'Polygon', coordinates: [[[181, 37], [80, 37], [80, 38], [181, 37]]] }],
    ['latitude -91', { type: 'Polygon', coordinates: [[[79, -91], [80, 37], [80, 38], [79, -91]]] }],
    ['coordinates an object', { type: 'Polygon', coordinates: { 0: [] } }],
    ['Polygon coordinates given a MultiPolygon depth', { type: 'Polygon', coordinates: [[ring(79, 37)]] }],
    ['a MultiPolygon with a Polygon depth', { type: 'MultiPolygon', coordinates: [ring(79, 37)] }],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }],
    ['type in lower case', { type: 'polygon', coordinates: [ring(79, 37)] }],
  ];
  for (const [what, g] of geometries) reject(`geometry ${what}`, fc([feature({ name: 'g' }, polygon()), feature({ name: 'bad' }, g)]));
  // not a FeatureCollection
  reject('empty file', '');
  reject('not JSON', '{"type": ');
  reject('JSON null', 'null');
  reject('an array', '[]');
  reject('a bare Feature', JSON.stringify(feature({ name: 'f' }, polygon())));
  reject('a bare Polygon', JSON.stringify(polygon()));
  reject('no features', JSON.stringify({ type: 'FeatureCollection' }));
  reject('features empty', fc([]));
  reject('features an object', JSON.stringify({ type: 'FeatureCollection', features: { 0: feature({}, polygon()) } }));
  reject('a feature null', fc([null]));
  reject('a feature a number', fc([1]));
  reject('a feature of another type', fc([{ type: 'Geometry', geometry: polygon() }]));
  reject('nesting 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000));
  // size
  const repeated = manyFeatures;
  // 100,000 of the smallest valid features are more than the stated size: refused unread (the loader itself is tried apart)
  (repeated(100_000).length > maxBytes ? reject : accept)('100,000 features', repeated(100_000));
  accept('50,000 features', repeated(50_000));
  reject('50,000 features, the last a Point', repeated(50_000, true));
  reject('a file over the stated size', fc([feature({ name: 'x'.repeat(maxBytes) }, polygon())]));
  return out;
}
