/**
 * Writes the service worker (src/offline/sw.js) into the build with the list
 * of every file the build emitted and a version that is a hash of their
 * contents. The worker precaches that list as one unit under a cache named by
 * the version, so an open tab always finds every chunk of the build it runs,
 * and any change of any file gives a new worker that the browser installs
 * beside the old one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { afterBuild } from './after-build.js';

const SW_TEMPLATE = resolve(import.meta.dirname, '../src/offline/sw.js');
const PLACEHOLDER = 'self.__BUILD__';

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix + name;
      return statSync(join(dir, name)).isDirectory() ? files(join(dir, name), `${rel}/`) : [rel];
    });
}

export interface BuildManifest {
  version: string;
  /** scope-relative URLs, './' for the page itself */
  assets: string[];
}

/** Lists a built directory (dot files, sw.js itself and the wasm's compressed copies left out) and names its version. */
export function buildManifest(outDir: string): BuildManifest {
  // the compressed copies of the wasm (wasm-precompress.ts) are served in its place, never asked for by name
  const list = files(outDir).filter((f) => f !== 'sw.js' && !/\.wasm\.(br|gz)$/.test(f) && !f.split('/').some((part) => part.startsWith('.')));
  const hash = createHash('sha256');
  for (const f of list) hash.update(f).update('\0').update(readFileSync(join(outDir, f)));
  return { version: hash.digest('hex').slice(0, 16), assets: list.map((f) => (f === 'index.html' ? './' : `./${f}`)) };
}

/** (Re)writes outDir/sw.js for what outDir holds now; returns the manifest it put in. */
export function writeServiceWorker(outDir: string, template = SW_TEMPLATE): BuildManifest {
  const manifest = buildManifest(outDir);
  const source = readFileSync(template, 'utf8');
  if (!source.includes(PLACEHOLDER)) throw new Error(`${template} has no ${PLACEHOLDER} to fill in`);
  writeFileSync(join(outDir, 'sw.js'), source.replace(PLACEHOLDER, () => JSON.stringify(manifest)));
  return manifest;
}

export function serviceWorker(): Plugin {
  return { ...afterBuild('quota-workbench:service-worker', (outDir) => writeServiceWorker(outDir)), apply: 'build' };
}
