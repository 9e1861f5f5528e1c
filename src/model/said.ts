/**
 * How the model says a row's name or a result's sentence: a key of its own
 * dictionary (./words.ts) with parameters, so a wrong key is a type error and
 * the reader's language is chosen where the words are shown.
 */
import { say, type KeyOf, type Params, type Said } from '../domain/i18n';
import type { Label } from '../domain/label';
import type words from './words';

export type ModelKey = KeyOf<typeof words>;
export type ModelSaid = Said<ModelKey>;

export function sayModel(key: ModelKey, params?: Params<ModelKey>): ModelSaid {
  return say(key, params);
}

/** A name said as it is: a helper row's own name, or a row of a run stored before rows were named by key. */
export function asIs(name: string | Label): ModelSaid {
  return sayModel('model.asIs', { name });
}

/** Items of the data (the plan's tables) listed with each language's separator. */
export function listOf(items: readonly string[]): Label {
  return { zh: items.join('、'), en: items.join(', ') };
}
