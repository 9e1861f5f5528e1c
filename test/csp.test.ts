/**
 * index.html's Content-Security-Policy against what the app writes itself:
 * the printable report (a blob: page that inherits the policy) may carry
 * inline handlers only where the policy lists their hash, and no inline
 * script. The browser side is test/e2e/hostile.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reportHtml } from '../src/export/report';
import { toyDataset, toyReport, toyScenario } from './helpers/toy-report';

const INDEX = readFileSync(join(import.meta.dirname, '..', 'index.html'), 'utf8');

function policy(): Map<string, string[]> {
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(INDEX)?.[1] ?? '';
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
}

describe('Content-Security-Policy', () => {
  test('scripts come only from the app: no inline script, no eval, no plug-ins', () => {
    const p = policy();
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')?.[0]).toBe("'self'");
    expect(p.get('script-src')).not.toContain("'unsafe-inline'");
    expect(p.get('script-src')).not.toContain("'unsafe-eval'");
    expect(p.get('object-src')).toEqual(["'none'"]);
  });

  test("every inline handler of the printable report is allowed by its hash, and it has no inline script", () => {
    const html = reportHtml(toyReport(), toyDataset, { ...toyScenario, name: '<img src=x onerror="window.__pwned=1">' }, 'zh');
    expect(html).not.toMatch(/<script/i);
    const handlers = [...html.matchAll(/\son[a-z]+="([^"]*)"/gi)].map((m) => m[1] ?? '');
    expect(handlers).toEqual(['window.print()']);
    const allowed = policy().get('script-src') ?? [];
    expect(allowed).toContain("'unsafe-hashes'");
    for (const h of handlers) expect(allowed).toContain(`'sha256-${createHash('sha256').update(h).digest('base64')}'`);
  });
});
