// @vitest-environment jsdom
/**
 * The small helpers there is one of (issue 11 item 4): each tested once here,
 * where it lives, rather than through the pages that call it.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { hasSolution, STATUSES } from '../src/model/report';
import { drain } from '../src/model/pool';
import { workerHandle, type WorkerSolver } from '../src/solver/client';
import { toyDataset } from './helpers/toy-report';
import { getIn, setIn } from '../src/domain/json-path';
import { latestRunPerScenario, scenarioHash, staleness } from '../src/store';
import { downloadScenario } from '../src/ui/shell/download';
import { scenarioJson } from '../src/domain/scenario-json';
import { flattenScenario } from '../src/export';
import { fmt, fmtPct, fmtPctAtMost, fmtSig } from '../src/present/names';
import { formatTime } from '../src/ui/shell/RunInfo';
import { setLang } from '../src/ui/i18n';

/** jsdom's Blob has no text(). */
function textOf(b: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
}

/** The files the page saves: each object URL's blob, and each link clicked (its file name and URL). */
function captureDownloads(): { blobs: Blob[]; clicked: { name: string; href: string }[] } {
  const blobs: Blob[] = [];
  const clicked: { name: string; href: string }[] = [];
  URL.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return 'blob:x';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.getAttribute('href') ?? '' });
  });
  return { blobs, clicked };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('download', () => {
  test('a scenario downloads as its file text under its file name, through one link clicked and removed', async () => {
    const { blobs, clicked } = captureDownloads();
    downloadScenario({ name: '试算 A', format: 'quota-scenario/1', model: 'm', caps: { sand: 1 } }, '试算 A');
    expect(clicked).toEqual([{ name: '试算_A.scenario.json', href: 'blob:x' }]);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0]?.type).toBe('application/json;charset=utf-8');
    expect(JSON.parse(await textOf(blobs[0]!))).toEqual({ format: 'quota-scenario/1', name: '试算 A', model: 'm', caps: { sand: 1 } });
  });
});

describe('scenario file', () => {
  test('the same bytes for the same scenario wherever it is written: the download, the writer, the exports\' parameter order', async () => {
    const scenario = { format: 'quota-scenario/1', name: 'n', model: 'm', caps: { sand: { min: 1, max: 2 } }, rightsCaps: { class3: 5 } } as const;
    const shuffled = { rightsCaps: { class3: 5 }, caps: { sand: { max: 2, min: 1 } }, model: 'm', name: 'n', format: 'quota-scenario/1' } as const;
    const { blobs } = captureDownloads();
    downloadScenario(shuffled, 'n');
    const text = scenarioJson(scenario);
    expect(await textOf(blobs[0]!)).toBe(text);
    expect(scenarioJson(shuffled)).toBe(text);
    expect(text.split('\n').slice(0, 5)).toEqual(['{', '  "format": "quota-scenario/1",', '  "name": "n",', '  "model": "m",', '  "caps": {']);
    expect(flattenScenario(shuffled).map((r) => r.key)).toEqual(['format', 'name', 'model', 'caps.sand.min', 'caps.sand.max', 'rightsCaps.class3']);
  });
});

describe('has a solution', () => {
  test('optimal and feasible (a gap, or the best found by the time limit) have one; infeasible, unbounded and a time-out have none', () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, hasSolution({ status })]))).toEqual({ optimal: true, feasible: true, infeasible: false, unbounded: false, timeout: false });
    expect(hasSolution({ status: null })).toBe(false);
  });
});

describe('number and date formats', () => {
  test('one locale per language: grouped thousands, float noise and minus zero cleaned, no number shown as —', () => {
    expect(fmt(1234567.891, 'zh')).toBe('1,234,567.89');
    expect(fmt(1234567.891, 'en')).toBe('1,234,567.89');
    expect(fmt(0.1 + 0.2, 'en', 4)).toBe('0.3');
    expect(fmt(-1e-9, 'zh')).toBe('0');
    expect([fmt(null, 'en'), fmt(Number.NaN, 'zh')]).toEqual(['—', '—']);
    expect([fmtPct(0.1234, 'zh'), fmtPct(0.1234, 'en', 0)]).toEqual(['12.3%', '12%']);
    expect([fmtSig(0.000123456, 'en'), fmtSig(123456, 'zh')]).toEqual(['0.000123', '123,000']);
    expect(fmtPctAtMost(0.01234, 'en')).toBe('1.3%');
  });

  test('dates read day first in English (en-GB, as numbers) and year first in Chinese', () => {
    const noon = new Date(2026, 0, 31, 12, 5).getTime();
    setLang('en');
    expect(formatTime(noon)).toBe('31/01/2026, 12:05');
    setLang('zh');
    expect(formatTime(noon)).toBe('2026/1/31 12:05');
  });
});

describe('latest run per scenario', () => {
  test('the newest run of each scenario, whatever the order it is given in; of two in the same millisecond, the later one', () => {
    const runs = [
      { id: 'b2', scenarioId: 'b', createdAt: 20 },
      { id: 'a1', scenarioId: 'a', createdAt: 10 },
      { id: 'b1', scenarioId: 'b', createdAt: 5 },
      { id: 'a2', scenarioId: 'a', createdAt: 10 },
    ];
    expect([...latestRunPerScenario(runs)].map(([s, r]) => [s, r.id])).toEqual([
      ['b', 'b2'],
      ['a', 'a2'],
    ]);
  });
});

describe('path get and set', () => {
  test('reads through objects and arrays, undefined where the path leaves them', () => {
    const s = { caps: { sand: { max: 2 } }, excludedZones: ['Z07'], name: 'n' };
    expect(getIn(s, ['caps', 'sand', 'max'])).toBe(2);
    expect(getIn(s, ['excludedZones', 0])).toBe('Z07');
    expect([getIn(s, ['name', 'x']), getIn(s, ['caps', 'clay', 'max']), getIn(null, ['a'])]).toEqual([undefined, undefined, undefined]);
    expect(getIn(s, [])).toBe(s);
  });

  test('sets in a copy, making objects on the way; undefined removes the key and the objects it leaves empty', () => {
    const s = { caps: { sand: 1 }, name: 'n' };
    const set = setIn(s, ['countyBounds', 'hetian', 'sand', 'max'], 5);
    expect(set).toEqual({ caps: { sand: 1 }, name: 'n', countyBounds: { hetian: { sand: { max: 5 } } } });
    expect(s).toEqual({ caps: { sand: 1 }, name: 'n' });
    expect(setIn(set, ['countyBounds', 'hetian', 'sand', 'max'], undefined)).toEqual(s);
    expect(setIn(s, ['caps', 'sand'], undefined)).toEqual({ name: 'n' });
    expect(setIn({ zones: ['a', 'b'] }, ['zones', 1], 'c')).toEqual({ zones: ['a', 'c'] });
  });
});

describe('staleness', () => {
  test('a scenario changed in what is solved, or the model, makes a result stale; with no valid scenario only the model can', () => {
    const scenario = { format: 'quota-scenario/1', name: 'n', model: 'm', caps: { sand: 1 } };
    const made = { scenarioHash: scenarioHash(scenario), modelVersion: 'm@1' };
    expect(staleness(made, { ...scenario, name: 'renamed' }, 'm@1')).toEqual({ stale: false, scenarioChanged: false, modelChanged: false });
    expect(staleness(made, { ...scenario, caps: { sand: 2 } }, 'm@1')).toEqual({ stale: true, scenarioChanged: true, modelChanged: false });
    expect(staleness(made, null, 'm@1').stale).toBe(false);
    expect(staleness(made, null, 'm@2')).toEqual({ stale: true, scenarioChanged: false, modelChanged: true });
  });
});

describe('the pool queue', () => {
  /** A worker that answers each item after `ms` and counts its restarts. */
  const worker = (ms: number) => ({
    ms,
    restarts: 0,
    restart() {
      this.restarts++;
    },
  });

  test('each worker takes the next item when free; results come with their index', async () => {
    const ws = [worker(1), worker(3)];
    const got: [number, number][] = [];
    const twice = async (w: (typeof ws)[number], x: number) => {
      await new Promise((r) => setTimeout(r, w.ms));
      return x * 2;
    };
    await drain([10, 20, 30, 40, 50], ws, twice, (r, i) => got.push([i, r]));
    expect(got.sort((a, b) => a[0] - b[0])).toEqual([[0, 20], [1, 40], [2, 60], [3, 80], [4, 100]]);
    expect(ws.map((w) => w.restarts)).toEqual([0, 0]);
  });

  test('an abort sends nothing more, restarts the busy workers only, and ends without an error', async () => {
    const ws = [worker(0), worker(0), worker(0)];
    const controller = new AbortController();
    const started: number[] = [];
    // a solve that ends only when its worker is restarted, as glpk's does
    const untilRestarted = (w: (typeof ws)[number], x: number) => {
      started.push(x);
      const was = w.restarts;
      return new Promise<number>((_, reject) => {
        const poll = setInterval(() => {
          if (w.restarts === was) return;
          clearInterval(poll);
          reject(new Error('restarted'));
        }, 1);
      });
    };
    const queue = drain([1, 2, 3, 4], ws.slice(0, 2), untilRestarted, () => undefined, controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(queue).resolves.toBeUndefined();
    expect(started).toEqual([1, 2]);
    expect(ws.map((w) => w.restarts)).toEqual([1, 1, 0]);
  });

  test('a failure that is not an abort rejects', async () => {
    await expect(drain([1], [worker(0)], () => Promise.reject(new Error('crashed')), () => undefined)).rejects.toThrow('crashed');
  });
});

describe('worker handle', () => {
  test('each named function of the worker is a call by name with its arguments; restart is the client\'s', async () => {
    const calls: unknown[][] = [];
    let restarts = 0;
    const client = {
      call: (method: string, ...args: unknown[]) => {
        calls.push([method, ...args]);
        return Promise.resolve(`${method} done`);
      },
      restart: () => restarts++,
    } as unknown as WorkerSolver;
    const handle = workerHandle(client, 'rangePlan', 'setDataset');
    expect(Object.keys(handle).sort()).toEqual(['rangePlan', 'restart', 'setDataset']);
    await expect(handle.setDataset('k', toyDataset)).resolves.toBe('setDataset done');
    handle.restart();
    expect(calls).toEqual([['setDataset', 'k', toyDataset]]);
    expect(restarts).toBe(1);
  });
});
