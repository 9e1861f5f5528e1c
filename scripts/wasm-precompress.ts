/**
 * The solver's wasm (glpk.wasm, about 290 KB) compresses to well under half,
 * but servers compress on the fly only what they take for text: `vite
 * preview` (and many static hosts) send it as it is. This plugin writes a
 * brotli and a gzip copy beside every .wasm of the build (`x.wasm.br`,
 * `x.wasm.gz`), for a server that serves precompressed files (nginx
 * `gzip_static`/`brotli_static`, Caddy `precompressed`; README, "Serving the
 * build"), and makes `vite preview` serve them with Content-Encoding to a
 * browser that accepts it. The service worker's precache leaves the copies
 * out (scripts/sw-plugin.ts): the browser never asks for them by name.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { afterBuild } from './after-build.js';

/** The encodings written, best first: the file suffix and the Content-Encoding it is served with. */
export const PRECOMPRESSED = [
  { suffix: '.br', encoding: 'br', compress: (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) },
  { suffix: '.gz', encoding: 'gzip', compress: (b: Buffer) => gzipSync(b, { level: 9 }) },
] as const;

function wasmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return wasmFiles(path);
    return name.endsWith('.wasm') ? [path] : [];
  });
}

/** Writes the compressed copies of every .wasm under `outDir`; returns the paths written. */
export function precompressWasm(outDir: string): string[] {
  return wasmFiles(outDir).flatMap((path) => {
    const raw = readFileSync(path);
    return PRECOMPRESSED.map(({ suffix, compress }) => {
      writeFileSync(path + suffix, compress(raw));
      return path + suffix;
    });
  });
}

/** Whether an Accept-Encoding header allows an encoding (not refused with q=0). */
export function accepts(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    return name?.trim().toLowerCase() === encoding && (q === undefined || Number(q) > 0);
  });
}

// before the service worker lists the build (sw-plugin's is an afterBuild too, and comes after this in the plugin list)
export function wasmPrecompress(): Plugin {
  return afterBuild('quota-workbench:wasm-precompress', precompressWasm, (built) => ({
    configurePreviewServer(server) {
      const outDir = built();
      // runs before preview's own compression and static files
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!path.endsWith('.wasm') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        const file = normalize(join(outDir, path));
        if (!file.startsWith(outDir)) return next();
        const pick = PRECOMPRESSED.find((p) => accepts(req.headers['accept-encoding'], p.encoding) && existsSync(file + p.suffix));
        if (!pick) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.setHeader('Content-Encoding', pick.encoding);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Content-Length', statSync(file + pick.suffix).size);
        if (req.method === 'HEAD') return res.end();
        createReadStream(file + pick.suffix).pipe(res);
      });
    },
  }));
}
