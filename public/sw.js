// Electrolyte Planner service worker: the whole app offline, one build at a time.
//
// - install: downloads every file of the build (the list below, written at build time by
//   scripts/pwa-post-build.mjs) into a cache named after the build's version, checking each
//   file against its SHA-256, so a cache never holds a mix of two builds; files the page has
//   just downloaded come from the HTTP cache when the host allows it;
// - it does NOT skip waiting on its own: the page shows "A new version is ready — Reload"
//   and posts {type: "SKIP_WAITING"} when the user asks (public/shell.js);
// - activate: deletes the caches of older builds, takes control of open pages;
// - fetch: files of the build come from the cache first; a navigation to a client route
//   (/food/09040, /plan, ...) gets the cached index.html; anything else goes to the network.

// @precache-start (written by scripts/pwa-post-build.mjs; do not edit by hand)
const VERSION = 'dev';
const PRECACHE = [];
// @precache-end

const CACHE_PREFIX = 'ep-shell-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const scopeUrl = (file) => new URL(file, self.registration.scope).href;
const INDEX = scopeUrl('index.html');

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches one file of the build and checks it is this build's; resolves to its response.
 * The browser's HTTP cache is used as the server's headers allow (a first visit has just
 * downloaded the wasm, the glue and the food table; a content-hashed file is not fetched
 * again), and the digest decides: a cached copy of another build is fetched once more from
 * the network before the install gives up.
 */
async function fetchVerified({ url, sha256 }) {
  for (const cache of ['default', 'reload']) {
    const response = await fetch(new Request(scopeUrl(url), { cache }));
    if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
    const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
    if (digest === sha256) return [scopeUrl(url), response];
  }
  // A file from another build (a deploy in progress): fail this install; the browser retries later.
  throw new Error(`precache: ${url} is not the file of build ${VERSION}`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // All or nothing: every file is fetched and checked before the first is written, and a
      // failed write is only cleaned up once no other write is still going on.
      const files = await Promise.all(PRECACHE.map(fetchVerified));
      const cache = await caches.open(CACHE);
      const writes = await Promise.allSettled(files.map(([url, response]) => cache.put(url, response)));
      const failed = writes.find((w) => w.status === 'rejected');
      if (failed) {
        await caches.delete(CACHE);
        throw failed.reason;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

const hasExtension = (pathname) => /\.[a-z0-9]+$/i.test(pathname.split('/').pop() ?? '');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !hasExtension(url.pathname)) {
    // Every client route is the same page: the cached index.html of this build.
    event.respondWith(caches.open(CACHE).then((c) => c.match(INDEX)).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((c) => c.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
