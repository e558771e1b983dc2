// Issue 14, finding 2: two tabs writing at the same instant lose no write. Two pages of one
// browser profile each add a drink (a new item each time) at the same moment, 30 rounds: all
// 60 items are stored.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/two-tabs.test.mjs

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, openPage, withPage } from './support/browser.mjs';
import { PlanPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();
const ROUNDS = 30;

/** Clicks "Add" (the drink) in `page` at the time `at` (ms since the epoch). */
function clickAt(page, at) {
  return page.evaluate(
    (at) =>
      new Promise((resolve) => {
        setTimeout(() => {
          document.querySelector('[data-testid="plan-add-other"]').click();
          resolve();
        }, Math.max(0, at - Date.now()));
      }),
    at,
  );
}

const items = async (plan) => (await plan.readItems()).length;

/** The drink form: 1 glass of a plain drink. */
async function readyDrink(plan) {
  await plan.byTestId('plan-more-other').locator('summary').click();
  await plan.byTestId('plan-other-kind').selectOption('drink');
  await plan.byTestId('plan-other-amount').fill('1');
}

describe('two tabs', () => {
  test(`adding in two tabs at the same instant, ${ROUNDS} rounds: ${2 * ROUNDS} items stored`, { timeout: 120_000 }, () =>
    withPage(served.browser, 'two tabs at once', async (pageA, context) => {
      const a = await new PlanPage(pageA, served.server.url).open();
      const pageB = await openPage(context);
      const b = await new PlanPage(pageB, served.server.url).open();
      await readyDrink(a);
      await readyDrink(b);
      for (let round = 0; round < ROUNDS; round += 1) {
        const at = Date.now() + 60;
        await Promise.all([clickAt(pageA, at), clickAt(pageB, at)]);
        await new Promise((r) => setTimeout(r, 40));
      }
      // A third page reads what is stored.
      const pageC = await openPage(context);
      const c = await new PlanPage(pageC, served.server.url).open();
      let n;
      await eventually(async () => (n = await items(c)) === 2 * ROUNDS, { describe: () => `${n} of ${2 * ROUNDS} items stored` });
      await eventually(async () => (await items(a)) === 2 * ROUNDS && (await items(b)) === 2 * ROUNDS, {
        describe: () => 'the two tabs do not agree with what is stored',
      });
    }),
  );
});
