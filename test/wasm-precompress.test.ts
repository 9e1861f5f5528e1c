/** The wasm's precompressed copies: written beside it, decoding to it, served by what the browser accepts, never precached. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { buildManifest } from '../scripts/sw-plugin';
import { accepts, precompressWasm } from '../scripts/wasm-precompress';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('wasm precompression', () => {
  test('every .wasm gets a .br and a .gz that decode to it; the service worker lists only the .wasm', () => {
    dir = mkdtempSync(join(tmpdir(), 'wasm-precompress-'));
    mkdirSync(join(dir, 'assets'));
    const wasm = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 7));
    writeFileSync(join(dir, 'assets/glpk-x.wasm'), wasm);
    writeFileSync(join(dir, 'assets/index-x.js'), 'export {}');
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    expect(precompressWasm(dir).map((p) => p.slice(dir.length))).toEqual(['/assets/glpk-x.wasm.br', '/assets/glpk-x.wasm.gz']);
    const br = readFileSync(join(dir, 'assets/glpk-x.wasm.br'));
    expect(brotliDecompressSync(br).equals(wasm)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'assets/glpk-x.wasm.gz'))).equals(wasm)).toBe(true);
    expect(br.length).toBeLessThan(wasm.length / 4);
    expect(buildManifest(dir).assets).toEqual(['./assets/glpk-x.wasm', './assets/index-x.js', './']);
  });

  test('Accept-Encoding: listed encodings are accepted unless refused with q=0', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(accepts('gzip;q=0.5', 'gzip')).toBe(true);
    expect(accepts('identity', 'gzip')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });
});
