// Tap targets on a 360 px phone, light and dark: on every screen, every visible interactive
// element offers a hit area of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8 Target Size
// (Minimum)), and no screen scrolls sideways.
//
// What counts as interactive: a, button, input (not hidden), select, textarea, summary and
// [role=button]. A checkbox or radio inside a <label> is measured with its label (tapping the
// label works the same); one outside a label is measured alone.
//
// Exceptions allowed, and only these:
//   - inline links in a sentence (WCAG's "Inline" exception): an <a> laid out inline whose
//     block holds other text than the link's (a "Sources" link ending the footer's line, "Back
//     to the day plan" after the targets page's lede). A link alone in its block (a navigation
//     or list item) is measured.
//   - an element that is off-screen until focused (the skip link) is measured while focused.
// Nothing else is exempt: no spacing exception, no "equivalent elsewhere".
//
// A screen may carry `todo: 'why'` to report its findings without failing the run (node:test
// todo), e.g. while it is being redesigned; none does now.
//
// Run after `trunk build --release`: node --test e2e/tap-targets.test.mjs
// (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { App, BackupPage, DiaryPage, FoodPage, HomePage, PlanPage, RichPage, TargetsPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

const MIN = 24;
const WIDTH = 360;
const BANANA = Object.freeze({ query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast', amount: 100, unitLabel: 'g' });

/** The screens, each opened in the state it is checked in. */
const SCREENS = [
  { name: '/', open: (page, url) => new HomePage(page, url).open() },
  { name: '/food/09040', open: (page, url) => new FoodPage(page, url).open('09040') },
  {
    name: '/rich',
    open: async (page, url) => {
      const rich = await new RichPage(page, url).open();
      await rich.settle();
    },
  },
  {
    name: '/plan with a food planned',
    open: async (page, url) => {
      const plan = await new PlanPage(page, url).open();
      await plan.addFood(BANANA);
      await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'the banana was not planned' });
    },
  },
  {
    name: '/diary with a cramp logged',
    open: async (page, url) => {
      const diary = await new DiaryPage(page, url).open();
      await diary.logCramp({ time: '06:30', side: 'left', severity: 6, minutes: 2, helped: ['stretching'] });
      await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the cramp was not logged' });
    },
  },
  { name: '/backup', open: (page, url) => new BackupPage(page, url).open() },
  { name: '/targets', open: (page, url) => new TargetsPage(page, url).open() },
  {
    name: '/about',
    open: async (page, url) => {
      await new App(page, url).goto('/about');
      await page.locator('main h1').first().waitFor({ state: 'visible' });
    },
  },
];

/**
 * Runs in the page: every visible interactive element with its hit area, those under
 * `min` px in either direction, and those exempt as inline links in a sentence.
 */
function measureTargets(min) {
  const describe = (el) => {
    const id = el.getAttribute('data-testid');
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('value') || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const type = el.getAttribute('type');
    return `${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${id ? `[data-testid=${id}]` : ''}${text ? ` "${text}"` : ''}`;
  };
  const shown = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || el.closest('[hidden]')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  /** An inline link in a line of other text: its block holds text outside the link. */
  const inSentence = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (!block) return false;
    const others = [...block.childNodes].filter((n) => n !== el && !n.contains?.(el));
    const outside = others.map((n) => n.textContent ?? '').join('').replace(/\s+/g, '');
    // The ancestors between the link and its block may hold text too.
    let between = '';
    for (let a = el.parentElement; a && a !== block; a = a.parentElement) {
      between += [...a.childNodes].filter((n) => n !== el && !n.contains?.(el)).map((n) => n.textContent ?? '').join('');
    }
    return /\p{L}/u.test(outside + between.replace(/\s+/g, ''));
  };
  const small = [];
  const inline = [];
  let measured = 0;
  const seen = new Set();
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"]')) {
    if (el.matches('input[type="hidden"]') || !shown(el)) continue;
    let target = el;
    if (el.matches('input[type="checkbox"], input[type="radio"]')) target = el.closest('label') ?? el;
    if (seen.has(target)) continue;
    seen.add(target);
    let r = target.getBoundingClientRect();
    if (r.right <= 0 || r.bottom <= 0) {
      // Off-screen until focused (the skip link): measured while focused.
      el.focus();
      r = target.getBoundingClientRect();
      el.blur();
    }
    if (inSentence(el)) {
      inline.push(describe(el));
      continue;
    }
    measured += 1;
    if (r.width < min - 0.01 || r.height < min - 0.01) {
      small.push(`${describe(el)}: ${Math.round(r.width * 10) / 10} × ${Math.round(r.height * 10) / 10} px`);
    }
  }
  return { measured, small, inline };
}

test(`tap targets ≥ ${MIN} × ${MIN} px and no sideways scroll on every screen at ${WIDTH} px, light and dark`, { timeout: 240_000 }, async (t) => {
  for (const theme of ['light', 'dark']) {
    await withPage(
      served.browser,
      `tap targets ${theme}`,
      async (page) => {
        await page.addInitScript((th) => localStorage.setItem('ep.theme', th), theme);
        for (const screen of SCREENS) {
          await t.test(`${screen.name}, ${theme}`, { todo: screen.todo }, async () => {
            await screen.open(page, served.server.url);
            // Let late renders (lists, effects) land before measuring.
            await page.waitForTimeout(150);
            assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
            const { measured, small, inline } = await page.evaluate(measureTargets, MIN);
            t.diagnostic(`${screen.name}, ${theme}: ${measured} targets measured; inline links exempt: ${inline.join(', ') || 'none'}`);
            const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
            assert.ok(measured > 0, `${screen.name}: nothing measured`);
            assert.deepEqual(small, [], `${screen.name} (${theme}): targets under ${MIN} × ${MIN} px`);
            assert.ok(overflow <= 0, `${screen.name} (${theme}) scrolls sideways by ${overflow} px`);
          });
        }
      },
      { contextOptions: { viewport: { width: WIDTH, height: 800 }, hasTouch: true, isMobile: true } },
    );
  }
});
