// The food table is a file of its own (dist/food-table-<hash>.txt), fetched for the wasm's last
// stretch (on a first visit to /, first, with the static screen's own search) and taken by the app: the first screen never waits for it, a slow one says it is loading,
// and a missing or damaged one gets a clear message and a "Try again" that works.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { emulateNetwork, eventually, holdResponses, withPage } from './support/browser.mjs';
import { App, HomePage } from './support/pages.mjs';
import { DIST, useApp } from './support/suite.mjs';

const served = useApp();
const TABLE = /\/food-table-[0-9a-f]{16}\.txt$/;

/** Hold the table's response until `release()` is called (then it is served as usual). */
const holdTable = (page) => holdResponses(page, TABLE);

describe('the food table file', () => {
  test('dist holds one hashed table, byte-identical to data/, named by index.html, precached', () => {
    const tables = readdirSync(DIST).filter((n) => /^food-table-[0-9a-f]{16}\.txt$/.test(n));
    assert.equal(tables.length, 1, `tables in dist: ${tables}`);
    const shipped = readFileSync(`${DIST}/${tables[0]}`);
    assert.ok(shipped.equals(readFileSync(new URL('../data/sr28-minerals.txt', import.meta.url))));
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    assert.match(html, new RegExp(`<meta name="ep-food-table" content="/${tables[0]}">`));
    assert.ok(html.indexOf(tables[0]) < html.indexOf('shell.js'), 'named before shell.js reads it');
    assert.doesNotMatch(html, /rel="preload"[^>]*food-table/, 'not preloaded beside the wasm');
    assert.match(readFileSync(`${DIST}/sw.js`, 'utf8'), new RegExp(`"url": "${tables[0]}"`), 'precached');
  });

  /** Where each file's download started and ended (Resource Timing), once `until` holds. */
  const downloads = (page) =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
    );
  const appWasm = (files) => files.find((f) => /\/electrolyte-planner-[0-9a-f]+_bg\.wasm$/.test(f.name));
  // A slow link (8 Mbit/s: the raw wasm takes about a second), so the downloads last long
  // enough to see where each starts.
  const slowLink = (context, page) => emulateNetwork(context, page, { latencyMs: 40, downBytesPerS: (8 * 1024 * 1024) / 8 });

  test("a first visit to another page asks for the table once, for the app's wasm's last stretch (not beside it from the start)", () =>
    withPage(served.browser, 'table after wasm', async (page, context) => {
      await slowLink(context, page);
      const app = new App(page, served.server.url);
      await app.goto('/rich');
      await page.waitForFunction(() => performance.getEntriesByName('food-table-ready').length > 0, null, { timeout: 30_000 });
      const files = await downloads(page);
      const tables = files.filter((f) => TABLE.test(f.name));
      const wasm = appWasm(files);
      assert.equal(tables.length, 1, `the table was fetched ${tables.length} times`);
      assert.equal(files.filter((f) => /first-search/.test(f.name)).length, 0, 'no first search away from /');
      // shell.js starts it with a tenth of the wasm still to come (not from the start: the two
      // would share the link and the first screen would come later).
      const late = wasm.start + 0.75 * (wasm.end - wasm.start);
      assert.ok(tables[0].start >= late, `table asked for at ${tables[0].start} ms, the wasm ${wasm.start}–${wasm.end} ms`);
      assert.ok(tables[0].start < wasm.end, `table asked for only at ${tables[0].start} ms, the wasm done at ${wasm.end} ms`);
    }, { contextOptions: { serviceWorkers: 'block' } }));

  test("a first visit to /: the table and the static screen's search come first, the app's wasm once the table is in", () =>
    withPage(served.browser, 'table first', async (page, context) => {
      await slowLink(context, page);
      const home = new HomePage(page, served.server.url);
      await page.goto(home.url('/'), { waitUntil: 'commit' });
      await page.getByTestId('boot-search').fill('banana');
      await page.getByTestId('boot-results').getByTestId('search-result').first().waitFor({ timeout: 30_000 });
      await home.waitForInteractive();
      const files = await downloads(page);
      const tables = files.filter((f) => TABLE.test(f.name));
      const search = files.filter((f) => /\/first-search-[0-9a-f]{16}_bg\.wasm$/.test(f.name));
      const wasm = appWasm(files);
      assert.equal(tables.length, 1, `the table was fetched ${tables.length} times`);
      assert.equal(search.length, 1, `the first search's wasm was fetched ${search.length} times`);
      assert.ok(tables[0].start < search[0].end, `the table asked for at ${tables[0].start} ms, after the search's wasm (${search[0].end} ms)`);
      // The app's wasm would share the link: it is asked for once the table is in.
      assert.ok(wasm.start >= tables[0].end - 1, `the app's wasm asked for at ${wasm.start} ms, the table done at ${tables[0].end} ms`);
    }, { contextOptions: { serviceWorkers: 'block' } }));

  test('a slow table: the first screen takes input at once, search says it is loading, then finds', () =>
    withPage(served.browser, 'table slow', async (page) => {
      const release = await holdTable(page);
      const home = new HomePage(page, served.server.url);
      await home.goto('/');
      await home.waitForInteractive();
      await home.input.fill('banana');
      await eventually(async () => /Loading the food table/.test(await home.byTestId('search-count').innerText()), {
        describe: () => 'no loading message',
      });
      assert.equal(await home.results.count(), 0);
      assert.equal(await home.noMatch.count(), 0, 'no "No food matches" while loading');
      release();
      await home.results.first().waitFor();
      assert.match(await home.results.first().innerText(), /Bananas, raw/);
    }));

  test('a deep link waits for the table with a message, then shows the page', () =>
    withPage(served.browser, 'table slow deep link', async (page) => {
      const release = await holdTable(page);
      const app = new App(page, served.server.url);
      await app.goto('/food/09040');
      await app.byTestId('table-loading').waitFor();
      assert.equal(await app.byTestId('table-loading').getAttribute('role'), 'status');
      release();
      await app.byTestId('table-loading').waitFor({ state: 'detached' });
      assert.match(await page.locator('h1').innerText(), /Bananas, raw/);
    }));

  for (const [name, answer, words] of [
    ['missing', { status: 404, body: 'not found' }, /could not be loaded: the server answered 404/],
    ['damaged', { status: 200, contentType: 'text/plain', body: 'electrolyte-planner-food-table 1\n#groups 1\n' }, /could not be loaded: the file is damaged/],
  ]) {
    test(`a ${name} table: a clear message on the screen and in the search, and Try again works`, () =>
      withPage(
        served.browser,
        `table ${name}`,
        async (page) => {
          let broken = true;
          await page.route(TABLE, (route) => (broken ? route.fulfill(answer) : route.continue()));
          const home = new HomePage(page, served.server.url);
          await home.goto('/plan');
          const failed = home.byTestId('table-failed');
          await failed.waitFor();
          assert.match(await failed.innerText(), words);
          assert.match(await failed.innerText(), /Your diary is safe/);
          assert.equal(await failed.getAttribute('role'), 'alert');
          // The start page's search says the same, not "No food matches".
          await home.goto('/');
          await home.input.waitFor();
          await home.input.fill('spinach');
          await home.byTestId('table-failed').waitFor();
          assert.equal(await home.noMatch.count(), 0);
          broken = false;
          await home.byTestId('table-retry').click();
          await home.results.first().waitFor();
          assert.match(await home.results.first().innerText(), /Spinach/);
          assert.equal(await home.byTestId('table-failed').count(), 0);
        },
        // The service worker would fetch (and precache) the real file behind the page's back.
        { allowErrors: true, contextOptions: { serviceWorkers: 'block' } },
      ));
  }
});
