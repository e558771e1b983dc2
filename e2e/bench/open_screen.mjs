// How long a screen's first opening takes on a phone's first visit (split build: its chunks are
// fetched then): the phone profile of first_visit.mjs, a fresh context per run, `/` loaded and
// its food table in, then a tap on the nav link (or on the first result for "banana", a second after
// it showed) → the screen's heading on screen; for the planner
// also the tap on "What to eat next" → its preferences on screen. Not a test; numbers only.
//
//   node e2e/bench/open_screen.mjs [--dist DIR] [--runs 5]

import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import { CONTEXT_OPTIONS, launchBrowser } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';
import { emulatePhone, PHONE } from './first_visit.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function openOnce(browser, url, nav, heading, then) {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await emulatePhone(context, page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) requests += 1; });
    await page.goto(`${url}/`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('food-table-ready').length > 0, null, { timeout: 60_000 });
    if (nav === 'search-result') {
      await page.getByTestId('search-input').fill('banana');
      await page.getByTestId('search-result').first().waitFor({ timeout: 60_000 });
      // A person reads the results for a moment before tapping one.
      await page.waitForTimeout(1000);
    }
    const before = requests;
    const t0 = Date.now();
    if (nav === 'search-result') await page.locator('[data-testid="search-result"] a').first().click();
    else await page.getByTestId(nav).click();
    await page.locator('h1', { hasText: heading }).waitFor({ timeout: 60_000 });
    const screen = Date.now() - t0;
    let panel = null;
    if (then) {
      const t1 = Date.now();
      await page.locator(`[data-testid="${then.panel}"] > summary`).click();
      await page.getByTestId(then.shown).waitFor({ state: 'visible', timeout: 60_000 });
      panel = Date.now() - t1;
    }
    return { screen, panel, fetches: requests - before };
  } finally {
    await context.close();
  }
}

const { values: args } = parseArgs({
  options: { dist: { type: 'string', default: path.join(REPO, 'dist') }, runs: { type: 'string', default: '5' } },
});
const server = await startServer({ root: args.dist, gzip: true });
const browser = await launchBrowser();
try {
  for (const [nav, heading, then] of [
    ['search-result', 'Bananas, raw', null],
    ['nav-plan', 'Plan a day', { panel: 'next-foods', shown: 'proposal-preferences' }],
    ['nav-trends', 'Trends', null],
  ]) {
    const runs = [];
    for (let i = 0; i < Number(args.runs); i += 1) runs.push(await openOnce(browser, server.url, nav, heading, then));
    const panel = then ? `, then "What to eat next" opened ${median(runs.map((r) => r.panel))} ms` : '';
    console.log(`${heading}: ${median(runs.map((r) => r.screen))} ms after the tap (median of ${runs.length}; ${median(runs.map((r) => r.fetches))} wasm fetches after the tap, with the panel)${panel}`);
  }
} finally {
  await browser.close();
  await server.close();
}
