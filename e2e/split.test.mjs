// Issue 11, item 3 (less code on the first visit), end to end on the split release build
// (scripts/release-build.sh): the first screen is one wasm module; every other screen's code is a
// chunk of its group (src/pages/screens.rs), fetched when one of its screens is first opened.
// - a first visit to / fetches the main wasm only; once results show, the food page's chunk comes
//   ahead of a tap;
// - opening the planner fetches its group's chunk, then the trends theirs; the diary, in the same
//   group as the trends, fetches no more;
// - a deep link to a later screen on a fresh visit loads it (chunk beside the food table);
// - a chunk that cannot be fetched: a clear message, the diary safe, "Try again" loads it.
//
// Run after the release build: node --test e2e/split.test.mjs (E2E_DIST=… for another build)

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { HomePage } from './support/pages.mjs';
import { DIST, useApp } from './support/suite.mjs';

const served = useApp();
// The requests below are the page's own: no service worker answers or precaches.
const NO_WORKER = { contextOptions: { serviceWorkers: 'block' } };

/** The names of every .wasm the page requests, in order. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

const chunksOf = (names, group) => names.filter((n) => n.startsWith(`split_${group}-`));
const heading = (app) => app.page.locator('h1').first();

describe('screens load when first opened', () => {
  test('the build is split: a main module, a loader and one chunk per group', () => {
    const files = readdirSync(DIST);
    assert.equal(files.filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f)).length, 1, `${DIST} is not the split build (scripts/release-build.sh)`);
    for (const group of ['food', 'plan', 'history', 'mine', 'settings']) {
      assert.equal(files.filter((f) => f.startsWith(`split_${group}-`) && f.endsWith('.wasm')).length, 1, `one chunk for the ${group} screens`);
    }
  });

  test('/ fetches the main wasm only, the food page\'s chunk once results show; the planner and the trends fetch their chunks when opened', { timeout: 60_000 }, () =>
    withPage(served.browser, 'split first screen', async (page) => {
      const wasm = wasmRequests(page);
      const home = new HomePage(page, served.server.url);
      await home.goto('/');
      await home.waitForInteractive();
      await page.waitForFunction(() => performance.getEntriesByName('food-table-ready').length > 0);
      // The app's first module, and (a first visit to /) the static screen's own search.
      const app = wasm.filter((name) => !/^first-search-[0-9a-f]{16}_bg\.wasm$/.test(name));
      assert.equal(app.length, 1, `the first screen fetched ${wasm.join(', ')}`);
      assert.match(app[0], /^electrolyte-planner-[0-9a-f]+_bg\.wasm$/);
      assert.ok(wasm.length <= 2, `the first screen fetched ${wasm.join(', ')}`);
      // Nothing was typed into the static box before the app: its own search never ran.
      assert.deepEqual(
        await page.evaluate(() => ({
          ran: document.documentElement.hasAttribute('data-first-search'),
          glue: performance.getEntriesByType('resource').filter((r) => /\/first-search-[0-9a-f]{16}\.js$/.test(r.name)).length,
        })),
        { ran: false, glue: 0 },
      );
      // With results on screen, the food page's code comes ahead of the tap on one.
      await home.input.fill('banana');
      await home.results.first().waitFor({ state: 'visible' });
      await eventually(() => chunksOf(wasm, 'food').length === 1, { describe: () => `fetched ${wasm.join(', ')}` });

      await home.byTestId('nav-plan').click();
      await eventually(async () => (await heading(home).textContent()) === 'Plan a day', { describe: () => 'the planner did not open' });
      assert.equal(chunksOf(wasm, 'plan').length, 1, 'the planner fetched its chunk');
      assert.equal(chunksOf(wasm, 'history').length, 0, 'nothing of the diary yet');

      await home.byTestId('nav-trends').click();
      await eventually(async () => (await heading(home).textContent()) === 'Trends', { describe: () => 'the trends did not open' });
      assert.equal(chunksOf(wasm, 'history').length, 1, 'the trends fetched their group\'s chunk');
      const fetched = wasm.length;
      await home.byTestId('nav-diary').click();
      await eventually(async () => (await heading(home).textContent()) === 'Diary', { describe: () => 'the diary did not open' });
      assert.equal(wasm.length, fetched, 'the diary shares the trends\' chunk: nothing more fetched');
    }, NO_WORKER),
  );

  test('a deep link to a later screen on a first visit: the screen comes with its chunk', { timeout: 60_000 }, () =>
    withPage(served.browser, 'split deep link', async (page) => {
      const wasm = wasmRequests(page);
      const app = new HomePage(page, served.server.url);
      await app.goto('/food/09040');
      await eventually(async () => (await heading(app).textContent()) === 'Bananas, raw', { describe: () => 'the food page did not open' });
      assert.equal(chunksOf(wasm, 'food').length, 1);
      await app.goto('/targets');
      await eventually(async () => (await heading(app).textContent()) === 'Your daily targets', { describe: () => 'the targets did not open' });
      assert.equal(chunksOf(wasm, 'settings').length, 1);
    }, NO_WORKER),
  );

  test('a chunk that cannot be fetched: a clear message, nothing lost, Try again loads it', { timeout: 60_000 }, () =>
    withPage(served.browser, 'split chunk failure', async (page) => {
      const app = new HomePage(page, served.server.url);
      await app.goto('/');
      await app.waitForInteractive();
      const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
      await page.route(/\/split_history-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
      await app.byTestId('nav-diary').click();
      const failed = app.byTestId('screen-failed');
      await failed.waitFor({ state: 'visible' });
      assert.equal(await failed.getAttribute('role'), 'alert');
      assert.match(await failed.textContent(), /could not be loaded.*Your diary is safe/);
      assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'storage untouched');

      await page.unroute(/\/split_history-[0-9a-f]{16}\.wasm$/);
      await app.byTestId('screen-retry').click();
      await eventually(async () => (await heading(app).textContent()) === 'Diary', { describe: () => 'Try again did not load the diary' });
      assert.equal(await app.byTestId('screen-failed').count(), 0);
    }, { ...NO_WORKER, allowErrors: true }),
  );
});
