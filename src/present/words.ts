/**
 * Every word below the UI, in one typed dictionary: the exports and the
 * charts translate with presentTr(lang), and the CLI (src/cli/words.ts) and
 * the UI (src/ui/i18n/words.ts) add their own dictionaries on top.
 *
 * A new dictionary below ui is added here, by static import, so that its
 * keys join PresentKey and a key it lacks is a type error where it is used.
 */
import { mergeWords, translators, type KeyOf, type Lang, type Translate } from '../domain/i18n';
import unitWords from '../domain/unit-words';
import sizeWords from '../domain/dict/size';
import validationWords from '../domain/dict/validation';
import auditWords from '../domain/dict/audit';
import fieldWords from '../domain/dict/fields';
import modelWords from '../model/words';
import explanationWords from './dict/explanation';
import exportWords from './dict/export';
import fieldMessageWords from './dict/field-messages';
import resultsWords from './dict/results';

export const presentWords = mergeWords(unitWords, sizeWords, validationWords, auditWords, fieldWords, modelWords, exportWords, explanationWords, fieldMessageWords, resultsWords);

export type PresentKey = KeyOf<typeof presentWords>;

/** The words below the UI in one language: the exports (in Node too), the charts' options, the KPI and row texts. */
export const presentTr: (lang: Lang) => Translate<PresentKey> = translators(presentWords);

/** What follows `prefix` in the keys that start with it: `KeysUnder<'export.col.'>` is 'county' | 'mineral' | …, for a key built as `export.col.${c}` (K is a parameter so that the condition is taken key by key). */
export type KeysUnder<P extends string, K extends string = PresentKey> = K extends `${P}${infer Rest}` ? Rest : never;
