/**
 * A province-scale dataset for benchmarks: the Hotan model replicated N
 * times as N prefectures, with renamed ids and every figure perturbed by up
 * to ±10% (a fixed seed, so the same N gives the same dataset). Prefectures
 * are 1000 km apart, so demand is met within each; the plan-level ceilings
 * and caps scale with N.
 */
import type { Dataset } from '../src/domain/dataset';

/** A fixed-seed generator of numbers in [0, 1): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FAR_KM = 1000;

export function provinceDataset(hotan: Dataset, n: number, seed = 1): Dataset {
  const rnd = seededRandom(seed);
  const jiggle = (x: number) => x * (0.9 + 0.2 * rnd());
  const count = (x: number) => Math.round(jiggle(x));
  const uid = (id: string, k: number) => (k === 0 ? id : `${id}_p${k}`);
  const ks = Array.from({ length: n }, (_, k) => k);
  const d: Dataset = structuredClone(hotan);
  d.id = `${hotan.id}-x${n}`;
  d.units = ks.flatMap((k) => hotan.units.map((u) => ({ ...u, id: uid(u.id, k) })));
  d.table5.columns = d.units.map((u) => u.id);
  const spread = (counts: Record<string, number>, keep = false) =>
    Object.fromEntries(ks.flatMap((k) => Object.entries(counts).map(([u, x]) => [uid(u, k), k === 0 || keep ? x : count(x)])));
  for (const row of [...d.table5.rows, ...d.table5.subtotals, d.table5.total]) {
    row.counts = spread(row.counts);
    row.total = Object.values(row.counts).reduce((a, x) => a + x, 0);
  }
  for (const r of d.table4.rows) {
    r.reserve = jiggle(r.reserve) * n;
    r.cumulative = Math.max(r.reserve, r.cumulative * n);
    r.deposits = Math.max(1, Math.round(r.deposits * n));
  }
  for (const r of d.table6.rows) {
    r.output = jiggle(r.output) * n;
    r.value = jiggle(r.value) * n;
    r.mines = r.mines * n;
  }
  d.table6.total = { ...d.table6.total, mines: d.table6.total.mines * n, value: d.table6.total.value * n };
  for (const r of d.table11.rows) r.target *= n;
  for (const r of d.table20.rows) {
    r.target2025 *= n;
    if (r.output2020 !== null) r.output2020 *= n;
  }
  d.table22.statedTotal.value *= n;
  const zoneNo = (i: number) => `Z${String(i + 1).padStart(4, '0')}`;
  d.table23.zones = ks.flatMap((k) =>
    hotan.table23.zones.map((z, i) => ({ ...z, id: zoneNo(k * hotan.table23.zones.length + i), unit: z.unit === null ? null : uid(z.unit, k), areaKm2: k === 0 ? z.areaKm2 : jiggle(z.areaKm2) })),
  );
  d.table23.statedCount.value = d.table23.zones.length;
  d.policy.maxMinesTotal.value *= n;
  d.policy.maxClass12.value *= n;
  d.policy.maxClass3.value *= n;
  d.assumptions = d.assumptions.map((a) => {
    if (a.id === 'population') return { ...a, value: spread(a.value as Record<string, number>) };
    if (a.id === 'roadKm') {
      const km = a.value as Record<string, Record<string, number>>;
      const value: Record<string, Record<string, number>> = {};
      for (const k of ks)
        for (const [from, row] of Object.entries(km))
          for (const l of ks) for (const [to, x] of Object.entries(row)) (value[uid(from, k)] ??= {})[uid(to, l)] = k === l ? x : FAR_KM;
      return { ...a, value };
    }
    if (a.id === 'otherClass12') {
      const v = a.value as Record<string, number>;
      return { ...a, value: Object.fromEntries(Object.entries(v).map(([key, x]) => [key, x * n])) };
    }
    return a;
  });
  return d;
}
