/**
 * The domain's checks do not know the reader's language, so a reason is a
 * sentence (a key of dict/validation.ts and its figures), said by the layer
 * that shows it: the editor in the planner's language, the CLI in --lang.
 */
import type { z } from 'zod';
import sizeWords from './dict/size';
import validationWords from './dict/validation';
import { isKeyOf, mergeWords, say, translators, type KeyOf, type Lang, type Params, type Said } from './i18n';

// a reason may name a size class (size.large, …), whose words are the one size dictionary's
const words = mergeWords(validationWords, sizeWords);
const inLang = translators(words);

export type ReasonKey = KeyOf<typeof words>;
export type Reason = Said<ReasonKey>;

export function reason(key: ReasonKey, params?: Params<ReasonKey>): Reason {
  return say(key, params);
}

/**
 * The message a zod check gives: its reason's key, turned back into the
 * reason when the issue becomes a problem (issueReason), with the issue's
 * limit or, for a custom issue, its params as the figures.
 */
export function because(key: ReasonKey): ReasonKey {
  return key;
}

type Issue = z.core.$ZodIssue;

/** The reason of a zod issue: the domain's own when its message is a reason's key, else zod's words as they are. */
export function issueReason(i: Issue): Reason {
  if (i.code === 'invalid_key' && i.issues.length) return i.issues.map(issueReason).reduce((first, second) => reason('validation.both', { first, second }));
  if (!isKeyOf(words, i.message)) return reason('validation.zod', { reason: i.message });
  if (i.code === 'too_big') return reason(i.message, { max: Number(i.maximum) });
  if (i.code === 'too_small') return reason(i.message, { min: Number(i.minimum) });
  if (i.code === 'custom' && i.params) return reason(i.message, i.params as Params<ReasonKey>);
  return reason(i.message);
}

/** A reason in `lang`. */
export function sayReason(r: Reason, lang: Lang): string {
  return inLang(lang)(r.key, r.params);
}

/** A reason as a zod custom issue carries it: the key as the message, the figures as the params. */
export function issueOf(r: Reason): { message: ReasonKey; params?: Record<string, unknown> } {
  return r.params ? { message: r.key, params: { ...r.params } } : { message: r.key };
}
