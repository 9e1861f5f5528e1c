/** Planner names of the dataset's ids; an unknown id shows itself rather than vanishing. */
import type { Dataset } from '../domain/dataset';
import type { Label } from '../domain/label';

export function countyLabel(d: Dataset, id: string): Label {
  return d.units.find((u) => u.id === id)?.name ?? { zh: id, en: id };
}

export function mineralLabel(d: Pick<Dataset, 'minerals'>, id: string): Label {
  return d.minerals.find((m) => m.id === id)?.name ?? { zh: id, en: id };
}
