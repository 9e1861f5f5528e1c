/**
 * A county boundary file the planner loads is untrusted: it must be a GeoJSON
 * FeatureCollection of Polygon/MultiPolygon features with [lon, lat]
 * coordinates in range. Problems come back as a JSON path and a reason key
 * (translated by the caller), and nothing is registered until the file is valid.
 */
import type { Dataset } from '../../domain/dataset';

export type Position = [number, number, ...number[]];
export interface BoundaryFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export type BoundaryCheck =
  | { ok: true; value: BoundaryCollection; names: string[] }
  | { ok: false; path: string; reason: 'json' | 'notFc' | 'noFeatures' | 'notFeature' | 'geometry' | 'coords' };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function validPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    p.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90
  );
}

function validRings(rings: unknown): boolean {
  return Array.isArray(rings) && rings.length > 0 && rings.every((r) => Array.isArray(r) && r.length >= 4 && r.every(validPosition));
}

/** The name ECharts matches a region by: properties.name, else common alternatives. */
export function featureName(f: BoundaryFeature, i: number): string {
  const p = f.properties ?? {};
  for (const k of ['name', 'NAME', 'name_zh', 'NAME_ZH', 'name_en', 'NAME_EN', 'id']) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return `#${i + 1}`;
}

export function validateBoundary(text: string): BoundaryCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, path: '$', reason: 'json' };
  }
  if (!isObj(data) || data.type !== 'FeatureCollection') return { ok: false, path: '$.type', reason: 'notFc' };
  const features = data.features;
  if (!Array.isArray(features) || features.length === 0) return { ok: false, path: '$.features', reason: 'noFeatures' };
  for (let i = 0; i < features.length; i++) {
    const f: unknown = features[i];
    const at = `$.features[${i}]`;
    if (!isObj(f) || f.type !== 'Feature') return { ok: false, path: `${at}.type`, reason: 'notFeature' };
    const g = f.geometry;
    if (!isObj(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return { ok: false, path: `${at}.geometry`, reason: 'geometry' };
    const ok = g.type === 'Polygon' ? validRings(g.coordinates) : Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(validRings);
    if (!ok) return { ok: false, path: `${at}.geometry.coordinates`, reason: 'coords' };
  }
  const value = data as unknown as BoundaryCollection;
  // ECharts matches regions by properties.name; make sure every feature has one.
  const named: BoundaryCollection = {
    type: 'FeatureCollection',
    features: value.features.map((f, i) => ({ ...f, properties: { ...(f.properties ?? {}), name: featureName(f, i) } })),
  };
  return { ok: true, value: named, names: named.features.map((f, i) => featureName(f, i)) };
}

/** Which county a region name stands for: the county id whose zh or en name (or id) matches. */
export function matchCounty(d: Dataset, name: string): string | null {
  const n = name.trim().toLowerCase();
  const exact = d.units.find((u) => u.id.toLowerCase() === n || u.name.zh === name.trim() || u.name.en.toLowerCase() === n);
  if (exact) return exact.id;
  // "和田县" inside "和田市及和田县"; "Yutian" inside "Yutian (Keriya) County"
  const loose = d.units.find((u) => u.name.zh.includes(name.trim()) || (n.length >= 4 && u.name.en.toLowerCase().includes(n)));
  return loose?.id ?? null;
}
