// index.html's static first screen (issue 11): painted with the first bytes, before the wasm has
// arrived, its search box takes typing at once; the app then replaces it, and what was typed and
// the focus go into the app's search box. On other paths it shows the header and "Loading…"; if the
// app cannot load, it says so with a Reload link instead of waiting for ever. Its links change the
// address without a second page load; the app opens that address when it runs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, eventually, holdResponses, withPage } from './support/browser.mjs';
import { HomePage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();
// Both wasms: the app's and the static screen's own search (crates/first-search).
const WASM = /_bg\.wasm$/;
const APP_WASM = /\/electrolyte-planner-[0-9a-f]+_bg\.wasm$/;

/**
 * Opens `path` with the first module's wasm held back, so the static first screen stays; returns
 * the home page object and `release()` (the wasm is then served as usual).
 */
async function openBeforeTheApp(page, path, held = WASM) {
  const release = await holdResponses(page, held);
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
        page.on('request', (r) => (wasmRequests += APP_WASM.test(r.url()) ? 1 : 0));
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

  test("a first visit: the static box answers before the app, and a result opens the food once it runs", () =>
    withPage(
      served.browser,
      'first search',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/', APP_WASM);
        const boot = page.getByTestId('boot');
        await page.getByTestId('boot-search').fill('banana');
        const rows = boot.getByTestId('search-result');
        await rows.first().waitFor();
        assert.equal(await home.input.count(), 0, 'the app is not there yet');
        const first = await rows.first().innerText();
        assert.match(first, /^Bananas, raw\n1 medium .*118 g\nK 358\s+Mg 27\s+Ca 5\s+Na 1\s+mg \/ 100 g/s);
        assert.match(await page.getByTestId('boot-count').innerText(), /^Showing the best 25 of \d+ matching foods\.$/);
        assert.equal(await page.getByTestId('boot-status').isVisible(), false, 'no "Loading the app…" under the results');
        assert.equal(await boot.getByRole('button').count(), 0, '"+ Add" comes with the app');
        assert.deepEqual(await axeViolations(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] }), []);
        // Nothing found, then found again.
        await page.getByTestId('boot-search').fill('qqqzzz');
        await eventually(async () => /^No food matches “qqqzzz”/.test(await page.getByTestId('boot-count').innerText()), {
          describe: () => 'no "No food matches"',
        });
        assert.equal(await rows.count(), 0);
        await page.getByTestId('boot-search').fill('banana');
        // A tap on a result before the app: its address, no second page load; the app opens it.
        await page.evaluate(() => (window.__samePage = true));
        await rows.first().getByRole('link').click();
        assert.equal(home.pathname(), '/food/09040');
        assert.equal(await page.getByTestId('boot-search').isVisible(), false, 'the search box hides');
        await page.getByTestId('boot-status').waitFor({ state: 'visible' });
        release();
        await home.waitForInteractive();
        await eventually(async () => (await page.getByRole('heading', { level: 1 }).innerText()) === 'Bananas, raw', {
          describe: () => 'the food page did not open',
        });
        assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was loaded again');
      },
      NO_WORKER,
    ));

  test('the app takes over the static search: the same results in the same place, then with "+ Add", never "Loading…" in between', () =>
    withPage(
      served.browser,
      'first search hand-over',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/', APP_WASM);
        await page.getByTestId('boot-search').fill('soy milk');
        const names = (scope) => scope.getByTestId('search-result').locator('.food-name').allInnerTexts();
        await page.getByTestId('boot').getByTestId('search-result').first().waitFor();
        const before = await names(page.getByTestId('boot'));
        assert.match(before[0], /^Soymilk\b/, 'soy milk is SR28\'s "soymilk"');
        // Where the box and the first result are on screen.
        const tops = () =>
          page.evaluate(() => {
            const top = (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? null;
            return {
              box: top('#boot-search') ?? top('[data-testid=search-input]'),
              result: top('[data-testid=search-result]'),
              welcome: Boolean(document.querySelector('[data-testid=first-run]')),
            };
          });
        const where = await tops();
        // Every status line the page shows from here on.
        await page.evaluate(() => {
          window.__lines = [];
          new MutationObserver(() => {
            const line = document.querySelector('[data-testid=search-count]');
            if (line) window.__lines.push(line.textContent);
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        release();
        await home.waitForInteractive();
        await home.results.first().waitFor();
        assert.equal(await page.getByTestId('boot').count(), 0, 'the static screen is gone');
        assert.deepEqual(await names(home.resultsList), before, 'the same results, in the same order');
        assert.equal(await home.resultsList.getByRole('button', { name: /Add/ }).count(), before.length, 'each with its "+ Add"');
        assert.equal(await home.input.inputValue(), 'soy milk');
        // The first-visit step comes above the search: the page scrolls by as much, and the
        // results stay under the finger.
        let now = null;
        await eventually(async () => {
          now = await tops();
          return now.welcome && Math.abs(now.box - where.box) <= 2 && Math.abs(now.result - where.result) <= 2;
        }, { describe: () => `on screen before ${JSON.stringify(where)}, after ${JSON.stringify(now)}` });
        assert.ok(await page.evaluate(() => window.scrollY) > 100, 'the page did not scroll');
        const lines = await page.evaluate(() => window.__lines);
        assert.ok(lines.length > 0 && lines.every((l) => !/Loading/.test(l)), `the status said: ${lines.join(' | ')}`);
      },
      NO_WORKER,
    ));

  test('keys typed while the app takes over are all kept: it is drawn behind the static screen, which keeps the focus until then', () =>
    withPage(
      served.browser,
      'keys during the hand-over',
      async (page) => {
        const { home, release } = await openBeforeTheApp(page, '/');
        const box = page.getByTestId('boot-search');
        await box.waitFor({ state: 'visible' });
        await box.click();
        await page.keyboard.type('coconut');
        // A phone's CPU: the app's start takes long enough for several keys to fall into it.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
        release();
        await page.keyboard.type(' water, ready-to-drink', { delay: 40 });
        await home.waitForInteractive();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        assert.equal(await page.getByTestId('boot').count(), 0, 'the static screen is gone');
        assert.equal(await home.input.inputValue(), 'coconut water, ready-to-drink');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
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
