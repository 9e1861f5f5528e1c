// @vitest-environment jsdom
/**
 * The draft's saves against another tab and a failing store, without a
 * browser (fake-indexeddb): another tab's save is made straight into the
 * database, as that tab's Dexie would, while this tab has an unsaved edit.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { saveScenario } from '../src/store';
import { setLang } from '../src/ui/i18n';
import { db } from '../src/ui/state/db';
import {
  draft,
  editDraft,
  editsAtRisk,
  flushDraft,
  recoverUnsavedDrafts,
  resolveConflict,
  saveConflict,
  saveFailure,
  saveState,
} from '../src/ui/state/draft';
import { getIn, setIn } from '../src/domain/json-path';
import { model, presetIn, presetLoad } from '../src/ui/state/model';
import { notices } from '../src/ui/state/notices';
import { createFrom, currentScenario } from '../src/ui/state/scenarios';
import { keepUnsaved, unsavedDrafts } from '../src/ui/state/tab-marks';

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3000 });

beforeAll(async () => {
  setLang('en');
  expect(model.ok).toBe(true);
  const scenario = presetIn(presetLoad.presets.find((p) => p.id === 'baseline')!, 'en');
  await createFrom(scenario, scenario.name, 'baseline');
  await until(() => draft() !== null);
});

/** The other tab: saves `change` on top of what is stored now, from the stored revision. */
async function otherTabSaves(change: (d: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const id = currentScenario()!.id;
  const rec = (await db().scenarios.get(id))!;
  expect((await saveScenario(db(), id, change(rec.scenario), rec.revision)).ok).toBe(true);
}

const stored = async () => (await db().scenarios.get(currentScenario()!.id))!;

describe('two tabs', () => {
  it('merges a field only the other tab changed into this tab’s edit, and saves both', async () => {
    const before = (await stored()).revision;
    editDraft((d) => setIn(d, ['caps', 'sand'], 1801));
    await otherTabSaves((d) => setIn(d, ['rightsCaps', 'class3'], 201));
    await flushDraft();
    const rec = await stored();
    expect(getIn(rec.scenario, ['caps', 'sand'])).toBe(1801);
    expect(getIn(rec.scenario, ['rightsCaps', 'class3'])).toBe(201);
    expect(rec.revision).toBe(before + 2);
    expect(getIn(draft(), ['rightsCaps', 'class3'])).toBe(201);
    expect(saveState()).toBe('saved');
    expect(notices().map((n) => n.message)).toContainEqual(expect.stringContaining('$.rightsCaps.class3'));
  });

  it('puts a field both tabs changed to the planner, says not saved until then, and saves the choice', async () => {
    editDraft((d) => setIn(d, ['caps', 'sand'], 1700));
    await otherTabSaves((d) => setIn(d, ['caps', 'sand'], 1600));
    await flushDraft();
    expect(saveState()).toBe('conflict');
    expect(editsAtRisk()).toBe(true);
    expect(saveConflict()?.merge.conflicts).toEqual([{ path: ['caps', 'sand'], mine: 1700, theirs: 1600 }]);
    // the other tab's save stands until the planner chooses; a flush meanwhile writes nothing
    await flushDraft();
    expect(getIn((await stored()).scenario, ['caps', 'sand'])).toBe(1600);

    await resolveConflict(new Set([0]));
    expect(saveConflict()).toBeNull();
    expect(saveState()).toBe('saved');
    expect(getIn((await stored()).scenario, ['caps', 'sand'])).toBe(1600);
    expect(getIn(draft(), ['caps', 'sand'])).toBe(1600);
    expect(editsAtRisk()).toBe(false);
  });
});

describe('a failing store', () => {
  it('keeps the edit, opens the notice, guards the unload, and saves on the next try once storage is back', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      editDraft((d) => setIn(d, ['caps', 'sand'], 1234));
      await flushDraft();
      expect(saveState()).toBe('error');
      expect(saveFailure()).toMatchObject({ open: true, message: expect.stringContaining('QuotaExceededError') });
      expect(editsAtRisk()).toBe(true);
      expect(getIn(draft(), ['caps', 'sand'])).toBe(1234);
      expect(getIn((await stored()).scenario, ['caps', 'sand'])).not.toBe(1234);
    } finally {
      put.mockRestore();
    }
    await flushDraft();
    expect(saveState()).toBe('saved');
    expect(saveFailure()).toBeNull();
    expect(editsAtRisk()).toBe(false);
    expect(getIn((await stored()).scenario, ['caps', 'sand'])).toBe(1234);
  });

  it('a closed tab’s kept edit the database refuses at start-up is reported and kept for the next start', async () => {
    const id = currentScenario()!.id;
    await new Promise((r) => setTimeout(r, 2)); // typed after the last save
    keepUnsaved(id, setIn(draft()!, ['caps', 'sand'], 1357));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await recoverUnsavedDrafts();
    } finally {
      put.mockRestore();
    }
    expect(notices().map((n) => n.message)).toContainEqual(expect.stringContaining('could not be stored (QuotaExceededError'));
    expect(unsavedDrafts().map((k) => k.scenarioId)).toEqual([id]);
    await recoverUnsavedDrafts();
    expect(getIn((await stored()).scenario, ['caps', 'sand'])).toBe(1357);
    expect(unsavedDrafts()).toEqual([]);
  });
});
