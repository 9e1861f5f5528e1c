import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { serviceWorker } from './scripts/sw-plugin.js';
import { wasmPrecompress } from './scripts/wasm-precompress.js';

export default defineConfig({
  // wasmPrecompress before serviceWorker: both write after the bundle, and the worker's version hashes the finished build
  plugins: [solid(), wasmPrecompress(), serviceWorker()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Vitest's default, one file per core less one, ran the suite one file at a time on a 2-core machine: 16.5 min, the
    // browser tests mostly waiting on Chromium; two at a time there took 8.2 min with every test passing
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    server: { deps: { inline: [/solid-js/, /@solidjs\/testing-library/] } },
  },
});
