// @vitest-environment jsdom
/**
 * The small helpers there is one of (issue 11 item 4): each tested once here,
 * where it lives, rather than through the pages that call it.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { hasSolution, STATUSES } from '../src/model/report';
import { downloadScenario } from '../src/ui/shell/download';

/** jsdom's Blob has no text(). */
function textOf(b: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('download', () => {
  test('a scenario downloads as its file text under its file name, through one link clicked and removed', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => undefined;
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
    downloadScenario({ name: '试算 A', format: 'quota-scenario/1', model: 'm', caps: { sand: 1 } }, '试算 A');
    expect(clicked).toEqual([{ name: '试算_A.scenario.json', href: 'blob:x' }]);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0]?.type).toBe('application/json;charset=utf-8');
    expect(JSON.parse(await textOf(blobs[0]!))).toEqual({ format: 'quota-scenario/1', name: '试算 A', model: 'm', caps: { sand: 1 } });
  });
});

describe('has a solution', () => {
  test('optimal and feasible (a gap, or the best found by the time limit) have one; infeasible, unbounded and a time-out have none', () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, hasSolution({ status })]))).toEqual({ optimal: true, feasible: true, infeasible: false, unbounded: false, timeout: false });
    expect(hasSolution({ status: null })).toBe(false);
  });
});
