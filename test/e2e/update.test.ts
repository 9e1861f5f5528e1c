/**
 * A deployment while tabs are open. Build 1 is served and opened in two tabs;
 * then build 2 (build 1 with the Explore and solver chunks renamed, as a
 * changed source gives, and its own sw.js) replaces it on the server, so
 * build 1's chunks are gone from the server. The open tabs keep working on
 * build 1 (Explore, the solver), offer "a new version is ready", and the
 * planner's Reload brings build 2; build 1's cache stays while a tab still
 * runs it and goes once none does. Offline after that, build 2 runs whole.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeServiceWorker } from '../../scripts/sw-plugin';
import { buildOnce, describeE2E, freePort, launchApp, type Server } from '../helpers/browser';
import { nav, openWithBaseline, solve, W } from './steps';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A static server whose directory the test switches, as a deployment does. */
async function deployable(dir: string): Promise<Server & { deploy(next: string): void }> {
  let root = dir;
  const port = await freePort();
  const http: HttpServer = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, normalize(path === '/' ? '/index.html' : path));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => http.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}/`,
    deploy: (next) => (root = next),
    close: () => new Promise<void>((ok) => http.close(() => ok())),
  };
}

/** Build 2: build 1 with two chunks under new names (references rewritten), a marker in the page, and its own sw.js. */
function secondBuild(first: string): { dir: string; version: string } {
  const dir = mkdtempSync(join(tmpdir(), 'quota-workbench-build2-'));
  cpSync(first, dir, { recursive: true });
  const assets = join(dir, 'assets');
  const renames = readdirSync(assets)
    .filter((f) => /^(ExplorePage|worker)-[\w-]+\.js$/.test(f))
    .map((f) => [f, f.replace(/\.js$/, '-b2.js')] as const);
  expect(renames).toHaveLength(2);
  for (const [from, to] of renames) {
    writeFileSync(join(assets, to), readFileSync(join(assets, from)));
    rmSync(join(assets, from));
  }
  for (const f of [...readdirSync(assets).map((a) => join(assets, a)), join(dir, 'index.html')].filter((p) => /\.(js|html)$/.test(p))) {
    const text = readFileSync(f, 'utf8');
    const next = renames.reduce((s, [from, to]) => s.split(from).join(to), text);
    if (next !== text) writeFileSync(f, next);
  }
  const html = join(dir, 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace('<head>', '<head>\n    <meta name="quota-workbench-build" content="2" />'));
  return { dir, version: writeServiceWorker(dir).version };
}

const runningVersion = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((ok) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => ok((e.data as { version: string }).version);
        navigator.serviceWorker.controller?.postMessage({ type: 'version' }, [channel.port2]);
      }),
  );
const buildCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('quota-workbench-')).sort());
const isBuild2 = (page: Page) => page.evaluate(() => document.querySelector('meta[name="quota-workbench-build"]') !== null);
const READY = 'A new version is ready';

describeE2E('a new deployment while tabs are open', () => {
  let server: Awaited<ReturnType<typeof deployable>>;
  let build2: { dir: string; version: string };
  beforeAll(async () => {
    const build1 = await buildOnce();
    build2 = secondBuild(build1);
    server = await deployable(build1);
  });
  afterAll(async () => {
    await server?.close();
    if (build2) rmSync(build2.dir, { recursive: true, force: true });
  });

  it('open tabs keep working on their build and offer the new one; Reload runs it; the old copy goes with the last tab that used it', async () => {
    const app = await launchApp(server, { serviceWorkers: 'allow' });
    try {
      const { page, context } = app;
      await openWithBaseline(app, 'en');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const version1 = await runningVersion(page);
      expect(await buildCaches(page)).toEqual([`quota-workbench-${version1}`]);
      const other = await context.newPage();
      await other.goto(`${server.url}?lang=en#/plan`);
      await other.locator('#plan-table23').waitFor();

      server.deploy(build2.dir);
      expect(build2.version).not.toBe(version1);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const offer = page.locator('.notice').filter({ hasText: READY });
      await offer.waitFor({ timeout: 30_000 });
      expect(await runningVersion(page)).toBe(version1);

      // build 1's Explore chunk and solver are no longer on the server; the tab still has them
      await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
      await page.getByRole('tab', { name: 'Sweep' }).waitFor();
      await nav(page, 'en', 'editor');
      expect(await solve(page, 'en')).toContain(W.en.solved);
      expect(await isBuild2(page)).toBe(false);

      // the planner decides: Reload brings build 2 in this tab
      await offer.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => isBuild2(page), { timeout: 30_000 }).toBe(true);
      await page.waitForSelector('header.topbar');
      expect(await runningVersion(page)).toBe(build2.version);
      await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
      await page.getByRole('tab', { name: 'Sweep' }).waitFor();
      await nav(page, 'en', 'editor');
      expect(await solve(page, 'en')).toContain(W.en.solved);

      // the other tab still runs build 1: it is told, and its chunks are still there
      await other.locator('.notice').filter({ hasText: READY }).waitFor();
      expect(await isBuild2(other)).toBe(false);
      expect(await buildCaches(page)).toEqual([`quota-workbench-${version1}`, `quota-workbench-${build2.version}`].sort());
      await other.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
      await other.getByRole('tab', { name: 'Sweep' }).waitFor();

      // once no tab runs build 1, its copy goes
      await other.close();
      await page.reload();
      await page.waitForSelector('header.topbar');
      await expect.poll(() => buildCaches(page), { timeout: 30_000 }).toEqual([`quota-workbench-${build2.version}`]);

      // offline after the update: build 2's page with build 2's chunks
      await context.setOffline(true);
      try {
        await page.reload();
        await page.waitForSelector('header.topbar');
        expect(await isBuild2(page)).toBe(true);
        await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
        await page.getByRole('tab', { name: 'Sweep' }).waitFor();
        await nav(page, 'en', 'editor');
        expect(await solve(page, 'en')).toContain(W.en.solved);
      } finally {
        await context.setOffline(false);
      }
    } finally {
      await app.close();
    }
  }, 180_000);
});
