// The app as a web app (issue 5): offline through the service worker, updates announced and
// applied cleanly, installable (manifest + icons), private (no request off its origin), locked
// down (CSP), themed (light/dark/system), accessible in dark and at 360 px, usable by keyboard.
//
// Run after a release build: `node --test e2e/webapp.test.mjs` (E2E_DIST=/path/to/dist for another
// build). Each test gets a fresh browser context, so a fresh service worker registration.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { axeViolations, clearProblems, eventually, holdResponses, problemsOf, withPage } from './support/browser.mjs';
import { App, FoodPage, HomePage, PlanPage } from './support/pages.mjs';
import { HASHED, startServer } from './support/server.mjs';
import { DIST, REPO, useApp } from './support/suite.mjs';

const BANANA = Object.freeze({ ndb: '09040', title: 'Bananas, raw' });

const served = useApp();

function journey(name, fn, options = {}) {
  test(name, { timeout: 120_000 }, () => withPage(served.browser, name, (page, context) => fn(page, context), options));
}

/**
 * Waits until a service worker controls `page` and has finished installing (all precached).
 * Polled from here: `page.waitForFunction` takes an async predicate's promise for a truthy
 * answer, and so passed at once while the first install was still running (a later deploy then
 * failed that install and left no worker: the update test's rare hang).
 */
async function waitForServiceWorker(page) {
  const state = () =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { controlled: Boolean(navigator.serviceWorker.controller), active: reg?.active?.state ?? null };
    });
  await eventually(async () => {
    const now = await state();
    return now.controlled && now.active === 'activated';
  }, { timeout: 20_000, interval: 100, describe: () => 'no activated service worker controls the page' });
}

/** The files dist/sw.js precaches (its PRECACHE list, written by scripts/pwa-post-build.mjs). */
async function precacheList() {
  const sw = await readFile(path.join(DIST, 'sw.js'), 'utf8');
  const list = sw.match(/const PRECACHE = (\[[\s\S]*?\]);/);
  assert.ok(list, 'dist/sw.js has no PRECACHE list');
  return JSON.parse(list[1]).map((entry) => entry.url);
}

/** The cache names the service worker keeps (ep-shell-<version>). */
function shellCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('ep-shell-')));
}

describe('offline and installable', () => {
  journey('offline: load once, cut the network, reload, deep link, search, plan a day and find it after another reload', async (page, context) => {
    const own = await startServer({ root: DIST });
    try {
      const home = new HomePage(page, own.url);
      await home.open();
      await waitForServiceWorker(page);
      // Every file of the build is in the worker's cache (polled: a page may see the worker
      // active a moment before the browser has committed the last write of its install).
      const wanted = await precacheList();
      let cached = [];
      await eventually(
        async () => {
          cached = await page.evaluate(async () => {
            const [name] = (await caches.keys()).filter((k) => k.startsWith('ep-shell-'));
            return name ? (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) : [];
          });
          return wanted.every((file) => cached.includes(`/${file}`));
        },
        { timeout: 10_000, describe: () => `not precached: ${wanted.filter((f) => !cached.includes(`/${f}`))}` },
      );
      for (const must of ['/index.html', '/shell.js', '/manifest.webmanifest']) {
        assert.ok(cached.includes(must), `${must} is not precached: ${cached}`);
      }
      assert.ok(cached.some((p) => p.endsWith('.wasm')), `no .wasm precached: ${cached}`);
      assert.ok(cached.some((p) => /\.js$/.test(p) && p !== '/shell.js'), `no JS glue precached: ${cached}`);
      assert.ok(cached.some((p) => p.endsWith('.css')), `no CSS precached: ${cached}`);

      // Really offline: the browser context has no network and the server is gone.
      await context.setOffline(true);
      await own.close();
      const before = own.requests.length;

      await page.reload({ waitUntil: 'load' });
      await home.waitForInteractive();
      // A page the worker serves has the app at once: the static screen's own search stays out.
      assert.deepEqual(
        await page.evaluate(() => ({
          ran: document.documentElement.hasAttribute('data-first-search'),
          fetched: performance.getEntriesByType('resource').filter((r) => r.name.includes('/first-search-')).length,
        })),
        { ran: false, fetched: 0 },
      );
      const food = await new FoodPage(page, own.url).open(BANANA.ndb);
      assert.equal(await food.titleText(), BANANA.title);
      await home.open();
      const results = await home.search('banana');
      assert.equal(results[0].title, BANANA.title);

      const plan = await new PlanPage(page, own.url).open();
      await plan.addFood({
        query: 'banana raw',
        title: BANANA.title,
        meal: 'breakfast',
        amount: 1,
        unitLabel: '1 medium (7" to 7-7/8" long), 118 g',
      });
      await plan.expectBarNow('potassium', 422.44);
      // Saved while offline: still there after another offline reload.
      await page.reload({ waitUntil: 'load' });
      await plan.expectBarNow('potassium', 422.44);
      assert.deepEqual((await plan.readItems()).map((i) => i.name), [BANANA.title]);
      assert.equal(own.requests.length, before, 'the closed server was asked for something');
    } finally {
      await own.close();
    }
  });

  journey('first visit: the worker registers once the food table is in, and its install downloads nothing the page has', async (page) => {
    const own = await startServer({ root: DIST });
    try {
      const release = await holdResponses(page, /\/food-table-[0-9a-f]{16}\.txt$/);
      await new HomePage(page, own.url).open();
      await page.waitForLoadState('load');
      await sleep(1_000);
      // The install would share a phone's link with the table the first search waits for.
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null), null);
      assert.ok(!own.requests.some((r) => r.endsWith(' /sw.js')), `sw.js asked for early: ${own.requests}`);
      release();
      await waitForServiceWorker(page);
      // Content-hashed files the page downloaded come from the HTTP cache (the server says
      // immutable), checked against their digests: one request each, the page's.
      const hashed = own.requests.filter((r) => r.startsWith('200 ') && HASHED.test(r));
      const twice = hashed.filter((r, i) => hashed.indexOf(r) !== i);
      assert.deepEqual(twice, [], 'downloaded twice');
      assert.ok(hashed.some((r) => r.endsWith('_bg.wasm')), `no wasm in ${own.requests}`);
    } finally {
      await own.close();
    }
  });

  test('manifest: name, start_url, standalone, colours, 192/512/maskable PNG icons', async () => {
    const res = await fetch(`${served.server.url}/manifest.webmanifest`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/manifest\+json/);
    const manifest = await res.json();
    assert.equal(manifest.name, 'Electrolyte Planner');
    assert.ok(manifest.short_name && manifest.short_name.length <= 12, `short_name ${manifest.short_name}`);
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    for (const [size, purpose] of [
      [192, 'any'],
      [512, 'any'],
      [512, 'maskable'],
    ]) {
      const icon = pngs.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').split(' ').includes(purpose));
      assert.ok(icon, `no ${size}x${size} ${purpose} PNG icon in ${JSON.stringify(manifest.icons)}`);
      const bytes = Buffer.from(await (await fetch(`${served.server.url}${icon.src}`)).arrayBuffer());
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${icon.src} is not a PNG`);
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size, size], `${icon.src} size`);
    }
    const html = await (await fetch(`${served.server.url}/`)).text();
    assert.match(html, /<link rel="manifest" href="\/manifest.webmanifest"/);
  });
});

describe('updates', () => {
  // A rare hang somewhere in this flow was seen only on a freshly booted, loaded machine (2 of ~20
  // runs, on the first runs after a fresh build; the step was not caught yet). Each attempt has its
  // own limit and names the step it was at; a second attempt runs on a fresh copy, fresh server and
  // fresh browser context, and both attempts' steps are reported if it fails too.
  test('a new build is announced ("A new version is ready") and Reload switches once, cleanly', { timeout: 170_000 }, async () => {
    const stuck = [];
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const at = { step: 'start' };
      let timer;
      const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`attempt ${attempt} stuck at: ${at.step}`)), 75_000);
      });
      try {
        await Promise.race([updateFlow(at), limit]);
        return;
      } catch (error) {
        if (!/stuck at/.test(error.message)) throw error;
        stuck.push(error.message);
        console.error(`update flow: ${error.message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    assert.fail(stuck.join('; '));
  });
});

/** The update journey; `at.step` says where it is, for the report of a hang. */
async function updateFlow(at) {
  const copy = await mkdtemp(path.join(tmpdir(), 'ep-update-'));
  await cp(DIST, copy, { recursive: true });
  const own = await startServer({ root: copy });
  try {
    await withPage(served.browser, 'update flow', async (page) => {
      await page.addInitScript(() => {
        sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') ?? 0) + 1));
      });
      at.step = 'open the app';
      const home = await new HomePage(page, own.url).open();
      at.step = 'wait for the first worker';
      await waitForServiceWorker(page);
      const [oldCache] = await shellCaches(page);
      assert.equal(await page.getByTestId('update-banner').count(), 0, 'banner shown with no update');

      // Deploy "build 2": shell.js changes, and the post-build hook recomputes sw.js.
      await appendFile(path.join(copy, 'shell.js'), '\n// build 2\n');
      at.step = 'deploy build 2';
      await promisify(execFile)(process.execPath, [`${REPO}scripts/pwa-post-build.mjs`, copy]);
      // `ready` always resolves to the active registration (getRegistration() can miss it mid-navigation).
      at.step = 'ask for an update';
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

      const banner = page.getByTestId('update-banner');
      at.step = 'wait for the banner';
      await banner.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match((await banner.textContent()).replace(/\s+/g, ' '), /A new version is ready — Reload/);
      assert.equal(
        await page.getByTestId('update-status').getAttribute('role'),
        'status',
        'the banner is not in a role=status live region',
      );
      // Until the user says so, the old build still runs this page.
      at.step = 'fetch shell.js before Reload';
      const stillOld = await page.evaluate(() => fetch('/shell.js').then((r) => r.text()));
      assert.doesNotMatch(stillOld, /build 2/, 'the page got build 2 files before Reload');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('loads')), '1');

      at.step = 'click Reload';
      await page.getByTestId('update-reload').click();
      // The click reloads the page once the new worker has taken over; wait for the second load
      // (the counter survives the reload in sessionStorage), and say where it stuck if it does not.
      try {
        await page.waitForFunction(() => sessionStorage.getItem('loads') === '2' && document.readyState === 'complete', null, {
          timeout: 45_000,
          polling: 200,
        });
      } catch (error) {
        const state = await page
          .evaluate(async () => {
            const reg = await navigator.serviceWorker.getRegistration();
            return JSON.stringify({
              loads: sessionStorage.getItem('loads'),
              controller: navigator.serviceWorker.controller?.scriptURL ?? null,
              active: reg?.active?.state ?? null,
              waiting: reg?.waiting?.state ?? null,
              installing: reg?.installing?.state ?? null,
            });
          })
          .catch((e) => `unreadable: ${e.message}`);
        throw new Error(`Reload did not load build 2: ${state} (${error.message})`);
      }
      at.step = 'wait for build 2 to run';
      await home.waitForInteractive();
      await waitForServiceWorker(page);
      const now = await page.evaluate(() => fetch('/shell.js').then((r) => r.text()));
      assert.match(now, /build 2/, 'after Reload the page does not run build 2');
      at.step = 'read the caches';
      const caches = await shellCaches(page);
      assert.equal(caches.length, 1, `old caches left: ${caches}`);
      assert.notEqual(caches[0], oldCache, 'the cache of build 1 is still the one in use');
      assert.equal(await page.getByTestId('update-banner').count(), 0, 'banner still shown after the update');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.evaluate(() => sessionStorage.getItem('loads')), '2', 'the page did not reload exactly once');
    });
  } finally {
    await own.close();
    await rm(copy, { recursive: true, force: true });
  }
}

describe('private and locked down', () => {
  journey('privacy: a full journey requests nothing outside the app origin', async (page, context) => {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const home = await new HomePage(page, served.server.url).open();
    await waitForServiceWorker(page);
    await home.search('banana');
    await home.openResult(0);
    const food = new FoodPage(page, served.server.url);
    await food.waitForTitle();
    await food.selectServing('1 medium');
    const app = new App(page, served.server.url);
    for (const p of [...(await navPaths(page)), '/nowhere']) {
      await app.goto(p);
      await app.waitForInteractive();
    }
    await page.getByTestId('theme-select').selectOption('dark');
    await page.reload({ waitUntil: 'load' });
    assert.ok(requests.length > 5, `only ${requests.length} requests recorded`);
    const foreign = requests.filter((u) => !u.startsWith(`${served.server.url}/`) && !/^(data|blob):/.test(u));
    assert.deepEqual(foreign, [], 'requests outside the app origin');
  });

  test('CSP meta: strict policy, hash for trunk inline script, no unsafe-inline', async () => {
    const html = await (await fetch(`${served.server.url}/`)).text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
    assert.ok(meta, 'no CSP <meta> in index.html');
    const policy = Object.fromEntries(
      meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]),
    );
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    assert.deepEqual(policy['style-src'], ["'self'"]);
    assert.ok(policy['script-src'].includes("'self'") && policy['script-src'].includes("'wasm-unsafe-eval'"));
    assert.ok(!meta[1].includes('unsafe-inline') && !meta[1].includes("'unsafe-eval'"), meta[1]);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, a]) => !/\bsrc=/.test(a));
    const { createHash } = await import('node:crypto');
    for (const [, , body] of inline) {
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      assert.ok(policy['script-src'].includes(hash), `inline script ${body.slice(0, 60)}… has no ${hash} in script-src`);
    }
    // The meta must come before every script, or it does not cover them.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'CSP meta after a script');
  });

  journey(
    'CSP: no violation in a journey; an injected inline script and eval are refused',
    async (page) => {
      await page.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const home = await new HomePage(page, served.server.url).open();
      await waitForServiceWorker(page);
      await home.search('banana');
      await home.openResult(0);
      await new FoodPage(page, served.server.url).waitForTitle();
      await page.getByTestId('theme-select').selectOption('dark');
      await new PlanPage(page, served.server.url).open();
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations during the journey');
      assert.deepEqual(problemsOf(page), [], 'console errors during the journey');

      const outcome = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = true;';
        document.head.append(s);
        const div = document.createElement('div');
        div.innerHTML = '<img src="data:," onerror="window.__pwned2 = true">';
        document.body.append(div);
        // Run from a timer, not from the DevTools evaluation itself, which CSP does not cover.
        const evalResult = await new Promise((resolve) =>
          setTimeout(() => {
            try {
              // eslint-disable-next-line no-eval
              resolve(eval('"eval ran"'));
            } catch (e) {
              resolve(e.name);
            }
          }, 0),
        );
        await new Promise((r) => setTimeout(r, 200));
        return { pwned: window.__pwned ?? false, pwned2: window.__pwned2 ?? false, evalResult, csp: window.__csp };
      });
      assert.equal(outcome.pwned, false, 'an injected inline <script> ran');
      assert.equal(outcome.pwned2, false, 'an injected onerror handler ran');
      assert.equal(outcome.evalResult, 'EvalError', 'eval() was allowed');
      assert.ok(outcome.csp.some((v) => v.startsWith('script-src')), `no violation reported: ${outcome.csp}`);
      // The refusals are console errors by design; anything else is not.
      const others = problemsOf(page).filter((p) => !/Content Security Policy/i.test(p));
      assert.deepEqual(others, []);
      clearProblems(page);
    },
    { allowErrors: true },
  );
});

describe('theme', () => {
  journey('switch: System / Light / Dark, kept in localStorage "ep.theme", applied before the app starts', async (page) => {
    await new HomePage(page, served.server.url).open();
    const select = page.getByLabel('Theme', { exact: true });
    assert.equal(await select.getAttribute('data-testid'), 'theme-select');
    assert.deepEqual(await select.locator('option').allTextContents(), ['System', 'Light', 'Dark']);
    assert.equal(await select.inputValue(), 'system');
    const state = () =>
      page.evaluate(() => ({
        attr: document.documentElement.getAttribute('data-theme'),
        stored: localStorage.getItem('ep.theme'),
        bg: getComputedStyle(document.body).backgroundColor,
      }));
    const light = await state();
    assert.deepEqual([light.attr, light.stored], [null, null]);

    await select.selectOption('dark');
    const dark = await state();
    assert.deepEqual([dark.attr, dark.stored], ['dark', 'dark']);
    assert.notEqual(dark.bg, light.bg, 'the background did not change');

    // Applied by shell.js before the wasm has run (no flash of the light theme).
    await page.reload({ waitUntil: 'domcontentloaded' });
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
    await new App(page, served.server.url).waitForInteractive();
    assert.equal(await page.getByTestId('theme-select').inputValue(), 'dark');

    await page.getByTestId('theme-select').selectOption('system');
    const back = await state();
    assert.deepEqual([back.attr, back.stored, back.bg], [null, null, light.bg]);
  });

  journey(
    'System follows prefers-color-scheme; Light overrides a dark system',
    async (page) => {
      await new HomePage(page, served.server.url).open();
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const systemDark = await bg();
      assert.equal(systemDark, 'rgb(20, 23, 28)', 'dark system setting not followed');
      await page.getByTestId('theme-select').selectOption('light');
      assert.equal(await bg(), 'rgb(251, 251, 248)');
    },
    { contextOptions: { colorScheme: 'dark' } },
  );
});

/** The paths the main navigation links to, read from the running app (so new screens count). */
async function navPaths(page) {
  const hrefs = await page.locator('nav[aria-label="Main"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs)].filter((h) => h && h.startsWith('/'));
}

/** Every screen: [name, path, wait until ready]; the nav's screens are found at run time. */
async function screens(page) {
  const fixed = [
    ['home with results', '/', async (p) => {
      const home = new HomePage(p, served.server.url);
      await home.input.waitFor({ state: 'visible' });
      await home.search('banana');
    }],
    ['food page', `/food/${BANANA.ndb}`, (p) => p.getByTestId('food-title').waitFor({ state: 'visible' })],
    ['not found', '/nowhere', (p) => p.getByTestId('not-found').first().waitFor({ state: 'visible' })],
  ];
  const nav = (await navPaths(page))
    .filter((p) => p !== '/')
    .map((path) => [path, path, (p) => p.locator('main h1').first().waitFor({ state: 'visible' })]);
  return [...fixed, ...nav];
}

describe('accessibility in both themes and at 360 px', () => {
  for (const [label, width, colorScheme, theme] of [
    ['dark system theme, 1280 px', 1280, 'dark', null],
    ['dark switch, 360 px', 360, 'light', 'dark'],
    ['light, 360 px', 360, 'light', null],
  ]) {
    journey(
      `axe: 0 violations on every screen — ${label}`,
      async (page) => {
        if (theme) await page.addInitScript((t) => localStorage.setItem('ep.theme', t), theme);
        const found = [];
        const app = new App(page, served.server.url);
        await app.goto('/');
        await app.waitForInteractive();
        const all = await screens(page);
        assert.ok(all.length >= 7, `only ${all.length} screens found: ${all.map(([n]) => n)}`);
        for (const [name, route, ready] of all) {
          await app.goto(route);
          await app.waitForInteractive();
          await ready(page);
          // Let late renders (lists, effects) land before checking.
          await page.waitForTimeout(150);
          // Every rule, every impact (not only serious/critical).
          const violations = await axeViolations(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] });
          if (violations.length) found.push({ screen: name, violations });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
          const animations = await page.evaluate(() => document.getAnimations().length);
          assert.equal(animations, 0, `${name}: animations run despite prefers-reduced-motion`);
        }
        assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      },
      { contextOptions: { viewport: { width, height: 800 }, colorScheme } },
    );
  }
});

describe('keyboard', () => {
  journey('keyboard only: Tab to the search, type, ArrowDown, Enter opens the food; focus is visible', async (page) => {
    const app = new App(page, served.server.url);
    await app.goto('/');
    await app.waitForInteractive();
    const focusInfo = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return {
          testid: el?.getAttribute('data-testid'),
          tag: el?.tagName,
          text: (el?.textContent ?? '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        };
      });
    const seen = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo();
      seen.push(f);
      assert.ok(f.outline, `no visible focus outline on ${JSON.stringify(f)}`);
      if (f.testid === 'search-input') break;
    }
    assert.equal(seen.at(-1).testid, 'search-input', `Tab never reached the search box: ${JSON.stringify(seen)}`);
    assert.equal(seen[0].text, 'Skip to content', 'the first Tab stop is not the skip link');

    await page.keyboard.type('banana', { delay: 20 });
    await page.getByTestId('search-result').first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const food = new FoodPage(page, served.server.url);
    assert.equal(await food.waitForTitle(), BANANA.title);
    // The journey goes on by keyboard: the next Tab stops are visibly focused too.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo();
      assert.ok(f.outline, `no visible focus outline on ${JSON.stringify(f)}`);
    }
  });
});
