/**
 * The service worker written into the build (scripts/sw-plugin.ts): it lists
 * every file of the build, the page as './', leaves out itself and dot files,
 * and its version changes with the content of any file, so a new deployment
 * is always a new worker with a new cache.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildManifest, writeServiceWorker } from '../scripts/sw-plugin';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeBuild(): string {
  dir = mkdtempSync(join(tmpdir(), 'sw-plugin-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<script src="./assets/index-a.js"></script>');
  writeFileSync(join(dir, 'assets/index-a.js'), 'import("./ExplorePage-b.js")');
  writeFileSync(join(dir, 'assets/ExplorePage-b.js'), 'export {}');
  writeFileSync(join(dir, 'assets/glpk-c.wasm'), 'wasm');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, '.build-stamp'), 'x');
  return dir;
}

describe('service worker manifest', () => {
  it('lists every file of the build once, the page as ./, without sw.js and dot files', () => {
    const out = fakeBuild();
    const manifest = writeServiceWorker(out);
    expect([...manifest.assets].sort()).toEqual(['./', './assets/ExplorePage-b.js', './assets/glpk-c.wasm', './assets/index-a.js', './favicon.svg']);
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    expect(sw).toContain(`const BUILD = ${JSON.stringify(manifest)};`);
    expect(sw).not.toContain('self.__BUILD__');
    // writing it again (sw.js now in the directory) gives the same worker
    expect(writeServiceWorker(out)).toEqual(manifest);
  });

  it('a change to any one file gives a new version', () => {
    const out = fakeBuild();
    const first = buildManifest(out).version;
    expect(buildManifest(out).version).toBe(first);
    writeFileSync(join(out, 'assets/glpk-c.wasm'), 'wasm2');
    const second = buildManifest(out).version;
    expect(second).not.toBe(first);
    writeFileSync(join(out, 'index.html'), '<script src="./assets/index-d.js"></script>');
    expect(buildManifest(out).version).not.toBe(second);
  });
});
