// Runs before the app (a plain script in <head>; an external file because the CSP allows no
// inline script of ours):
// 1. applies the saved theme (localStorage "ep.theme" = "light" | "dark"; absent = follow the
//    system) as <html data-theme> before the first paint, so there is no flash of the wrong theme;
// 2. registers the service worker (public/sw.js; on a first visit once the food table is in, see
//    below) and bridges its updates to the app: when a new
//    build is installed and waiting, it sets <html data-update-ready> and fires "ep-update-ready"
//    on window (the layout shows "A new version is ready — Reload"); the app fires
//    "ep-apply-update" when the user clicks Reload, and this asks the waiting worker to take over,
//    then reloads once when it has — never a page running old JS against new wasm;
// 3. lets index.html's static first screen show the search box on the start page only, and say
//    so if the app fails to load (a script or the wasm);
// 4. takes the app's wasm's download (<meta name="ep-wasm">; index.html's inline script started
//    it with the HTML), and starts the food table's (the file <meta name="ep-food-table"> names)
//    for the last tenth of the wasm's (or once the wasm's is done): beside it from the start, the two would share a phone's bandwidth and the first
//    screen would come later; the table downloads while the wasm finishes and compiles.
//    window.epFoodTable() returns that one fetch's promise (starting it if the wasm was quicker
//    to run than this to notice); the app reads the table from it (src/catalog.rs);
// 5. except on a first visit to the start page (no worker serves it yet): there the static
//    screen's own search (crates/first-search) and the food table download first, started by
//    index.html's inline script (window.epEarly), and make the static search box answer;
//    the app's wasm comes after the table (first results ~1.4 s sooner on a phone; the app
//    ~1.7 s later).
(() => {
  'use strict';
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  const tableUrl = meta('ep-food-table');
  const appWasmUrl = meta('ep-wasm');
  // What index.html's inline script started with the HTML (scripts/pwa-post-build.mjs): on a
  // first visit to the start page (no service worker serves it yet) the static screen's own
  // search (crates/first-search, ~70 KB) and the food table; anywhere else the app's wasm.
  const early = window.epEarly ?? {};
  let table = early.table ?? null;
  // The app reads the outcome, failure included; marked handled here so that a failed
  // download before the app runs is not taken for the app failing to load (below).
  window.epFoodTable = () => {
    if (!table && tableUrl) table = fetch(tableUrl);
    table?.catch(() => {});
    return table ?? Promise.reject(new Error('no food table named'));
  };

  // There the search answers in the static box, and the app's wasm (~390 KB) waits for the table
  // (3 s at most): on a phone's link, downloading all three at once would bring the first results
  // last. The app takes over what is typed when it comes. Anything failing here changes nothing:
  // the app comes as it would have.
  let appWasmAfter = null;
  if (early.search && table) {
    const text = table.then((response) => {
      if (!response.ok) throw new Error(`the food table: ${response.status}`);
      // A copy: the app reads the response itself later (src/catalog.rs).
      return response.clone().text();
    });
    text.catch(() => {});
    // The table's last byte (its Resource Timing entry; not the text, whose decoding takes a
    // while), its failure, or 3 s, whichever comes first.
    const tableIn = new Promise((resolve) => {
      try {
        new PerformanceObserver((list, observer) => {
          if (list.getEntries().some((entry) => entry.name.endsWith(tableUrl))) {
            observer.disconnect();
            resolve();
          }
        }).observe({ type: 'resource', buffered: true });
      } catch {
        // No resource timing: the text, below.
      }
    });
    appWasmAfter = Promise.race([tableIn, text.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3000))]);
    // Started then, not when trunk's loader asks for it (below): on a fast link the table is in
    // before the app's module has run (cold load on localhost: its request ~15 ms sooner).
    appWasmAfter.then(() => fetchAppWasm().catch(() => {}));
    // Its work (compiling it, decoding the table, indexing it: ~0.1 s of a phone's CPU) only once
    // something is typed into the static box: else the app comes as it would have.
    new Promise((resolve) => {
      const typed = (event) => {
        if (event.target?.id !== 'boot-search') return;
        document.removeEventListener('input', typed);
        resolve();
      };
      document.addEventListener('input', typed);
    })
      .then(() => import(early.search.glue))
      .then(async (module) => {
        await module.default({ module_or_path: early.search.wasm });
        module.start(await text);
      })
      .catch(() => {});
  }

  // The app's wasm, fetched once: with the HTML (above), or after the table.
  let appWasm = early.app ?? null;
  const fetchAppWasm = () => {
    appWasm ??= fetch(appWasmUrl);
    return appWasm;
  };

  // The wasm's download for trunk's loader (scripts/pwa-post-build.mjs rewrites it to call this):
  // its bytes are counted as they arrive, and with the last tenth still to come the table's
  // download starts, so the link stays busy while the wasm's tail, its compilation and the
  // table's round trip would otherwise leave it idle (first results ~0.3 s sooner on a phone).
  window.epWasm = (url, bytes) =>
    (url === appWasmUrl ? (appWasmAfter ?? Promise.resolve()).then(fetchAppWasm) : fetch(url)).then((response) => {
      if (!tableUrl || !response.ok || !response.body || !window.TransformStream) return response;
      let seen = 0;
      const counted = new TransformStream({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen >= bytes * 0.9) window.epFoodTable();
          controller.enqueue(chunk);
        },
      });
      const { status, statusText, headers } = response;
      return new Response(response.body.pipeThrough(counted), { status, statusText, headers });
    });
  if (tableUrl) {
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.name.endsWith('.wasm'))) {
          observer.disconnect();
          window.epFoodTable();
        }
      });
      observer.observe({ type: 'resource', buffered: true });
    } catch {
      // No resource timing: the app asks for the table when it starts.
    }
  }

  // The static first screen (index.html #boot) shows its search box on the start page only;
  // should the app fail to arrive, it says so instead of "Loading the app…" for ever. A tap on
  // one of its links changes the address without loading the page again (which would start the
  // wasm's download over): the app, once it runs, opens that address.
  function showBootFor() {
    const at = window.location.pathname;
    if (at === '/') document.documentElement.removeAttribute('data-boot');
    else document.documentElement.setAttribute('data-boot', 'elsewhere');
    // Its links say which is the current page, as the app's do.
    for (const link of document.querySelectorAll('#boot a[href^="/"]')) {
      if (link.getAttribute('href') === at) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
  showBootFor();
  document.addEventListener('DOMContentLoaded', () => {
    showBootFor();
    // "Loading the app…" only where scripts run (without them, index.html's <noscript> speaks),
    // and not once the app has failed to load (it can, before this, on a quick link).
    if (document.querySelector('[data-testid=boot-failed]')?.hidden !== false) {
      document.getElementById('boot-status')?.removeAttribute('hidden');
    }
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('#boot a[href^="/"]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.history.pushState(null, '', link.getAttribute('href'));
    showBootFor();
  });
  window.addEventListener('popstate', () => {
    if (document.getElementById('boot')) showBootFor();
  });
  function bootFailed(event) {
    const boot = document.getElementById('boot');
    if (!boot) return; // the app runs: its own messages take over
    // A failed image is no reason; a failed script, the wasm's rejection or an error is.
    if (event.type === 'error' && event.target !== window && !(event.target instanceof HTMLScriptElement)) return;
    boot.querySelector('[data-testid=boot-status]')?.setAttribute('hidden', '');
    boot.querySelector('[data-testid=boot-failed]')?.removeAttribute('hidden');
  }
  window.addEventListener('error', bootFailed, true);
  window.addEventListener('unhandledrejection', bootFailed);

  try {
    const theme = localStorage.getItem('ep.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch {
    // Storage blocked: follow the system theme.
  }

  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  // A page that had no worker gets one on first visit (clients.claim): no reload for that;
  // any later change of worker is a new build taking over: reload once.
  let controlled = Boolean(sw.controller);
  let waiting = null;
  let reloading = false;

  function announce(worker) {
    waiting = worker;
    document.documentElement.setAttribute('data-update-ready', '');
    window.dispatchEvent(new Event('ep-update-ready'));
  }

  function reloadOnce() {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  }

  window.addEventListener('ep-apply-update', () => {
    const worker = waiting;
    if (!worker) return;
    // The new worker takes over: the page reloads when it controls the page (controllerchange)
    // or, should that event not reach this page, when the worker itself says it is active.
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') reloadOnce();
    });
    worker.postMessage({ type: 'SKIP_WAITING' });
  });

  sw.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    reloadOnce();
  });

  function watch(registration) {
    if (registration.waiting && sw.controller) announce(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) announce(worker);
      });
    });
    // Long-lived tabs look for a new build when they come back into view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }

  let registered = false;
  function register() {
    if (registered) return;
    registered = true;
    // A blocked registration (automation's service-worker blocking) resolves to nothing.
    sw.register('/sw.js', { scope: '/' }).then((registration) => registration && watch(registration), () => {
      // No worker (e.g. a private window that forbids it): the app still works online.
    });
  }

  // A page the worker already serves registers at once (its files come from the cache). A first
  // visit waits until the app has its food table ("food-table-ready") or 10 s after load: the
  // install downloads the rest of the build, which would share a phone's link with the table
  // the first search waits for.
  window.addEventListener('load', () => {
    if (sw.controller) return register();
    setTimeout(register, 10_000);
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('food-table-ready').length > 0) {
          observer.disconnect();
          register();
        }
      });
      observer.observe({ type: 'mark', buffered: true });
    } catch {
      register();
    }
  });
})();
