/**
 * Browser test harness: builds the app once (`vite build` into dist, skipped
 * when dist already matches the sources), serves that build with `vite preview`
 * on a free port of 127.0.0.1, and drives Debian's Chromium through playwright-core
 * with a fresh user-data dir per app instance.
 *
 * Without /usr/bin/chromium the e2e suites are skipped, unless REQUIRE_E2E=1,
 * in which case they fail.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REQUIRE_E2E = process.env.REQUIRE_E2E === '1';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `describe` for browser suites: runs when Chromium is there; otherwise skips,
 * or with REQUIRE_E2E=1 fails with the reason.
 */
export function describeE2E(name: string, fn: () => void): void {
  if (!HAS_CHROMIUM && REQUIRE_E2E)
    describe(name, () => {
      it('needs Chromium', () => {
        expect(HAS_CHROMIUM, `REQUIRE_E2E=1 but no Chromium at ${CHROMIUM}`).toBe(true);
      });
    });
  else describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? name : `${name} (no Chromium at ${CHROMIUM})`, fn);
}

// ------------------------------------------------------------------ build

const INPUTS = ['src', 'models', 'scenarios', 'public', 'scripts/after-build.ts', 'scripts/sw-plugin.ts', 'scripts/wasm-precompress.ts', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  else out.push(path);
}

/** A hash of everything the build reads: the same sources give the same dist. */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const p of INPUTS) walk(join(ROOT, p), files);
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f.slice(ROOT.length));
    h.update('\0');
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

const STAMP = join(DIST, '.build-stamp');
const LOCK = join(tmpdir(), `quota-workbench-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // another test file is building; a lock older than 5 minutes is left over from a killed run
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${LOCK}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

let built: Promise<string> | null = null;

/**
 * Builds dist unless it already matches the sources. Returns a snapshot of
 * that build (a copy named by its fingerprint), which is what gets served:
 * a later rebuild of dist by another test file cannot change files under a
 * running server.
 */
export function buildOnce(): Promise<string> {
  built ??= withLock(async () => {
    const fp = sourceFingerprint();
    if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== fp) {
      await new Promise<void>((ok, fail) =>
        // vitest sets NODE_ENV=test, which would give a development build (Solid's dev runtime, no PROD code paths)
        execFile(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, NODE_ENV: 'production' } }, (err, _out, stderr) =>
          err ? fail(new Error(`vite build failed:\n${stderr}`)) : ok(),
        ),
      );
      writeFileSync(STAMP, fp);
    }
    const snapshot = join(tmpdir(), `quota-workbench-dist-${fp.slice(0, 16)}`);
    if (!existsSync(join(snapshot, '.build-stamp'))) {
      rmSync(snapshot, { recursive: true, force: true });
      cpSync(DIST, snapshot, { recursive: true });
      // snapshots of older sources, a day old, are no longer served by anyone
      for (const name of readdirSync(tmpdir()))
        if (name.startsWith('quota-workbench-dist-') && join(tmpdir(), name) !== snapshot) {
          const old = join(tmpdir(), name);
          if (Date.now() - statSync(old).mtimeMs > 24 * 3600_000) rmSync(old, { recursive: true, force: true });
        }
    }
    return snapshot;
  });
  return built;
}

// ------------------------------------------------------------------ serve

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of dist on a free port; resolves once it answers HTTP. */
export async function serve(): Promise<Server> {
  const dir = await buildOnce();
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: false, env: { ...process.env, NODE_ENV: 'production' } },
  );
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

// ------------------------------------------------------------------ browser

export interface App {
  context: BrowserContext;
  page: Page;
  /** the served app's address, e.g. http://127.0.0.1:41234/ */
  base: string;
  /** loads the app at a route with ?lang=… */
  goto(route?: string, lang?: 'zh' | 'en'): Promise<void>;
  /** errors the page logged (console.error, uncaught exceptions) */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile (so a fresh IndexedDB), 1366×768, one page,
 * service workers blocked unless asked for.
 * The same profile persists across reloads and extra pages of this App.
 */
export async function launchApp(server: Server, opts: { locale?: string; serviceWorkers?: 'allow' | 'block' } = {}): Promise<App> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'quota-workbench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: opts.locale ?? 'zh-CN',
    acceptDownloads: true,
    // the app's offline service worker would answer requests that tests intercept; a test that needs it asks for it
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    base: server.url,
    errors,
    async goto(route = 'scenarios', lang?: 'zh' | 'en') {
      await page.goto(`${server.url}${lang ? `?lang=${lang}` : ''}#/${route}`);
      await page.waitForSelector('header.topbar');
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

type LaunchOptions = Parameters<typeof launchApp>[1];

/** One served build for a whole suite: started before its tests, stopped after them. */
function serverForSuite(): () => Server {
  let server: Server | undefined;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the suite\'s server is not up yet');
    return server;
  };
}

/**
 * One served build for a whole suite and a fresh app (its own profile, so an
 * empty database) for each test that asks: `withApp(async (app) => …)` opens
 * it and closes it however the test ends.
 */
export function appsPerTest(): { withApp<T>(fn: (app: App) => Promise<T>, opts?: LaunchOptions): Promise<T> } {
  const server = serverForSuite();
  return {
    async withApp(fn, opts) {
      const app = await launchApp(server(), opts);
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
  };
}

/**
 * One served build and one app for a whole suite: opened before its tests
 * (then `setup` runs on it), closed after them. Tests read `.app`, which is
 * set once the suite starts.
 */
export function appForSuite(opts?: LaunchOptions, setup?: (app: App) => Promise<unknown>): { app: App } {
  const suite = {} as { app: App };
  const server = serverForSuite();
  beforeAll(async () => {
    suite.app = await launchApp(server(), opts);
    await setup?.(suite.app);
  });
  afterAll(async () => {
    await suite.app?.close();
  });
  return suite;
}

/** What one IndexedDB store of the workbench holds, read inside the page: one row by key, or every row under an index value. */
export function readStore<T>(page: Page, q: { store: string; key: string } | { store: string; index: string; value: string }): Promise<T> {
  return page.evaluate(
    (q) =>
      new Promise<T>((ok, fail) => {
        const open = indexedDB.open('quota-workbench');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction(q.store).objectStore(q.store);
          const r = 'key' in q ? store.get(q.key) : store.index(q.index).getAll(q.value);
          r.onerror = () => fail(r.error);
          r.onsuccess = () => {
            open.result.close();
            ok(r.result as T);
          };
        };
      }),
    q,
  );
}
