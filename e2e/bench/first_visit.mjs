// The first visit on a phone, as the benchmark measures it (issue 11): a fresh browser context
// (no HTTP cache, no service worker), the page served gzip by a static server with an
// index.html fallback, under Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up (Chrome's network emulation) and the CPU 4× slower. Per run:
//   - first screen: the first contentful paint that shows a search box taking input — index.html's
//     static first screen (#boot) or, without one (older builds, the floor), the app's own;
//   - the app mounted: performance.mark("app-interactive") (everything works from here);
//   - first search results: "banana" is typed as soon as a search box is there (the static one's
//     text goes into the app's), and the time the first [data-testid=search-result] appears is
//     recorded in the page — the static screen's own (crates/first-search) on a first visit to /,
//     or the app's;
//   - where the time went: each file's download (Resource Timing: start, end, bytes on the
//     wire) and the app's own marks and measures ("install-food-table" = decode + index).
// With `--worker`, the same visit with the service worker allowed: the network is then shaped at
// the server (one shared 1.6 Mbit/s downlink, 150 ms per response), since Chrome's emulation
// throttles the page and not its worker; "offline ready" is when the worker controls the page.
// The same shaped server with workers blocked is measured beside it, so the two compare. The
// HTTP cache is on there (a fresh context starts empty), as on a phone: the worker's install may
// take the files the page has just downloaded from it.
// The floor is a minimal Leptos CSR page (e2e/bench/floor: one input, one list) built the same
// way (trunk release, wasm-opt z) and measured in the same run: ours ÷ the floor's says how
// much of the time is the app's own.
//
//   node e2e/bench/first_visit.mjs [--dist DIR] [--floor DIR] [--runs 5] [--trace FILE] [--worker] [--brotli]
//
// `--brotli`: served brotli (what many static hosts send) instead of gzip, for comparison.
//
// Standalone it prints a table; bench.mjs imports `firstVisits` and `buildFloor`.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { CONTEXT_OPTIONS, emulateNetwork, launchBrowser } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Lighthouse's mobile defaults (a mid-range phone on a mobile network). */
export const PHONE = Object.freeze({
  latencyMs: 150,
  downloadBytesPerS: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerS: (750 * 1024) / 8,
  cpuSlowdown: 4,
});

/** Chrome's emulation of the phone's network on `page` (the HTTP cache off); returns the CDP session. */
export function emulatePhone(context, page) {
  const { latencyMs, downloadBytesPerS: downBytesPerS, uploadBytesPerS: upBytesPerS } = PHONE;
  return emulateNetwork(context, page, { latencyMs, downBytesPerS, upBytesPerS, noCache: true });
}

export const FIRST_VISIT_BUDGETS = Object.freeze({ firstScreenMs: 1500, firstResultsMs: 2500 });

const QUERY = 'banana';
const RESULT = '[data-testid=search-result]';
const SEARCH_BOX = '#boot-search, [data-testid=search-input]';

// In the page before any of its scripts: the time the first search result appears, and
// whether a search box was in the page at its first contentful paint.
const WATCH_RESULTS = `(() => {
  const seen = () => {
    if (window.__firstResultAt === undefined && document.querySelector(${JSON.stringify(RESULT)})) {
      window.__firstResultAt = performance.now();
    }
  };
  new PerformanceObserver((list) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (paint) window.__paintHadSearchBox = Boolean(document.querySelector(${JSON.stringify(SEARCH_BOX)}));
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  navigator.serviceWorker?.addEventListener('controllerchange', () => {
    window.__offlineReadyAt ??= performance.now();
  });
})();`;

/** Builds the floor page into `out` (trunk release, like the app) and returns `out`. */
export function buildFloor(out = path.join(os.tmpdir(), 'ep-bench-floor-dist')) {
  execFileSync('trunk', ['build', '--release', '--dist', out], {
    cwd: path.join(REPO, 'e2e', 'bench', 'floor'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

async function oneVisit(browser, url, { trace, shaped = false, worker = false } = {}) {
  // No service worker unless the server shapes the network: its precache fetches are not
  // throttled by the page's emulation (they would hand the page an unthrottled table).
  const withWorker = worker && shaped;
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, serviceWorkers: withWorker ? 'allow' : 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_RESULTS);
    // Shaped at the server, or throttled here (then with the HTTP cache off, as before).
    const cdp = shaped ? await context.newCDPSession(page) : await emulatePhone(context, page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 60_000 });
    // A person types as soon as there is a box to type into.
    await page.locator(SEARCH_BOX).first().fill(QUERY, { timeout: 60_000 });
    await page.waitForFunction(() => window.__firstResultAt !== undefined, null, { timeout: 60_000, polling: 20 });
    if (trace) await browser.stopTracing();
    // The static screen's own search may answer before the app: the app's mount is still measured.
    await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0, null, {
      timeout: 60_000,
      polling: 20,
    });
    if (withWorker) {
      await page.waitForFunction(() => window.__offlineReadyAt !== undefined, null, { timeout: 120_000, polling: 50 });
    }
    return await page.evaluate(() => {
      const at = (name, type) => performance.getEntriesByName(name, type)[0];
      const files = performance.getEntriesByType('resource').map((r) => ({
        file: new URL(r.name).pathname,
        start: r.startTime,
        end: r.responseEnd,
        bytes: r.encodedBodySize,
      }));
      const nav = performance.getEntriesByType('navigation')[0];
      files.unshift({ file: '/ (index.html)', start: nav.startTime, end: nav.responseEnd, bytes: nav.encodedBodySize });
      const paint = at('first-contentful-paint', 'paint')?.startTime ?? null;
      const mounted = at('app-interactive', 'mark')?.startTime ?? null;
      return {
        // A paint before the app's with no search box in it does not count.
        firstScreen: window.__paintHadSearchBox ? Math.min(paint, mounted ?? paint) : mounted,
        appMounted: mounted,
        firstResults: window.__firstResultAt,
        offlineReady: window.__offlineReadyAt ?? null,
        tableReady: at('food-table-ready', 'mark')?.startTime ?? null,
        firstSearchReady: at('first-search-ready', 'mark')?.startTime ?? null,
        installTable: at('install-food-table', 'measure')?.duration ?? null,
        decodeTable: at('decode-food-table', 'measure')?.duration ?? null,
        buildIndex: at('build-search-index', 'measure')?.duration ?? null,
        files,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * `runs` first visits of the page at `url` under the phone profile; the first one traced to
 * `trace`. `shaped`: the server at `url` shapes the network itself (startServer's `throttle:
 * PHONE_LINK`), so Chrome's emulation is off; `worker`: the service worker is allowed (shaped only).
 */
export async function firstVisits(browser, url, { runs = 5, trace, shaped = false, worker = false } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await oneVisit(browser, url, { trace: i === 0 ? trace : undefined, shaped, worker }));
  }
  return samples;
}

/** The phone's network as startServer's `throttle`. */
export const PHONE_LINK = Object.freeze({ latencyMs: PHONE.latencyMs, bytesPerS: PHONE.downloadBytesPerS });

function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Medians of a run's samples, and each file's median download window. */
export function summarise(samples) {
  const files = {};
  for (const s of samples) {
    for (const f of s.files) (files[f.file.replace(/-[0-9a-f]{12,16}(_bg)?\./, '-<hash>$1.')] ??= []).push(f);
  }
  return {
    n: samples.length,
    firstScreen: median(samples.map((s) => s.firstScreen)),
    appMounted: median(samples.map((s) => s.appMounted)),
    firstResults: median(samples.map((s) => s.firstResults)),
    offlineReady: median(samples.map((s) => s.offlineReady)),
    tableReady: median(samples.map((s) => s.tableReady)),
    firstSearchReady: median(samples.map((s) => s.firstSearchReady)),
    installTable: median(samples.map((s) => s.installTable)),
    decodeTable: median(samples.map((s) => s.decodeTable)),
    buildIndex: median(samples.map((s) => s.buildIndex)),
    // Everything fetched until the first results: what a first visit to / costs on the wire.
    wireBytes: median(samples.map((s) => s.files.filter((f) => f.end <= s.firstResults).reduce((sum, f) => sum + f.bytes, 0))),
    files: Object.entries(files).map(([file, fs]) => ({
      file,
      start: median(fs.map((f) => f.start)),
      end: median(fs.map((f) => f.end)),
      bytes: median(fs.map((f) => f.bytes)),
    })),
  };
}

// ---------------------------------------------------------------- standalone
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      dist: { type: 'string', default: process.env.E2E_DIST || path.join(REPO, 'dist') },
      floor: { type: 'string' },
      runs: { type: 'string', default: '5' },
      trace: { type: 'string' },
      worker: { type: 'boolean', default: false },
      brotli: { type: 'boolean', default: false },
    },
  });
  if (args.worker) {
    const browser = await launchBrowser();
    const shaped = await startServer({ root: args.dist, gzip: true, throttle: PHONE_LINK });
    try {
      const runs = Number(args.runs);
      const blocked = summarise(await firstVisits(browser, shaped.url, { runs, shaped: true }));
      const allowed = summarise(await firstVisits(browser, shaped.url, { runs, shaped: true, worker: true }));
      console.log(`first visit, network shaped at the server (phone), median of ${runs} fresh contexts`);
      console.log('| metric | worker blocked | worker allowed |\n|---|---:|---:|');
      for (const [name, key] of [
        ['first screen taking input', 'firstScreen'],
        ['the app mounted (app-interactive)', 'appMounted'],
        ['first search results', 'firstResults'],
        ['offline ready (the worker controls the page)', 'offlineReady'],
      ]) {
        const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
        console.log(`| ${name} | ${ms(blocked[key])} | ${ms(allowed[key])} |`);
      }
    } finally {
      await browser.close();
      await shaped.close();
    }
    process.exit(0);
  }
  const floorDist = args.floor && existsSync(args.floor) ? args.floor : buildFloor(args.floor);
  const browser = await launchBrowser();
  const compression = args.brotli ? { brotli: true } : { gzip: true };
  const ours = await startServer({ root: args.dist, ...compression });
  const floor = await startServer({ root: floorDist, ...compression });
  try {
    const runs = Number(args.runs);
    const app = summarise(await firstVisits(browser, ours.url, { runs, trace: args.trace }));
    const base = summarise(await firstVisits(browser, floor.url, { runs }));
    const row = (name, a, b, budget) =>
      `| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(a / b).toFixed(2)} | ≤ ${budget} ms | ${a <= budget ? 'pass' : 'FAIL'} |`;
    console.log(`first visit, phone profile, ${args.brotli ? 'brotli' : 'gzip'}, median of ${runs} fresh contexts`);
    console.log('| metric | ours | floor | ÷ floor | budget | result |\n|---|---:|---:|---:|---|---|');
    console.log(row('first screen taking input', app.firstScreen, base.firstScreen, FIRST_VISIT_BUDGETS.firstScreenMs));
    console.log(row('first search results', app.firstResults, base.firstResults, FIRST_VISIT_BUDGETS.firstResultsMs));
    console.log(`the app mounted (app-interactive): ours ${app.appMounted.toFixed(0)} ms, floor ${base.appMounted.toFixed(0)} ms`);
    if (Number.isFinite(app.firstSearchReady)) {
      console.log(`the static screen's own search answering ("first-search-ready"): ${app.firstSearchReady.toFixed(0)} ms`);
    }
    console.log(
      `food table installed ${app.installTable.toFixed(0)} ms (decode ${app.decodeTable.toFixed(0)} ms, ` +
        `search index ${app.buildIndex.toFixed(0)} ms), ready at ${app.tableReady.toFixed(0)} ms`,
    );
    for (const f of app.files) console.log(`  ${f.file}: ${f.start.toFixed(0)} → ${f.end.toFixed(0)} ms, ${f.bytes} B on the wire`);
  } finally {
    await browser.close();
    await ours.close();
    await floor.close();
  }
}
