/**
 * Reading a planner's boundary GeoJSON for the county map: the size check,
 * the reading, validateBoundary and ECharts' registerMap, in that order. A
 * refusal names the file, the part of it that is wrong and why, in the
 * current language; nothing is registered unless every check passed.
 */
import type { Dataset } from '../../domain/dataset';
import { matchCounty, validateBoundary } from '../charts/geojson';
import { t } from '../i18n';
import { sizeProblem } from '../state/validate';

export interface BoundaryRegion {
  name: string;
  county: string | null;
}

export type BoundaryLoad = { ok: false; error: string; path: string; reason: string } | { ok: true; mapName: string; regions: BoundaryRegion[] };

let mapSerial = 0;

/** Blob.text() where there is one, FileReader elsewhere (older browsers, jsdom). */
function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file);
  });
}

export async function loadBoundaryFile(file: File, d: Dataset): Promise<BoundaryLoad> {
  const refuse = (path: string, reason: string): BoundaryLoad => ({ ok: false, error: t('results.geo.error', { file: file.name, path, reason }), path, reason });
  const tooLarge = sizeProblem(file.size);
  if (tooLarge) return refuse(tooLarge.path, tooLarge.message);
  let text: string;
  try {
    text = await readText(file);
  } catch {
    return refuse('$', t('results.geo.err.read'));
  }
  const checked = validateBoundary(text);
  if (!checked.ok) return refuse(checked.path, t(`results.geo.err.${checked.reason}`));
  const mapName = `county-boundary-${++mapSerial}`;
  try {
    // ECharts is loaded when a chart first needs it (EChart.tsx), not with the Results
    const { echarts } = await import('../../present/charts/echarts');
    echarts.registerMap(mapName, checked.value as unknown as Parameters<typeof echarts.registerMap>[1]);
  } catch (err) {
    return refuse('$', String((err as Error).message ?? err));
  }
  return { ok: true, mapName, regions: checked.names.map((name) => ({ name, county: matchCounty(d, name) })) };
}
