/**
 * Every word the UI says: the words below the UI (src/present/words.ts) and
 * the UI's own, one dictionary per feature in ./dict. Imported one by one,
 * not globbed, so that the keys keep their types: t() takes a UiKey, and a
 * key missing from the dictionaries is a type error at the call.
 *
 * A new UI dictionary is added here.
 */
import { mergeWords, type KeyOf } from '../../domain/i18n';
import { presentWords } from '../../present/words';
import common from './dict/common';
import compare from './dict/compare';
import countyView from './dict/county-view';
import docx from './dict/docx';
import editor from './dict/editor';
import explore from './dict/explore';
import messages from './dict/messages';
import offline from './dict/offline';
import pager from './dict/pager';
import plan from './dict/plan';
import presets from './dict/presets';
import save from './dict/save';
import scenarios from './dict/scenarios';
import shell from './dict/shell';
import store from './dict/store';
import sweepstore from './dict/sweepstore';
import workflow from './dict/workflow';

export const uiWords = mergeWords(
  presentWords,
  common,
  compare,
  countyView,
  docx,
  editor,
  explore,
  messages,
  offline,
  pager,
  plan,
  presets,
  save,
  scenarios,
  shell,
  store,
  sweepstore,
  workflow,
);

export type UiKey = KeyOf<typeof uiWords>;
