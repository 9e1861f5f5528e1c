/**
 * Cells are the places a quota can go: each open concentrated zone; for a
 * mineral that has zones, each county's existing mines outside them; for a
 * mineral without zones, each county that holds rights to it.
 */
import type { Dataset } from '../domain/dataset';
import type { ModelInputs, ZoneInput } from './inputs';
import { countyLabel, mineralLabel } from './labels';
import { sayModel, type ModelSaid } from './said';

export type CellKind = 'zone' | 'outside' | 'county';

export interface Cell {
  id: string;
  kind: CellKind;
  mineral: string;
  county: string | null;
  zone: ZoneInput | null;
  /** most mines the cell may hold; null: only the prefecture-wide rules limit it */
  maxMines: number | null;
  /** most output outside the zones (2020 output grown by outsideGrowth); null: no such limit */
  maxVolume: number | null;
  label: ModelSaid;
}

export function cellsOf(d: Dataset, inputs: ModelInputs): Cell[] {
  const zoned = new Set(inputs.zones.map((z) => z.zone.mineral));
  const cells: Cell[] = inputs.zones
    .filter((z) => !z.excluded)
    .map((z) => ({
      id: z.zone.id,
      kind: 'zone',
      mineral: z.zone.mineral,
      county: z.zone.unit,
      zone: z,
      maxMines: z.maxMines,
      maxVolume: null,
      label: sayModel('model.cell.zone', { name: z.zone.name, id: z.zone.id }),
    }));
  for (const m of inputs.minerals) {
    for (const u of d.units) {
      const rights = inputs.existingRights[u.id]?.[m.id] ?? 0;
      if (rights === 0) continue;
      const county = countyLabel(d, u.id);
      const mineral = mineralLabel(d, m.id);
      if (zoned.has(m.id)) {
        cells.push({
          id: `${u.id}.${m.id}.out`,
          kind: 'outside',
          mineral: m.id,
          county: u.id,
          zone: null,
          maxMines: inputs.allowNewOutsideZones ? null : rights,
          maxVolume: inputs.allowNewOutsideZones ? null : (inputs.output2020[u.id]?.[m.id] ?? 0) * (1 + (inputs.outsideGrowth[m.id] ?? 0)),
          label: sayModel('model.cell.outside', { county, mineral }),
        });
      } else {
        cells.push({
          id: `${u.id}.${m.id}`,
          kind: 'county',
          mineral: m.id,
          county: u.id,
          zone: null,
          maxMines: null,
          maxVolume: null,
          label: sayModel('model.countyMineral', { county, mineral }),
        });
      }
    }
  }
  return cells;
}
