/**
 * Every word below the UI, in one typed dictionary: the exports, the charts
 * and the CLI translate with `translator(presentWords, lang)`, and the UI
 * adds its own dictionaries on top (src/ui/i18n/words.ts).
 *
 * A new dictionary below ui is added here, by static import, so that its
 * keys join PresentKey and a key it lacks is a type error where it is used.
 */
import { mergeWords, type KeyOf } from '../domain/i18n';
import unitWords from '../domain/unit-words';
import exportWords from './dict/export';
import fieldMessageWords from './dict/field-messages';
import resultsWords from './dict/results';

export const presentWords = mergeWords(unitWords, exportWords, fieldMessageWords, resultsWords);

export type PresentKey = KeyOf<typeof presentWords>;
