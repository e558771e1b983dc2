// index.html's static first screen (issue 11): painted with the first bytes, before the wasm has
// arrived, its search box takes typing at once; the app then replaces it, and what was typed and
// the focus go into the app's search box. On other paths it shows the header and "Loading…"; if the
// app cannot load, it says so with a Reload link instead of waiting for ever. Its links change the
// address without a second page load; the app opens that address when it runs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, holdResponses, withPage } from './support/browser.mjs';
import { HomePage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();
const WASM = /_bg\.wasm$/;

/**
 * Opens `path` with the first module's wasm held back, so the static first screen stays; returns
 * the home page object and `release()` (the wasm is then served as usual).
 */
async function openBeforeTheApp(page, path) {
  const release = await holdResponses(page, WASM);
  const home = new HomePage(page, served.server.url);
  await page.goto(home.url(path), { waitUntil: 'commit' });
  return { home, release };
}

const NO_WORKER = { contextOptions: { serviceWorkers: 'block' } };

describe('the static first screen', () => {
  test('typing before the app has arrived: kept, focused, and searched once it runs', () =>
    withPage(
      served.browser,
      'boot typing',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/');
        const box = page.getByTestId('boot-search');
        await box.waitFor({ state: 'visible' });
        assert.equal(await page.getByLabel('Search foods').count(), 1, 'the box has its label');
        // Once the document is parsed (shell.js then shows the status and marks the current link).
        await page.getByTestId('boot-status').waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('boot-status').innerText(), 'Loading the app…');
        const current = page.getByTestId('boot').locator('a[aria-current="page"]');
        assert.deepEqual(await current.evaluateAll((links) => links.map((a) => a.textContent.trim())), ['K·Mg·Ca Electrolyte Planner', 'Search']);
        assert.equal(await home.input.count(), 0, 'the app is not there yet');
        assert.deepEqual(await axeViolations(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] }), []);
        await box.click();
        await page.keyboard.type('banan');
        release();
        await home.waitForInteractive();
        assert.equal(await page.getByTestId('boot').count(), 0, 'the static screen is gone');
        assert.equal(await page.locator('main').count(), 1, 'one main');
        assert.equal(await page.locator('h1').count(), 1, 'one h1');
        assert.equal(await home.input.inputValue(), 'banan');
        const focus = await page.evaluate(() => ({
          testid: document.activeElement?.dataset.testid,
          caret: document.activeElement?.selectionStart,
        }));
        assert.deepEqual(focus, { testid: 'search-input', caret: 5 }, 'the focus and caret moved over');
        // Typing goes on in the app's box, and the search finds what was meant.
        await page.keyboard.type('a raw');
        await home.results.first().waitFor();
        assert.match(await home.results.first().innerText(), /Bananas, raw/);
      },
      NO_WORKER,
    ));

  test('nothing typed: the app starts as usual, the focus where the person left it', () =>
    withPage(
      served.browser,
      'boot untouched',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/');
        await page.getByTestId('boot-search').waitFor({ state: 'visible' });
        release();
        await home.waitForInteractive();
        assert.equal(await home.input.inputValue(), '');
        assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
      },
      NO_WORKER,
    ));

  test('a deep link shows the header and "Loading the app…", not the search, then its page', () =>
    withPage(
      served.browser,
      'boot deep link',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/plan');
        await page.getByTestId('boot-status').waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('boot-search').isVisible(), false);
        assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count(), 9);
        const current = page.getByTestId('boot').locator('a[aria-current="page"]');
        assert.deepEqual(await current.evaluateAll((links) => links.map((a) => a.textContent.trim())), ['Plan']);
        release();
        await home.waitForInteractive();
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /plan/i);
        assert.equal(await page.getByTestId('boot').count(), 0);
      },
      NO_WORKER,
    ));

  test('a tap on a link before the app has arrived: no second page load, the app opens that screen', () =>
    withPage(
      served.browser,
      'boot link',
      async (page) => {
        let wasmRequests = 0;
        page.on('request', (r) => (wasmRequests += WASM.test(r.url()) ? 1 : 0));
        const { home, release } = await openBeforeTheApp(page, '/');
        await page.getByTestId('boot-search').waitFor({ state: 'visible' });
        await page.evaluate(() => (window.__samePage = true));
        await page.getByTestId('boot').getByRole('link', { name: 'Plan', exact: true }).click();
        assert.equal(home.pathname(), '/plan');
        assert.equal(await page.getByTestId('boot-search').isVisible(), false, 'the search box hides');
        await page.getByTestId('boot-status').waitFor({ state: 'visible' });
        // Back before the app has arrived: the search box again.
        await page.goBack();
        assert.equal(home.pathname(), '/');
        await page.getByTestId('boot-search').waitFor({ state: 'visible' });
        await page.goForward();
        release();
        await home.waitForInteractive();
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /plan/i);
        assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was loaded again');
        assert.equal(wasmRequests, 1, 'the wasm was asked for again');
      },
      NO_WORKER,
    ));

  test('scripts turned off: the page says it needs them, and does not say "Loading…"', () =>
    withPage(
      served.browser,
      'boot without scripts',
      async (page) => {
        await page.goto(`${served.server.url}/`, { waitUntil: 'load' });
        assert.match(await page.locator('#boot main').innerText(), /needs JavaScript and WebAssembly/);
        assert.equal(await page.getByTestId('boot-status').isVisible(), false);
      },
      // Chromium refuses the glue's modulepreload without scripts (reported as "csp").
      { allowErrors: true, contextOptions: { javaScriptEnabled: false } },
    ));

  test('the app cannot be loaded: a clear message and a Reload that works, not "Loading…" for ever', () =>
    withPage(
      served.browser,
      'boot failed',
      async (page) => {
        let broken = true;
        await page.route(WASM, (route) => (broken ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
        const home = new HomePage(page, served.server.url);
        await page.goto(home.url('/'), { waitUntil: 'commit' });
        const failed = page.getByTestId('boot-failed');
        await failed.waitFor({ state: 'visible' });
        assert.match(await failed.innerText(), /could not be loaded \(are you offline\?\)/);
        assert.equal(await page.getByTestId('boot-status').isVisible(), false);
        broken = false;
        await failed.getByRole('link', { name: 'Reload' }).click();
        await home.waitForInteractive();
        assert.equal(await page.getByTestId('boot').count(), 0);
      },
      { ...NO_WORKER, allowErrors: true },
    ));
});
