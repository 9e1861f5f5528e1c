/*
 * Offline copy of the workbench (template: scripts/sw-plugin.ts writes it into
 * the build as sw.js with the build's file list and version).
 *
 * One build, one cache: on install every file of the build is fetched into
 * `quota-workbench-<version>`; if any fails the install fails and the browser
 * tries again later, so a build is never half stored. The page and every chunk
 * are served from the cache of the build the tab runs, so a tab opened online
 * works offline later, Explore and the solver included.
 *
 * A new build installs beside the old one and waits: the page offers
 * "new version ready — reload" and only the planner's click lets it take
 * over (message 'skip-waiting'). Open tabs of the old build keep loading their
 * chunks from the old cache, which is deleted only once every tab that was
 * open when the new build took over has been closed or reloaded.
 */
const BUILD = self.__BUILD__;
const PREFIX = 'quota-workbench-';
const CACHE = PREFIX + BUILD.version;
// which tabs may still run each older build: { [cache name]: client ids }
const HOLDERS_CACHE = 'quota-workbench:holders';
const HOLDERS_KEY = new URL('./__holders', self.registration.scope).href;
const SHELL = new URL('./', self.registration.scope).href;

const isBuildCache = (key) => key.startsWith(PREFIX);

async function readHolders() {
  const res = await (await caches.open(HOLDERS_CACHE)).match(HOLDERS_KEY);
  return res ? res.json() : {};
}

async function writeHolders(holders) {
  await (await caches.open(HOLDERS_CACHE)).put(HOLDERS_KEY, new Response(JSON.stringify(holders), { headers: { 'content-type': 'application/json' } }));
}

async function liveClients() {
  return (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id);
}

/** Deletes each older build's cache once none of the tabs open when it was superseded is left. */
async function tidy() {
  const live = new Set(await liveClients());
  const holders = await readHolders();
  for (const key of Object.keys(holders)) {
    if (key === CACHE || holders[key].some((id) => live.has(id))) continue;
    await caches.delete(key);
    delete holders[key];
  }
  await writeHolders(holders);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // a build deployed again (a rollback) may have its cache marked as an old one: it is this one again
      const holders = await readHolders();
      if (holders[CACHE]) {
        delete holders[CACHE];
        await writeHolders(holders);
      }
      const cache = await caches.open(CACHE);
      // past the HTTP cache: a stale copy of a file would break the unit
      await cache.addAll(BUILD.assets.map((url) => new Request(url, { cache: 'reload' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const live = await liveClients();
      const holders = await readHolders();
      // an older cache without holders was the build active until now (or one before this scheme)
      for (const key of await caches.keys()) if (isBuildCache(key) && key !== CACHE && !holders[key]) holders[key] = live;
      delete holders[CACHE];
      await writeHolders(holders);
      await self.clients.claim();
      await tidy();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') event.waitUntil(self.skipWaiting());
  else if (type === 'tidy') event.waitUntil(tidy());
  else if (type === 'version') event.ports[0]?.postMessage({ version: BUILD.version });
});

/** The build's own copy first; then another build's (an older tab's chunk); then the network. */
async function respond(request, key) {
  const own = await (await caches.open(CACHE)).match(key, { ignoreVary: true, ignoreSearch: request.mode === 'navigate' });
  if (own) return own;
  if (request.mode !== 'navigate') {
    const other = await caches.match(key, { ignoreVary: true });
    if (other) return other;
  }
  try {
    return await fetch(request);
  } catch (err) {
    const stale = await caches.match(key, { ignoreVary: true, ignoreSearch: true });
    if (stale) return stale;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // every page of the app is the one HTML file, with the route in the hash
  event.respondWith(respond(request, request.mode === 'navigate' ? SHELL : request));
});
