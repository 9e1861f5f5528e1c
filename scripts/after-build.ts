/** The part of the build plugins (sw-plugin.ts, wasm-precompress.ts) that finds the build's folder and acts once the whole build is written. */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * A plugin that runs `step` on the build's output folder after every file of
 * the bundle (the solver worker and its wasm included) is on disk. Plugins of
 * this kind run in their order in the plugin list. `more` adds hooks that
 * read the folder too.
 */
export function afterBuild(name: string, step: (outDir: string) => unknown, more?: (outDir: () => string) => Partial<Plugin>): Plugin {
  let outDir = 'dist';
  return {
    name,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        step(outDir);
      },
    },
    ...more?.(() => outDir),
  };
}
