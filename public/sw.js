/*
 * Offline copy of the workbench. Network first, so an updated workbench is
 * always taken when the server answers; when it does not (planners in the
 * field are often offline), the last copy of each file is served from the
 * cache. Every same-origin GET the app makes is kept, and the app fetches its
 * lazily loaded parts (results, compare, export, the solver worker and its
 * wasm) soon after it starts, so the whole workbench works offline after one
 * visit.
 */
// One cache; bump the name to drop every stored copy.
const CACHE = 'quota-workbench-v1';

// The page and what it references are loaded before this worker runs: fetch them again into the cache.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch('./', { cache: 'no-cache' });
        const html = await res.clone().text();
        await cache.put('./', res);
        const refs = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((m) => m[1]);
        await cache.addAll([...new Set(refs)]);
      } catch {
        /* offline at install: the copy fills as files are used */
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      } catch (err) {
        // ignoreVary: the server may vary on Origin, which a module script request sends and the install did not
        const hit =
          (await cache.match(req, { ignoreSearch: req.mode === 'navigate', ignoreVary: true })) ??
          (req.mode === 'navigate' ? await cache.match('./', { ignoreVary: true }) : undefined);
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
