/** The model's sentences as the reader sees them, in both languages (what the UI, exports and CLI render). */
import { translator } from '../../src/domain/i18n';
import type { Label } from '../../src/domain/label';
import type { ModelSaid } from '../../src/model/said';
import modelWords from '../../src/model/words';

const zh = translator(modelWords, 'zh');
const en = translator(modelWords, 'en');

export function inBoth(s: ModelSaid): Label {
  return { zh: zh(s.key, s.params), en: en(s.key, s.params) };
}
