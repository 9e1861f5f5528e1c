/**
 * The embedded plan model and the shipped scenario presets, validated once at
 * start-up. An invalid model is shown as a list of problems instead of a page
 * built on bad data; an invalid preset is left out and listed.
 */
import rawModel from '../../../models/hotan-2021-2025.json';
import type { Dataset } from '../../domain/dataset';
import type { Lang } from '../../domain/label';
import { localiseScenario, type Scenario, type ScenarioFile } from '../../domain/scenario';
import { validateDataset, validateScenarioAgainst, validateScenarioFile, type ValidationProblem } from '../../domain/validation';

export type ModelLoad = { ok: true; dataset: Dataset } | { ok: false; file: string; problems: ValidationProblem[] };

export interface Preset {
  /** file name without .json, e.g. "baseline" */
  id: string;
  /** as the file gives it: name and description in both languages (presetIn picks one) */
  file: ScenarioFile;
}

export interface PresetProblem {
  id: string;
  problems: ValidationProblem[];
}

export const MODEL_FILE = 'models/hotan-2021-2025.json';

export function loadModel(raw: unknown = rawModel): ModelLoad {
  const v = validateDataset(raw, MODEL_FILE);
  return v.ok ? { ok: true, dataset: v.value } : v;
}

const presetFiles = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });

/** Presets in a stable order: baseline first, then by file name. */
export function loadPresets(dataset: Dataset, files: Record<string, unknown> = presetFiles): { presets: Preset[]; problems: PresetProblem[] } {
  const presets: Preset[] = [];
  const problems: PresetProblem[] = [];
  for (const [path, raw] of Object.entries(files)) {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const file = `scenarios/${id}.json`;
    const shape = validateScenarioFile(raw, file);
    // the ids are the same in either language
    const checked = shape.ok ? validateScenarioAgainst(localiseScenario(shape.value, 'zh'), dataset, file) : shape;
    if (!checked.ok) problems.push({ id, problems: checked.problems });
    else if (shape.ok) presets.push({ id, file: shape.value });
  }
  presets.sort((a, b) => (a.id === 'baseline' ? -1 : b.id === 'baseline' ? 1 : a.id.localeCompare(b.id)));
  return { presets, problems };
}

export const model: ModelLoad = loadModel();

/** The dataset; only call where the app has checked `model.ok`. */
export function dataset(): Dataset {
  if (!model.ok) throw new Error('the model did not load');
  return model.dataset;
}

/** A preset as a scenario, its name and description in `lang`. */
export function presetIn(p: Preset, lang: Lang): Scenario {
  return localiseScenario(p.file, lang);
}

export const presetLoad = model.ok ? loadPresets(model.dataset) : { presets: [], problems: [] };

/** A scenario that overrides nothing: every figure comes from the plan. */
export function emptyScenario(d: Dataset, name: string): Scenario {
  return { format: 'quota-scenario/1', name, model: d.id };
}

/** The model version a report records (see reportFrom in src/model/run.ts): runs made against another are stale. */
export function modelVersionOf(d: Dataset): string {
  return `${d.id}@${d.version}`;
}
