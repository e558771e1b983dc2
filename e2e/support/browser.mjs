// Headless Debian Chromium through playwright-core (never a downloaded browser), pages
// that record every console error, page error and failed request, and a screenshot in
// e2e/artifacts/ whenever a journey fails.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

// Needed to run as root in a container, and to keep Chromium from phoning home.
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]);

/** Launch headless Chromium. Close it with `await browser.close()`. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...options,
  });
}

/**
 * Launch headless Chromium on the profile directory `userDataDir` (kept on disk, so closing
 * and launching again is a browser restart). Close it with `await context.close()`.
 */
export async function launchPersistent(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...CONTEXT_OPTIONS,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** Context options shared by the journeys and the benchmark. */
export const CONTEXT_OPTIONS = Object.freeze({
  viewport: { width: 1280, height: 800 },
  locale: 'en-US',
  timezoneId: 'UTC',
  reducedMotion: 'reduce',
});

const problemsByPage = new WeakMap();

/**
 * Open a page in `context` that records problems: console errors, uncaught page errors,
 * requests that failed at the network level, and responses with status >= 400
 * (the app is self-contained: it must not need any other origin either).
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  problemsByPage.set(page, problems);
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      problems.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message || err}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? 'failed';
    // Navigating away aborts in-flight requests; that is not the app's fault.
    if (why !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.method()} ${req.url()} (${why})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return page;
}

/** Everything `openPage` has recorded on `page` so far. */
export function problemsOf(page) {
  return [...(problemsByPage.get(page) ?? [])];
}

/** Forget what has been recorded (e.g. after provoking an expected error). */
export function clearProblems(page) {
  problemsByPage.get(page)?.splice(0);
}

/** Fail if the page logged a console error, threw, or had a failed request. */
export function assertNoErrors(page, message = 'the page reported problems') {
  const problems = problemsOf(page);
  assert.deepEqual(problems, [], `${message}:\n  ${problems.join('\n  ')}`);
}

function fileSafe(name) {
  return name.replace(/[^a-z0-9._-]+/gi, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'page';
}

/** Save a full-page screenshot (and the recorded problems) into e2e/artifacts/. */
export async function saveFailureArtifacts(page, name, error) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const base = `${ARTIFACTS_DIR}${fileSafe(name)}`;
  const notes = [
    `test: ${name}`,
    `url: ${page.isClosed() ? '(page closed)' : page.url()}`,
    `error: ${error?.stack ?? error}`,
    'recorded problems:',
    ...problemsOf(page).map((p) => `  ${p}`),
  ];
  await writeFile(`${base}.txt`, notes.join('\n') + '\n');
  if (!page.isClosed()) {
    await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 }).catch(() => {});
  }
  return `${base}.png`;
}

/**
 * Run `fn(page, context)` in a fresh browser context (no cookies, storage or cache from
 * other tests). On failure: screenshot + notes in e2e/artifacts/<name>.{png,txt}, then
 * rethrow. On success: assert that no errors were recorded (unless `allowErrors`).
 */
export async function withPage(browser, name, fn, { allowErrors = false, contextOptions = {} } = {}) {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, ...contextOptions });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await openPage(context);
  try {
    await fn(page, context);
    if (!allowErrors) assertNoErrors(page);
  } catch (error) {
    const shot = await saveFailureArtifacts(page, name, error).catch(() => null);
    if (shot && error && typeof error === 'object') {
      try {
        error.message += `\n(screenshot: ${shot})`;
      } catch {
        // Some errors have read-only messages; the artifacts are still on disk.
      }
    }
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Poll `probe` until it returns a truthy value (returned) or the time is up (throws with
 * `describe(lastValue)`); `probe` may be async. The harness's stand-in for `expect.poll`.
 */
export async function eventually(probe, { timeout = 5_000, interval = 50, describe } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const what = describe ? describe(last) : `last value: ${JSON.stringify(last)}`;
      const cause = lastError ? `; last error: ${lastError.message ?? lastError}` : '';
      throw new assert.AssertionError({ message: `timed out after ${timeout} ms: ${what}${cause}` });
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** axe-core's source, read once. */
let axeSource;

/**
 * Run axe-core (from node_modules) in the page. Returns the violations whose impact is in
 * `impacts` (default: serious and critical).
 */
export async function axeViolations(page, { impacts = ['serious', 'critical'], rules } = {}) {
  // Evaluated through the DevTools protocol, not added as a <script>: the app's CSP
  // (script-src 'self' + hashes) rightly refuses an injected inline script.
  axeSource ??= await readFile(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    async (runOptions) => globalThis.axe.run(document, runOptions),
    rules ? { runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'] },
  );
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

/**
 * Holds every response of `page` whose URL matches `pattern` until the returned `release()` is
 * called; then they are served as usual.
 */
export async function holdResponses(page, pattern) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Throttles `page`'s network with Chrome's emulation (per request; a service worker's fetches are
 * not throttled): `latencyMs` per round trip, `downBytesPerS` / `upBytesPerS` (up defaults to down);
 * `noCache` turns the HTTP cache off as well.
 */
export async function emulateNetwork(context, page, { latencyMs, downBytesPerS, upBytesPerS = downBytesPerS, noCache = false }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (noCache) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: latencyMs,
    downloadThroughput: downBytesPerS,
    uploadThroughput: upBytesPerS,
  });
  return cdp;
}
