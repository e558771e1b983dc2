// The targets page (/targets) on a 360 px phone: every target can be overridden and reset
// there (the "Your own amount" controls are shown, inside the screen, usable by touch), and the
// page does not scroll sideways.
//
// Run after `trunk build --release`: node --test e2e/targets.test.mjs
// (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { TargetsPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

const TARGETS = ['potassium', 'magnesium', 'calcium', 'sodium', 'water'];

/** The box of the element with `testId`, and whether it lies inside the viewport's width. */
async function box(page, testId) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      left: r.left,
      right: r.right,
      width: r.width,
      height: r.height,
      shown: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none',
      inside: r.left >= 0 && r.right <= document.documentElement.clientWidth,
    };
  });
}

describe('targets at 360 px', () => {
  for (const theme of ['light', 'dark']) {
    test(`every target can be set and reset on a phone (${theme})`, { timeout: 90_000 }, () =>
      withPage(
        served.browser,
        `targets 360 ${theme}`,
        async (page) => {
          await page.addInitScript((t) => localStorage.setItem('ep.theme', t), theme);
          const targets = await new TargetsPage(page, served.server.url).open();
          for (const n of TARGETS) {
            for (const id of [`target-input-${n}`, `target-set-${n}`]) {
              const b = await box(page, id);
              assert.ok(b.shown, `${id} is not shown at 360 px: ${JSON.stringify(b)}`);
              assert.ok(b.inside, `${id} lies outside the 360 px screen: ${JSON.stringify(b)}`);
              assert.ok(b.width >= 24 && b.height >= 24, `${id} is ${b.width} × ${b.height} px`);
            }
          }
          const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 0, `/targets scrolls sideways by ${overflow} px`);

          // Override potassium by touch, then reset it.
          const before = await targets.targetText('potassium');
          await page.getByTestId('target-input-potassium').tap();
          await page.getByTestId('target-input-potassium').fill('3000');
          await page.getByTestId('target-set-potassium').tap();
          await eventually(async () => (await targets.targetText('potassium')) === '3,000 mg', {
            describe: () => 'the potassium override did not apply',
          });
          assert.match(await targets.sourceText('potassium'), /your own/i);
          const reset = await box(page, 'target-reset-potassium');
          assert.ok(reset.shown && reset.inside, `Reset is not usable at 360 px: ${JSON.stringify(reset)}`);
          assert.ok(reset.width >= 24 && reset.height >= 24, `Reset is ${reset.width} × ${reset.height} px`);
          const overflowAfter = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
          assert.ok(overflowAfter <= 0, `/targets with Reset shown scrolls sideways by ${overflowAfter} px`);
          await page.getByTestId('target-reset-potassium').tap();
          await eventually(async () => (await targets.targetText('potassium')) === before, {
            describe: () => 'Reset did not bring the potassium target back',
          });
        },
        { contextOptions: { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true } },
      ),
    );
  }
});
