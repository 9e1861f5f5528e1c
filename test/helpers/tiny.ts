/**
 * The made-up two-county region of test/fixtures/tiny-region.json, and small
 * helpers to write scenarios on it. Its figures, in the models' units (model v2):
 *
 *   sand  (万m³, class 3, zones)  value 2000/100 = 20 万元 per unit; cap 100 (专栏20)
 *         minima small 10, medium 20, large 30 (专栏21); largest mine
 *         5000/4 deposits/25 years (assumption serviceYears) = 50
 *         → small [10,20], medium [20,30], large [30,50]
 *         2020 output 100 (专栏6) by 专栏5 rights 3:1 → north 75, south 25;
 *         outside the zones (outsideGrowth 0): north ≤ 3 mines and ≤ 75, south ≤ 1 mine and ≤ 25
 *         Z01 north 2 km² → 2×25 = 50 and 2/0.5 = 4 mines; Z02 south 1 km² → 25 and 2 mines
 *   stone (万吨, class 1/2, no zones) value 1200/40 = 30 万元 per unit; cap 120 (专栏20)
 *         minima small 10, medium 20, large 50; largest mine 1600/2/10 years (专栏21) = 80
 *         → small [10,20], medium [20,50], large [50,80]
 *         reserve limit 1600/10 = 160; cells north.stone, south.stone (no mine limit)
 *         2020 output 40 by rights 2:1 → north 26.67, south 13.33
 *   gold  (outside the model, class 1/2): 5 mines held fixed, 2 of them large/medium
 *         (assumption otherClass12), so the share row needs 0.4·5 − 2 = 0 more
 *   policy: ≤ 20 mines, ≤ 10 class-1/2 (so ≤ 5 stone mines), ≤ 12 class-3; ≥ 40% large/medium
 *   demand (on by default): sand 100 × 1.0 (demandGrowth) by population 3:1 → north 75,
 *         south 25, north–south 80 km, radius 100 km; stone: prefecture demand 100 (专栏11)
 *
 * Objective (objective.ts): V = Σ cap × value per unit, N = total mines cap;
 * one mine costs w_mines·V/N (0.001 in 'continuity' and 'max-value').
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/domain/dataset';
import type { Scenario } from '../../src/domain/scenario';
import { validateDataset } from '../../src/domain/validation';

const here = dirname(fileURLToPath(import.meta.url));
export const TINY_PATH = resolve(here, '../fixtures/tiny-region.json');

export function tinyJson(): unknown {
  return JSON.parse(readFileSync(TINY_PATH, 'utf8')) as unknown;
}

/** A fresh, validated copy of the tiny region (callers may change it). */
export function tiny(): Dataset {
  const v = validateDataset(tinyJson(), TINY_PATH);
  if (!v.ok) throw new Error(`tiny-region.json is invalid: ${JSON.stringify(v.problems)}`);
  return v.value;
}

/** The tiny region with no sand rights outside the zones: sand can only come from Z01 and Z02. */
export function tinyZonesOnly(): Dataset {
  const d = tiny();
  const sand = d.table5.rows.find((r) => r.mineral === 'sand');
  if (!sand) throw new Error('tiny-region.json has no sand row in table5');
  sand.counts = { north: 0, south: 0 };
  sand.total = 0;
  return d;
}

/** A scenario on the tiny region: the plan's defaults plus `overrides`. */
export function scenario(name: string, overrides: Omit<Partial<Scenario>, 'format' | 'model' | 'name'> = {}): Scenario {
  return { format: 'quota-scenario/1', name, model: 'tiny-region', ...overrides };
}
